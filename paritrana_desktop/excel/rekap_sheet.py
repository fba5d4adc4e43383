"""One sheet of the merged workbook, written in openpyxl's write-only (streaming) mode.

A sheet is declared by its columns (header, width, number format, wrapping); the writer then
sets what write-only mode needs before the first row (column widths, frozen header, landscape
print fitted to the page width, header row repeated on every printed page) and streams the
rows, making every string safe on the way (``safe_text``). Filters go on the header row, or
the sheet becomes an Excel table.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from .safe_text import clean, cut, needs_guard

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
HEADER_BORDER = Border(bottom=Side(style="thin", color="7F8FA6"))
BLOCK_BORDER = Border(top=Side(style="medium", color="44546A"))
CUT_MARK = " [… terpotong; teks lengkap di lembar Catatan]"
MIN_WIDTH = 6.0
FILTER_BUTTON = 2.5  # room for the filter arrow beside a header


@dataclass(frozen=True)
class Col:
    """One column: its header, width (None: fit the content), number format and wrapping."""

    header: str
    width: float | None = None
    number_format: str | None = None
    wrap: bool = False
    max_width: float = 45.0
    bold: bool = False


@dataclass
class Mark:
    """A value with a look of its own (italic for a counted draft, bold for a rank)."""

    value: object
    italic: bool = False
    bold: bool = False


def fit_widths(cols: Sequence[Col], rows: Iterable[Sequence[object]]) -> list[float]:
    """Column widths that fit the header and the longest value, within each column's cap."""
    widths = [
        col.width
        if col.width is not None
        else max(MIN_WIDTH, min(col.max_width, _header_width(col.header) + FILTER_BUTTON))
        for col in cols
    ]
    for row in rows:
        for index, value in enumerate(row):
            col = cols[index]
            if col.width is not None or value is None:
                continue
            widths[index] = min(col.max_width, max(widths[index], _value_width(value, col) + 1.5))
    return widths


def _header_width(header: str) -> float:
    # Headers wrap on spaces: the longest word, or half the text, whichever is wider.
    longest = max((len(word) for word in header.split()), default=0)
    return float(max(longest, (len(header) + 1) // 2)) + 1


def _value_width(value: object, col: Col) -> float:
    if isinstance(value, Mark):
        value = value.value
    if isinstance(value, float):
        decimals = col.number_format.count("0") - 1 if col.number_format else 3
        return float(len(f"{value:.{max(decimals, 0)}f}")) + 1
    if isinstance(value, dt.datetime):
        return 17.0
    text = str(value)
    longest_line = max((len(line) for line in text.splitlines()), default=0)
    return float(longest_line)


class SheetWriter:
    """Streams rows into one write-only sheet with the look every sheet shares."""

    def __init__(
        self,
        wb: Workbook,
        title: str,
        cols: Sequence[Col],
        widths: Sequence[float],
        *,
        freeze: str = "A2",
        page_header: str = "",
        table_name: str | None = None,
    ) -> None:
        # openpyxl's type stubs leave out most of the write-only sheet's attributes.
        ws: Any = wb.create_sheet(title)
        self.ws = ws
        self.cols = list(cols)
        self.table_name = table_name
        self.rows_written = 0
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = round(width, 1)
        ws.freeze_panes = freeze
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_options.gridLines = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.3
        ws.print_title_rows = "1:1"
        if page_header:
            ws.oddHeader.left.text = _header_footer_text(page_header)
            ws.oddHeader.left.size = 9
        ws.oddHeader.right.text = "&A"
        ws.oddHeader.right.size = 9
        ws.oddFooter.center.text = "Halaman &P dari &N"
        ws.oddFooter.center.size = 9
        # One reusable cell per column and look: append() writes a row at once, so a cell can
        # be filled again for the next row (creating a styled cell per value is slow).
        self._plain: list[Cell | None] = [self._make_cell(c) for c in self.cols]
        self._guard = [self._make_cell(c, guard=True) for c in self.cols]
        self._header()

    def _make_cell(
        self,
        col: Col,
        *,
        guard: bool = False,
        italic: bool = False,
        bold: bool = False,
        block: bool = False,
    ) -> Cell | None:
        if not (guard or italic or bold or block or col.number_format or col.wrap or col.bold):
            return None
        cell = WriteOnlyCell(self.ws)
        if col.number_format:
            cell.number_format = col.number_format
        if col.wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if italic or bold or col.bold:
            cell.font = Font(italic=italic, bold=bold or col.bold)
        if guard:
            cell.quotePrefix = True
        if block:
            cell.border = BLOCK_BORDER
        return cell

    def _header(self) -> None:
        cells = []
        for col in self.cols:
            cell = WriteOnlyCell(self.ws, value=clean(col.header))
            cell.data_type = "s"
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.border = HEADER_BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cells.append(cell)
        self.ws.append(cells)

    def append(self, values: Sequence[object], *, block_start: bool = False) -> None:
        """Write one row; ``block_start`` draws a rule above it (a new category)."""
        row: list[object] = []
        for index, value in enumerate(values):
            col = self.cols[index]
            if isinstance(value, Mark) or block_start:
                mark = value if isinstance(value, Mark) else Mark(value)
                cell = self._make_cell(
                    col,
                    italic=mark.italic,
                    bold=mark.bold,
                    block=block_start,
                    guard=isinstance(mark.value, str) and needs_guard(mark.value),
                )
                assert cell is not None
                row.append(self._fill(cell, col, mark.value))
                continue
            if value is None:
                row.append(None)
                continue
            if isinstance(value, str):
                text = clean(value)
                text, _ = cut(text, CUT_MARK)
                if needs_guard(text):
                    guard = self._guard[index]
                    assert guard is not None
                    guard.value = text
                    guard.data_type = "s"
                    row.append(guard)
                    continue
                value = text
            plain = self._plain[index]
            if plain is None:
                row.append(value)
            else:
                row.append(self._fill(plain, col, value))
        self.ws.append(row)
        self.rows_written += 1

    @staticmethod
    def _fill(cell: Cell, col: Col, value: object) -> Cell:
        if isinstance(value, str):
            value, _ = cut(clean(value), CUT_MARK)
        cell.value = value  # type: ignore[assignment]
        if isinstance(value, str):
            cell.data_type = "s"
        return cell

    def page_break_before(self) -> None:
        """Start a new printed page at the next row."""
        row = self.rows_written + 1  # the last row written, counting the header
        if row > 1:
            self.ws.row_breaks.append(Break(id=row))

    def finish(self) -> None:
        """Filters on the header row, or the Excel table over the whole range."""
        last_col = get_column_letter(len(self.cols))
        last_row = max(self.rows_written + 1, 2)
        ref = f"A1:{last_col}{last_row}"
        if self.table_name:
            if self.rows_written == 0:
                self.ws.append([None])  # a table needs one row under its header
            table = Table(displayName=self.table_name, ref=ref)
            table.tableStyleInfo = TableStyleInfo(
                name="TableStyleLight9", showRowStripes=True, showColumnStripes=False
            )
            table.tableColumns = [
                TableColumn(id=i, name=clean(col.header)) for i, col in enumerate(self.cols, 1)
            ]
            table.autoFilter = AutoFilter(ref=ref)
            with warnings.catch_warnings():
                # openpyxl always warns in write-only mode; the columns are added above.
                warnings.filterwarnings("ignore", "In write-only mode", UserWarning)
                self.ws.add_table(table)
        else:
            self.ws.auto_filter.ref = ref


def _header_footer_text(text: str) -> str:
    # '&' starts a code in headers and footers; a literal one is written '&&'.
    return clean(text).replace("&", "&&")[:200]


def write_rows(
    writer: SheetWriter,
    rows: Iterable[Sequence[object]],
    *,
    tick: Callable[[], None] | None = None,
    every: int = 500,
) -> None:
    for count, row in enumerate(rows, start=1):
        writer.append(row)
        if tick is not None and count % every == 0:
            tick()
