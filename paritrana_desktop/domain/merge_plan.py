"""The merge's plan: the selection (:mod:`.merge_rules`) with the chair's options applied.

Which scorecards count (final ones; complete drafts only when the chair asks), what each judge
has not scored, and the official figures. Changing the options re-plans the same selection
without reading any file again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .aggregation import JudgeScore, aggregate
from .event import Event, Interview, Judge
from .merge_model import (
    Decision,
    DecisionKind,
    MergeOptions,
    MergePlan,
    Selection,
    UsedCard,
)
from .scorecard import CardState, Scorecard
from .scoring import weighted_total
from .text import Text

__all__ = ["card_decision", "plan"]


@dataclass
class _Tally:
    """What the plan gathers while it walks the schedule."""

    scores: dict[tuple[str, str], JudgeScore] = field(default_factory=dict)
    used: list[UsedCard] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)  # judge -> participants


def plan(selection: Selection, options: MergeOptions) -> MergePlan:
    """The plan for ``selection`` with ``options``."""
    event = selection.event
    decisions = _skipped(selection.decisions) if options.skip_invalid else [*selection.decisions]
    tally = _Tally()
    if event is not None:
        for interview in event.interviews:
            for judge in event.judges:
                _score(tally, event, interview, judge, selection, options)
        decisions.extend(tally.decisions)
        decisions.extend(_judge_decisions(event, selection, tally.missing))
    return MergePlan(
        files=selection.files,
        event=event,
        decisions=tuple(decisions),
        options=options,
        results=aggregate(event, tally.scores) if event is not None else (),
        cards=tuple(tally.used),
        notices=selection.notices,
        selection=selection,
    )


def _skipped(decisions: tuple[Decision, ...]) -> list[Decision]:
    """A refused file left out at the chair's choice says so."""
    note = Text(" Dilewati atas pilihan ketua.", " Left out at the chair's choice.")
    return [
        replace(d, kind=DecisionKind.SKIPPED, message=d.message + note)
        if d.kind is DecisionKind.REFUSED
        else d
        for d in decisions
    ]


def _score(
    tally: _Tally,
    event: Event,
    interview: Interview,
    judge: Judge,
    selection: Selection,
    options: MergeOptions,
) -> None:
    """One judge's score for one interview: counted, shown, missing or in conflict."""
    key = (interview.id, judge.id)
    if key in selection.conflicts:
        tally.scores[key] = JudgeScore(judge.id, CardState.NOT_SCORED)
        return
    if key not in selection.chosen:
        if judge.id in selection.judges_with_files:
            tally.missing.setdefault(judge.id, []).append(interview.participant)
        return
    card, source = selection.chosen[key]
    status = card.state
    total = weighted_total(event.category(interview.category), card)
    counted = status is CardState.FINAL or (
        status is CardState.DRAFT
        and options.include_drafts
        and total is not None
        and total.complete
    )
    tally.scores[key] = JudgeScore(
        judge.id,
        status,
        total.value if total is not None else None,
        total.complete if total is not None else False,
        card.ratings,
        counted,
    )
    tally.used.append(UsedCard(card, source, status, counted, total))
    decision = card_decision(judge.name, interview.participant, card, counted, options, source)
    if decision is not None:
        tally.decisions.append(decision)


def _judge_decisions(
    event: Event, selection: Selection, missing: dict[str, list[str]]
) -> list[Decision]:
    """A judge without a usable file, and what each judge with one has not scored."""
    decisions: list[Decision] = []
    for judge in event.judges:
        if judge.id not in selection.judges_with_files:
            message = Text(
                f"Tidak ada berkas yang dapat dipakai dari {judge.name} ({judge.id}); semua "
                "pesertanya tercatat belum dinilai.",
                f"No usable file from {judge.name} ({judge.id}); every participant is listed as "
                "not scored by this judge.",
            )
            decisions.append(Decision(DecisionKind.NO_FILE, message, judge_id=judge.id))
        elif judge.id in missing:
            names = ", ".join(missing[judge.id])
            count = len(missing[judge.id])
            message = Text(
                f"{judge.name} belum menilai {count} peserta: {names}.",
                f"{judge.name} has not scored {count} participants: {names}.",
            )
            decisions.append(Decision(DecisionKind.NOT_SCORED, message, judge_id=judge.id))
    return decisions


def card_decision(
    judge_name: str,
    participant: str,
    card: Scorecard,
    counted: bool,
    options: MergeOptions,
    source: Path,
) -> Decision | None:
    """What the report says about one used scorecard: a recusal or a draft; a final says
    nothing."""
    status = card.state
    if status is CardState.CONFLICT:
        kind = DecisionKind.RECUSED
        message = Text(
            f"{judge_name} menyatakan konflik kepentingan untuk {participant} "
            f"({card.conflict_reason}); tidak dihitung.",
            f"{judge_name} declared a conflict of interest for {participant} "
            f"({card.conflict_reason}); not counted.",
        )
    elif status is CardState.DRAFT and counted:
        kind = DecisionKind.DRAFT_COUNTED
        message = Text(
            f"Draf {judge_name} untuk {participant} dihitung atas pilihan ketua.",
            f"{judge_name}'s draft for {participant} is counted at the chair's choice.",
        )
    elif status is CardState.DRAFT:
        why = (
            Text("belum lengkap, jadi tetap tidak dihitung", "incomplete, so still not counted")
            if options.include_drafts
            else Text("tidak dihitung", "not counted")
        )
        kind = DecisionKind.DRAFT_LEFT_OUT
        message = Text(
            f"{judge_name} untuk {participant} masih draf; {why.id}.",
            f"{judge_name}'s scorecard for {participant} is still a draft; {why.en}.",
        )
    else:
        return None
    return Decision(
        kind, message, path=source, judge_id=card.judge_id, interview_id=card.interview_id
    )
