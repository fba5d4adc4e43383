"""The font the papers print with: DejaVu Sans, shipped in resources/fonts, so a PDF looks the
same on every computer and prints the Latin, Greek and Cyrillic text judges type."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from paritrana_desktop.resources import document_resource

REGULAR = "ParitranaSans"
BOLD = "ParitranaSans-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """Register the shipped fonts with reportlab once; the names of the regular and bold faces."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(document_resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(document_resource("fonts", "DejaVuSans-Bold.ttf"))))
    for italic in (0, 1):
        addMapping(REGULAR, 0, italic, REGULAR)
        addMapping(REGULAR, 1, italic, BOLD)
    return REGULAR, BOLD
