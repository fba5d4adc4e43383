"""The Kegiatan sheet: the event's name, level, province, year, period, venue, dates and code,
as a column of field names with their values beside them."""

from __future__ import annotations

import datetime as dt
import re

from ..domain.event import Level
from ..domain.text import Text
from .workbook_flags import yes_or_no
from .workbook_layout import EVENT
from .workbook_reading import HeaderDraft, ProblemLog
from .workbook_sheets import FormField, Found, Grid, read_form
from .workbook_values import (
    ValueProblem,
    cell_text,
    normalize_key,
    parse_date,
    parse_date_range,
    parse_whole_number,
)

EVENT_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")


class EventSheet:
    """Reads the Kegiatan sheet into a ``HeaderDraft``."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log

    def read_event(self, grid: Grid) -> HeaderDraft:
        fields, recognised = read_form(grid, EVENT)
        header = HeaderDraft()
        if not recognised:
            self.log.problem(
                grid.title,
                Text(
                    "isian kegiatan tidak dikenali; tulis di kolom A judul isian (Nama kegiatan, "
                    "Tingkat, Provinsi, ...) dan di kolom B isinya, seperti di template.",
                    "the event details are not recognised; put the field names (Nama kegiatan / "
                    "Event name, Tingkat / Level, ...) in column A and the values in column B, as "
                    "in the template.",
                ),
            )
            return header
        form = _Form(self.log, grid, fields)
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
        self._read_dates(form, header)
        demo = form.value("demo")
        if demo is not None:
            try:
                header.is_demo = yes_or_no(demo.value)
            except ValueProblem as exc:
                form.bad("demo", exc.message)
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
        self._read_papers(form, header)
        return header

    def _read_papers(self, form: _Form, header: HeaderDraft) -> None:
        """What only the papers print; every field may be empty (its default)."""
        header.heading_lines = tuple(
            line for line in (form.text(f"heading_{n}") for n in (1, 2, 3)) if line
        )
        header.minutes_number = form.text("minutes_number")
        header.signing_place = form.text("signing_place")
        for key, low, high in (("winners", 0, 20), ("national", 0, 20), ("score_decimals", 0, 4)):
            found = form.value(key)
            if found is None or not cell_text(found.value):
                continue
            try:
                number = parse_whole_number(found.value)
                if not low <= number <= high:
                    raise ValueProblem(Text("", ""))
            except ValueProblem:
                heading = EVENT.column(key).heading
                form.bad(
                    key,
                    Text(
                        f"{heading} '{found.text}' tidak sah; tulis bilangan bulat {low} sampai "
                        f"{high}, atau kosongkan.",
                        f"{EVENT.column(key).english} '{found.text}' is not valid; write a whole "
                        f"number from {low} to {high}, or leave it empty.",
                    ),
                )
                continue
            setattr(header, key, number)

    def _read_dates(self, form: _Form, header: HeaderDraft) -> None:
        """The assessment period, the venue and the event's dates (each pair in order)."""
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


class _Form:
    def __init__(self, log: ProblemLog, grid: Grid, fields: dict[str, FormField]) -> None:
        self.log = log
        self.grid = grid
        self.fields = fields
        self._reported: set[str] = set()

    def bad(self, key: str, message: Text) -> None:
        item = self.fields.get(key)
        if item is None:
            self.log.problem(self.grid.title, message)
            return
        column = item.value.column if item.value else item.value_column
        self.log.problem(
            self.grid.title, message, row=item.label.row, column=column, heading=item.label.text
        )

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


def _level(text: str) -> Level | None:
    key = normalize_key(text)
    if "prov" in key:
        return Level.PROVINSI
    if "nas" in key or "national" in key:
        return Level.NASIONAL
    return None
