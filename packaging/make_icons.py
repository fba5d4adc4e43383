"""Render the program's icon from its SVG sources into PNG files and a Windows .ico.

    python packaging/make_icons.py          write resources/icons/paritrana-<N>.png and .ico
    python packaging/make_icons.py --check  exit 1 if a committed file differs from a fresh render

The sources are ``resources/icons/paritrana.svg`` (32 px and up) and
``resources/icons/paritrana-small.svg`` (16 and 24 px: no badge, a heavier letter).
Rendering uses Qt (QtSvg, QImage, QPainter) from PySide6, so no other tool is needed.
The .ico holds 16 to 256 px: the small sizes as 32-bit bitmaps (what every Windows version
and resource compiler reads), 256 px as PNG (as Windows itself stores large icons).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_UP_TO = 24
NAME = "paritrana"


def source_for(size: int) -> Path:
    small = ICONS / f"{NAME}-small.svg"
    return small if size <= SMALL_UP_TO else ICONS / f"{NAME}.svg"


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise SystemExit(f"make_icons: Qt could not encode a PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def _bgra_rows(image: QImage) -> list[bytes]:
    """Rows of non-premultiplied B, G, R, A bytes, top row first."""
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    width = argb.width()
    rows: list[bytes] = []
    for y in range(argb.height()):
        row = bytearray()
        for x in range(width):
            pixel = argb.pixel(x, y)  # 0xAARRGGBB
            row += struct.pack("<I", pixel)  # little-endian: B, G, R, A
        rows.append(bytes(row))
    return rows


def bmp_icon_bytes(image: QImage) -> bytes:
    """One icon image in the classic form: BITMAPINFOHEADER, XOR pixels, AND mask."""
    width, height = image.width(), image.height()
    rows = _bgra_rows(image)
    mask_stride = ((width + 31) // 32) * 4
    mask_rows: list[bytes] = []
    for row in rows:
        bits = bytearray(mask_stride)
        for x in range(width):
            if row[x * 4 + 3] == 0:  # fully transparent: masked out
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    pixels = b"".join(reversed(rows))  # bitmaps are stored bottom-up
    mask = b"".join(reversed(mask_rows))
    header = struct.pack(
        "<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0
    )
    return header + pixels + mask


def ico_bytes(images: list[QImage]) -> bytes:
    """A multi-size .ico: ICONDIR, one ICONDIRENTRY per image, then the images."""
    payloads = [png_bytes(im) if im.width() >= 256 else bmp_icon_bytes(im) for im in images]
    offset = 6 + 16 * len(images)
    out = bytearray(struct.pack("<HHH", 0, 1, len(images)))
    for image, payload in zip(images, payloads, strict=True):
        side = image.width() if image.width() < 256 else 0  # 0 means 256
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    for payload in payloads:
        out += payload
    return bytes(out)


def outputs() -> dict[Path, bytes]:
    """Every file this script writes, with its content."""
    images = {size: render(source_for(size), size) for size in PNG_SIZES}
    files = {ICONS / f"{NAME}-{size}.png": png_bytes(images[size]) for size in PNG_SIZES}
    files[ICONS / f"{NAME}.ico"] = ico_bytes([images[size] for size in ICO_SIZES])
    return files


# Qt's rasteriser rounds antialiased edges a little differently on different processors (its
# SIMD paths): a fresh render may differ by one or two levels in a few edge pixels. A stale icon
# (the SVG changed) differs by far more than this.
TOLERANCE = 3


def _close(old: QImage, new: QImage) -> bool:
    fmt = QImage.Format.Format_ARGB32
    old, new = old.convertToFormat(fmt), new.convertToFormat(fmt)
    if old.isNull() or old.size() != new.size():
        return False
    if old == new:
        return True
    for y in range(old.height()):
        for x in range(old.width()):
            a, b = old.pixel(x, y), new.pixel(x, y)
            if a != b and any(
                abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > TOLERANCE
                for shift in (0, 8, 16, 24)
            ):
                return False
    return True


def ico_images(data: bytes) -> list[QImage]:
    """The images of an .ico as written by ico_bytes (PNG or 32-bit BMP entries)."""
    _, kind, count = struct.unpack_from("<HHH", data, 0)
    if kind != 1:
        return []
    images: list[QImage] = []
    for n in range(count):
        _, _, _, _, _, _, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * n)
        payload = data[offset : offset + size]
        if payload.startswith(b"\x89PNG"):
            images.append(QImage.fromData(payload))
            continue
        width, height2 = struct.unpack_from("<ii", payload, 4)
        height = height2 // 2
        stride = width * 4
        rows = [payload[40 + y * stride : 40 + (y + 1) * stride] for y in range(height)]
        pixels = b"".join(reversed(rows))  # stored bottom-up
        image = QImage(pixels, width, height, stride, QImage.Format.Format_ARGB32)
        images.append(image.copy())
    return images


def same_pixels(committed: Path, fresh: bytes) -> bool:
    """Compared by pixels, within TOLERANCE, so neither zlib nor the processor fails the check."""
    if committed.suffix == ".ico":
        old_images, new_images = ico_images(committed.read_bytes()), ico_images(fresh)
        return len(old_images) == len(new_images) and all(
            _close(a, b) for a, b in zip(old_images, new_images, strict=True)
        )
    return _close(QImage(str(committed)), QImage.fromData(fresh))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
    assert app is not None
    stale: list[str] = []
    for path, content in outputs().items():
        if args.check:
            if not path.is_file() or not same_pixels(path, content):
                stale.append(path.name)
        else:
            path.write_bytes(content)
            print(path.relative_to(ROOT))
    if stale:
        print(
            "make_icons: out of date (run python packaging/make_icons.py): " + ", ".join(stale),
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
