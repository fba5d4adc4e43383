"""The merged workbook's record sheets: Data rinci, Catatan, Kelengkapan, Berkas sumber and
Keputusan (every scorecard, note, file and decision the merge used)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence

from openpyxl import Workbook

from ..domain.event import Event
from ..domain.merge_model import MergePlan
from ..domain.scorecard import CardState
from .rekap_cells import (
    DATETIME,
    NOTE_PIECE,
    SCORE,
    block_starts,
    judge_cols,
    schedule_order,
    status_text,
    write_small,
)
from .rekap_sheet import Col, SheetWriter, fit_widths
from .safe_text import clean, split_text


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


def write_detail(
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


def write_notes(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
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
    write_small(wb, "Catatan", cols, note_rows(plan), page_header=title, freeze="C2", print_cols=7)


# --- Kelengkapan ---------------------------------------------------------------------------


def completeness_rows(plan: MergePlan) -> list[list[object]]:
    rows: list[list[object]] = []
    for result in plan.results:
        for f in schedule_order(plan, result):
            rows.append(
                [
                    result.category.name,
                    f.interview.participant,
                    *[status_text(s) for s in f.scores],
                    f.n_final,
                    f.n_draft,
                    f.n_conflict,
                    f.n_missing,
                    f.interview.id,
                ]
            )
    return rows


def write_completeness(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    cols = [
        Col("Kategori", max_width=16, wrap=True),
        Col("Peserta", max_width=26, wrap=True),
        *judge_cols(event, None),
        Col("Final", number_format="0", align="center"),
        Col("Draf", number_format="0", align="center"),
        Col("Konflik kepentingan", number_format="0", align="center"),
        Col("Belum dinilai", number_format="0", align="center"),
        Col("ID wawancara"),
    ]
    write_small(
        wb,
        "Kelengkapan",
        cols,
        completeness_rows(plan),
        page_header=title,
        freeze="C2",
        blocks=block_starts(plan)[1:],
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
                f.code,
                f.key_fingerprint,
                f.key_check.value if f.key_check else None,
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


def write_sources(wb: Workbook, plan: MergePlan, title: str) -> None:
    cols = [
        Col("Berkas", max_width=24, wrap=True),
        Col("ID panelis"),
        Col("Panelis", max_width=20, wrap=True),
        Col("Institusi", max_width=20, wrap=True),
        Col("Kode verifikasi", width=17),
        Col("Sidik jari kunci", width=10, wrap=True),
        Col("Diperiksa terhadap register", width=10, wrap=True),
        Col("Hasil", max_width=10, wrap=True),
        Col("Alasan", width=40, wrap=True),
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
    # The counts of sheets used and superseded, the version conflicts, the format, the event's
    # fingerprint and the folder print on a page of their own.
    write_small(
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


def write_decisions(wb: Workbook, plan: MergePlan, event: Event, title: str) -> None:
    cols = [
        Col("No.", number_format="0"),
        Col("Jenis keputusan", max_width=16, wrap=True),
        Col("Panelis", max_width=22, wrap=True),
        Col("Peserta", max_width=24, wrap=True),
        Col("Berkas", max_width=24, wrap=True),
        Col("Keterangan", width=70, wrap=True),
    ]
    write_small(wb, "Keputusan", cols, decision_rows(plan), page_header=title, freeze="C2")
