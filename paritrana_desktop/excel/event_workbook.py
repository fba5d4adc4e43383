"""The secretariat's workbook in: Kegiatan, Kategori, Rubrik, Jadwal and Panel to an ``Event``.

``read_event_workbook`` reads a workbook typed by hand (title rows, merged cells, headings in
either language, dates and times in the forms people write them) and either returns a valid
``Event`` or raises ``WorkbookProblems`` listing every mistake at once with its sheet, row and
column. It never returns half an event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from ..domain.errors import ValidationError
from ..domain.event import (
    Category,
    Criterion,
    Event,
    Interview,
    Judge,
    Level,
    Role,
    Scale,
    ScaleLevel,
)
from ..domain.numbers import format_number
from ..domain.text import Text
from .workbook_categories import CategoryMatcher, KnownCategory, suggested_code
from .workbook_layout import (
    CATEGORIES,
    EVENT,
    PANEL,
    RUBRIC,
    SCHEDULE,
    SHEETS,
    SheetSpec,
)
from .workbook_problems import WorkbookProblem, WorkbookProblems, load_source_workbook
from .workbook_sheets import (
    DataRow,
    FormField,
    Found,
    Grid,
    Table,
    find_sheets,
    find_table,
    read_form,
)
from .workbook_values import (
    ValueProblem,
    cell_text,
    find_date_in_text,
    format_date_id,
    format_time,
    normalize_key,
    parse_date,
    parse_date_range,
    parse_day_reference,
    parse_number,
    parse_time_range,
    parse_whole_number,
)

__all__ = ["WorkbookProblem", "WorkbookProblems", "read_event_workbook"]

EVENT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
_EPS = 1e-6

# A schedule row that is a break or a ceremony, not an interview (skipped when it has no
# category): compared with the start of the participant text, letters and digits only.
BREAK_WORDS = (
    "istirahat",
    "ishoma",
    "rehat",
    "coffeebreak",
    "break",
    "makansiang",
    "lunch",
    "sholat",
    "shalat",
    "solat",
    "pembukaan",
    "penutupan",
    "sambutan",
    "registrasi",
    "opening",
    "closing",
    "doa",
    "fotobersama",
    "snack",
    "kosong",
    "cadangan",
)

_KETUA = {
    "ketua",
    "ketuatim",
    "ketuapanel",
    "ketuatimpenilai",
    "ketuajuri",
    "chair",
    "chairperson",
    "chairman",
    "chairwoman",
    "head",
    "ketuamerangkapanggota",
}
_ANGGOTA = {
    "anggota",
    "anggotatim",
    "anggotapanel",
    "anggotatimpenilai",
    "member",
    "panelis",
    "penilai",
    "juri",
    "judge",
    "anggotajuri",
}


def read_event_workbook(path: Path) -> Event:
    """The event the workbook describes; ``WorkbookProblems`` with every mistake otherwise."""
    path = Path(path)
    workbook = load_source_workbook(path)
    return _Reader(path, workbook).read()


# --- drafts: what a row said, before the whole is known to be valid ---------------------------


@dataclass
class _Header:
    code: str = ""
    name: str = ""
    level: Level | None = None
    province: str = ""
    award_year: int | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    venue: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None

    def days(self) -> list[dt.date]:
        if self.start_date is None or self.end_date is None or self.end_date < self.start_date:
            return []
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + dt.timedelta(days=n) for n in range(min(count, 366))]


@dataclass
class _CategoryDraft:
    code: str
    name: str
    scale: Scale | None
    sheet: str
    row: int


@dataclass
class _CriterionDraft:
    category: str
    code: str
    name: str
    description: str
    weight: float | None
    percent: bool
    sheet: str
    row: int
    code_column: int | None
    code_heading: str
    weight_column: int | None
    weight_heading: str


@dataclass
class _InterviewDraft:
    id: str
    day: dt.date | None
    start: dt.time | None
    end: dt.time | None
    room: str
    participant: str
    category: str | None
    representatives: str
    sheet: str
    row: int
    columns: dict[str, tuple[int | None, str]] = field(default_factory=dict)


@dataclass
class _JudgeDraft:
    id: str
    name: str
    institution: str
    role: Role | None
    sheet: str
    row: int
    columns: dict[str, tuple[int | None, str]] = field(default_factory=dict)


class _Reader:
    def __init__(self, path: Path, workbook: Workbook) -> None:
        self.path = path
        self.workbook = workbook
        self.problems: list[tuple[tuple[int, int, int], WorkbookProblem]] = []
        self.sheet_rank: dict[str, int] = {}

    # --- problems --------------------------------------------------------------------------

    def problem(
        self,
        sheet: str,
        row: int | None,
        column: int | None,
        heading: str,
        message: Text,
    ) -> None:
        rank = self.sheet_rank.setdefault(sheet, len(self.sheet_rank)) if sheet else -1
        item = WorkbookProblem(sheet, row, column, heading, message.map(_capital))
        self.problems.append(((rank, row or 0, column or 0), item))

    def cell_problem(self, table: Table, row: int, key: str, message: Text) -> None:
        column, heading = table.where(key)
        self.problem(table.grid.title, row, column, heading, message)

    def value_problem(self, table: Table, row: int, key: str, exc: ValueProblem) -> None:
        self.cell_problem(table, row, key, exc.message)

    def no_table(self, grid: Grid, spec: SheetSpec, needed: str, needed_en: str) -> None:
        self.problem(
            grid.title,
            None,
            None,
            "",
            Text(
                f"baris judul kolom tidak ditemukan di {10} baris pertama; tulis judul kolom "
                f"({needed}) dalam satu baris di atas data, seperti di template.",
                f"no header row in the first 10 rows; put the column headings ({needed_en}) in one "
                "row above the data, as in the template.",
            ),
        )

    # --- the whole -------------------------------------------------------------------------

    def read(self) -> Event:
        found = {spec.key: find_sheets(self.workbook, spec) for spec in SHEETS}
        for spec in SHEETS:
            for ws in found[spec.key]:
                self.sheet_rank.setdefault(ws.title, len(self.sheet_rank))
        for spec in SHEETS:
            if not found[spec.key]:
                self.problem(
                    "",
                    None,
                    None,
                    "",
                    Text(
                        f"sheet '{spec.name}' tidak ada; tambahkan sheet bernama {spec.name} "
                        f"(atau {spec.english}) seperti di template. Sheet yang ada: "
                        f"{', '.join(self.workbook.sheetnames)}.",
                        f"there is no '{spec.name}' sheet; add a sheet named {spec.name} (or "
                        f"{spec.english}) as in the template. Sheets present: "
                        f"{', '.join(self.workbook.sheetnames)}.",
                    ),
                )
        grids = {key: [Grid.from_worksheet(ws) for ws in sheets] for key, sheets in found.items()}
        header = self.read_event(grids["event"][0]) if grids["event"] else _Header()
        drafts = self.read_categories(grids["categories"][0]) if grids["categories"] else None
        matcher = (
            CategoryMatcher([KnownCategory(d.code, d.name) for d in drafts]) if drafts else None
        )
        criteria = self.read_rubric(grids["rubric"], matcher)
        categories = self.build_categories(drafts or [], criteria)
        interviews = self.read_schedule(grids["schedule"], matcher, header)
        judges = self.read_panel(grids["panel"][0]) if grids["panel"] else []
        if self.problems:
            ordered = [p for _, p in sorted(self.problems, key=lambda item: item[0])]
            raise WorkbookProblems(self.path, ordered)
        assert header.level is not None and header.award_year is not None
        assert header.period_start and header.period_end
        assert header.start_date and header.end_date
        try:
            return Event(
                code=header.code,
                name=header.name,
                level=header.level,
                province=header.province,
                award_year=header.award_year,
                period_start=header.period_start,
                period_end=header.period_end,
                venue=header.venue,
                start_date=header.start_date,
                end_date=header.end_date,
                categories=tuple(categories),
                interviews=tuple(interviews),
                judges=tuple(judges),
            )
        except ValidationError as exc:  # a rule checked only by the model itself
            raise WorkbookProblems(
                self.path, [WorkbookProblem("", None, None, "", exc.message)]
            ) from None

    # --- Kegiatan --------------------------------------------------------------------------

    def read_event(self, grid: Grid) -> _Header:
        fields, recognised = read_form(grid, EVENT)
        header = _Header()
        if not recognised:
            self.problem(
                grid.title,
                None,
                None,
                "",
                Text(
                    "isian kegiatan tidak dikenali; tulis di kolom A judul isian (Nama kegiatan, "
                    "Tingkat, Provinsi, ...) dan di kolom B isinya, seperti di template.",
                    "the event details are not recognised; put the field names (Nama kegiatan / "
                    "Event name, Tingkat / Level, ...) in column A and the values in column B, as "
                    "in the template.",
                ),
            )
            return header
        form = _Form(self, grid, fields)
        header.name = form.text("name", required=True)
        level_text = form.text("level", required=True)
        if level_text:
            header.level = _level(level_text)
            if header.level is None:
                form.bad(
                    "level",
                    Text(
                        f"tingkat '{level_text}' tidak dikenal; tulis provinsi atau nasional.",
                        f"level '{level_text}' is not known; write provinsi or nasional.",
                    ),
                )
        header.province = form.text("province", required=header.level is Level.PROVINSI)
        year = form.value("award_year", required=True)
        if year is not None:
            try:
                header.award_year = parse_whole_number(year.value)
                if not 1990 <= header.award_year <= 2200:
                    raise ValueProblem(Text("", ""))
            except ValueProblem:
                header.award_year = None
                form.bad(
                    "award_year",
                    Text(
                        f"tahun penghargaan '{year.text}' tidak sah; tulis tahunnya, misalnya "
                        "2025.",
                        f"award year '{year.text}' is not valid; write the year, for example 2025.",
                    ),
                )
        header.period_start, header.period_end = form.date_pair(
            "period_start", "period_end", "period", whole_years=True
        )
        header.venue = form.text("venue")
        header.start_date, header.end_date = form.date_pair(
            "start_date", "end_date", "dates", whole_years=False
        )
        if header.period_start and header.period_end and header.period_end < header.period_start:
            form.bad(
                "period_end",
                Text(
                    "periode penilaian berakhir sebelum dimulai; periksa kedua tanggalnya.",
                    "the assessment period ends before it starts; check both dates.",
                ),
            )
        if header.start_date and header.end_date and header.end_date < header.start_date:
            form.bad(
                "end_date",
                Text(
                    "tanggal selesai kegiatan sebelum tanggal mulai; periksa kedua tanggalnya.",
                    "the event's end date is before its start date; check both dates.",
                ),
            )
        header.code = form.text("code", required=True)
        if header.code and not EVENT_CODE.match(header.code):
            form.bad(
                "code",
                Text(
                    f"kode singkat '{header.code}' hanya boleh berisi huruf, angka, - dan _, tanpa "
                    "spasi, paling banyak 40 (misalnya KALTIM25).",
                    f"short code '{header.code}' may hold only letters, digits, - and _, no "
                    "spaces, at most 40 (for example KALTIM25).",
                ),
            )
        return header

    # --- Kategori --------------------------------------------------------------------------

    def read_categories(self, grid: Grid) -> list[_CategoryDraft]:
        table = find_table(grid, CATEGORIES)
        if table is None:
            self.no_table(
                grid,
                CATEGORIES,
                "Kode kategori, Nama kategori, Nilai minimum, Nilai maksimum, Langkah",
                "Category code, Category name, Minimum, Maximum, Step",
            )
            return []
        if "code" not in table.columns and "name" not in table.columns:
            self.problem(
                grid.title,
                table.header_row,
                None,
                "",
                Text(
                    "kolom Kode kategori atau Nama kategori tidak ada; tambahkan di baris judul.",
                    "there is no Category code or Category name column; add one to the header row.",
                ),
            )
            return []
        drafts: list[_CategoryDraft] = []
        first_row: dict[str, int] = {}
        for row in table.rows():
            if row.banner is not None:
                continue
            code, name = row.text("code"), row.text("name")
            if not code and not name:
                self.cell_problem(
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
                self.cell_problem(
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
            drafts.append(_CategoryDraft(code, name or code, scale, grid.title, row.number))
        if not drafts:
            self.problem(
                grid.title,
                None,
                None,
                "",
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
                self.value_problem(table, row.number, key, exc)
                failed = True
        try:
            raw = row.value("levels")
            lines = isinstance(raw, str) and ("\n" in raw or "\r" in raw)
            items = _parse_levels(row.text("levels", multiline=True), lines=lines)
        except ValueProblem as exc:
            self.value_problem(table, row.number, "levels", exc)
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
            self.cell_problem(
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
            self.cell_problem(table, row.number, "maximum", exc.message)
            return None
        try:
            levels = _levels_on(bare, items)
            return Scale(minimum, maximum, step, tuple(levels))
        except ValueProblem as exc:
            self.value_problem(table, row.number, "levels", exc)
        except ValidationError as exc:
            self.cell_problem(table, row.number, "levels", exc.message)
        return None

    # --- Rubrik ----------------------------------------------------------------------------

    def read_rubric(
        self, grids: list[Grid], matcher: CategoryMatcher | None
    ) -> dict[str, list[_CriterionDraft]]:
        result: dict[str, list[_CriterionDraft]] = defaultdict(list)
        for grid in grids:
            table = find_table(grid, RUBRIC)
            if table is None:
                self.no_table(
                    grid,
                    RUBRIC,
                    "Kategori, Kode kriteria, Kriteria, Deskripsi, Bobot",
                    "Category, Criterion code, Criterion, Description, Weight",
                )
                continue
            for key, id_name, en_name in (
                ("name", "Kriteria", "Criterion"),
                ("weight", "Bobot", "Weight"),
            ):
                if key not in table.columns:
                    self.problem(
                        grid.title,
                        table.header_row,
                        None,
                        "",
                        Text(
                            f"kolom {id_name} tidak ada; tambahkan di baris judul.",
                            f"there is no {en_name} column; add it to the header row.",
                        ),
                    )
            if "name" not in table.columns or "weight" not in table.columns:
                continue
            current = self._category_from_title(grid.title, matcher)
            for row in table.rows():
                if row.banner is not None:  # a title row naming the category below it
                    current = self._try_match(matcher, row.banner) or current
                    continue
                category: str | None = None
                text = row.text("category")
                if text and matcher is not None:
                    try:
                        category = matcher.match(text)
                    except ValueProblem as exc:
                        self.value_problem(table, row.number, "category", exc)
                elif text:
                    category = None
                elif current is not None:
                    category = current
                elif matcher is not None and len(matcher.categories) == 1:
                    category = matcher.categories[0].code
                elif matcher is not None:
                    self.cell_problem(
                        table,
                        row.number,
                        "category",
                        Text(
                            f"kategori kosong; pilih salah satu: {matcher.choices()}.",
                            f"the category is empty; choose one of: {matcher.choices()}.",
                        ),
                    )
                if category is not None:
                    current = category
                draft = self._criterion(table, row, category or "")
                if draft is not None and category is not None:
                    result[category].append(draft)
        return result

    def _category_from_title(self, title: str, matcher: CategoryMatcher | None) -> str | None:
        rest = title
        for name in RUBRIC.sheet_keys():
            if normalize_key(title).startswith(name):
                rest = re.sub(r"^\W*\w+\W*", "", title, count=1)
                break
        return self._try_match(matcher, rest) if rest and rest != title else None

    @staticmethod
    def _try_match(matcher: CategoryMatcher | None, text: str) -> str | None:
        if matcher is None or not text:
            return None
        try:
            return matcher.match(text)
        except ValueProblem:
            return None

    def _criterion(self, table: Table, row: DataRow, category: str) -> _CriterionDraft | None:
        name = row.text("name")
        if not name:
            self.cell_problem(
                table,
                row.number,
                "name",
                Text(
                    "nama kriteria kosong; isi namanya, atau hapus baris ini.",
                    "the criterion name is empty; fill it in, or delete this row.",
                ),
            )
        weight: float | None = None
        percent = False
        found = row.found("weight")
        if found is None:
            self.cell_problem(
                table,
                row.number,
                "weight",
                Text(
                    "bobot kosong; isi bobot kriteria dalam persen, misalnya 30.",
                    "the weight is empty; enter the criterion's weight in percent, for example 30.",
                ),
            )
        else:
            try:
                weight, percent = parse_number(found.value, found.number_format)
                if not weight > 0:
                    weight = None
                    self.cell_problem(
                        table,
                        row.number,
                        "weight",
                        Text(
                            f"bobot {found.text} harus lebih dari 0.",
                            f"the weight {found.text} must be more than 0.",
                        ),
                    )
            except ValueProblem as exc:
                self.value_problem(table, row.number, "weight", exc)
        if not name:
            return None
        code_column, code_heading = table.where("code")
        weight_column, weight_heading = table.where("weight")
        return _CriterionDraft(
            category=category,
            code=row.text("code"),
            name=name,
            description=row.text("description", multiline=True),
            weight=weight,
            percent=percent,
            sheet=table.grid.title,
            row=row.number,
            code_column=code_column,
            code_heading=code_heading,
            weight_column=weight_column,
            weight_heading=weight_heading,
        )

    def build_categories(
        self, drafts: list[_CategoryDraft], criteria: dict[str, list[_CriterionDraft]]
    ) -> list[Category]:
        built: list[Category] = []
        for draft in drafts:
            items = criteria.get(draft.code, [])
            if not items:
                self.problem(
                    draft.sheet,
                    draft.row,
                    None,
                    "",
                    Text(
                        f"kategori {draft.code} belum punya kriteria; tambahkan kriterianya di "
                        f"sheet {RUBRIC.name}, atau hapus baris ini.",
                        f"category {draft.code} has no criteria; add them in the {RUBRIC.name} "
                        "sheet, or delete this row.",
                    ),
                )
                continue
            weights = [c.weight for c in items]
            if any(w is None for w in weights):
                continue  # each already reported
            values = [float(w) for w in weights if w is not None]
            if (
                not any(c.percent for c in items)
                and all(w <= 1 for w in values)
                and abs(sum(values) - 1) < _EPS
            ):  # typed as fractions: 0.3, 0.7
                values = [float(round(w * 100, 9)) for w in values]
            total = sum(values)
            if abs(total - 100) > _EPS:
                first, last = items[0], items[-1]
                rows = f"{first.row}" if first.row == last.row else f"{first.row}-{last.row}"
                self.problem(
                    first.sheet,
                    first.row,
                    first.weight_column,
                    first.weight_heading,
                    Text(
                        f"bobot kriteria kategori {draft.code} (baris {rows}) berjumlah "
                        f"{format_number(round(total, 6), 'id')}, harus 100; sesuaikan bobotnya.",
                        f"the weights of category {draft.code} (rows {rows}) add up to "
                        f"{format_number(round(total, 6))}, not 100; adjust them.",
                    ),
                )
            codes = self._criterion_codes(draft.code, items)
            if draft.scale is None or codes is None or abs(total - 100) > _EPS:
                continue
            try:
                built.append(
                    Category(
                        code=draft.code,
                        name=draft.name,
                        criteria=tuple(
                            Criterion(code, c.name, c.description, w)
                            for code, c, w in zip(codes, items, values, strict=True)
                        ),
                        scale=draft.scale,
                    )
                )
            except ValidationError as exc:
                self.problem(draft.sheet, draft.row, None, "", exc.message)
        return built

    def _criterion_codes(self, category: str, items: list[_CriterionDraft]) -> list[str] | None:
        seen: dict[str, int] = {}
        ok = True
        for item in items:
            if not item.code:
                continue
            key = normalize_key(item.code) or item.code
            if key in seen:
                ok = False
                self.problem(
                    item.sheet,
                    item.row,
                    item.code_column,
                    item.code_heading,
                    Text(
                        f"kode kriteria '{item.code}' sudah dipakai di kategori {category} (baris "
                        f"{seen[key]}); beri kode yang berbeda.",
                        f"criterion code '{item.code}' is already used in category {category} "
                        f"(row {seen[key]}); give each criterion its own code.",
                    ),
                )
            else:
                seen[key] = item.row
        if not ok:
            return None
        codes: list[str] = []
        taken = set(seen)
        counter = 1
        for item in items:
            if item.code:
                codes.append(item.code)
                continue
            while normalize_key(f"K{counter}") in taken:
                counter += 1
            codes.append(f"K{counter}")
            taken.add(normalize_key(f"K{counter}"))
        return codes

    # --- Jadwal ----------------------------------------------------------------------------

    def read_schedule(
        self, grids: list[Grid], matcher: CategoryMatcher | None, header: _Header
    ) -> list[Interview]:
        drafts: list[_InterviewDraft] = []
        event_days = header.days()
        tables = 0
        for grid in grids:
            table = find_table(grid, SCHEDULE)
            if table is None:
                self.no_table(
                    grid,
                    SCHEDULE,
                    "Tanggal, Mulai, Selesai, Ruang, Peserta, Kategori, Perwakilan",
                    "Date, Start, End, Room, Participant, Category, Representatives",
                )
                continue
            missing = [
                (id_name, en_name)
                for keys, id_name, en_name in (
                    (("participant",), "Peserta", "Participant"),
                    (("category",), "Kategori", "Category"),
                    (("start", "time"), "Mulai (atau Waktu)", "Start (or Time)"),
                )
                if not any(k in table.columns for k in keys)
            ]
            if missing:
                self.problem(
                    grid.title,
                    table.header_row,
                    None,
                    "",
                    Text(
                        f"kolom {', '.join(m[0] for m in missing)} tidak ada; tambahkan di baris "
                        "judul.",
                        f"the column(s) {', '.join(m[1] for m in missing)} are missing; add them "
                        "to the header row.",
                    ),
                )
                continue
            tables += 1
            drafts += self._schedule_rows(table, matcher, event_days)
        self._check_schedule(drafts, header)
        if not drafts and tables:
            self.problem(
                grids[0].title,
                None,
                None,
                "",
                Text(
                    "jadwal masih kosong; isi satu baris per wawancara di bawah baris judul.",
                    "the schedule is empty; fill in one row per interview below the header row.",
                ),
            )
        return [
            Interview(
                id=d.id,
                day=d.day,
                start=d.start,
                end=d.end,
                room=d.room,
                participant=d.participant,
                category=d.category,
                representatives=d.representatives,
            )
            for d in drafts
            if d.day and d.start and d.end and d.category and d.id
        ]

    def _schedule_rows(
        self, table: Table, matcher: CategoryMatcher | None, event_days: list[dt.date]
    ) -> list[_InterviewDraft]:
        drafts: list[_InterviewDraft] = []
        current_day = find_date_in_text(table.grid.title)
        last_room = ""
        for row in table.rows():
            if row.banner is not None:
                current_day = self._day_from_banner(row.banner, event_days) or current_day
                continue
            present = set(row.cells)
            if present <= {"day", "weekday"}:  # a day written on a row of its own
                day = self._schedule_day(table, row, event_days)
                current_day = day or current_day
                continue
            participant = row.text("participant")
            if not row.has("category") and _is_break(participant):
                continue
            has_day = bool(present & {"day", "weekday"})
            day = self._schedule_day(table, row, event_days) if has_day else None
            if day is not None:
                current_day = day
            elif not has_day:
                day = current_day
                if day is None and len(event_days) == 1:
                    day = event_days[0]
                if day is None:
                    key = "day" if "day" in table.columns else "weekday"
                    self.cell_problem(
                        table,
                        row.number,
                        key,
                        Text(
                            "tanggal kosong dan tidak ada tanggal di baris atasnya; isi "
                            "tanggalnya, misalnya Senin, 28 Juli 2025.",
                            "the date is empty and no row above gives one; enter the date, for "
                            "example Senin, 28 Juli 2025.",
                        ),
                    )
            start, end = self._schedule_times(table, row)
            room = row.text("room") or last_room
            last_room = room
            if not participant:
                self.cell_problem(
                    table,
                    row.number,
                    "participant",
                    Text(
                        "nama peserta kosong; isi nama peserta, atau hapus baris ini bila bukan "
                        "wawancara.",
                        "the participant is empty; enter the participant, or delete this row if it "
                        "is not an interview.",
                    ),
                )
            category = self._schedule_category(table, row, matcher)
            drafts.append(
                _InterviewDraft(
                    id=row.text("id"),
                    day=day,
                    start=start,
                    end=end,
                    room=room,
                    participant=participant,
                    category=category,
                    representatives=", ".join(
                        row.text("representatives", multiline=True).split("\n")
                    ),
                    sheet=table.grid.title,
                    row=row.number,
                    columns={k: table.where(k) for k in table.columns},
                )
            )
        return drafts

    def _day_from_banner(self, text: str, event_days: list[dt.date]) -> dt.date | None:
        found = find_date_in_text(text)
        if found is not None:
            return found
        try:
            return parse_day_reference(text.split(":")[0].strip(), event_days)
        except ValueProblem:
            return None

    def _schedule_day(
        self, table: Table, row: DataRow, event_days: list[dt.date]
    ) -> dt.date | None:
        key = "day" if row.has("day") else "weekday"
        found = row.found(key)
        assert found is not None
        try:
            day = parse_day_reference(found.value, event_days)
            return day if day is not None else parse_date(found.value)
        except ValueProblem as exc:
            self.value_problem(table, row.number, key, exc)
            return None

    def _schedule_times(self, table: Table, row: DataRow) -> tuple[dt.time | None, dt.time | None]:
        start: dt.time | None = None
        end: dt.time | None = None
        failed = False
        for key in ("time", "start", "end"):
            found = row.found(key)
            if found is None:
                continue
            try:
                first, second = parse_time_range(found.value)
            except ValueProblem as exc:
                self.value_problem(table, row.number, key, exc)
                failed = True
                continue
            if key == "end":
                end = first if second is None else second
            else:
                start = first
                if second is not None and not row.has("end"):
                    end = second
        if failed:
            return None, None
        start_key = "start" if "start" in table.columns else "time"
        if start is None:
            self.cell_problem(
                table,
                row.number,
                start_key,
                Text(
                    "jam mulai kosong; isi jam mulai, misalnya 08.00, atau rentang 08.00 - 08.45.",
                    "the start time is empty; enter it, for example 08.00, or a range "
                    "08.00 - 08.45.",
                ),
            )
        elif end is None:
            end_key = "end" if "end" in table.columns else start_key
            self.cell_problem(
                table,
                row.number,
                end_key,
                Text(
                    "jam selesai kosong; isi kolom Selesai, atau tulis rentang seperti "
                    "08.00 - 08.45 di kolom waktu.",
                    "the end time is empty; fill in the End column, or write a range such as "
                    "08.00 - 08.45 in the time column.",
                ),
            )
        elif end <= start:
            end_key = "end" if "end" in table.columns else start_key
            self.cell_problem(
                table,
                row.number,
                end_key,
                Text(
                    f"jam selesai {format_time(end)} tidak setelah jam mulai {format_time(start)}; "
                    "perbaiki salah satunya.",
                    f"the end time {format_time(end)} is not after the start time "
                    f"{format_time(start)}; correct one of them.",
                ),
            )
            return start, None
        return start, end

    def _schedule_category(
        self, table: Table, row: DataRow, matcher: CategoryMatcher | None
    ) -> str | None:
        text = row.text("category")
        if not text:
            choices = matcher.choices() if matcher else "-"
            self.cell_problem(
                table,
                row.number,
                "category",
                Text(
                    f"kategori kosong; pilih salah satu: {choices}. Bila baris ini bukan wawancara "
                    "(istirahat, pembukaan), hapus barisnya.",
                    f"the category is empty; choose one of: {choices}. If this row is not an "
                    "interview (a break, the opening), delete it.",
                ),
            )
            return None
        if matcher is None:
            return None
        try:
            return matcher.match(text)
        except ValueProblem as exc:
            self.value_problem(table, row.number, "category", exc)
            return None

    def _check_schedule(self, drafts: list[_InterviewDraft], header: _Header) -> None:
        def report(d: _InterviewDraft, key: str, message: Text) -> None:
            column, heading = d.columns.get(key, (None, ""))
            self.problem(d.sheet, d.row, column, heading, message)

        taken: dict[str, _InterviewDraft] = {}
        for d in drafts:
            if not d.id:
                continue
            key = normalize_key(d.id) or d.id
            if key in taken:
                other = taken[key]
                report(
                    d,
                    "id",
                    Text(
                        f"ID wawancara '{d.id}' sudah dipakai di {other.sheet} baris {other.row}; "
                        "beri ID lain atau kosongkan.",
                        f"interview ID '{d.id}' is already used in {other.sheet} row {other.row}; "
                        "give another ID or leave it empty.",
                    ),
                )
            else:
                taken[key] = d
        # Generated ids depend on the day and time only, not on the row order.
        waiting: dict[str, list[_InterviewDraft]] = defaultdict(list)
        for d in drafts:
            if not d.id and d.day and d.start:
                waiting[f"W{d.day:%m%d}-{d.start:%H%M}"].append(d)
        for base, group in sorted(waiting.items()):
            group.sort(key=lambda d: (normalize_key(d.room), normalize_key(d.participant)))
            counter = 1
            for d in group:
                candidate = base
                while normalize_key(candidate) in taken:
                    counter += 1
                    candidate = f"{base}-{counter}"
                d.id = candidate
                taken[normalize_key(candidate)] = d
        if header.start_date and header.end_date and header.start_date <= header.end_date:
            for d in drafts:
                if d.day and not header.start_date <= d.day <= header.end_date:
                    report(
                        d,
                        "day" if "day" in d.columns else "weekday",
                        Text(
                            f"tanggal {format_date_id(d.day)} di luar tanggal kegiatan "
                            f"({header.start_date:%d/%m/%Y} - {header.end_date:%d/%m/%Y} di sheet "
                            f"{EVENT.name}); perbaiki salah satunya.",
                            f"the date {d.day:%d/%m/%Y} is outside the event's dates "
                            f"({header.start_date:%d/%m/%Y} - {header.end_date:%d/%m/%Y} in the "
                            f"{EVENT.name} sheet); correct one of them.",
                        ),
                    )
        rooms: dict[tuple[dt.date, str], list[_InterviewDraft]] = defaultdict(list)
        for d in drafts:
            if d.day and d.start and d.end:
                rooms[(d.day, normalize_key(d.room))].append(d)
        for group in rooms.values():
            group.sort(key=lambda d: (d.start or dt.time(), d.row))
            for index, later in enumerate(group):
                for earlier in group[:index]:
                    assert earlier.end and later.start and later.end and earlier.start
                    if later.start < earlier.end and earlier.start < later.end:
                        named = normalize_key(later.room).startswith(("ruang", "room"))
                        where = f" di {'' if named else 'ruang '}{later.room}"
                        where_en = f" in {'' if named else 'room '}{later.room}"
                        if not later.room:
                            where = where_en = ""
                        report(
                            later,
                            "start" if "start" in later.columns else "time",
                            Text(
                                f"waktu {format_time(later.start)}-{format_time(later.end)} "
                                f"bertabrakan dengan {earlier.participant} "
                                f"({format_time(earlier.start)}-{format_time(earlier.end)}, "
                                f"{earlier.sheet} baris {earlier.row}){where}; ubah jam atau "
                                "ruangnya.",
                                f"{format_time(later.start)}-{format_time(later.end)} overlaps "
                                f"{earlier.participant} ({format_time(earlier.start)}-"
                                f"{format_time(earlier.end)}, {earlier.sheet} row {earlier.row})"
                                f"{where_en}; change the time or the room.",
                            ),
                        )
                        break

    # --- Panel -----------------------------------------------------------------------------

    def read_panel(self, grid: Grid) -> list[Judge]:
        table = find_table(grid, PANEL)
        if table is None:
            self.no_table(grid, PANEL, "Nama, Instansi, Peran", "Name, Institution, Role")
            return []
        if "name" not in table.columns:
            self.problem(
                grid.title,
                table.header_row,
                None,
                "",
                Text(
                    "kolom Nama tidak ada; tambahkan di baris judul.",
                    "there is no Name column; add it to the header row.",
                ),
            )
            return []
        drafts: list[_JudgeDraft] = []
        for row in table.rows():
            if row.banner is not None:
                continue
            name = row.text("name")
            role_text = row.text("role")
            role = _role(role_text)
            columns = {k: table.where(k) for k in table.columns}
            if not name:
                self.cell_problem(
                    table,
                    row.number,
                    "name",
                    Text(
                        "nama panelis kosong; isi namanya, atau hapus baris ini.",
                        "the judge's name is empty; fill it in, or delete this row.",
                    ),
                )
            if role is None:
                self.cell_problem(
                    table,
                    row.number,
                    "role",
                    Text(
                        f"peran '{role_text}' tidak dikenal; tulis ketua atau anggota.",
                        f"role '{role_text}' is not known; write ketua (chair) or anggota "
                        "(member).",
                    ),
                )
            drafts.append(
                _JudgeDraft(
                    row.text("id"),
                    name,
                    row.text("institution"),
                    role,
                    grid.title,
                    row.number,
                    columns,
                )
            )
        if not drafts:
            self.problem(
                grid.title,
                None,
                None,
                "",
                Text(
                    "belum ada panelis; isi satu baris per panelis di bawah baris judul.",
                    "there are no judges; fill in one row per judge below the header row.",
                ),
            )
            return []
        self._check_panel(drafts)
        return [
            Judge(d.id, d.name, d.institution, d.role)
            for d in drafts
            if d.name and d.role is not None
        ]

    def _check_panel(self, drafts: list[_JudgeDraft]) -> None:
        taken: dict[str, _JudgeDraft] = {}
        for d in drafts:
            key = normalize_key(d.id) or d.id
            if not d.id:
                continue
            if key in taken:
                other = taken[key]
                column, heading = d.columns.get("id", (None, ""))
                self.problem(
                    d.sheet,
                    d.row,
                    column,
                    heading,
                    Text(
                        f"ID panelis '{d.id}' sudah dipakai di baris {other.row}; beri ID lain "
                        "atau kosongkan.",
                        f"judge ID '{d.id}' is already used in row {other.row}; give another ID or "
                        "leave it empty.",
                    ),
                )
            else:
                taken[key] = d
        counter = 0
        for d in drafts:
            if d.id:
                continue
            counter += 1
            while normalize_key(f"P{counter:02d}") in taken:
                counter += 1
            d.id = f"P{counter:02d}"
            taken[normalize_key(d.id)] = d
        chairs = [d for d in drafts if d.role is Role.KETUA]
        sheet = drafts[0].sheet
        column, heading = drafts[0].columns.get("role", (None, ""))
        if not chairs and all(d.role is not None for d in drafts):
            self.problem(
                sheet,
                None,
                column,
                heading,
                Text(
                    "belum ada ketua; tulis ketua di kolom peran untuk tepat satu panelis.",
                    "there is no chair; write ketua in the role column for exactly one judge.",
                ),
            )
        for extra in chairs[1:]:
            self.problem(
                extra.sheet,
                extra.row,
                column,
                heading,
                Text(
                    f"ketua hanya boleh satu orang, dan {chairs[0].name} (baris {chairs[0].row}) "
                    "sudah ketua; ubah salah satunya menjadi anggota.",
                    f"there can be only one chair and {chairs[0].name} (row {chairs[0].row}) "
                    "already is; make one of them anggota (member).",
                ),
            )


# --- the Kegiatan sheet's fields -----------------------------------------------------------------


class _Form:
    def __init__(self, reader: _Reader, grid: Grid, fields: dict[str, FormField]) -> None:
        self.reader = reader
        self.grid = grid
        self.fields = fields
        self._reported: set[str] = set()

    def bad(self, key: str, message: Text) -> None:
        item = self.fields.get(key)
        if item is None:
            self.reader.problem(self.grid.title, None, None, "", message)
            return
        column = item.value.column if item.value else item.value_column
        self.reader.problem(self.grid.title, item.label.row, column, item.label.text, message)

    def missing(self, key: str) -> None:
        column = EVENT.column(key)
        if key in self.fields:
            self.bad(
                key,
                Text(
                    f"{column.heading} kosong; isi di sebelah kanan judulnya.",
                    f"{column.english} ({column.heading}) is empty; fill it in to the right of its "
                    "name.",
                ),
            )
        else:
            self.bad(
                key,
                Text(
                    f"isian '{column.heading}' tidak ada; tambahkan baris '{column.heading}' "
                    "dengan isinya, seperti di template.",
                    f"the field '{column.heading}' ({column.english}) is missing; add a row "
                    f"'{column.heading}' with its value, as in the template.",
                ),
            )

    def value(self, key: str, *, required: bool = False) -> Found | None:
        item = self.fields.get(key)
        if item is None or item.value is None:
            if required:
                self.missing(key)
            return None
        return item.value

    def text(self, key: str, *, required: bool = False) -> str:
        found = self.value(key, required=required)
        return "" if found is None else cell_text(found.value)

    def date_pair(
        self, start_key: str, end_key: str, range_key: str, *, whole_years: bool
    ) -> tuple[dt.date | None, dt.date | None]:
        """Two dates from their own rows, or from one row holding a range."""
        start = self._date(start_key, first=True, whole_years=whole_years)
        end = self._date(end_key, first=False, whole_years=whole_years)
        if start is not None and end is not None:
            return start, end
        combined = self.value(range_key)
        if combined is not None and (start is None or end is None):
            try:
                low, high = parse_date_range(combined.value)
                return start or low, end or high
            except ValueProblem as exc:
                self.bad(range_key, exc.message)
                return None, None
        if start is not None and end is None and not whole_years and end_key not in self.fields:
            return start, start  # a one-day event
        for key, got in ((start_key, start), (end_key, end)):
            if got is None and key not in self._reported:
                self.missing(key)
        return start, end

    def _date(self, key: str, *, first: bool, whole_years: bool) -> dt.date | None:
        found = self.value(key)
        if found is None:
            return None
        try:
            if whole_years:
                low, high = parse_date_range(found.value)
                return low if first else high
            return parse_date(found.value)
        except ValueProblem as exc:
            self._reported.add(key)
            self.bad(key, exc.message)
            return None


# --- small readers -------------------------------------------------------------------------------


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _level(text: str) -> Level | None:
    key = normalize_key(text)
    if "prov" in key:
        return Level.PROVINSI
    if "nas" in key or "national" in key:
        return Level.NASIONAL
    return None


def _role(text: str) -> Role | None:
    key = normalize_key(text)
    if not key:
        return Role.ANGGOTA
    if key in _KETUA or (key.startswith("ketua") and "merangkap" in key):
        return Role.KETUA
    if key in _ANGGOTA or key.endswith("merangkapanggota"):
        return Role.ANGGOTA
    return None


def _is_break(participant: str) -> bool:
    key = normalize_key(participant)
    return bool(key) and key.startswith(BREAK_WORDS)


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
