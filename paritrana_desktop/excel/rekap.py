"""The merged workbook ("rekap") the secretariat works from, and its read-back check.

Sheets, in order: Peringkat, Matriks nilai, Nilai per kriteria, Data rinci (an Excel table),
Catatan, Kelengkapan, Berkas sumber, Keputusan, Metode. Everything is written in openpyxl's
write-only mode (streaming, with lxml), so the 64,000-row detail sheet never sits in memory.

The cell contents depend only on the plan (and so only on the set of files merged), never on
the order of the inputs; the single exception is the merge time in Metode.
"""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from openpyxl import Workbook

from ..domain.aggregation import (
    MIN_FINAL,
    MIN_FOR_TRIMMED,
    WIDE_RANGE_SHARE,
    CategoryResult,
    Flag,
    JudgeScore,
    ParticipantFigures,
)
from ..domain.errors import UserError
from ..domain.event import Event
from ..domain.merge_model import MergePlan, Outcome
from ..domain.numbers import format_number
from ..domain.scorecard import CardState
from ..domain.text import Text
from .rekap_sheet import Col, Mark, SheetWriter, abandon, fit_widths
from .safe_text import CELL_LIMIT, clean, split_text
from .workbook_file import save_workbook

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

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


def write_rekap(
    plan: MergePlan,
    path: Path,
    *,
    merged_at: dt.datetime,
    program_version: str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    cancel_error: Callable[[], BaseException] | None = None,
) -> int:
    """Write the workbook for ``plan`` to ``path``; returns the number of detail rows.

    Raises ``cancel_error()`` as soon as ``cancelled()`` turns true (the caller removes the
    partial file).
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
            raise (cancel_error or _Cancelled)()
        if progress is not None:
            progress(min(state["done"], total), total, what)

    wb = Workbook(write_only=True)
    title = f"Rekapitulasi {event.name}"
    try:
        _ranking(wb, plan, event, title)
        tick(10, "Peringkat")
        _matrix(wb, plan, event, title)
        tick(10, "Matriks nilai")
        _per_criterion(wb, plan, event, title)
        tick(10, "Nilai per kriteria")
        detail_rows = _detail(wb, plan, event, title, tick)
        _notes(wb, plan, event, title)
        tick(len(plan.cards), "Catatan")
        _completeness(wb, plan, event, title)
        _sources(wb, plan, title)
        _decisions(wb, plan, event, title)
        _method(wb, plan, event, title, merged_at, program_version)
        tick(10, "Metode")
        save_workbook(wb, path)
    except BaseException:
        abandon(wb)
        raise
    tick(total, "Disimpan")
    return detail_rows


class _Cancelled(Exception):
    pass


# --- helpers -------------------------------------------------------------------------------


def _judge_label(event: Event, judge_id: str) -> str:
    judge = event.judge(judge_id)
    return f"{judge.name} ({judge.id})"


def _status_text(score: JudgeScore) -> str:
    return score.status.value


def _number(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return value


def _flags(figures: ParticipantFigures) -> str:
    return "; ".join(flag.value for flag in figures.flags)


def _local(timestamp: str | None) -> dt.datetime | None:
    """A stored UTC time as this computer's local time, without zone (Excel has none)."""
    if not timestamp:
        return None
    try:
        moment = dt.datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


def _write_small(
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


def _category_rows(results: Sequence[CategoryResult]) -> Iterator[tuple[bool, CategoryResult]]:
    for n, result in enumerate(results):
        yield n == 0, result


# --- Peringkat -----------------------------------------------------------------------------

# The first RANKING_PRINTED columns are what the minutes need: they fill the printed page's
# width; the further checks print on the next page (a column break), at the same size.
RANKING_COLS = (
    Col("Kategori", max_width=18, wrap=True),
    Col("Peringkat", number_format="0", bold=True, align="center"),
    Col("Peserta", max_width=30, wrap=True),
    Col("Nilai resmi", number_format=SCORE, bold=True),
    Col("n", number_format="0", align="center"),
    Col("Median", number_format=SCORE),
    Col("Terendah", number_format=SCORE),
    Col("Tertinggi", number_format=SCORE),
    Col("Simpangan baku (sampel)", number_format=SCORE),
    Col("Penanda", max_width=22, wrap=True),
    Col("Keterangan seri", max_width=32, wrap=True),
    Col("Nilai resmi (% maks.)", number_format=PERCENT),
    Col("Rata-rata terpangkas", number_format=SCORE),
    Col("Rata-rata z", number_format="0.00"),
    Col("Final", number_format="0", align="center"),
    Col("Draf", number_format="0", align="center"),
    Col("Konflik kepentingan", number_format="0", align="center"),
    Col("Belum dinilai", number_format="0", align="center"),
    Col("ID wawancara"),
)
RANKING_PRINTED = 11


def ranking_rows(plan: MergePlan) -> list[list[object]]:
    rows: list[list[object]] = []
    for result in plan.results:
        for f in result.participants:
            rows.append(
                [
                    result.category.name,
                    f.rank,
                    f.interview.participant,
                    _number(f.official),
                    f.n,
                    _number(f.median),
                    _number(f.lowest),
                    _number(f.highest),
                    _number(f.sd),
                    _flags(f) or None,
                    f.tie_note_id or None,
                    _number(f.percent),
                    _number(f.trimmed_mean),
                    _number(f.z_mean),
                    f.n_final,
                    f.n_draft,
                    f.n_conflict,
                    f.n_missing,
                    f.interview.id,
                ]
            )
    return rows


def _block_starts(plan: MergePlan) -> list[int]:
    starts: list[int] = []
    index = 0
    for result in plan.results:
        starts.append(index)
        index += len(result.participants)
    return starts


def _ranking(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    starts = _block_starts(plan)
    _write_small(
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
        for f in _schedule_order(plan, result):
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
                        row.append(_status_text(score))
                else:
                    row.append(_status_text(score))
            row.extend([_number(f.official), f.n, f.interview.id])
            rows.append(row)
    return rows


def _schedule_order(plan: MergePlan, result: CategoryResult) -> list[ParticipantFigures]:
    assert plan.event is not None
    order = {i.id: n for n, i in enumerate(plan.event.interviews)}
    return sorted(result.participants, key=lambda f: order[f.interview.id])


def _judge_cols(event: Event, number_format: str | None) -> list[Col]:
    # Centred: a total and the word standing in for it ("draf") read alike in the column.
    return [
        Col(
            _judge_label(event, j.id),
            number_format=number_format,
            max_width=12,
            wrap=True,
            align="center",
        )
        for j in event.judges
    ]


def _matrix(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    cols = [
        Col("Kategori", max_width=16, wrap=True),
        Col("Peserta", max_width=26, wrap=True),
        *_judge_cols(event, SCORE),
        Col("Nilai resmi", number_format=SCORE, bold=True),
        Col("n", number_format="0", align="center"),
        Col("ID wawancara"),
    ]
    rows = matrix_rows(plan)
    _write_small(
        wb,
        "Matriks nilai",
        cols,
        rows,
        page_header=title,
        freeze="C2",
        blocks=_block_starts(plan)[1:],
        print_cols=len(cols) - 1,
    )


# --- Nilai per kriteria ----------------------------------------------------------------------


def _per_criterion(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    cols = [
        Col("Kategori", max_width=16, wrap=True),
        Col("Peserta", max_width=24, wrap=True),
        Col("Kode kriteria"),
        Col("Kriteria", max_width=26, wrap=True),
        # General: 30 and 12.5 both show as typed ("0.##" shows "30.")
        Col("Bobot", align="right"),
        Col("Rata-rata panel", number_format=SCORE, bold=True),
        Col("n", number_format="0", align="center"),
        *_judge_cols(event, None),
        Col("ID wawancara"),
    ]
    rows: list[list[object]] = []
    blocks: list[int] = []
    for result in plan.results:
        blocks.append(len(rows))
        for f in _schedule_order(plan, result):
            for criterion in result.category.criteria:
                row: list[object] = [
                    result.category.name,
                    f.interview.participant,
                    criterion.code,
                    criterion.name,
                    criterion.weight,
                    _number(f.criterion_means.get(criterion.code)),
                    sum(1 for s in f.scores if s.counted and criterion.code in s.ratings),
                ]
                for score in f.scores:
                    if score.counted and criterion.code in score.ratings:
                        value = score.ratings[criterion.code]
                        row.append(
                            Mark(value, italic=True) if score.status is CardState.DRAFT else value
                        )
                    else:
                        row.append(_status_text(score))
                row.append(f.interview.id)
                rows.append(row)
    _write_small(
        wb,
        "Nilai per kriteria",
        cols,
        rows,
        page_header=title,
        freeze="E2",
        blocks=blocks[1:],
        print_cols=len(cols) - 1,
    )


# --- Data rinci ----------------------------------------------------------------------------

DETAIL_HEADERS = (
    "Kegiatan",
    "Kategori",
    "ID wawancara",
    "Peserta",
    "ID panelis",
    "Panelis",
    "Institusi",
    "Kode kriteria",
    "Kriteria",
    "Bobot",
    "Nilai",
    "Nilai berbobot",
    "Catatan kriteria",
    "Status",
    "Dihitung",
    "Revisi",
    "Difinalkan",
    "Berkas sumber",
)


def detail_rows(plan: MergePlan) -> Iterator[list[object]]:
    """One row per judge, participant and criterion of every scorecard the merge uses."""
    event = plan.event
    assert event is not None
    code = event.code
    for used in plan.cards:
        card = used.card
        interview = event.interview(card.interview_id)
        category = event.category(interview.category)
        judge = event.judge(card.judge_id)
        finalised = _local(card.finalised_at)
        counted = "Ya" if used.counted else "Tidak"
        status = used.status.value
        source = used.source.name
        for criterion in category.criteria:
            rating = None if card.conflict else card.ratings.get(criterion.code)
            yield [
                code,
                category.name,
                interview.id,
                interview.participant,
                judge.id,
                judge.name,
                judge.institution,
                criterion.code,
                criterion.name,
                criterion.weight,
                rating,
                None if rating is None else rating * criterion.weight / 100.0,
                card.criterion_notes.get(criterion.code) or None,
                status,
                counted,
                card.revision,
                finalised,
                source,
            ]


def _detail_widths(plan: MergePlan, event: Event, cols: Sequence[Col]) -> list[float]:
    # Fitted on the distinct values (the sheet itself is streamed, never held in memory).
    sample: list[Sequence[object]] = []
    for category in event.categories:
        for criterion in category.criteria:
            sample.append(
                [event.code, category.name, "", "", "", "", "", criterion.code, criterion.name]
            )
    for interview in event.interviews:
        sample.append(["", "", interview.id, interview.participant])
    for judge in event.judges:
        sample.append(["", "", "", "", judge.id, judge.name, judge.institution])
    for finding in plan.files:
        sample.append([""] * 17 + [finding.name])
    sample.append([""] * 13 + [s.value for s in CardState])
    return fit_widths(cols, sample)


def _detail(
    wb: Workbook, plan: MergePlan, event: Event, title: str, tick: Callable[[int, str], None]
) -> int:
    # Meant for the screen: one line a row, every name whole (only a long note wraps).
    cols = [
        Col("Kegiatan"),
        Col("Kategori", max_width=42),
        Col("ID wawancara"),
        Col("Peserta", max_width=42),
        Col("ID panelis"),
        Col("Panelis", max_width=42),
        Col("Institusi", max_width=64),
        Col("Kode kriteria"),
        Col("Kriteria", max_width=42),
        Col("Bobot", width=8, align="right"),
        Col("Nilai", width=8, align="right"),
        Col("Nilai berbobot", width=10, number_format=SCORE),
        Col("Catatan kriteria", width=60, wrap=True),
        Col("Status"),
        Col("Dihitung", width=10, align="center"),
        Col("Revisi", width=8, align="center"),
        Col("Difinalkan", width=17, number_format=DATETIME, align="center"),
        Col("Berkas sumber", max_width=45),
    ]
    assert tuple(c.header for c in cols) == DETAIL_HEADERS
    writer = SheetWriter(
        wb,
        "Data rinci",
        cols,
        _detail_widths(plan, event, cols),
        freeze="E2",
        page_header=title,
        table_name="DataRinci",
        top_align=True,
        fit_width=False,
    )
    count = 0
    for row in detail_rows(plan):
        writer.append(row)
        count += 1
        if count % 1000 == 0:
            tick(1000, "Data rinci")
    tick(count % 1000, "Data rinci")
    writer.finish()
    return count


# --- Catatan -------------------------------------------------------------------------------

NOTE_KINDS = {
    "general": "catatan umum",
    "recommendation": "rekomendasi",
    "criterion": "catatan kriteria",
    "conflict": "alasan konflik kepentingan",
}


def note_rows(plan: MergePlan) -> list[list[object]]:
    """Every note, recommendation and conflict reason, with who wrote it; long ones in pieces."""
    event = plan.event
    assert event is not None
    rows: list[list[object]] = []
    for used in plan.cards:
        card = used.card
        interview = event.interview(card.interview_id)
        category = event.category(interview.category)
        judge = event.judge(card.judge_id)
        texts: list[tuple[str, str, str]] = []
        if card.general_note.strip():
            texts.append((NOTE_KINDS["general"], "", card.general_note))
        if card.recommendation.strip():
            texts.append((NOTE_KINDS["recommendation"], "", card.recommendation))
        for criterion in category.criteria:
            note = card.criterion_notes.get(criterion.code, "")
            if note.strip():
                texts.append((NOTE_KINDS["criterion"], f"{criterion.code} {criterion.name}", note))
        if card.conflict and card.conflict_reason.strip():
            texts.append((NOTE_KINDS["conflict"], "", card.conflict_reason))
        for kind, criterion_label, text in texts:
            pieces = split_text(clean(text), NOTE_PIECE)
            for n, piece in enumerate(pieces, start=1):
                rows.append(
                    [
                        interview.participant,
                        judge.name,
                        kind,
                        criterion_label or None,
                        piece,
                        f"{n}/{len(pieces)}",
                        used.status.value,
                        category.name,
                        interview.id,
                        judge.institution,
                    ]
                )
    return rows


def _notes(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    # Printed: participant, judge, kind, criterion, the note, its part and status; category,
    # interview and institution are for the screen (filters), after them, on one line each.
    cols = [
        Col("Peserta", max_width=24, wrap=True),
        Col("Panelis", max_width=22, wrap=True),
        Col("Jenis", max_width=11, wrap=True),
        Col("Kriteria", max_width=20, wrap=True),
        Col("Catatan", width=70, wrap=True),
        Col("Bagian", width=8, align="center"),
        Col("Status", max_width=12, wrap=True),
        Col("Kategori", max_width=42),
        Col("ID wawancara"),
        Col("Institusi", max_width=64),
    ]
    _write_small(wb, "Catatan", cols, note_rows(plan), page_header=title, freeze="C2", print_cols=7)


# --- Kelengkapan ---------------------------------------------------------------------------


def completeness_rows(plan: MergePlan) -> list[list[object]]:
    rows: list[list[object]] = []
    for result in plan.results:
        for f in _schedule_order(plan, result):
            rows.append(
                [
                    result.category.name,
                    f.interview.participant,
                    *[_status_text(s) for s in f.scores],
                    f.n_final,
                    f.n_draft,
                    f.n_conflict,
                    f.n_missing,
                    f.interview.id,
                ]
            )
    return rows


def _completeness(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    cols = [
        Col("Kategori", max_width=16, wrap=True),
        Col("Peserta", max_width=26, wrap=True),
        *_judge_cols(event, None),
        Col("Final", number_format="0", align="center"),
        Col("Draf", number_format="0", align="center"),
        Col("Konflik kepentingan", number_format="0", align="center"),
        Col("Belum dinilai", number_format="0", align="center"),
        Col("ID wawancara"),
    ]
    _write_small(
        wb,
        "Kelengkapan",
        cols,
        completeness_rows(plan),
        page_header=title,
        freeze="C2",
        blocks=_block_starts(plan)[1:],
        print_cols=len(cols) - 1,
    )


# --- Berkas sumber -------------------------------------------------------------------------


def source_rows(plan: MergePlan) -> list[list[object]]:
    rows: list[list[object]] = []
    for f in plan.files:
        rows.append(
            [
                f.name,
                f.judge_id,
                f.judge_name,
                f.institution,
                f.outcome.value,
                f.reason_text("id") or None,
                f.final if f.judge_id else None,
                f.drafts if f.judge_id else None,
                f.conflicts if f.judge_id else None,
                f.used_cards if f.judge_id else None,
                f.superseded_cards if f.judge_id else None,
                f.version_conflicts if f.judge_id else None,
                f.format_version,
                f.event_code,
                f.fingerprint,
                f.sha256,
                str(f.path.parent),
            ]
        )
    return rows


def _sources(wb: Workbook, plan: MergePlan, title: str) -> None:
    cols = [
        Col("Berkas", max_width=24, wrap=True),
        Col("ID panelis"),
        Col("Panelis", max_width=20, wrap=True),
        Col("Institusi", max_width=20, wrap=True),
        Col("Hasil", max_width=10, wrap=True),
        Col("Alasan", width=44, wrap=True),
        Col("Final", number_format="0"),
        Col("Draf", number_format="0"),
        Col("Konflik kepentingan", number_format="0"),
        Col("Lembar dipakai", number_format="0"),
        Col("Lembar digantikan", number_format="0"),
        Col("Konflik versi", number_format="0"),
        Col("Versi format", number_format="0"),
        Col("Kode kegiatan"),
        Col("Sidik jari kegiatan", width=17, wrap=True),
        Col("SHA-256", width=17, wrap=True),
        Col("Folder", max_width=24, wrap=True),
    ]
    # The format, the fingerprints and the folder print on a page of their own.
    _write_small(
        wb,
        "Berkas sumber",
        cols,
        source_rows(plan),
        page_header=title,
        freeze="B2",
        print_cols=12,
        more_pages=True,
        title_cols=1,
    )


# --- Keputusan -----------------------------------------------------------------------------


def decision_rows(plan: MergePlan) -> list[list[object]]:
    event = plan.event
    rows: list[list[object]] = []
    for n, d in enumerate(plan.decisions, start=1):
        judge = (
            event.judge(d.judge_id).name
            if event is not None and d.judge_id and event.has_judge(d.judge_id)
            else d.judge_id
        )
        participant = (
            event.interview(d.interview_id).participant
            if event is not None and d.interview_id and event.has_interview(d.interview_id)
            else None
        )
        rows.append(
            [n, d.kind.value, judge, participant, d.path.name if d.path else None, d.text("id")]
        )
    return rows


def _decisions(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    cols = [
        Col("No.", number_format="0"),
        Col("Jenis keputusan", max_width=16, wrap=True),
        Col("Panelis", max_width=22, wrap=True),
        Col("Peserta", max_width=24, wrap=True),
        Col("Berkas", max_width=24, wrap=True),
        Col("Keterangan", width=70, wrap=True),
    ]
    _write_small(wb, "Keputusan", cols, decision_rows(plan), page_header=title, freeze="C2")


# --- Metode --------------------------------------------------------------------------------


def method_rows(
    plan: MergePlan, merged_at: dt.datetime, program_version: str
) -> list[list[object]]:
    event = plan.event
    assert event is not None
    options = plan.options
    local = merged_at.astimezone().replace(tzinfo=None, microsecond=0)
    counts = {o: sum(1 for f in plan.files if f.outcome is o) for o in Outcome}
    file_summary = ", ".join(f"{counts[o]} {o.value}" for o in Outcome if counts[o])
    rows: list[list[object]] = [
        ["Kegiatan", event.name],
        ["Kode dan tahun penghargaan", f"{event.code}, {event.award_year}"],
        ["Tingkat dan provinsi", f"{event.level.value}, {event.province}"],
        [
            "Periode penilaian",
            f"{event.period_start:%d/%m/%Y} s.d. {event.period_end:%d/%m/%Y}",
        ],
        [
            "Tempat dan tanggal",
            f"{event.venue}, {event.start_date:%d/%m/%Y} s.d. {event.end_date:%d/%m/%Y}",
        ],
        ["Sidik jari kegiatan", event.fingerprint()],
        ["Program", f"Paritrana Desktop {program_version}"],
        [MERGE_TIME_LABEL, f"{local:%d/%m/%Y %H:%M:%S} (waktu komputer ketua)"],
        [
            "Berkas",
            f"{len(plan.files)} berkas diperiksa: {file_summary}. Rinciannya di lembar "
            "Berkas sumber; setiap keputusan di lembar Keputusan.",
        ],
        [
            "Draf",
            "Draf yang lengkap ikut dihitung atas pilihan ketua (--include-drafts); nilainya "
            "dicetak miring di Matriks nilai dan Nilai per kriteria. Draf yang belum lengkap "
            "tetap tidak dihitung."
            if options.include_drafts
            else "Draf tidak dihitung dalam angka resmi; tetap dicantumkan di Kelengkapan, "
            "Data rinci, Catatan dan Keputusan.",
        ],
        [
            "Berkas yang ditolak",
            "Dilewati atas pilihan ketua (--skip-invalid); tercantum di Berkas sumber dan "
            "Keputusan dengan alasannya."
            if plan.refused
            else "Tidak ada.",
        ],
        [
            "Nilai panelis",
            "Rata-rata berbobot nilai kriteria: jumlah(bobot × nilai) / jumlah(bobot), pada "
            "skala rubrik kategori.",
        ],
        [
            "Nilai resmi",
            "Rata-rata nilai panelis yang sudah final (dikunci) dan tidak menyatakan konflik "
            "kepentingan. Nilai resmi (% maks.) = nilai resmi / nilai maksimum skala × 100.",
        ],
        ["n", "Banyaknya nilai panelis yang dihitung dalam nilai resmi."],
        ["Median, terendah, tertinggi", "Dari nilai panelis yang dihitung."],
        [
            "Simpangan baku",
            "Simpangan baku sampel (pembagi n − 1) dari nilai panelis yang dihitung; kosong "
            "bila n < 2.",
        ],
        [
            "Rata-rata terpangkas",
            "Rata-rata setelah membuang satu nilai tertinggi dan satu nilai terendah; hanya "
            f"bila n ≥ {MIN_FOR_TRIMMED}.",
        ],
        [
            "Rata-rata z",
            "Pemeriksa terhadap panelis yang murah atau pelit nilai: nilai tiap panelis "
            "dibakukan di antara peserta kategori yang sama, z = (nilai − rata-rata panelis "
            "itu) / simpangan baku sampel panelis itu; kolom ini rata-rata z para panelis "
            "yang dihitung. Panelis dengan kurang dari dua nilai dalam kategori, atau yang "
            "memberi semua peserta nilai sama, tidak punya z. Bukan dasar peringkat.",
        ],
        [
            "Peringkat",
            "Dalam tiap kategori, menurut nilai resmi dari yang tertinggi. Peserta tanpa nilai "
            "resmi tidak diberi peringkat dan ditaruh di akhir kategorinya.",
        ],
        [
            "Aturan seri",
            "Bila nilai resmi sama, peserta dengan rata-rata panel lebih tinggi pada kriteria "
            "berbobot terbesar didahulukan, lalu kriteria berbobot terbesar berikutnya, dan "
            "seterusnya (bobot sama: menurut urutan rubrik). Yang tetap sama pada semua "
            "kriteria berbagi peringkat (misalnya 1, 2, 2, 4). Perbandingan memakai nilai yang "
            "tidak dibulatkan (sampai 9 desimal), bukan angka yang tampak di sel.",
        ],
        [
            "Penanda",
            f"“{Flag.WIDE_RANGE.value}”: nilai tertinggi dikurangi terendah lebih dari "
            f"{WIDE_RANGE_SHARE:.0%} nilai maksimum skala; “{Flag.FEW_FINAL.value}”: kurang dari "
            f"{MIN_FINAL} lembar nilai final tanpa konflik kepentingan; "
            f"“{Flag.INCOMPLETE.value}”: ada panelis yang masih draf atau belum menilai.",
        ],
        [
            "Status",
            "final: dikunci oleh panelis; draf: belum dikunci; konflik kepentingan: panelis "
            "menyatakan konflik dan tidak menilai; belum dinilai: tidak ada lembar nilai dari "
            "panelis itu dalam berkas yang dipakai.",
        ],
        [
            "Revisi",
            "Bila seorang panelis punya beberapa berkas, untuk tiap peserta dipakai revisi "
            "tertinggi. Dua versi berbeda dengan revisi sama tidak dipilih salah satunya: "
            "workbook tidak ditulis sampai ketua mengeluarkan salah satu berkas.",
        ],
    ]
    for category in event.categories:
        scale = category.scale
        criteria = "; ".join(
            f"{c.code} {c.name} {format_number(c.weight, 'id')}" for c in category.criteria
        )
        example = " Bobot ini contoh, bukan bobot resmi." if category.weights_are_examples else ""
        rows.append(
            [
                f"Rubrik {category.name}",
                f"Skala {format_number(scale.minimum, 'id')}–{format_number(scale.maximum, 'id')} "
                f"(langkah {format_number(scale.step, 'id')}). "
                f"Kriteria dan bobot: {criteria}.{example}",
            ]
        )
    rows.append(
        [
            "Panel",
            f"{len(event.judges)} panelis: "
            + "; ".join(
                f"{j.name} ({j.id}, {j.institution}, {j.role.value})" for j in event.judges
            ),
        ]
    )
    return rows


def _method(
    wb: Workbook,
    plan: MergePlan,
    event: Event,
    title: str,
    merged_at: dt.datetime,
    program_version: str,
) -> None:
    cols = [
        Col("Aspek", max_width=24, bold=True, wrap=True),
        Col("Keterangan", width=100, wrap=True),
    ]
    _write_small(
        wb,
        "Metode",
        cols,
        method_rows(plan, merged_at, program_version),
        page_header=title,
        freeze="B2",
    )


# --- reading back --------------------------------------------------------------------------


class RekapCheckFailed(UserError):
    """The workbook read back does not hold the computed totals (a bug; nothing is kept)."""


def check_rekap(plan: MergePlan, path: Path) -> None:
    """Read the written workbook back and compare every total with the computed one."""
    names = sheet_names(path)
    if names != list(SHEETS):
        _fail(f"lembar {names}", f"sheets {names}")
    matrix = read_sheet(path, "Matriks nilai")[1:]
    ranking = read_sheet(path, "Peringkat")[1:]
    expected_matrix = matrix_rows(plan)
    if len(matrix) != len(expected_matrix):
        _fail("jumlah baris Matriks nilai", "the number of rows in Matriks nilai")
    for got, want in zip(matrix, expected_matrix, strict=True):
        for index, w in enumerate(want):
            g = got[index] if index < len(got) else None
            if not _same(g, w.value if isinstance(w, Mark) else w):
                _fail(f"Matriks nilai {want[1]}", f"Matriks nilai {want[1]}")
    expected_ranking = ranking_rows(plan)
    if len(ranking) != len(expected_ranking):
        _fail("jumlah baris Peringkat", "the number of rows in Peringkat")
    for got, want in zip(ranking, expected_ranking, strict=True):
        for index in (1, 2, 3, 4):  # rank, participant, official score, n
            g = got[index] if index < len(got) else None
            if not _same(g, want[index]):
                _fail(f"Peringkat {want[2]}", f"Peringkat {want[2]}")


# A small reader of our own for the check, so that it does not lean on the writer's library.
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("xl/workbook.xml"))
    return [str(s.get("name")) for s in root.iter(f"{_MAIN}sheet")]


def read_sheet(path: Path, name: str) -> list[list[object]]:
    """The values of one sheet, row by row (numbers as float, text as str, blanks None)."""
    with zipfile.ZipFile(path) as zf:
        workbook = etree.fromstring(zf.read("xl/workbook.xml"))
        rels = etree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): str(r.get("Target")) for r in rels.iter(f"{_PKG_REL}Relationship")}
        rel_id = next(
            s.get(f"{_REL}id") for s in workbook.iter(f"{_MAIN}sheet") if s.get("name") == name
        )
        target = targets[rel_id].lstrip("/")
        member = target if target.startswith("xl/") else f"xl/{target}"
        rows: list[list[object]] = []
        with zf.open(member) as stream:
            for _, row in etree.iterparse(stream, tag=f"{_MAIN}row"):
                values: list[object] = []
                for cell in row.iter(f"{_MAIN}c"):
                    column = _column_index(str(cell.get("r")))
                    values.extend([None] * (column - len(values)))
                    values.append(_cell_value(cell))
                number = int(str(row.get("r")))
                rows.extend([] for _ in range(number - 1 - len(rows)))
                rows.append(values)
                row.clear()
    return rows


def _column_index(ref: str) -> int:
    index = 0
    for char in ref:
        if not char.isalpha():
            break
        index = index * 26 + (ord(char.upper()) - 64)
    return index - 1


def _cell_value(cell: Any) -> object:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return "".join(t.text or "" for t in cell.iter(f"{_MAIN}t"))
    v = cell.find(f"{_MAIN}v")
    if v is None or v.text is None:
        return None
    if kind == "n":
        return float(v.text)
    if kind == "b":
        return v.text == "1"
    return v.text


def _same(got: object, want: object) -> bool:
    if want is None:
        return got is None or got == ""
    if isinstance(want, bool) or not isinstance(want, int | float):
        return got == want
    if not isinstance(got, int | float):
        return False
    return math.isclose(float(got), float(want), rel_tol=0, abs_tol=1e-9)


def _fail(what_id: str, what_en: str) -> None:
    raise RekapCheckFailed(
        Text(
            f"Pemeriksaan ulang workbook gagal ({what_id} tidak sama dengan hasil hitungan); "
            "workbook tidak disimpan. Laporkan kejadian ini kepada pengembang.",
            f"The check of the written workbook failed ({what_en} differs from the computed "
            "figures); the workbook was not kept. Please report this to the developers.",
        ),
    )
