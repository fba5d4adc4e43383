"""What the sheets of the merged workbook share: the sheet list, number formats and helpers."""

from __future__ import annotations

import math
from collections.abc import Sequence

from openpyxl import Workbook

from ..domain.aggregation import CategoryResult, JudgeScore, ParticipantFigures
from ..domain.event import Event
from ..domain.merge_model import MergePlan
from .rekap_sheet import Col, SheetWriter, fit_widths
from .safe_text import CELL_LIMIT

SHEETS = (
    "Peringkat",
    "Matriks nilai",
    "Nilai per kriteria",
    "Data rinci",
    "Catatan",
    "Kelengkapan",
    "Berkas sumber",
    "Keputusan",
    "Metode",
)
MERGE_TIME_LABEL = "Waktu penggabungan"
SCORE = "0.000"
PERCENT = "0.0"
DATETIME = "dd/mm/yyyy hh:mm"
# Continuation pieces in Catatan stay well under the cell limit, with room for nothing else.
NOTE_PIECE = CELL_LIMIT - 100


def judge_label(event: Event, judge_id: str) -> str:
    judge = event.judge(judge_id)
    return f"{judge.name} ({judge.id})"


def status_text(score: JudgeScore) -> str:
    return score.status.value


def number(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return value


def write_small(
    wb: Workbook,
    title: str,
    cols: Sequence[Col],
    rows: Sequence[Sequence[object]],
    *,
    page_header: str,
    freeze: str = "A2",
    blocks: Sequence[int] = (),
    breaks: Sequence[int] = (),
    print_cols: int | None = None,
    more_pages: bool = False,
    title_cols: int = 0,
) -> SheetWriter:
    """A sheet small enough to hold in memory, so its widths fit its content."""
    widths = fit_widths(cols, rows)
    writer = SheetWriter(
        wb,
        title,
        cols,
        widths,
        freeze=freeze,
        page_header=page_header,
        top_align=True,
        print_cols=print_cols,
        more_pages=more_pages,
        title_cols=title_cols,
    )
    block_rows = set(blocks)
    break_rows = set(breaks)
    for index, row in enumerate(rows):
        if index in break_rows:
            writer.page_break_before()
        writer.append(row, block_start=index in block_rows)
    writer.finish()
    return writer


def block_starts(plan: MergePlan) -> list[int]:
    starts: list[int] = []
    index = 0
    for result in plan.results:
        starts.append(index)
        index += len(result.participants)
    return starts


def schedule_order(plan: MergePlan, result: CategoryResult) -> list[ParticipantFigures]:
    assert plan.event is not None
    order = {i.id: n for n, i in enumerate(plan.event.interviews)}
    return sorted(result.participants, key=lambda f: order[f.interview.id])


def judge_cols(event: Event, number_format: str | None) -> list[Col]:
    # Centred: a total and the word standing in for it ("draf") read alike in the column.
    return [
        Col(
            judge_label(event, j.id),
            number_format=number_format,
            max_width=12,
            wrap=True,
            align="center",
        )
        for j in event.judges
    ]
