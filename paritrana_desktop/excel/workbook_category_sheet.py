"""The Kategori sheet: each category's code, name and rating scale with its descriptors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.errors import ValidationError
from ..domain.event import Scale, ScaleLevel
from ..domain.numbers import format_number
from ..domain.text import Text
from .workbook_categories import suggested_code
from .workbook_flags import yes_or_no
from .workbook_layout import CATEGORIES
from .workbook_reading import CategoryDraft, ProblemLog
from .workbook_sheets import DataRow, Grid, Table, find_table
from .workbook_values import ValueProblem, normalize_key, parse_number


class CategorySheet:
    """Reads the Kategori sheet into ``CategoryDraft`` rows."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log

    def read_categories(self, grid: Grid) -> list[CategoryDraft]:
        table = find_table(grid, CATEGORIES)
        if table is None:
            self.log.no_table(
                grid,
                Text(
                    "Kode kategori, Nama kategori, Nilai minimum, Nilai maksimum, Langkah",
                    "Category code, Category name, Minimum, Maximum, Step",
                ),
            )
            return []
        self.log.doubled_headings(table)
        if "code" not in table.columns and "name" not in table.columns:
            self.log.problem(
                grid.title,
                Text(
                    "kolom Kode kategori atau Nama kategori tidak ada; tambahkan di baris judul.",
                    "there is no Category code or Category name column; add one to the header row.",
                ),
                row=table.header_row,
            )
            return []
        drafts: list[CategoryDraft] = []
        first_row: dict[str, int] = {}
        for row in table.rows():
            if row.banner is not None:
                continue
            code, name = row.text("code"), row.text("name")
            if not code and not name:
                self.log.cell_problem(
                    table,
                    row.number,
                    "code" if "code" in table.columns else "name",
                    Text(
                        "kategori tanpa kode dan nama; isi kode dan nama kategorinya, atau hapus "
                        "baris ini.",
                        "a category with neither code nor name; fill them in, or delete this row.",
                    ),
                )
                continue
            if not code:
                code = suggested_code(name, {d.code for d in drafts})
            key = normalize_key(code)
            if key in first_row:
                self.log.cell_problem(
                    table,
                    row.number,
                    "code",
                    Text(
                        f"kode kategori '{code}' sudah dipakai di baris {first_row[key]}; beri "
                        "kode yang berbeda.",
                        f"category code '{code}' is already used in row {first_row[key]}; give "
                        "each category its own code.",
                    ),
                )
                continue
            first_row[key] = row.number
            scale = self.read_scale(table, row, name or code)
            examples = False
            try:
                examples = yes_or_no(row.value("examples"))
            except ValueProblem as exc:
                self.log.value_problem(table, row.number, "examples", exc)
            drafts.append(
                CategoryDraft(code, name or code, scale, grid.title, row.number, examples)
            )
        if not drafts:
            self.log.problem(
                grid.title,
                Text(
                    "belum ada kategori; isi satu baris per kategori di bawah baris judul.",
                    "there are no categories; fill in one row per category below the header row.",
                ),
            )
        return drafts

    def read_scale(self, table: Table, row: DataRow, name: str) -> Scale | None:
        numbers: dict[str, float | None] = {}
        failed = False
        for key in ("minimum", "maximum", "step"):
            numbers[key] = None
            found = row.found(key)
            if found is None:
                continue
            try:
                numbers[key], _ = parse_number(found.value, found.number_format)
            except ValueProblem as exc:
                self.log.value_problem(table, row.number, key, exc)
                failed = True
        try:
            raw = row.value("levels")
            lines = isinstance(raw, str) and ("\n" in raw or "\r" in raw)
            items = _parse_levels(row.text("levels", multiline=True), lines=lines)
        except ValueProblem as exc:
            self.log.value_problem(table, row.number, "levels", exc)
            return None
        if failed:
            return None
        minimum, maximum, step = numbers["minimum"], numbers["maximum"], numbers["step"]
        step = 1.0 if step is None else step
        numbered = [item for item in items if item.low is not None]
        if items and not numbered:  # labels only: 1..n unless the row says otherwise
            minimum = 1.0 if minimum is None else minimum
            if maximum is None:
                maximum = minimum + (len(items) - 1) * step
        elif numbered:
            ends = [x for item in numbered for x in (item.low, item.high) if x is not None]
            minimum = min(ends) if minimum is None else minimum
            maximum = max(ends) if maximum is None else maximum
        if minimum is None or maximum is None:
            missing = "minimum" if minimum is None else "maximum"
            self.log.cell_problem(
                table,
                row.number,
                missing,
                Text(
                    f"skala kategori {name} belum lengkap; isi nilai minimum dan maksimum "
                    "(misalnya 1 dan 5, atau 0 dan 100 dengan langkah 5).",
                    f"the scale of category {name} is incomplete; fill in the minimum and maximum "
                    "(for example 1 and 5, or 0 and 100 with step 5).",
                ),
            )
            return None
        try:
            bare = Scale(minimum, maximum, step)
        except ValidationError as exc:
            self.log.cell_problem(table, row.number, "maximum", exc.message)
            return None
        try:
            levels = _levels_on(bare, items)
            return Scale(minimum, maximum, step, tuple(levels))
        except ValueProblem as exc:
            self.log.value_problem(table, row.number, "levels", exc)
        except ValidationError as exc:
            self.log.cell_problem(table, row.number, "levels", exc.message)
        return None


@dataclass(frozen=True)
class _LevelItem:
    low: float | None
    high: float | None
    label: str


_LEVEL = re.compile(
    r"^(?P<low>[+-]?\d+(?:[.,]\d+)?)"
    r"(?:\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai|hingga|to)\s*(?P<high>[+-]?\d+(?:[.,]\d+)?))?"
    r"(?:\s*(?:=|:|\)|\.(?!\d)|-|–|—)\s*|\s+)(?P<label>.*)$"
)


def _parse_levels(text: str, *, lines: bool = False) -> list[_LevelItem]:
    """``1 = Sangat kurang`` lines (or ``;``-separated when the cell has a single line),
    ranges ``0-40 = Kurang``, or labels alone (lowest first)."""
    if not text:
        return []
    pieces = text.split("\n") if lines or "\n" in text else text.split(";")
    items: list[_LevelItem] = []
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        match = _LEVEL.match(piece)
        if match and match.group("label").strip():
            low = float(match.group("low").replace(",", "."))
            high_text = match.group("high")
            high = float(high_text.replace(",", ".")) if high_text else None
            items.append(_LevelItem(low, high, match.group("label").strip()))
        else:
            items.append(_LevelItem(None, None, piece))
    numbered = sum(1 for item in items if item.low is not None)
    if 0 < numbered < len(items):
        raise ValueProblem(
            Text(
                "sebagian keterangan bernomor dan sebagian tidak; tulis semuanya 'nilai = "
                "keterangan' (misalnya 1 = Sangat kurang), satu per baris.",
                "some descriptors have a value and some do not; write each as 'value = label' "
                "(for example 1 = Sangat kurang), one per line.",
            ),
        )
    return items


def _levels_on(scale: Scale, items: list[_LevelItem]) -> list[ScaleLevel]:
    values = scale.values()
    if items and items[0].low is None:
        if len(items) != len(values):
            raise ValueProblem(
                Text(
                    f"ada {len(items)} keterangan, tetapi skala "
                    f"{format_number(scale.minimum, 'id')}-{format_number(scale.maximum, 'id')} "
                    f"punya {len(values)} nilai; beri nomor tiap keterangan ('1 = Sangat kurang', "
                    "rentang '0-40 = Kurang') atau sesuaikan skalanya.",
                    f"there are {len(items)} descriptors but the scale "
                    f"{format_number(scale.minimum)}-{format_number(scale.maximum)} has "
                    f"{len(values)} values; number each descriptor ('1 = Very poor', ranges "
                    "'0-40 = Poor') or adjust the scale.",
                ),
            )
        return [ScaleLevel(v, item.label) for v, item in zip(values, items, strict=True)]
    levels: list[ScaleLevel] = []
    for item in items:
        assert item.low is not None
        if item.high is None:
            hits = [v for v in values if abs(v - item.low) < 1e-9]
            if not hits:
                raise ValueProblem(
                    Text(
                        f"nilai {format_number(item.low, 'id')} ('{item.label}') tidak ada di "
                        f"skala {format_number(scale.minimum, 'id')}-"
                        f"{format_number(scale.maximum, 'id')} "
                        f"langkah {format_number(scale.step, 'id')}; perbaiki nilainya atau "
                        "skalanya.",
                        f"{format_number(item.low)} ('{item.label}') is not on the scale "
                        f"{format_number(scale.minimum)}-{format_number(scale.maximum)} step "
                        f"{format_number(scale.step)}; correct the value or the scale.",
                    ),
                )
            levels.append(ScaleLevel(hits[0], item.label))
            continue
        low, high = sorted((item.low, item.high))
        inside = [v for v in values if low - 1e-9 <= v <= high + 1e-9]
        if not inside:
            raise ValueProblem(
                Text(
                    f"rentang {format_number(item.low, 'id')}-{format_number(item.high, 'id')} "
                    "tidak memuat nilai skala mana pun; perbaiki rentangnya.",
                    f"the range {format_number(item.low)}-{format_number(item.high)} holds no "
                    "value of the scale; correct it.",
                ),
            )
        if item.high < item.low:
            inside.reverse()
        levels += [ScaleLevel(v, item.label) for v in inside]
    return levels
