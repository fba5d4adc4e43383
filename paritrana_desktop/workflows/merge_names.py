"""The name the program proposes for the merged workbook, the same in the window, on the command
line and in the guides: ``REKAP_<KODE>_<YYYYMMDD>.xlsx``.

The day is the last interview day among the scorecards merged (Monday's merge is named after
Monday, even when it runs after midnight), or today when nothing is merged yet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..domain.merge_model import MergePlan

__all__ = ["default_output", "workbook_name", "workbook_name_for"]


def workbook_name(event_code: str | None, day: dt.date) -> str:
    """``REKAP_KALTIM25_20250728.xlsx``; the code is left out when it is unknown, and any
    character a file name cannot hold becomes ``_``."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in (event_code or ""))
    stamp = day.strftime("%Y%m%d")
    return f"REKAP_{safe}_{stamp}.xlsx" if safe else f"REKAP_{stamp}.xlsx"


def merged_day(plan: MergePlan) -> dt.date | None:
    """The last interview day of the scorecards the plan uses."""
    event = plan.event
    if event is None or not plan.cards:
        return None
    return max(event.interview(used.card.interview_id).day for used in plan.cards)


def workbook_name_for(plan: MergePlan, today: dt.date) -> str:
    day = merged_day(plan) or today
    return workbook_name(plan.event.code if plan.event is not None else None, day)


def default_output(plan: MergePlan, today: dt.date) -> Path:
    """Where the command line writes without ``-o``: beside the first panel file merged, under
    :func:`workbook_name_for`."""
    folder = next(
        (f.path.parent for f in plan.files if f.judge_id is not None),
        plan.files[0].path.parent if plan.files else Path.cwd(),
    )
    return folder / workbook_name_for(plan, today)
