"""The papers' inputs (``documents.model``) built from what the program already decided: a
judge's file for the lembar penilaian, the merge's plan for the berita acara.

Never a second merge: every rank, official score, decision and code comes from the
:class:`~paritrana_desktop.domain.merge_model.MergePlan` the workbook was written from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from ..documents.model import (
    NO_REGISTER,
    BeritaAcaraInput,
    CategoryResults,
    CriterionLine,
    EventInfo,
    FileCode,
    JudgeInfo,
    Matrix,
    MatrixRow,
    Position,
    RankedLine,
    ScoreSheetInput,
    SheetCard,
)
from ..domain.event import Event, Judge, Role
from ..domain.merge_model import DecisionKind, FileFinding, KeyCheck, MergePlan, Outcome
from ..domain.official import official_lines, official_rules
from ..domain.scorecard import CardState, Scorecard
from ..domain.scoring import weighted_total
from ..domain.text import Text
from ..domain.words import round_half_up

# The decisions the berita acara lists under "what was left out and why".
LEFT_OUT = (
    DecisionKind.REFUSED,
    DecisionKind.SKIPPED,
    DecisionKind.VERSION_CONFLICT,
    DecisionKind.DRAFT_LEFT_OUT,
    DecisionKind.DRAFT_COUNTED,
    DecisionKind.RECUSED,
    DecisionKind.NO_FILE,
    DecisionKind.NOT_SCORED,
)


def event_info(event: Event) -> EventInfo:
    return EventInfo(
        heading_lines=event.heading_lines,
        name=event.name,
        venue=event.venue,
        first_day=event.start_date,
        last_day=event.end_date,
        signing_place=event.signing_place or event.province,
        number=event.minutes_number or None,
    )


def judge_info(judge: Judge) -> JudgeInfo:
    if judge.role is Role.KETUA:
        position = Position.KETUA
    elif judge.secretary:
        position = Position.SEKRETARIS
    else:
        position = Position.ANGGOTA
    return JudgeInfo(judge.id, judge.name, judge.institution, position, judge.nip or None)


def _decimal(value: float) -> Decimal:
    return Decimal(repr(float(value)))


def sheet_card(event: Event, card: Scorecard, state: CardState | None = None) -> SheetCard:
    """One interview as ``card`` holds it, for a page of the lembar penilaian."""
    interview = event.interview(card.interview_id)
    category = event.category(interview.category)
    labels = {level.value: level.label for level in category.scale.levels}
    state = state or card.state
    lines: tuple[CriterionLine, ...] = ()
    total = None
    if state is not CardState.CONFLICT:
        lines = tuple(
            CriterionLine(
                c.name,
                _decimal(c.weight),
                None if c.code not in card.ratings else _decimal(card.ratings[c.code]),
                labels.get(float(card.ratings[c.code]), "") if c.code in card.ratings else "",
                card.criterion_notes.get(c.code, ""),
            )
            for c in category.criteria
        )
        found = weighted_total(category, card)
        total = None if found is None else round_half_up(found.value, event.score_decimals)
    representatives = tuple(r.strip() for r in interview.representatives.split(";") if r.strip())
    return SheetCard(
        interview_id=interview.id,
        day=interview.day,
        start=interview.start,
        end=interview.end,
        room=interview.room,
        participant=interview.participant,
        category=category.name,
        state=state,
        representatives=representatives,
        criteria=lines,
        total=total,
        general_note=card.general_note,
        recommendation=card.recommendation,
        conflict_reason=card.conflict_reason if state is CardState.CONFLICT else "",
    )


def score_sheet_input(
    event: Event,
    judge: Judge,
    code: str,
    cards: Iterable[Scorecard],
    key_fingerprint: str | None = None,
) -> ScoreSheetInput:
    order = {i.id: n for n, i in enumerate(event.interviews)}
    chosen = sorted(cards, key=lambda c: order.get(c.interview_id, len(order)))
    return ScoreSheetInput(
        event_info(event),
        judge_info(judge),
        code,
        tuple(sheet_card(event, card) for card in chosen if not card.is_empty),
        key_fingerprint=key_fingerprint,
    )


def used_files(plan: MergePlan) -> dict[str, list[FileFinding]]:
    """The files the merge used that carry a code, per judge ID (a judge may have more than
    one)."""
    found: dict[str, list[FileFinding]] = {}
    for finding in plan.files:
        if finding.outcome is Outcome.USED and finding.judge_id and finding.code:
            found.setdefault(finding.judge_id, []).append(finding)
    return found


# How the berita acara says whether a file's key was checked against the chair's register.
REGISTER_WORDS = {
    KeyCheck.CHECKED: "dicocokkan dengan register ketua",
    KeyCheck.NOT_REGISTERED: "kunci tidak terdaftar di register ketua; tidak dicocokkan",
    KeyCheck.NO_REGISTER: NO_REGISTER,
    KeyCheck.UNSIGNED: "tidak bertanda tangan (format lama)",
}


def _file_code(info: JudgeInfo, finding: FileFinding) -> FileCode:
    check = finding.key_check or KeyCheck.UNSIGNED
    return FileCode(info, str(finding.code), finding.key_fingerprint, REGISTER_WORDS[check])


def judge_sheets(plan: MergePlan) -> list[ScoreSheetInput]:
    """One lembar penilaian per judge with a used file, from the scorecards the merge chose."""
    event = plan.event
    assert event is not None
    files = used_files(plan)
    by_judge: dict[str, list[Scorecard]] = {}
    for used in plan.cards:
        by_judge.setdefault(used.card.judge_id, []).append(used.card)
    sheets = []
    for judge in event.judges:
        cards = [c for c in by_judge.get(judge.id, []) if not c.is_empty]
        if judge.id in files and cards:
            code = ", ".join(str(f.code) for f in files[judge.id])
            prints = {f.key_fingerprint for f in files[judge.id] if f.key_fingerprint}
            key = ", ".join(sorted(prints)) or None
            sheets.append(score_sheet_input(event, judge, code, cards, key))
    return sheets


def _categories(plan: MergePlan, event: Event) -> tuple[CategoryResults, ...]:
    out = []
    for result in plan.results:
        official = official_lines(result, event)
        lines = []
        for f in result.participants:
            line = official[f.interview.id]
            lines.append(
                RankedLine(
                    line.rank, f.interview.participant, line.rounded, line.designation_text().id
                )
            )
        out.append(CategoryResults(result.category.name, tuple(lines)))
    return tuple(out)


def _matrix(plan: MergePlan, event: Event) -> Matrix:
    decimals = event.score_decimals
    rows = []
    for result in plan.results:
        for f in sorted(result.participants, key=lambda p: event.interviews.index(p.interview)):
            totals = tuple(
                None if s.total is None or not s.counted else round_half_up(s.total, decimals)
                for s in f.scores
            )
            official = None if f.official is None else round_half_up(f.official, decimals)
            rows.append(MatrixRow(f.interview.participant, result.category.name, totals, official))
    return Matrix(tuple(j.id for j in event.judges), tuple(rows))


def left_out(plan: MergePlan) -> tuple[Text, ...]:
    return tuple(d.message for d in plan.decisions if d.kind in LEFT_OUT)


def berita_acara_input(plan: MergePlan, workbook_sha256: str) -> BeritaAcaraInput:
    """The berita acara of the merge ``plan`` whose workbook has ``workbook_sha256``."""
    event = plan.event
    assert event is not None
    files = used_files(plan)
    panel = tuple(judge_info(j) for j in event.judges)
    rounding, designation = official_rules(event)
    return BeritaAcaraInput(
        event=event_info(event),
        panel=panel,
        categories=_categories(plan, event),
        codes=tuple(
            _file_code(info, finding) for info in panel for finding in files.get(info.judge_id, [])
        ),
        workbook_sha256=workbook_sha256,
        matrix=_matrix(plan, event),
        left_out=left_out(plan),
        rules=(
            Text(
                "Nilai resmi adalah rata-rata nilai total para panelis yang dihitung.",
                "The official score is the mean of the totals of the judges counted.",
            ),
            rounding,
            designation,
        ),
    )


_UNSAFE = set('<>:"/\\|?*')


def sheet_names(sheets: Sequence[ScoreSheetInput]) -> list[str]:
    """A file name per lembar: the judge's ID and name, without characters a folder refuses."""
    names = []
    for sheet in sheets:
        name = "".join(
            "_" if ch in _UNSAFE or not ch.isprintable() else ch for ch in sheet.judge.name
        )
        names.append(f"Lembar penilaian {sheet.judge.judge_id} {name.strip().rstrip('. ')}.pdf")
    return names
