"""The merged workbook ("rekap") the secretariat works from, and its read-back check.

Sheets, in order: Peringkat, Matriks nilai, Nilai per kriteria, Data rinci (an Excel table),
Catatan, Kelengkapan, Berkas sumber, Keputusan, Metode. Everything is written in openpyxl's
write-only mode (streaming, with lxml), so the 64,000-row detail sheet never sits in memory.

The cell contents depend only on the plan (and so only on the set of files merged), never on
the order of the inputs; the single exception is the merge time in Metode.

The sheets are written by ``rekap_scores`` (the scores), ``rekap_records`` (every card, note,
file and decision) and ``rekap_method`` (Metode); ``rekap_check`` reads the file back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from ..domain.errors import Cancelled
from ..domain.merge_model import MergePlan
from .rekap_cells import MERGE_TIME_LABEL, SHEETS
from .rekap_check import RekapCheckFailed, check_rekap, read_sheet, sheet_names
from .rekap_method import method_rows, write_method
from .rekap_records import (
    DETAIL_HEADERS,
    completeness_rows,
    decision_rows,
    detail_rows,
    note_rows,
    source_rows,
    write_completeness,
    write_decisions,
    write_detail,
    write_notes,
    write_sources,
)
from .rekap_scores import (
    matrix_rows,
    ranking_rows,
    write_matrix,
    write_per_criterion,
    write_ranking,
)
from .rekap_sheet import abandon
from .workbook_file import save_workbook

__all__ = [
    "DETAIL_HEADERS",
    "MERGE_TIME_LABEL",
    "SHEETS",
    "RekapCheckFailed",
    "check_rekap",
    "completeness_rows",
    "decision_rows",
    "detail_rows",
    "matrix_rows",
    "method_rows",
    "note_rows",
    "ranking_rows",
    "read_sheet",
    "sheet_names",
    "source_rows",
    "write_rekap",
]

Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]


def write_rekap(
    plan: MergePlan,
    path: Path,
    *,
    merged_at: dt.datetime,
    program_version: str,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    cancel_error: Callable[[], BaseException] | None = None,
) -> int:
    """Write the workbook for ``plan`` to ``path``; returns the number of detail rows.

    Raises ``cancel_error()`` (by default :class:`~paritrana_desktop.domain.errors.Cancelled`)
    as soon as ``cancelled()`` turns true (the caller removes the partial file).
    """
    event = plan.event
    if event is None:
        raise ValueError("a plan without an event cannot be written")
    detail_total = sum(len(event.category_of(u.card.interview_id).criteria) for u in plan.cards)
    total = detail_total + len(plan.cards) * 2 + 100
    state = {"done": 0}

    def tick(rows: int, what: str) -> None:
        state["done"] += rows
        if cancelled is not None and cancelled():
            raise (cancel_error or Cancelled)()
        if progress is not None:
            progress(min(state["done"], total), total, what)

    wb = Workbook(write_only=True)
    title = f"Rekapitulasi {event.name}"
    try:
        write_ranking(wb, plan, event, title)
        tick(10, "Peringkat")
        write_matrix(wb, plan, event, title)
        tick(10, "Matriks nilai")
        write_per_criterion(wb, plan, event, title)
        tick(10, "Nilai per kriteria")
        written = write_detail(wb, plan, event, title, tick)
        write_notes(wb, plan, event, title)
        tick(len(plan.cards), "Catatan")
        write_completeness(wb, plan, event, title)
        write_sources(wb, plan, title)
        write_decisions(wb, plan, event, title)
        write_method(wb, plan, title, merged_at, program_version)
        tick(10, "Metode")
        save_workbook(wb, path)
    except BaseException:
        abandon(wb)
        raise
    tick(total, "Disimpan")
    return written
