"""Finding the sheets, the header row and the data rows of a hand-made workbook.

A ``Grid`` is a sheet's non-empty cells with merged cells filled in (a date merged down over
a day's rows counts for each of them). ``find_table`` looks for the header row in the first
ten rows, below any title rows, and also reads a second header row under merged headings
(``Waktu`` spanning ``Mulai`` and ``Selesai``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from openpyxl.cell.cell import MergedCell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .workbook_layout import NOTE_HEADINGS, SheetSpec
from .workbook_values import cell_text, is_blank, normalize_key

HEADER_SEARCH_ROWS = 10
# Hand-made sheets are small; a stray format at row 1,048,576 must not make reading slow.
MAX_ROWS = 5_000
MAX_COLUMNS = 60


@dataclass(frozen=True)
class Found:
    """A non-empty cell: its value, number format and position (1-based)."""

    value: object
    number_format: str
    row: int
    column: int

    @property
    def text(self) -> str:
        return cell_text(self.value)


@dataclass
class Grid:
    title: str
    cells: dict[tuple[int, int], Found]
    max_row: int
    max_column: int
    # (min_row, min_col, max_row, max_col) of every merged range wider than one column
    wide_merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    @classmethod
    def from_worksheet(cls, ws: Worksheet) -> Grid:
        max_row = min(ws.max_row, MAX_ROWS)
        max_column = min(ws.max_column, MAX_COLUMNS)
        cells: dict[tuple[int, int], Found] = {}
        for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_column):
            for cell in row:
                if isinstance(cell, MergedCell) or is_blank(cell.value):
                    continue
                assert cell.row is not None and cell.column is not None
                cells[(cell.row, cell.column)] = Found(
                    cell.value, str(cell.number_format or "General"), cell.row, cell.column
                )
        wide: list[tuple[int, int, int, int]] = []
        for merged in ws.merged_cells.ranges:
            top = cells.get((merged.min_row, merged.min_col))
            if merged.max_col > merged.min_col:
                wide.append((merged.min_row, merged.min_col, merged.max_row, merged.max_col))
            if top is None:
                continue
            for r in range(merged.min_row, min(merged.max_row, max_row) + 1):
                for c in range(merged.min_col, min(merged.max_col, max_column) + 1):
                    if (r, c) != (merged.min_row, merged.min_col):
                        cells[(r, c)] = Found(top.value, top.number_format, r, c)
        return cls(ws.title, cells, max_row, max_column, wide)

    def get(self, row: int, column: int) -> Found | None:
        return self.cells.get((row, column))

    def row(self, row: int) -> list[Found]:
        return sorted((f for (r, _), f in self.cells.items() if r == row), key=lambda f: f.column)

    def wide_merge_at(self, row: int, column: int) -> tuple[int, int, int, int] | None:
        for merge in self.wide_merges:
            if merge[0] <= row <= merge[2] and merge[1] <= column <= merge[3]:
                return merge
        return None


def find_sheets(workbook: Workbook, spec: SheetSpec) -> list[Worksheet]:
    """The sheets named like ``spec`` in either language; exact names win over prefixes
    (``Jadwal Hari 1`` and ``Jadwal Hari 2`` are both schedule sheets)."""
    keys = spec.sheet_keys()
    exact: list[Worksheet] = []
    prefixed: list[Worksheet] = []
    for ws in workbook.worksheets:
        title = normalize_key(ws.title)
        if title in keys:
            exact.append(ws)
        elif any(len(k) >= 4 and title.startswith(k) for k in keys):
            prefixed.append(ws)
    if spec.several:
        return exact + prefixed
    return (exact or prefixed)[:1]


@dataclass
class Table:
    grid: Grid
    header_row: int
    data_start: int
    columns: dict[str, int]
    headings: dict[str, str]
    # a heading written twice: (key, the column used, the other column)
    doubled: list[tuple[str, Found, Found]] = field(default_factory=list)

    def rows(self) -> Iterator[DataRow]:
        for number in range(self.data_start, self.grid.max_row + 1):
            cells = {
                key: found
                for key, column in self.columns.items()
                if (found := self.grid.get(number, column)) is not None
            }
            if not cells:
                continue
            yield DataRow(number, cells, self._banner(number, cells))

    def _banner(self, number: int, cells: dict[str, Found]) -> str | None:
        """The text of a row that is one merged cell across the table (a day title, a break)."""
        for merge in self.grid.wide_merges:
            if not merge[0] <= number <= merge[2]:
                continue
            inside = [c for c in self.columns.values() if merge[1] <= c <= merge[3]]
            if len(inside) >= 2 and all(merge[1] <= f.column <= merge[3] for f in cells.values()):
                top = self.grid.get(merge[0], merge[1])
                return top.text if top else ""
        return None

    def where(self, key: str) -> tuple[int | None, str]:
        """The column of ``key`` and its heading as written, for a problem's location."""
        return self.columns.get(key), self.headings.get(key, "")


@dataclass
class DataRow:
    number: int
    cells: dict[str, Found]
    banner: str | None = None

    def value(self, key: str) -> object:
        found = self.cells.get(key)
        return None if found is None else found.value

    def text(self, key: str, *, multiline: bool = False) -> str:
        return cell_text(self.value(key), multiline=multiline)

    def has(self, key: str) -> bool:
        return key in self.cells

    def found(self, key: str) -> Found | None:
        return self.cells.get(key)


def _match_row(grid: Grid, row: int, spec: SheetSpec) -> dict[str, Found]:
    mapping: dict[str, Found] = {}
    for found in grid.row(row):
        if not isinstance(found.value, str):
            continue
        key = spec.match_heading(found.value)
        if key is not None and key not in mapping:
            mapping[key] = found
    return mapping


def find_table(grid: Grid, spec: SheetSpec) -> Table | None:
    """The header row (the row in the first ten naming the most columns), or None."""
    best_row, best = 0, dict[str, Found]()
    for row in range(1, min(HEADER_SEARCH_ROWS, grid.max_row) + 1):
        mapping = _match_row(grid, row, spec)
        if len(mapping) > len(best):
            best_row, best = row, mapping
    if len(best) < 2:
        return None
    columns = {key: f.column for key, f in best.items()}
    headings = {key: f.text for key, f in best.items()}
    data_start = best_row + 1
    sub = _sub_header(grid, best_row, spec)
    if sub:
        for key, found in sub.items():
            merge = grid.wide_merge_at(best_row, found.column)
            for parent, column in list(columns.items()):
                if column == found.column or (merge and merge[1] <= column <= merge[3]):
                    del columns[parent]
                    headings.pop(parent, None)
            columns[key] = found.column
            headings[key] = found.text
        data_start = best_row + 2
    return Table(grid, best_row, data_start, columns, headings, _doubled(grid, best_row, spec))


def _doubled(grid: Grid, row: int, spec: SheetSpec) -> list[tuple[str, Found, Found]]:
    """The headings of ``row`` that name a column already named to their left."""
    first: dict[str, Found] = {}
    doubled: list[tuple[str, Found, Found]] = []
    for found in grid.row(row):
        key = spec.match_heading(found.value) if isinstance(found.value, str) else None
        if key is None:
            continue
        if key in first:
            doubled.append((key, first[key], found))
        else:
            first[key] = found
    return doubled


def _sub_header(grid: Grid, header_row: int, spec: SheetSpec) -> dict[str, Found]:
    row = header_row + 1
    found_keys: dict[str, Found] = {}
    for found in grid.row(row):
        above = grid.get(header_row, found.column)
        if above is not None and above.value == found.value:
            continue  # a heading merged down over two rows
        under_merge = grid.wide_merge_at(header_row, found.column) is not None
        if above is not None and not under_merge:
            return {}  # the header row has its own heading here: this row is data
        if not isinstance(found.value, str):
            return {}
        key = spec.match_heading(found.value)
        if key is None:
            return {}
        found_keys.setdefault(key, found)
    return found_keys


@dataclass
class FormField:
    key: str
    label: Found
    value: Found | None
    value_column: int


def read_form(grid: Grid, spec: SheetSpec) -> tuple[dict[str, FormField], bool]:
    """A sheet of label/value pairs (``Nama kegiatan | Paritrana Award ...``), as the template
    writes the Kegiatan sheet; also a single header row with the values in the row below.
    Returns the fields found and whether the sheet looked like either form."""
    labels: list[tuple[str, Found]] = []
    for (_, _), found in sorted(grid.cells.items()):
        if isinstance(found.value, str) and found.row <= 200:
            key = spec.match_heading(found.value)
            if key is not None:
                labels.append((key, found))
    by_column = Counter(f.column for _, f in labels)
    table = find_table(grid, spec)
    if by_column and (table is None or by_column.most_common(1)[0][1] >= len(table.columns)):
        label_column = by_column.most_common(1)[0][0]
        if by_column[label_column] >= 2:
            return _vertical_form(grid, labels, label_column), True
    if table is None:
        return {}, False
    fields: dict[str, FormField] = {}
    first = next(table.rows(), None)
    for key, column in table.columns.items():
        label = grid.get(table.header_row, column)
        assert label is not None
        value = grid.get(first.number, column) if first else None
        fields[key] = FormField(key, label, value, column)
    return fields, True


def _vertical_form(
    grid: Grid, labels: list[tuple[str, Found]], label_column: int
) -> dict[str, FormField]:
    in_column = [(k, f) for k, f in labels if f.column == label_column]
    first_row = min(f.row for _, f in in_column)
    note_column = grid.max_column + 1
    for (row, column), found in grid.cells.items():
        if (
            row < first_row
            and column > label_column
            and isinstance(found.value, str)
            and normalize_key(found.value) in NOTE_HEADINGS
        ):
            note_column = min(note_column, column)
    fields: dict[str, FormField] = {}
    for key, label in in_column:
        if key in fields:
            continue
        value: Found | None = None
        for column in range(label_column + 1, note_column):
            candidate = grid.get(label.row, column)
            if candidate is not None and (
                not isinstance(candidate.value, str) or normalize_key(candidate.text) != ""
            ):
                value = candidate
                break
        fields[key] = FormField(key, label, value, label_column + 1)
    return fields
