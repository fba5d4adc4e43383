"""The Jadwal sheets: the interviews, by day, time, room, participant and category."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..domain.event import Interview
from ..domain.text import Text
from .workbook_categories import CategoryMatcher
from .workbook_layout import EVENT, SCHEDULE
from .workbook_reading import HeaderDraft, InterviewDraft, ProblemLog
from .workbook_sheets import DataRow, Grid, Table, find_table
from .workbook_values import (
    ValueProblem,
    find_date_in_text,
    format_date_id,
    format_time,
    normalize_key,
    parse_date,
    parse_day_reference,
    parse_time_range,
)

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


class ScheduleSheet:
    """Reads the Jadwal sheets into the interviews."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log

    def read_schedule(
        self, grids: list[Grid], matcher: CategoryMatcher | None, header: HeaderDraft
    ) -> list[Interview]:
        drafts: list[InterviewDraft] = []
        event_days = header.days()
        tables = 0
        for grid in grids:
            table = find_table(grid, SCHEDULE)
            if table is None:
                self.log.no_table(
                    grid,
                    Text(
                        "Tanggal, Mulai, Selesai, Ruang, Peserta, Kategori, Perwakilan",
                        "Date, Start, End, Room, Participant, Category, Representatives",
                    ),
                )
                continue
            self.log.doubled_headings(table)
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
                self.log.problem(
                    grid.title,
                    Text(
                        f"kolom {', '.join(m[0] for m in missing)} tidak ada; tambahkan di baris "
                        "judul.",
                        f"the column(s) {', '.join(m[1] for m in missing)} are missing; add them "
                        "to the header row.",
                    ),
                    row=table.header_row,
                )
                continue
            tables += 1
            drafts += self._schedule_rows(table, matcher, event_days)
        self._check_schedule(drafts, header)
        if not drafts and tables:
            self.log.problem(
                grids[0].title,
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
    ) -> list[InterviewDraft]:
        drafts: list[InterviewDraft] = []
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
                    self.log.cell_problem(
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
                self.log.cell_problem(
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
                InterviewDraft(
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
            self.log.value_problem(table, row.number, key, exc)
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
                self.log.value_problem(table, row.number, key, exc)
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
            self.log.cell_problem(
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
            self.log.cell_problem(
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
            self.log.cell_problem(
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
            self.log.cell_problem(
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
            self.log.value_problem(table, row.number, "category", exc)
            return None

    def _check_schedule(self, drafts: list[InterviewDraft], header: HeaderDraft) -> None:
        self._check_ids(drafts)
        self._check_days(drafts, header)
        self._check_rooms(drafts)

    def _report(self, d: InterviewDraft, key: str, message: Text) -> None:
        column, heading = d.columns.get(key, (None, ""))
        self.log.problem(d.sheet, message, row=d.row, column=column, heading=heading)

    def _check_ids(self, drafts: list[InterviewDraft]) -> None:
        """Each ID once; rows without one get an ID made from their day and time."""
        taken: dict[str, InterviewDraft] = {}
        for d in drafts:
            if not d.id:
                continue
            key = normalize_key(d.id) or d.id
            if key in taken:
                other = taken[key]
                self._report(
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
        waiting: dict[str, list[InterviewDraft]] = defaultdict(list)
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

    def _check_days(self, drafts: list[InterviewDraft], header: HeaderDraft) -> None:
        """Every interview on one of the event's days (when those are known)."""
        if header.start_date and header.end_date and header.start_date <= header.end_date:
            for d in drafts:
                if d.day and not header.start_date <= d.day <= header.end_date:
                    self._report(
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

    def _check_rooms(self, drafts: list[InterviewDraft]) -> None:
        """No two interviews in one room at once."""
        rooms: dict[tuple[dt.date, str], list[InterviewDraft]] = defaultdict(list)
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
                        self._report(
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


def _is_break(participant: str) -> bool:
    key = normalize_key(participant)
    return bool(key) and key.startswith(BREAK_WORDS)
