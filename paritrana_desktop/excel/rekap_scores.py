"""The merged workbook's score sheets: Peringkat, Matriks nilai and Nilai per kriteria."""

from __future__ import annotations

from openpyxl import Workbook

from ..domain.aggregation import ParticipantFigures
from ..domain.event import Event
from ..domain.merge_model import MergePlan
from ..domain.official import official_lines
from ..domain.scorecard import CardState
from ..domain.words import format_decimal
from .rekap_cells import (
    PERCENT,
    SCORE,
    block_starts,
    judge_cols,
    number,
    schedule_order,
    status_text,
    write_small,
)
from .rekap_sheet import Col, Mark

# --- Peringkat -----------------------------------------------------------------------------

# The first RANKING_PRINTED columns are what the minutes need: they fill the printed page's
# width; the further checks print on the next page (a column break), at the same size.
RANKING_COLS = (
    Col("Kategori", max_width=18, wrap=True),
    Col("Peringkat", number_format="0", bold=True, align="center"),
    Col("Peserta", max_width=30, wrap=True),
    Col("Nilai resmi", number_format=SCORE, bold=True),
    Col("n", number_format="0", align="center"),
    Col("Nilai resmi dibulatkan", bold=True),
    Col("Sebutan", max_width=26, wrap=True),
    Col("Penanda", max_width=22, wrap=True),
    Col("Keterangan seri", max_width=32, wrap=True),
    Col("Median", number_format=SCORE),
    Col("Terendah", number_format=SCORE),
    Col("Tertinggi", number_format=SCORE),
    Col("Simpangan baku (sampel)", number_format=SCORE),
    Col("Nilai resmi (% maks.)", number_format=PERCENT),
    Col("Rata-rata terpangkas", number_format=SCORE),
    Col("Rata-rata z", number_format="0.00"),
    Col("Final", number_format="0", align="center"),
    Col("Draf", number_format="0", align="center"),
    Col("Konflik kepentingan", number_format="0", align="center"),
    Col("Belum dinilai", number_format="0", align="center"),
    Col("ID wawancara"),
)
RANKING_PRINTED = 9


def _flags(figures: ParticipantFigures) -> str:
    return "; ".join(flag.value for flag in figures.flags)


def ranking_rows(plan: MergePlan) -> list[list[object]]:
    rows: list[list[object]] = []
    assert plan.event is not None
    for result in plan.results:
        official = official_lines(result, plan.event)
        for f in result.participants:
            line = official[f.interview.id]
            rows.append(
                [
                    result.category.name,
                    f.rank,
                    f.interview.participant,
                    number(f.official),
                    f.n,
                    None if line.rounded is None else format_decimal(line.rounded),
                    line.designation_text().id or None,
                    _flags(f) or None,
                    f.tie_note.id or None,
                    number(f.median),
                    number(f.lowest),
                    number(f.highest),
                    number(f.sd),
                    number(f.percent),
                    number(f.trimmed_mean),
                    number(f.z_mean),
                    f.n_final,
                    f.n_draft,
                    f.n_conflict,
                    f.n_missing,
                    f.interview.id,
                ]
            )
    return rows


def write_ranking(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    starts = block_starts(plan)
    write_small(
        wb,
        "Peringkat",
        RANKING_COLS,
        ranking_rows(plan),
        page_header=title,
        freeze="D2",
        blocks=starts[1:],
        breaks=starts[1:],
        print_cols=RANKING_PRINTED,
        more_pages=True,
        title_cols=3,
    )


# --- Matriks nilai -------------------------------------------------------------------------


def matrix_rows(plan: MergePlan) -> list[list[object]]:
    rows: list[list[object]] = []
    for result in plan.results:
        for f in schedule_order(plan, result):
            row: list[object] = [result.category.name, f.interview.participant]
            for score in f.scores:
                if score.total is not None and score.status is not CardState.CONFLICT:
                    if score.counted:
                        row.append(
                            Mark(score.total, italic=True)
                            if score.status is CardState.DRAFT
                            else score.total
                        )
                    else:
                        row.append(status_text(score))
                else:
                    row.append(status_text(score))
            row.extend([number(f.official), f.n, f.interview.id])
            rows.append(row)
    return rows


def write_matrix(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    cols = [
        Col("Kategori", max_width=16, wrap=True),
        Col("Peserta", max_width=26, wrap=True),
        *judge_cols(event, SCORE),
        Col("Nilai resmi", number_format=SCORE, bold=True),
        Col("n", number_format="0", align="center"),
        Col("ID wawancara"),
    ]
    rows = matrix_rows(plan)
    write_small(
        wb,
        "Matriks nilai",
        cols,
        rows,
        page_header=title,
        freeze="C2",
        blocks=block_starts(plan)[1:],
        print_cols=len(cols) - 1,
    )


# --- Nilai per kriteria ----------------------------------------------------------------------


def write_per_criterion(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    cols = [
        Col("Kategori", max_width=16, wrap=True),
        Col("Peserta", max_width=24, wrap=True),
        Col("Kode kriteria"),
        Col("Kriteria", max_width=26, wrap=True),
        # General: 30 and 12.5 both show as typed ("0.##" shows "30.")
        Col("Bobot", align="right"),
        Col("Rata-rata panel", number_format=SCORE, bold=True),
        Col("n", number_format="0", align="center"),
        *judge_cols(event, None),
        Col("ID wawancara"),
    ]
    rows: list[list[object]] = []
    blocks: list[int] = []
    for result in plan.results:
        blocks.append(len(rows))
        for f in schedule_order(plan, result):
            for criterion in result.category.criteria:
                row: list[object] = [
                    result.category.name,
                    f.interview.participant,
                    criterion.code,
                    criterion.name,
                    criterion.weight,
                    number(f.criterion_means.get(criterion.code)),
                    sum(1 for s in f.scores if s.counted and criterion.code in s.ratings),
                ]
                for score in f.scores:
                    if score.counted and criterion.code in score.ratings:
                        value = score.ratings[criterion.code]
                        row.append(
                            Mark(value, italic=True) if score.status is CardState.DRAFT else value
                        )
                    else:
                        row.append(status_text(score))
                row.append(f.interview.id)
                rows.append(row)
    write_small(
        wb,
        "Nilai per kriteria",
        cols,
        rows,
        page_header=title,
        freeze="E2",
        blocks=blocks[1:],
        print_cols=len(cols) - 1,
    )
