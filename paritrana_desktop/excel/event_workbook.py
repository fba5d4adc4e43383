"""The secretariat's workbook in: Kegiatan, Kategori, Rubrik, Jadwal and Panel to an ``Event``.

``read_event_workbook`` reads a workbook typed by hand (title rows, merged cells, headings in
either language, dates and times in the forms people write them) and either returns a valid
``Event`` or raises ``WorkbookProblems`` listing every mistake at once with its sheet, row and
column. It never returns half an event.

Each sheet has its reader (``workbook_event_sheet``, ``workbook_category_sheet``,
``workbook_rubric_sheet``, ``workbook_schedule_sheet``, ``workbook_panel_sheet``); they share
one ``ProblemLog`` (``workbook_reading``), and this module puts the event together.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.workbook.workbook import Workbook

from ..domain.errors import ValidationError
from ..domain.event import Event
from ..domain.text import Text
from .workbook_categories import CategoryMatcher, KnownCategory
from .workbook_category_sheet import CategorySheet
from .workbook_event_sheet import EventSheet
from .workbook_formulas import Uncalculated
from .workbook_layout import SHEETS
from .workbook_panel_sheet import PanelSheet
from .workbook_problems import WorkbookProblem, WorkbookProblems, load_source
from .workbook_reading import HeaderDraft, ProblemLog
from .workbook_rubric_sheet import RubricSheet
from .workbook_schedule_sheet import ScheduleSheet
from .workbook_sheets import Grid, find_sheets

__all__ = ["WorkbookProblem", "WorkbookProblems", "read_event_workbook"]


def read_event_workbook(path: Path) -> Event:
    """The event the workbook describes; ``WorkbookProblems`` with every mistake otherwise."""
    path = Path(path)
    workbook, uncalculated = load_source(path)
    return _read(path, workbook, uncalculated)


def _read(path: Path, workbook: Workbook, uncalculated: list[Uncalculated] | None = None) -> Event:
    log = ProblemLog()
    grids = _find_sheets(workbook, log)
    header = EventSheet(log).read_event(grids["event"][0]) if grids["event"] else HeaderDraft()
    drafts = (
        CategorySheet(log).read_categories(grids["categories"][0]) if grids["categories"] else None
    )
    matcher = CategoryMatcher([KnownCategory(d.code, d.name) for d in drafts]) if drafts else None
    rubric = RubricSheet(log)
    criteria = rubric.read_rubric(grids["rubric"], matcher)
    categories = rubric.build_categories(drafts or [], criteria)
    interviews = ScheduleSheet(log).read_schedule(grids["schedule"], matcher, header)
    judges = PanelSheet(log).read_panel(grids["panel"][0]) if grids["panel"] else []
    read = {grid.title for found in grids.values() for grid in found}
    _name_uncalculated(log, [u for u in uncalculated or () if u.sheet in read])
    if log.problems:
        raise WorkbookProblems(path, log.ordered())
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
            is_demo=header.is_demo,
            heading_lines=header.heading_lines,
            minutes_number=header.minutes_number,
            signing_place=header.signing_place,
            winners=header.winners,
            national=header.national,
            score_decimals=header.score_decimals,
        )
    except ValidationError as exc:  # a rule checked only by the model itself
        raise WorkbookProblems(path, [WorkbookProblem("", None, None, "", exc.message)]) from None


def _name_uncalculated(log: ProblemLog, uncalculated: list[Uncalculated]) -> None:
    """A formula cell without a value is named as such: whatever else was said about that cell
    ("nama peserta kosong") only followed from its looking empty."""
    for cell in uncalculated:
        place = (cell.sheet, cell.row, cell.column)
        same = [p for _, p in log.problems if (p.sheet, p.row, p.column) == place]
        log.problems = [item for item in log.problems if item[1] not in same]
        heading = same[0].heading if same else ""
        log.problem(cell.sheet, cell.message(), row=cell.row, column=cell.column, heading=heading)


def _find_sheets(workbook: Workbook, log: ProblemLog) -> dict[str, list[Grid]]:
    """Each sheet kind's worksheets, in workbook order; a problem for each kind missing."""
    found = {spec.key: find_sheets(workbook, spec) for spec in SHEETS}
    for spec in SHEETS:
        for ws in found[spec.key]:
            log.sheet_rank.setdefault(ws.title, len(log.sheet_rank))
    for spec in SHEETS:
        if not found[spec.key]:
            log.problem(
                "",
                Text(
                    f"sheet '{spec.name}' tidak ada; tambahkan sheet bernama {spec.name} "
                    f"(atau {spec.english}) seperti di template. Sheet yang ada: "
                    f"{', '.join(workbook.sheetnames)}.",
                    f"there is no '{spec.name}' sheet; add a sheet named {spec.name} (or "
                    f"{spec.english}) as in the template. Sheets present: "
                    f"{', '.join(workbook.sheetnames)}.",
                ),
            )
    return {key: [Grid.from_worksheet(ws) for ws in sheets] for key, sheets in found.items()}
