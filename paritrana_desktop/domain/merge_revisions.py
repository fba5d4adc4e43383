"""Which revision of each judge's scorecard the merge uses.

A judge may hand in several exports of the same file (Monday's, then Tuesday's): for each
judge and interview the highest revision wins and every older one is listed as not used. Two
different scorecards at the same revision are a version conflict, never resolved by chance.
Revisions compare only within one lineage (one panel_id): :mod:`.merge_lineages` has already
kept one lineage per judge when these rules run.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .event import Event, canonical_json
from .merge_model import Decision, DecisionKind
from .merge_records import FileState
from .scorecard import Scorecard
from .text import Text

Key = tuple[str, str]  # (interview id, judge id)
Candidates = list[tuple[Scorecard, FileState]]


def choose_revisions(
    event: Event | None, accepted: Sequence[FileState]
) -> tuple[dict[Key, tuple[Scorecard, Path]], set[Key], list[Decision]]:
    """For each judge and interview, the highest revision; equal revisions must agree.

    Returns the chosen card and its file per key, the keys in conflict, and the decisions, in
    schedule order then roster order. Counts the used, superseded and conflicting cards on the
    file states.
    """
    chosen: dict[Key, tuple[Scorecard, Path]] = {}
    conflicts: set[Key] = set()
    decisions: list[Decision] = []
    if event is None:
        return chosen, conflicts, decisions
    candidates = _candidates(accepted)
    judge_order = {j.id: n for n, j in enumerate(event.judges)}
    interview_order = {i.id: n for n, i in enumerate(event.interviews)}
    for key in sorted(candidates, key=lambda k: (interview_order[k[0]], judge_order[k[1]])):
        cards = candidates[key]
        top = max(card.revision for card, _ in cards)
        best = [(card, state) for card, state in cards if card.revision == top]
        who = _who(event, key)
        if len({canonical_json(card.content()) for card, _ in best}) > 1:
            conflicts.add(key)
            decisions.append(_conflict(who, key, top, best))
            continue
        card, state = best[0]
        chosen[key] = (card, state.source.path)
        state.used_cards += 1
        decisions.extend(_superseded(who, key, card, state, cards))
        for _, same_state in best[1:]:
            same_state.superseded_cards += 1
    return chosen, conflicts, decisions


def _candidates(accepted: Sequence[FileState]) -> dict[Key, Candidates]:
    """Every card of every accepted file per key; a later export (more revisions) first, so it
    is the one used for identical copies of a card, then by path."""

    def order(state: FileState) -> tuple[int, str]:
        cards = state.panel.cards if state.panel is not None else ()
        return (-sum(c.revision for c in cards), str(state.source.path))

    found: dict[Key, Candidates] = {}
    for state in sorted(accepted, key=order):
        if state.panel is None:
            continue
        for card in state.panel.cards:
            found.setdefault((card.interview_id, state.panel.judge.id), []).append((card, state))
    return found


def _who(event: Event, key: Key) -> str:
    """``judge, participant``."""
    interview_id, judge_id = key
    return f"{event.judge(judge_id).name}, {event.interview(interview_id).participant}"


def _conflict(who: str, key: Key, top: int, best: Candidates) -> Decision:
    names = ", ".join(sorted(state.source.path.name for _, state in best))
    for _, state in best:
        state.version_conflicts += 1
    return Decision(
        DecisionKind.VERSION_CONFLICT,
        Text(
            f"{who}: revisi {top} berbeda isinya di {names}. Tidak dipilih salah satu; keluarkan "
            "berkas yang tidak berlaku.",
            f"{who}: revision {top} differs between {names}. Neither is picked; leave out the "
            "file that does not stand.",
        ),
        judge_id=key[1],
        interview_id=key[0],
    )


def _superseded(
    who: str, key: Key, card: Scorecard, state: FileState, cards: Candidates
) -> list[Decision]:
    """One decision per older revision, naming both files (and each version's kind when the
    kinds differ: a recusal, a draft)."""
    decisions: list[Decision] = []
    older = sorted(
        ((c, s) for c, s in cards if c.revision < card.revision),
        key=lambda cs: str(cs[1].source.path),
    )
    for old, old_state in older:
        old_state.superseded_cards += 1
        new_kind, old_kind = Text.same(""), Text.same("")
        if old.state is not card.state:
            new_kind = Text(f" ({card.state.value})", f" ({card.state.label_en})")
            old_kind = Text(f" ({old.state.value})", f" ({old.state.label_en})")
        used, unused = state.source.path.name, old_state.source.path.name
        decisions.append(
            Decision(
                DecisionKind.SUPERSEDED,
                Text(f"{who}: revisi {card.revision}", f"{who}: revision {card.revision}")
                + new_kind
                + Text(
                    f" dari {used} dipakai; revisi {old.revision}",
                    f" from {used} used; revision {old.revision}",
                )
                + old_kind
                + Text(f" dari {unused} tidak dipakai.", f" from {unused} not used."),
                path=old_state.source.path,
                judge_id=key[1],
                interview_id=key[0],
            )
        )
    return decisions
