"""Helpers for the merge tests: panel files made with the real PanelFile API, and the written
workbook read back with python-calamine (a reader independent of openpyxl)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Mapping
from pathlib import Path

from python_calamine import CalamineWorkbook

from paritrana_desktop.domain.event import Event
from paritrana_desktop.excel.rekap import MERGE_TIME_LABEL
from paritrana_desktop.storage.panel_file import PanelFile
from tests.factories import small_event
from tests.unit.storage_helpers import steady_clock

FIXED_CLOCK_TIME = dt.datetime(2025, 7, 28, 18, 0, tzinfo=dt.UTC)


def fixed_clock() -> dt.datetime:
    return FIXED_CLOCK_TIME


def score(
    panel: PanelFile,
    interview_id: str,
    ratings: Mapping[str, float] | float,
    *,
    final: bool = True,
    note: str | None = None,
) -> None:
    """Rate every criterion of the interview (one value for all, or per code) and finalise."""
    category = panel.event.category_of(interview_id)
    for criterion in category.criteria:
        value = ratings if isinstance(ratings, int | float) else ratings[criterion.code]
        panel.rate(interview_id, criterion.code, float(value))
    if note is not None:
        panel.set_general_note(interview_id, note)
    if final:
        panel.finalise(interview_id)


def make_panel(
    folder: Path,
    event: Event,
    judge_id: str,
    scores: Mapping[str, Mapping[str, float] | float],
    *,
    drafts: tuple[str, ...] = (),
    conflicts: Mapping[str, str] | None = None,
    name: str | None = None,
    start: dt.datetime | None = None,
) -> Path:
    """A closed panel file for ``judge_id`` with the given scores (finalised unless a draft)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{judge_id}.paritrana-panel")
    clock = steady_clock(start or dt.datetime(2025, 7, 28, 1, int(judge_id[-1]), tzinfo=dt.UTC))
    with PanelFile.create(path, event, judge_id, clock=clock) as panel:
        for interview_id, ratings in scores.items():
            score(panel, interview_id, ratings, final=interview_id not in drafts)
        for interview_id, reason in (conflicts or {}).items():
            panel.declare_conflict(interview_id, reason)
            panel.finalise(interview_id)
    return path


def three_judges(folder: Path, event: Event | None = None) -> list[Path]:
    """A day's files: three judges, a draft, a conflict of interest, notes that look like
    formulas, a judge who has not scored everyone."""
    event = event or small_event()
    folder.mkdir(parents=True, exist_ok=True)
    paths = [
        make_panel(
            folder,
            event,
            "J1",
            {
                "W01": {"REG": 4, "COV": 5, "WAW": 3},
                "W02": 3,
                "W03": 4,
                "W90": {"KEP": 5, "CSR": 4},
            },
        ),
        make_panel(
            folder,
            event,
            "J2",
            {"W01": 4, "W02": {"REG": 2, "COV": 3, "WAW": 4}, "W03": 5, "W90": 3},
            drafts=("W03",),
        ),
        make_panel(
            folder,
            event,
            "J3",
            {"W01": 5, "W03": {"REG": 3, "COV": 4, "WAW": 4}},
            conflicts={"W02": "Saudara kandung pejabat peserta"},
        ),
    ]
    later = steady_clock(dt.datetime(2025, 7, 28, 9, 0, tzinfo=dt.UTC))
    with PanelFile.open(paths[0], clock=later) as panel:
        panel.unlock("W01", "catatan tertinggal")
        panel.note("W01", "REG", '=HYPERLINK("http://x") perda lengkap')
        panel.set_recommendation("W01", "+ layak ke nasional")
        panel.finalise("W01")
        panel.unlock("W90", "salah ketik")
        panel.set_general_note("W90", "-- tidak ada vendor terdaftar\x07 @cek")
        panel.finalise("W90")
    return paths


def copy_file(path: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (name or path.name)
    shutil.copyfile(path, target)
    return target


def workbook_cells(path: Path, *, keep_merge_time: bool = False) -> dict[str, list[list[object]]]:
    """Every sheet's cell values, read by python-calamine; the merge time left out unless asked."""
    wb = CalamineWorkbook.from_path(str(path))
    out: dict[str, list[list[object]]] = {}
    for name in wb.sheet_names:
        rows: list[list[object]] = [[*r] for r in wb.get_sheet_by_name(name).to_python()]
        if name == "Metode" and not keep_merge_time:
            rows = [r for r in rows if not r or r[0] != MERGE_TIME_LABEL]
        out[name] = rows
    return out


def as_records(rows: list[list[object]]) -> list[dict[str, object]]:
    """A sheet's rows as dicts keyed by the header row."""
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, r, strict=False)) for r in rows[1:]]
