"""One sheet of the merged workbook, written in openpyxl's write-only (streaming) mode.

A sheet is declared by its columns (header, width, number format, wrapping); the writer then
sets what write-only mode needs before the first row (column widths, frozen header, landscape
print fitted to the page width, header row repeated on every printed page) and streams the
rows, making every string safe on the way (``safe_text``). Filters go on the header row, or
the sheet becomes an Excel table.

Printing: a sheet meant for paper names its leading columns (``print_cols``) that must fit the
page width at a readable size; the columns after them are either left out of the print area or,
with ``more_pages``, printed on the next page (a column break, pages in reading order), never
shrunk onto one page. A sheet meant for the screen (``fit_width=False``) prints at full size.
Numbers stand right-aligned one indent from their cell's edge (small counts centred), so a
number never touches the text in the cell beside it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from lxml.etree import fromstring  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook import Workbook
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from .rekap_print import MARGIN_SIDE, print_scale
from .safe_text import clean, cut, needs_guard

FONT_NAME = "Calibri"  # the workbook's default font; named so bold and italic keep it
FONT_SIZE = 11
HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_ROW_HEIGHT = 409.0  # the most a row can be
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
HEADER_BORDER = Border(bottom=Side(style="thin", color="7F8FA6"))
BLOCK_BORDER = Border(top=Side(style="medium", color="44546A"))
CUT_MARK = " [… terpotong; teks lengkap di lembar Catatan]"
MIN_WIDTH = 6.0
_BATCH = 256  # rows parsed at once
_CACHE_UP_TO = 80  # texts up to this length repeat (names, statuses): prepared once
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
    align: str | None = None  # "right" (numbers: the default), "center", or None (left)

    @property
    def horizontal(self) -> str | None:
        return self.align or ("right" if self.number_format else None)


@dataclass(frozen=True)
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
    fitted = [i for i, col in enumerate(cols) if col.width is None]
    seen: list[set[object]] = [set() for _ in cols]
    for row in rows:
        for index in fitted:
            if index < len(row):
                value = row[index]
                if value is not None:
                    seen[index].add(value.value if isinstance(value, Mark) else value)
    for index in fitted:
        col = cols[index]
        longest = max((_value_width(v, col) for v in seen[index]), default=0.0)
        widths[index] = min(col.max_width, max(widths[index], longest + 1.5))
    return widths


def _header_width(header: str) -> float:
    # Headers wrap on spaces: the longest word, or half the text, whichever is wider.
    longest = max((len(word) for word in header.split()), default=0)
    return float(max(longest, (len(header) + 1) // 2)) + 1


def _value_width(value: object, col: Col) -> float:
    if isinstance(value, float):
        decimals = col.number_format.count("0") - 1 if col.number_format else 3
        return float(len(f"{value:.{max(decimals, 0)}f}")) + 1
    if isinstance(value, dt.datetime):
        return 17.0
    text = str(value)
    longest_line = max((len(line) for line in text.splitlines()), default=0)
    return float(longest_line)


class SheetWriter:
    """Streams rows into one write-only sheet with the look every sheet shares.

    openpyxl (write-only mode) lays out the package: workbook, styles, column widths, frozen
    panes, print set-up, filters, tables. The rows themselves are serialised here, straight
    into the sheet's XML stream: rows are built as text (the repeated strings escaped once)
    and parsed by lxml a few hundred at a time. openpyxl's own path builds a ``Cell`` per value and
    costs several times more per cell, which a 64,000-row sheet feels. The cells are
    the ones openpyxl would write (inline strings, numbers, style ids from the workbook's own
    style table), never formulas.
    """

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
        top_align: bool = False,
        fit_width: bool = True,
        print_cols: int | None = None,
        more_pages: bool = False,
        title_cols: int = 0,
    ) -> None:
        # openpyxl's type stubs leave out most of the write-only sheet's attributes.
        ws: Any = wb.create_sheet(title)
        self.ws = ws
        self.cols = list(cols)
        self.table_name = table_name
        self.top_align = top_align
        self.print_cols = print_cols if print_cols and print_cols < len(cols) else None
        self.more_pages = more_pages
        self.rows_written = 0
        self.widths = [float(w) for w in widths]
        self._wrapped = [i for i, col in enumerate(self.cols) if col.wrap]
        self._epoch = wb.epoch
        self._letters = [get_column_letter(i) for i in range(1, len(self.cols) + 1)]
        for letter, width in zip(self._letters, widths, strict=True):
            ws.column_dimensions[letter].width = round(width, 1)
        ws.freeze_panes = freeze
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        if not fit_width:  # for the screen: printed at full size, across as many pages
            ws.page_setup.scale = 100
            ws.page_setup.pageOrder = "overThenDown"
        elif self.print_cols and more_pages:
            # The leading columns fill the page width; the rest go to the next page, same size.
            ws.page_setup.scale = print_scale(self.widths[: self.print_cols])
            ws.page_setup.pageOrder = "overThenDown"
            ws.col_breaks.append(Break(id=self.print_cols))
            if title_cols:  # the next page starts again with the row's name
                ws.print_title_cols = f"A:{get_column_letter(title_cols)}"
        else:
            ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0
        ws.print_options.gridLines = True
        ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE
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
        self._styles: dict[tuple[int, bool, bool, bool, bool], int] = {}
        self._plain = [self._style(i) for i in range(len(self.cols))]
        self._guarded = [self._style(i, guard=True) for i in range(len(self.cols))]
        self._plain_attr = [f' s="{n}"' if n else "" for n in self._plain]
        self._guarded_attr = [f' s="{n}"' if n else "" for n in self._guarded]
        self._text_cache: dict[str, tuple[str, bool]] = {}
        self._pending: list[str] = []
        self._rows = self._open_stream()
        self._header()

    # --- styles ------------------------------------------------------------------------
    def _style(
        self,
        index: int,
        *,
        guard: bool = False,
        italic: bool = False,
        bold: bool = False,
        block: bool = False,
    ) -> int:
        """The workbook's style id for column ``index`` with the given look (0: none)."""
        key = (index, guard, italic, bold, block)
        found = self._styles.get(key)
        if found is not None:
            return found
        col = self.cols[index]
        horizontal = col.horizontal
        looks = (guard, italic, bold, block, col.number_format, col.wrap, col.bold, horizontal)
        if not (any(looks) or self.top_align):
            self._styles[key] = 0
            return 0
        cell = WriteOnlyCell(self.ws)
        if col.number_format:
            cell.number_format = col.number_format
        if col.wrap or self.top_align or horizontal:
            cell.alignment = Alignment(
                horizontal=horizontal,
                indent=1 if horizontal == "right" else 0,
                wrap_text=col.wrap or None,
                vertical="top" if col.wrap or self.top_align else None,
            )
        if italic or bold or col.bold:
            cell.font = Font(name=FONT_NAME, size=FONT_SIZE, italic=italic, bold=bold or col.bold)
        if guard:
            cell.quotePrefix = True
        if block:
            cell.border = BLOCK_BORDER
        style_id = int(cell.style_id)
        self._styles[key] = style_id
        return style_id

    def _header_style(self, *, guard: bool = False) -> int:
        cell = WriteOnlyCell(self.ws)
        cell.quotePrefix = guard
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        return int(cell.style_id)

    # --- the row stream ----------------------------------------------------------------
    def _open_stream(self) -> Generator[None, Any, None]:
        """Take over the sheet's row stream (what ``WriteOnlyWorksheet.append`` feeds)."""
        ws = self.ws
        ws._get_writer()  # writes everything before <sheetData>: widths, panes, properties

        def stream() -> Generator[None, Any, None]:
            xf = ws._writer.xf.send(True)
            with xf.element("sheetData"):
                try:
                    while True:
                        xf.write(*(yield))
                except GeneratorExit:
                    pass
            ws._writer.xf.send(None)

        rows = stream()
        next(rows)
        ws._rows = rows  # closed by ws.close() when the workbook is saved
        return rows

    def _header(self) -> None:
        styles = (self._header_style(), self._header_style(guard=True))  # a judge's name: "=..."
        prepared = [self._prepare(col.header) for col in self.cols]
        cells = "".join(
            self._text_xml(f"{letter}1", content, styles[guarded])
            for letter, (content, guarded) in zip(self._letters, prepared, strict=True)
        )
        # The filter arrow sits beside the last line only (and is not printed).
        lines = max(
            line_count(col.header, width - FILTER_BUTTON / 2)
            for col, width in zip(self.cols, self.widths, strict=True)
        )
        self._send(f'<row r="1"{_height(lines)}>{cells}</row>')

    def _send(self, row_xml: str) -> None:
        self._pending.append(row_xml)
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        """Parse the pending rows in one go (far quicker than row by row) and stream them."""
        if not self._pending:
            return
        # lxml parses UTF-8 bytes about three times faster than a str.
        batch = fromstring(("<rows>" + "".join(self._pending) + "</rows>").encode("utf-8"))
        self._pending.clear()
        self._rows.send(list(batch))

    def _prepare(self, value: str) -> tuple[str, bool]:
        """(the cell's XML text content, whether the text needs the guard); cached when short."""
        found = self._text_cache.get(value)
        if found is not None:
            return found
        text, _ = cut(clean(value), CUT_MARK)
        space = ' xml:space="preserve"' if text != text.strip() else ""
        result = (f"<t{space}>{xml_text(text)}</t>", needs_guard(text))
        if len(value) <= _CACHE_UP_TO:
            self._text_cache[value] = result
        return result

    @staticmethod
    def _text_xml(ref: str, content: str, style: int) -> str:
        s = f' s="{style}"' if style else ""
        return f'<c r="{ref}" t="inlineStr"{s}><is>{content}</is></c>'

    def append(self, values: Sequence[object], *, block_start: bool = False) -> None:
        """Write one row; ``block_start`` draws a rule above it (a new category)."""
        self.rows_written += 1
        number = str(self.rows_written + 1)
        lines = 1
        for index in self._wrapped:
            if index < len(values):
                value = values[index]
                text = value.value if isinstance(value, Mark) else value
                if isinstance(text, str):
                    lines = max(lines, line_count(text, self.widths[index]))
        parts = [f'<row r="{number}"{_height(lines)}>']
        add = parts.append
        letters = self._letters
        for index, value in enumerate(values):
            if block_start:
                add(self._cell_xml(index, letters[index] + number, value, block_start))
                continue
            kind = type(value)
            if kind is str:  # the common cases first, kept short
                content, guarded = self._prepare(value)  # type: ignore[arg-type]
                s = self._guarded_attr[index] if guarded else self._plain_attr[index]
                add(f'<c r="{letters[index]}{number}" t="inlineStr"{s}><is>{content}</is></c>')
            elif (kind is float or kind is int) and math.isfinite(value):  # type: ignore[arg-type]
                s = self._plain_attr[index]
                add(f'<c r="{letters[index]}{number}"{s} t="n"><v>{value!r}</v></c>')
            elif value is not None:
                add(self._cell_xml(index, letters[index] + number, value, block_start))
        add("</row>")
        self._send("".join(parts))

    def _cell_xml(self, index: int, ref: str, value: object, block_start: bool) -> str:
        look = value if isinstance(value, Mark) else None
        if look is not None:
            value = look.value
        content, guarded = self._prepare(value) if isinstance(value, str) else ("", False)
        if look is not None or block_start:
            style = self._style(
                index,
                guard=guarded,
                italic=look.italic if look else False,
                bold=look.bold if look else False,
                block=block_start,
            )
        else:
            style = self._guarded[index] if guarded else self._plain[index]
        s = f' s="{style}"' if style else ""
        if isinstance(value, str):
            return f'<c r="{ref}" t="inlineStr"{s}><is>{content}</is></c>'
        if value is None:
            return f'<c r="{ref}"{s}/>'
        if isinstance(value, bool):
            return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int | float):
            if not math.isfinite(value):
                raise ValueError(f"not a finite number: {value!r}")
            return f'<c r="{ref}"{s} t="n"><v>{value!r}</v></c>'
        if isinstance(value, dt.datetime | dt.date):
            serial = to_excel(value, self._epoch)  # type: ignore[no-untyped-call]
            return f'<c r="{ref}"{s} t="n"><v>{serial!r}</v></c>'
        raise TypeError(f"cannot write {type(value).__name__} to a cell")

    def page_break_before(self) -> None:
        """Start a new printed page at the next row."""
        row = self.rows_written + 1  # the last row written, counting the header
        if row > 1:
            self.ws.row_breaks.append(Break(id=row))

    def finish(self) -> None:
        """Filters on the header row, or the Excel table over the whole range."""
        last_col = self._letters[-1]
        if self.table_name and self.rows_written == 0:
            self.append([None])  # a table needs one row under its header
        self._flush()
        last_row = max(self.rows_written + 1, 2)
        ref = f"A1:{last_col}{last_row}"
        if self.table_name:
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
        if self.print_cols and not self.more_pages:
            self.ws.print_area = f"A1:{self._letters[self.print_cols - 1]}{last_row}"


_EXCEL_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_ENTITIES = {"\r": "&#13;"}


def xml_text(text: str) -> str:
    """``text`` as the content of a ``<t>`` element, read back by Excel exactly as given.

    Besides XML's own escapes, a carriage return is written as a character reference (XML
    would turn it into a line feed), and a literal ``_xHHHH_`` gets its underscore escaped
    (``_x005F_``, also where one run's closer opens the next: ``_x0041_x0042_``).
    """
    return escape(_EXCEL_ESCAPE.sub("_x005F_", text), _ENTITIES)


def line_count(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell ``width`` characters wide (generous)."""
    per_line = max(1, int(width * 1.05) - 1)
    total = 0
    for paragraph in text.split("\n"):
        if len(paragraph) <= per_line:
            total += 1
            continue
        lines, used = 1, 0
        for word in paragraph.split(" "):
            size = len(word)
            if not size:
                used = min(per_line, used + 1)
                continue
            if used and used + 1 + size <= per_line:
                used += 1 + size
                continue
            if used:
                lines += 1
            lines += (size - 1) // per_line
            used = size % per_line or per_line
        total += lines
    return total


def _height(lines: int) -> str:
    """The row attributes for a row of ``lines`` lines (nothing for one line)."""
    if lines <= 1:
        return ""
    return f' ht="{min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT):g}" customHeight="1"'


def _header_footer_text(text: str) -> str:
    # '&' starts a code in headers and footers; a literal one is written '&&'.
    return clean(text).replace("&", "&&")[:200]


def abandon(wb: Workbook) -> None:
    """Close the streams of a workbook that will not be saved and remove its temporary files.

    Called when a merge is cancelled or fails halfway: without it the half-written sheets
    linger in the temporary folder until the program ends.
    """
    for sheet in wb.worksheets:
        ws: Any = sheet
        writer = getattr(ws, "_writer", None)
        rows = getattr(ws, "_rows", None)
        try:
            if rows is not None:
                rows.close()  # ends <sheetData> first, so the outer stream can close cleanly
            if writer is not None:
                writer.close()
                writer.cleanup()
        except (OSError, ValueError):  # pragma: no cover - best effort on the way out
            pass
