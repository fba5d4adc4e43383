"""The frame of every page of the lembar penilaian: styles, the footer with the verification
code and its QR code, "Halaman 3 dari 17", and the mark across a draft or a conflict page."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from .fonts import register_fonts

MARGIN = 2 * cm
FOOTER = 2.6 * cm  # the band at the foot of the page kept for the code, the QR code and the page


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    bold: ParagraphStyle
    small: ParagraphStyle
    small_bold: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    banner: ParagraphStyle


def make_styles() -> Styles:
    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13, splitLongWords=1)
    return Styles(
        body=body,
        bold=ParagraphStyle("bold", parent=body, fontName=bold),
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        small_bold=ParagraphStyle("small_bold", parent=body, fontName=bold, fontSize=8, leading=10),
        heading=ParagraphStyle(
            "heading", parent=body, fontName=bold, fontSize=11, leading=14, alignment=TA_CENTER
        ),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=bold,
            fontSize=13,
            leading=17,
            alignment=TA_CENTER,
            spaceBefore=6,
            spaceAfter=2,
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5),
        cell_bold=ParagraphStyle("cell_bold", parent=body, fontName=bold, fontSize=9, leading=11.5),
        banner=ParagraphStyle(
            "banner",
            parent=body,
            fontName=bold,
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#a01010"),
            spaceBefore=8,
            spaceAfter=8,
        ),
    )


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """``text`` as typed: markup characters escaped, line breaks kept, nothing interpreted
    (control characters, which print as nothing anyway, are dropped)."""
    text = _CONTROL.sub("", text.replace("\t", "    "))
    lines = escape(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Paragraph("<br/>".join(lines), style)


class PageMark:
    """What the page being laid out belongs to: set by :class:`MarkFlowable`, read at page end."""

    def __init__(self) -> None:
        self.watermark = ""
        self.label = ""  # what a continuation page names at its top
        self.fresh = False  # a card began on the page being laid out


class MarkFlowable(Flowable):  # type: ignore[misc]  # reportlab has no types
    """An invisible flowable at the start of a card: from here on, pages carry ``watermark``."""

    def __init__(self, mark: PageMark, watermark: str, label: str) -> None:
        super().__init__()
        self.mark = mark
        self.watermark = watermark
        self.label = label

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.mark.watermark = self.watermark
        self.mark.label = self.label
        self.mark.fresh = True


def finish_page(canvas: Canvas, mark: PageMark) -> None:
    """At the end of a page: the continuation line at its top, if it continues a card, and the
    mark across it."""
    if not mark.fresh and mark.label:
        regular, _ = register_fonts()
        height = canvas._pagesize[1]
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawString(MARGIN, height - MARGIN + 0.5 * cm, f"(lanjutan) {mark.label}")
        canvas.restoreState()
    mark.fresh = False
    draw_watermark(canvas, mark.watermark)


def draw_watermark(canvas: Canvas, text: str) -> None:
    """``text`` large and faint across the page, over what is printed (so it cannot be cut off)."""
    if not text:
        return
    width, height = canvas._pagesize
    _, bold = register_fonts()
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.22))
    canvas.translate(width / 2, height / 2)
    canvas.rotate(55)
    size = 40.0
    while size > 12 and canvas.stringWidth(text, bold, size) > height * 0.85:
        size -= 2
    canvas.setFont(bold, size)
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()


_QR_FORM = "verification-code-qr"


def _draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(value)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(
        size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    )
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def footer_drawer(
    code: str, who: str, key: str | None = None
) -> Callable[[Canvas, int, int], None]:
    """What every page carries at its foot: the code (text and QR), the fingerprint of the
    signing ``key`` beside it, who signs, the page."""
    regular, bold = register_fonts()

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        width, _ = canvas._pagesize
        qr = 1.9 * cm
        canvas.saveState()
        canvas.setStrokeColor(colors.grey)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, FOOTER - 0.25 * cm, width - MARGIN, FOOTER - 0.25 * cm)
        if not canvas.hasForm(_QR_FORM):  # the QR code is made once, then placed on each page
            canvas.beginForm(_QR_FORM, 0, 0, qr, qr)
            _draw_qr(canvas, code, 0, 0, qr)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(width - MARGIN - qr, 0.45 * cm)
        canvas.doForm(_QR_FORM)
        canvas.restoreState()
        canvas.setFont(bold, 9)
        key_text = f"   Sidik jari kunci: {key}" if key else ""
        canvas.drawString(MARGIN, 1.75 * cm, f"Kode verifikasi: {code}{key_text}")
        canvas.setFont(regular, 7.5)
        canvas.drawString(MARGIN, 1.35 * cm, who)
        canvas.drawString(
            MARGIN, 1.0 * cm, "Periksa berkas panel dengan: paritrana verify BERKAS --code KODE"
        )
        canvas.setFont(regular, 9)
        canvas.drawCentredString(width / 2, 0.6 * cm, f"Halaman {page} dari {pages}")
        canvas.restoreState()

    return draw


def numbered_canvas(footer: Callable[[Canvas, int, int], None]) -> Callable[..., Canvas]:
    """A canvas class that holds its pages back until the end, so each can say "dari N"."""

    class _Numbered(Canvas):  # type: ignore[misc]  # reportlab has no types
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                footer(self, number, pages)
                Canvas.showPage(self)
            Canvas.save(self)

    return _Numbered
