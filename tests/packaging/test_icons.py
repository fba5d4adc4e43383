"""The program's icon: every size desktops ask for, a Windows .ico that holds them, all current."""

from __future__ import annotations

import struct
import subprocess
import sys

import pytest
from PySide6.QtGui import QColor, QImage, QImageReader

from tests.packaging.sandbox import ROOT

ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_png_has_its_size_and_is_drawn(size: int) -> None:
    image = QImage(str(ICONS / f"paritrana-{size}.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    # transparent corners around the shield, and the shield's green in the middle-left
    assert image.pixelColor(0, 0).alpha() == 0
    middle = image.pixelColor(size // 5, size // 2)
    assert middle.alpha() == 255 and middle.green() > middle.red() and middle.green() > 100


def test_the_ico_directory_lists_every_size_as_32_bit() -> None:
    data = (ICONS / "paritrana.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind, count) == (0, 1, len(ICO_SIZES))
    sizes = []
    for index in range(count):
        width, height, _colours, _r, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert (planes, bits) == (1, 32)
        assert offset + length <= len(data)
        sizes.append(width or 256)
        assert (width or 256) == (height or 256)
        payload = data[offset : offset + length]
        if width == 0:
            assert payload.startswith(b"\x89PNG\r\n\x1a\n")
        else:  # BITMAPINFOHEADER with the height doubled for the AND mask
            size, bmp_width, bmp_height = struct.unpack_from("<Iii", payload, 0)
            assert (size, bmp_width, bmp_height) == (40, width, 2 * width)
    assert tuple(sizes) == ICO_SIZES


def test_qt_reads_every_image_of_the_ico_like_its_png() -> None:
    reader = QImageReader(str(ICONS / "paritrana.ico"))
    assert reader.imageCount() == len(ICO_SIZES)
    for size in ICO_SIZES:
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.width() == size
        png = QImage(str(ICONS / f"paritrana-{size}.png"))
        for x, y in ((size // 2, size // 2), (size // 5, size // 2), (0, 0)):
            a, b = QColor(image.pixel(x, y)), QColor(png.pixel(x, y))
            assert (a.red(), a.green(), a.blue(), a.alpha()) == (
                b.red(),
                b.green(),
                b.blue(),
                b.alpha(),
            )
        reader.jumpToNextImage()


def test_the_committed_icons_match_a_fresh_render_of_the_svg() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
