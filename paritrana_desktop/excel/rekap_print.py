"""How the merged workbook's sheets meant for paper fit the page, whatever font prints them.

Excel counts a column's width in digits of the workbook's default font (Calibri 11: 7 pixels at
96 dpi, plus 5 pixels of padding), so a column's printed width depends on the font that prints
it. Excel on Windows has Calibri; LibreOffice uses Carlito, which has Calibri's metrics, so both
break the pages alike. A sheet whose leading columns must fill the page width (Peringkat, Berkas
sumber) is therefore printed at a fixed scale computed for Calibri, less ``FONT_MARGIN`` for the
rounding of widths and hinting, and the page count it promises holds under both.

Without a Calibri-compatible font LibreOffice substitutes another (DejaVu Sans, whose digits are
9 pixels, so a column prints about 1.25 times as wide). Shrinking every print by a quarter for
that case would make the secretariat's pages hard to read in Excel, so it is not done: such a
machine prints at most ``SUBSTITUTE_PAGES_BOUND`` times the promised pages of these sheets (a
part of the page width moves to a page of its own), and the sheets fitted to the page width
(``fitToWidth``) keep their width under any font. ``tests/unit/test_rekap_pages.py`` checks both.
"""

from __future__ import annotations

from collections.abc import Sequence

MARGIN_SIDE = 0.4  # inches, left and right
# The printable width of landscape A4 in points.
PRINT_WIDTH_PT = (297 / 25.4 - 2 * MARGIN_SIDE) * 72
FONT_MARGIN = 0.96  # room left on the page width for rounding and hinting
SUBSTITUTE_PAGES_BOUND = 2
PAGES_ACROSS = 2  # a sheet with a column break: its leading columns, then the further checks
# Peringkat: the official and rounded score with the designation, then the figures (median,
# spread, z), then the counts of final, draft and conflict cards; each page repeats the names.
RANKING_PAGES_ACROSS = 3


def column_points(width: float) -> float:
    """A column's printed width at 100 % in points, in Calibri 11's digits (7 px + 5 px)."""
    return round(width * 7 + 5) * 0.75


def print_scale(widths: Sequence[float]) -> int:
    """The print scale (percent, at most 100) at which columns ``widths`` fill the page width,
    with ``FONT_MARGIN`` to spare."""
    points = sum(column_points(w) for w in widths)
    return max(10, min(100, int(PRINT_WIDTH_PT * FONT_MARGIN * 100 / points)))
