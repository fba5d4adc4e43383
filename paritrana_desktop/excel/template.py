"""The secretariat's blank workbook, and any event written in the same layout.

``write_template`` writes the workbook ``paritrana event template`` hands out: sheets Kegiatan,
Kategori, Rubrik, Jadwal and Panel, each with an instruction line, a bold frozen header row,
example rows and drop-down lists. ``write_event_workbook`` writes any ``Event`` in exactly
that layout, so what it writes reads back as the same event (the tests hold it to that).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.errors import UserError
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
from .safe_text import clean, needs_guard
from .template_papers import EXAMPLE_PAPERS, ROLE_CHOICES, judge_papers_values, papers_values
from .workbook_file import XLSX, cannot_write_workbook, save_workbook, with_xlsx_suffix
from .workbook_layout import (
    CATEGORIES,
    EVENT,
    EVENT_FIELDS,
    PANEL,
    RUBRIC,
    SCHEDULE,
    SCHEDULE_TEMPLATE_COLUMNS,
    Column,
    SheetSpec,
)
from .workbook_values import format_date_id, format_time

HEADER_ROW = 2
FIRST_ROW = 3
# Drop-down lists and text formats reach this far down, so rows the secretary adds get them.
LAST_ROW = 300
CATEGORY_LIST_END = 100

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_INSTRUCTION_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="8EA9DB")
_HEADER_BORDER = Border(bottom=_THIN, top=_THIN, left=_THIN, right=_THIN)
_TEXT = "@"


def example_event() -> Event:
    """The example rows of the template: a provincial round like Kalimantan Timur 2025.

    Weights are examples only; no official weights are published.
    """
    day1, day2 = dt.date(2025, 7, 28), dt.date(2025, 7, 29)
    room = "Ruang Mahakam"
    interviews = (
        Interview("W01", day1, dt.time(8, 0), dt.time(8, 45), room, "Kabupaten Berau", "PEMKAB",
                  "Bupati, Kepala Dinas Tenaga Kerja"),
        Interview("W02", day1, dt.time(8, 45), dt.time(9, 30), room, "Kabupaten Paser",
                  "PEMKAB", "Wakil Bupati, Kepala Dinas Tenaga Kerja"),
        Interview("W03", day1, dt.time(9, 30), dt.time(10, 15), room, "Kota Samarinda",
                  "PEMKAB", "Wali Kota, Kepala Dinas Tenaga Kerja"),
        Interview("W04", day2, dt.time(8, 0), dt.time(8, 30), room, "PT Contoh Sejahtera",
                  "PB", "Direktur SDM"),
        Interview("W05", day2, dt.time(8, 30), dt.time(9, 0), room, "UD Contoh Makmur", "UMKM",
                  "Pemilik usaha"),
    )  # fmt: skip
    judges = (
        Judge("J1", "Nama Ketua (contoh)", "Sekretariat Daerah Provinsi", Role.KETUA),
        Judge("J2", "Nama Anggota 1 (contoh)", "BPJS Ketenagakerjaan"),
        Judge("J3", "Nama Anggota 2 (contoh)", "Disnakertrans Provinsi", secretary=True),
        Judge("J4", "Nama Anggota 3 (contoh)", "Apindo"),
    )
    return Event(
        code="KALTIM25",
        name="Paritrana Award Tingkat Provinsi Kalimantan Timur 2025",
        level=Level.PROVINSI,
        province="Kalimantan Timur",
        award_year=2025,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        venue="Hotel Mercure Samarinda",
        start_date=day1,
        end_date=day2,
        categories=_example_categories(),
        interviews=interviews,
        judges=judges,
        **EXAMPLE_PAPERS,
    )


def _example_categories() -> tuple[Category, ...]:
    """The template's example rubrics: weights are examples, not official ones."""
    five = Scale(
        1,
        5,
        1,
        tuple(
            ScaleLevel(v, label)
            for v, label in enumerate(
                ["Sangat kurang", "Kurang", "Cukup", "Baik", "Sangat baik"], start=1
            )
        ),
    )
    hundred = Scale(
        0,
        100,
        5,
        tuple(
            ScaleLevel(float(v), "Kurang" if v <= 40 else "Cukup" if v <= 70 else "Baik")
            for v in range(0, 101, 5)
        ),
    )
    return (
        Category(
            "PEMKAB",
            "Pemerintah Kabupaten/Kota",
            (
                Criterion("REG", "Regulasi", "Perda dan Perkada (Perbup/Perwali) tentang "
                          "perlindungan jaminan sosial ketenagakerjaan", 25),
                Criterion("CAK", "Cakupan kepesertaan", "Pekerja terdaftar dibanding potensi "
                          "angkatan kerja", 30),
                Criterion("ANG", "Anggaran pekerja rentan", "APBD untuk iuran pekerja rentan", 20),
                Criterion("INO", "Inovasi", "Program dan kolaborasi baru", 10),
                Criterion("WAW", "Wawancara", "Paparan; kepala daerah hadir sendiri", 15),
            ),
            five,
        ),
        Category(
            "PB",
            "Perusahaan Besar",
            (
                Criterion("KEP", "Kepatuhan", "Semua pekerja terdaftar di semua program, upah "
                          "dilaporkan sebenarnya, iuran tepat waktu", 40),
                Criterion("REN", "Pekerja rentan dan CSR", "Perlindungan pekerja rentan", 20),
                Criterion("VEN", "Rantai pasok", "Vendor dan mitra terdaftar", 20),
                Criterion("WAW", "Wawancara", "Paparan dan tanya jawab", 20),
            ),
            five,
        ),
        Category(
            "UMKM",
            "Usaha Kecil dan Mikro",
            (
                Criterion("KEP", "Kepatuhan", "Pemilik dan pekerja terdaftar", 60),
                Criterion("WAW", "Wawancara", "Paparan dan tanya jawab", 40),
            ),
            hundred,
        ),
    )  # fmt: skip


def write_template(path: Path) -> Path:
    """Write the blank workbook (with example rows) for the secretariat; never overwrites."""
    return write_event_workbook(path, example_event())


def write_event_workbook(path: Path, event: Event, *, overwrite: bool = False) -> Path:
    """Write ``event`` in the template's layout, complete or not at all."""
    path = _target(Path(path), overwrite)
    workbook = build_event_workbook(event)
    temporary = path.with_name(f".{path.name}.part")
    try:
        save_workbook(workbook, temporary)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise cannot_write_workbook(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path


def _target(path: Path, overwrite: bool) -> Path:
    path = with_xlsx_suffix(path)
    if path.suffix.lower() != XLSX:
        raise UserError(
            Text(
                f"{path.name}: template ditulis sebagai workbook .xlsx; beri nama berakhiran "
                ".xlsx.",
                f"{path.name}: the template is an .xlsx workbook; give a name ending in .xlsx.",
            ),
        )
    if path.exists() and not overwrite:
        raise UserError(
            Text(
                f"{path} sudah ada; program tidak menimpanya (mungkin berisi jadwal yang sudah "
                "diisi). Pilih nama lain.",
                f"{path} already exists and will not be overwritten (it may hold a filled-in "
                "schedule). Choose another name.",
            ),
        )
    if not path.parent.is_dir():
        raise UserError(
            Text(
                f"Folder {path.parent} tidak ada. Buat foldernya atau pilih folder lain.",
                f"The folder {path.parent} does not exist. Create it or choose another folder.",
            ),
        )
    return path


def build_event_workbook(event: Event) -> Workbook:
    """The workbook for ``event``, in memory."""
    workbook = Workbook()
    default = workbook.active
    assert default is not None
    workbook.remove(default)
    _event_sheet(workbook, event)
    _categories_sheet(workbook, event.categories)
    _rubric_sheet(workbook, event.categories)
    _schedule_sheet(workbook, event.interviews)
    _panel_sheet(workbook, event.judges)
    return workbook


# --- sheets ----------------------------------------------------------------------------------


def _event_sheet(workbook: Workbook, event: Event) -> None:
    ws = _new_sheet(workbook, EVENT, ["Isian", "Isi", "Petunjuk"], [30, 58, 64])
    values: dict[str, object] = {
        "name": event.name,
        "level": event.level.value,
        "province": event.province,
        "award_year": event.award_year,
        "period_start": f"{event.period_start:%d/%m/%Y}",
        "period_end": f"{event.period_end:%d/%m/%Y}",
        "venue": event.venue,
        "start_date": f"{event.start_date:%d/%m/%Y}",
        "end_date": f"{event.end_date:%d/%m/%Y}",
        "code": event.code,
        "demo": "ya",
        **papers_values(event),
    }
    # A demo event says so in a last row; a real one needs no such row.
    for offset, key in enumerate(EVENT_FIELDS + (("demo",) if event.is_demo else ())):
        row = FIRST_ROW + offset
        column = EVENT.column(key)
        _put(ws, row, 1, column.heading).font = Font(bold=True)
        cell = _put(ws, row, 2, values[key])
        if isinstance(values[key], str):
            cell.number_format = _TEXT
        hint = _put(ws, row, 3, column.hint)
        hint.font = Font(italic=True, color="595959")
        hint.alignment = Alignment(wrap_text=True, vertical="top")
        if key == "level":
            _list(ws, f'"{Level.PROVINSI.value},{Level.NASIONAL.value}"', f"B{row}",
                  "Tingkat", "Pilih provinsi atau nasional.")  # fmt: skip
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def _categories_sheet(workbook: Workbook, categories: Sequence[Category]) -> None:
    # "Bobot contoh" only when some category's weights are examples (the demo's).
    examples = any(c.weights_are_examples for c in categories)
    keys = ["code", "name", "minimum", "maximum", "step", "levels"] + ["examples"] * examples
    ws = _table_sheet(workbook, CATEGORIES, keys)
    for row, category in enumerate(categories, start=FIRST_ROW):
        scale = category.scale
        values: list[object] = [
            category.code,
            category.name,
            _number(scale.minimum),
            _number(scale.maximum),
            _number(scale.step),
            levels_text(scale),
        ]
        values += ["ya" if category.weights_are_examples else "tidak"] * examples
        _put_row(ws, row, values, wrap={6})
    _text_columns(ws, (1, 2, 6))


def _rubric_sheet(workbook: Workbook, categories: Sequence[Category]) -> None:
    ws = _table_sheet(workbook, RUBRIC, [c.key for c in RUBRIC.columns])
    row = FIRST_ROW
    for category in categories:
        for criterion in category.criteria:
            values: list[object] = [
                category.code,
                criterion.code,
                criterion.name,
                criterion.description,
                _number(criterion.weight),
            ]
            _put_row(ws, row, values, wrap={3, 4})
            row += 1
    _text_columns(ws, (1, 2, 3, 4))
    _category_list(ws, 1)


def _schedule_sheet(workbook: Workbook, interviews: Sequence[Interview]) -> None:
    keys = list(SCHEDULE_TEMPLATE_COLUMNS)
    ws = _table_sheet(workbook, SCHEDULE, keys)
    for row, interview in enumerate(interviews, start=FIRST_ROW):
        by_key: dict[str, object] = {
            "day": format_date_id(interview.day),
            "start": format_time(interview.start),
            "end": format_time(interview.end),
            "room": interview.room,
            "participant": interview.participant,
            "category": interview.category,
            "representatives": interview.representatives,
            "id": interview.id,
        }
        _put_row(ws, row, [by_key[k] for k in keys], wrap={keys.index("representatives") + 1})
    # Text columns: Excel leaves 28/07/2025 and 08.00 as typed instead of guessing (and maybe
    # swapping day and month); the reader understands the text.
    _text_columns(ws, range(1, len(keys) + 1))
    _category_list(ws, keys.index("category") + 1)


def _panel_sheet(workbook: Workbook, judges: Sequence[Judge]) -> None:
    keys = [c.key for c in PANEL.columns]
    ws = _table_sheet(workbook, PANEL, keys)
    for row, judge in enumerate(judges, start=FIRST_ROW):
        by_key: dict[str, object] = {
            "name": judge.name,
            "institution": judge.institution,
            "id": judge.id,
            **judge_papers_values(judge),
        }
        _put_row(ws, row, [by_key[k] for k in keys])
    _text_columns(ws, range(1, len(keys) + 1))
    role = get_column_letter(keys.index("role") + 1)
    _list(ws, f'"{ROLE_CHOICES}"', f"{role}{FIRST_ROW}:{role}{LAST_ROW}",
          "Peran", "Pilih ketua (satu orang), anggota, atau sekretaris.")  # fmt: skip


# --- helpers ---------------------------------------------------------------------------------


def levels_text(scale: Scale) -> str:
    """The descriptors one per line, ``1 = Sangat kurang``; runs of neighbouring values with
    the same label become one range, ``0-40 = Kurang``."""
    values = scale.values()
    position = {v: i for i, v in enumerate(values)}
    lines: list[str] = []
    run: list[ScaleLevel] = []

    def flush() -> None:
        if not run:
            return
        if len(run) == 1:
            lines.append(f"{format_number(run[0].value)} = {run[0].label}")
        else:
            lines.append(
                f"{format_number(run[0].value)}-{format_number(run[-1].value)} = {run[0].label}"
            )
        run.clear()

    for level in scale.levels:
        if run:
            previous = run[-1]
            direction = (
                position.get(run[1].value, -1) - position.get(run[0].value, -1)
                if len(run) > 1
                else None
            )
            step = position.get(level.value, -99) - position.get(previous.value, -99)
            if level.label == previous.label and step in (1, -1) and direction in (None, step):
                run.append(level)
                continue
            flush()
        run.append(level)
    flush()
    text = "\n".join(lines)
    # A lone line is split at ";" when read; a line break at the end says "lines, not ;".
    return text + "\n" if len(lines) == 1 and ";" in text else text


def _text_columns(ws: Worksheet, columns: Iterable[int]) -> None:
    """Cells typed later in these columns keep what was typed, as text."""
    for column in columns:
        ws.column_dimensions[get_column_letter(column)].number_format = _TEXT


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def _new_sheet(
    workbook: Workbook, spec: SheetSpec, headings: Sequence[str], widths: Sequence[float]
) -> Worksheet:
    ws: Worksheet = workbook.create_sheet(spec.name)
    last = get_column_letter(len(headings))
    instruction = _put(ws, 1, 1, spec.instruction)
    instruction.alignment = Alignment(wrap_text=True, vertical="top")
    instruction.font = Font(italic=True, color="7F6000")
    instruction.fill = _INSTRUCTION_FILL
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = 62
    ws.row_dimensions[HEADER_ROW].height = 30
    for column, (heading, width) in enumerate(zip(headings, widths, strict=True), start=1):
        cell = _put(ws, HEADER_ROW, column, heading)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _HEADER_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_options.gridLines = True
    _landscape(ws)
    return ws


def _table_sheet(workbook: Workbook, spec: SheetSpec, keys: Sequence[str]) -> Worksheet:
    columns: list[Column] = [spec.column(k) for k in keys]
    ws = _new_sheet(workbook, spec, [c.heading for c in columns], [c.width for c in columns])
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(columns))}{HEADER_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    return ws


def _landscape(ws: Worksheet) -> None:
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]


def _put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one value; text stays text (never a formula, no characters Excel refuses)."""
    cell = ws.cell(row, column)
    assert isinstance(cell, Cell)
    if isinstance(value, str):
        text = clean(value)
        cell.value = text
        if needs_guard(text):
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value  # type: ignore[assignment]
    return cell


def _put_row(
    ws: Worksheet, row: int, values: Sequence[object], wrap: frozenset[int] | set[int] = frozenset()
) -> None:
    for column, value in enumerate(values, start=1):
        cell = _put(ws, row, column, "" if value is None else value)
        if isinstance(value, str) and value:
            cell.number_format = _TEXT
        cell.alignment = Alignment(wrap_text=column in wrap, vertical="top")


def _list(ws: Worksheet, formula: str, cells: str, title: str, prompt: str) -> None:
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=title,
        error=f"{prompt} Nilai lain tetap boleh disimpan, tetapi periksa ejaannya.",
        showInputMessage=True,
        promptTitle=title,
        prompt=prompt,
    )
    validation.add(cells)
    ws.add_data_validation(validation)


def _category_list(ws: Worksheet, column: int) -> None:
    letter = get_column_letter(column)
    source = f"{quote_sheetname(CATEGORIES.name)}!$A${FIRST_ROW}:$A${CATEGORY_LIST_END}"
    _list(ws, source, f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}", "Kategori",
          "Pilih kode kategori dari sheet Kategori.")  # fmt: skip
