"""What the readers of the secretariat's workbook share: the drafts of what each row said
(before the whole is known to be valid) and the log of problems, each with its sheet, row and
column, reported all at once in the order of the workbook."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from ..domain.event import Level, Role, Scale
from ..domain.text import Text
from .workbook_problems import WorkbookProblem
from .workbook_sheets import Grid, Table
from .workbook_values import ValueProblem


@dataclass
class HeaderDraft:
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
    is_demo: bool = False
    heading_lines: tuple[str, ...] = ()
    minutes_number: str = ""
    signing_place: str = ""
    winners: int = 3
    national: int = 1
    score_decimals: int = 2

    def days(self) -> list[dt.date]:
        if self.start_date is None or self.end_date is None or self.end_date < self.start_date:
            return []
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + dt.timedelta(days=n) for n in range(min(count, 366))]


@dataclass
class CategoryDraft:
    code: str
    name: str
    scale: Scale | None
    sheet: str
    row: int
    weights_are_examples: bool = False


@dataclass
class CriterionDraft:
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
class InterviewDraft:
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
class JudgeDraft:
    id: str
    name: str
    institution: str
    role: Role | None
    sheet: str
    row: int
    columns: dict[str, tuple[int | None, str]] = field(default_factory=dict)
    nip: str = ""
    secretary: bool = False


class ProblemLog:
    """Every mistake found in the workbook, kept in sheet, row and column order."""

    def __init__(self) -> None:
        self.problems: list[tuple[tuple[int, int, int], WorkbookProblem]] = []
        self.sheet_rank: dict[str, int] = {}

    def problem(
        self,
        sheet: str,
        message: Text,
        *,
        row: int | None = None,
        column: int | None = None,
        heading: str = "",
    ) -> None:
        """``message`` about ``sheet`` (``""``: the workbook), at a row and column if known;
        ``heading`` is the column's heading as the workbook writes it."""
        rank = self.sheet_rank.setdefault(sheet, len(self.sheet_rank)) if sheet else -1
        item = WorkbookProblem(sheet, row, column, heading, message.map(_capital))
        self.problems.append(((rank, row or 0, column or 0), item))

    def cell_problem(self, table: Table, row: int, key: str, message: Text) -> None:
        column, heading = table.where(key)
        self.problem(table.grid.title, message, row=row, column=column, heading=heading)

    def value_problem(self, table: Table, row: int, key: str, exc: ValueProblem) -> None:
        self.cell_problem(table, row, key, exc.message)

    def no_table(self, grid: Grid, needed: Text) -> None:
        """No header row on ``grid``: the sentence names the ``needed`` headings."""
        self.problem(
            grid.title,
            Text(
                f"baris judul kolom tidak ditemukan di {10} baris pertama; tulis judul kolom "
                f"({needed.id}) dalam satu baris di atas data, seperti di template.",
                f"no header row in the first 10 rows; put the column headings ({needed.en}) in "
                "one row above the data, as in the template.",
            ),
        )

    def doubled_headings(self, table: Table) -> None:
        """A column heading written twice is refused, naming both columns: which one holds
        the data cannot be guessed."""
        for _, used, other in table.doubled:
            first, second = get_column_letter(used.column), get_column_letter(other.column)
            self.problem(
                table.grid.title,
                Text(
                    f"judul kolom '{used.text}' ada dua kali (kolom {first} dan {second}); "
                    "hapus atau ganti judul salah satunya.",
                    f"the heading '{used.text}' appears twice (columns {first} and {second}); "
                    "delete or rename one of them.",
                ),
                row=table.header_row,
                column=other.column,
                heading=other.text,
            )

    def ordered(self) -> list[WorkbookProblem]:
        return [p for _, p in sorted(self.problems, key=lambda item: item[0])]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
