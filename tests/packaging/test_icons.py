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


def test_the_check_tolerates_rounding_but_not_a_changed_icon(qapp: object) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import make_icons
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    committed = ICONS / "paritrana-48.png"
    fresh = QImage(str(committed)).convertToFormat(QImage.Format.Format_ARGB32)
    # one edge pixel a level off, as another processor's rasteriser may round it
    color = QColor(fresh.pixel(10, 24))
    color.setRed(min(255, color.red() + 1))
    fresh.setPixelColor(10, 24, color)
    assert make_icons.same_pixels(committed, make_icons.png_bytes(fresh))
    # a changed drawing: a block of the shield painted white
    for x in range(20, 28):
        for y in range(20, 28):
            fresh.setPixelColor(x, y, QColor("white"))
    assert not make_icons.same_pixels(committed, make_icons.png_bytes(fresh))
    # the .ico: its own images read back, and one of them changed
    ico = ICONS / "paritrana.ico"
    images = make_icons.ico_images(ico.read_bytes())
    assert [i.width() for i in images] == list(ICO_SIZES)
    assert make_icons.same_pixels(ico, make_icons.ico_bytes(images))
    images[3] = fresh
    assert not make_icons.same_pixels(ico, make_icons.ico_bytes(images))
