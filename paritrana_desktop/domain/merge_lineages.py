"""Two unrelated files of one judge: never combined by revision number.

Revision numbers compare only within one file's lineage: one ``panel_id``, which a copy
continued on a new laptop keeps. Two panel_ids for one judge are two different files (made on
two laptops, or made again after a mistake); which of them stands is the chair's decision, never
the merge's. Until the chair chooses (``MergeOptions.use_files``), both are shown with their
times and what differs, and the workbook is not written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .event import Event
from .merge_model import Decision, DecisionKind, Outcome
from .merge_records import FileState, PanelSource
from .scorecard import CardState, Scorecard
from .text import Text

__all__ = ["Lineages", "settle_lineages"]


@dataclass(frozen=True)
class Lineages:
    """What the judges' lineages leave for the revisions: the files that take part, the keys
    of judges still waiting for the chair's choice, and the decisions."""

    accepted: list[FileState]
    waiting: set[tuple[str, str]]  # (interview, judge) of a judge whose file is not chosen yet
    waiting_judges: set[str]
    decisions: list[Decision]


def settle_lineages(
    event: Event | None, accepted: Sequence[FileState], use_files: Iterable[Path]
) -> Lineages:
    """Keep one lineage per judge: the only one, or the one the chair chose in ``use_files``."""
    chosen_paths = frozenset(Path(p) for p in use_files)
    by_judge: dict[str, list[FileState]] = {}
    for state in accepted:
        if state.judge_id is not None:
            by_judge.setdefault(state.judge_id, []).append(state)
    kept: list[FileState] = [s for s in accepted if s.judge_id is None]
    waiting: set[tuple[str, str]] = set()
    waiting_judges: set[str] = set()
    decisions: list[Decision] = []
    for judge_id in sorted(by_judge):
        states = sorted(by_judge[judge_id], key=lambda s: str(s.source.path))
        lineages = sorted({_panel(s).panel_id for s in states})
        if len(lineages) == 1:
            kept.extend(states)
            continue
        picked = {_panel(s).panel_id for s in states if s.source.path in chosen_paths}
        if len(picked) == 1:
            standing = picked.pop()
            kept.extend(s for s in states if _panel(s).panel_id == standing)
            decisions.append(_chosen(event, states, standing))
            continue
        for state in states:
            state.outcome = Outcome.CONFLICT
            state.reasons.append(_waiting_reason(states, state))
            for card in _panel(state).cards:
                waiting.add((card.interview_id, judge_id))
        waiting_judges.add(judge_id)
        decisions.append(_two_files(event, states))
    return Lineages(kept, waiting, waiting_judges, decisions)


def _panel(state: FileState) -> PanelSource:
    assert state.panel is not None
    return state.panel


def _last_change(panel: PanelSource) -> str:
    return max((c.updated_at for c in panel.cards if c.updated_at), default=panel.created_at)


def _when(state: FileState) -> Text:
    """``A.paritrana-panel (dibuat 2025-07-28 08.00, terakhir diubah 2025-07-28 17.05)``."""
    panel = _panel(state)
    made, last = _time(panel.created_at), _time(_last_change(panel))
    return Text(
        f"{state.source.path.name} (dibuat {made}, terakhir diubah {last})",
        f"{state.source.path.name} (made {made}, last changed {last})",
    )


def _time(iso: str) -> str:
    """``2025-07-28 17:05 UTC`` from an ISO time in UTC (as the files keep them)."""
    if not iso:
        return "?"
    utc = iso.endswith(("+00:00", "Z"))
    return iso[:16].replace("T", " ") + (" UTC" if utc else "")


def _two_files(event: Event | None, states: Sequence[FileState]) -> Decision:
    judge = _panel(states[0]).judge
    files = Text.join("; ", (_when(s) for s in states))
    differences = _differences(event, states)
    return Decision(
        DecisionKind.TWO_FILES,
        Text(
            f"{judge.name} ({judge.id}) menyerahkan {len(states)} berkas yang tidak berkaitan "
            "(dibuat terpisah, bukan salinan berkas yang sama): ",
            f"{judge.name} ({judge.id}) handed in {len(states)} unrelated files (made "
            "separately, not copies of one file): ",
        )
        + files
        + Text(". Yang berbeda: ", ". What differs: ")
        + differences
        + Text(
            ". Nomor revisinya tidak dapat dibandingkan; ketua memilih berkas yang berlaku.",
            ". Their revision numbers cannot be compared; the chair chooses the file that stands.",
        ),
        judge_id=judge.id,
    )


def _waiting_reason(states: Sequence[FileState], state: FileState) -> Text:
    others = ", ".join(s.source.path.name for s in states if s is not state)
    return Text(
        f"Panelis yang sama juga menyerahkan {others}, berkas lain yang tidak berkaitan; "
        "pilih salah satu.",
        f"The same judge also handed in {others}, another unrelated file; choose one.",
    )


def _chosen(event: Event | None, states: Sequence[FileState], standing: str) -> Decision:
    judge = _panel(states[0]).judge
    used = [s for s in states if _panel(s).panel_id == standing]
    unused = [s for s in states if _panel(s).panel_id != standing]
    for state in unused:
        state.outcome = Outcome.NOT_CHOSEN
        state.reasons.append(
            Text(
                f"Ketua memilih berkas lain untuk {judge.name}: "
                f"{', '.join(s.source.path.name for s in used)}.",
                f"The chair chose another file for {judge.name}: "
                f"{', '.join(s.source.path.name for s in used)}.",
            )
        )
    return Decision(
        DecisionKind.FILE_CHOSEN,
        Text(
            f"Pilihan ketua untuk {judge.name} ({judge.id}): ",
            f"The chair's choice for {judge.name} ({judge.id}): ",
        )
        + Text.join("; ", (_when(s) for s in used))
        + Text(" dipakai; ", " used; ")
        + Text.join("; ", (_when(s) for s in unused))
        + Text(" tidak dipakai. Yang berbeda: ", " not used. What differed: ")
        + _differences(event, states)
        + Text.same("."),
        path=used[0].source.path,
        judge_id=judge.id,
    )


def _differences(event: Event | None, states: Sequence[FileState]) -> Text:
    """Per participant where the files disagree: each file's state (and "other scores")."""
    cards = [{c.interview_id: c for c in _panel(s).cards} for s in states]
    interviews = event.interviews if event is not None else ()
    parts: list[Text] = []
    for interview in interviews:
        held = [found.get(interview.id) for found in cards]
        if _agree(held):
            continue
        each = Text.join(
            " / ", (_state(card, state) for card, state in zip(held, states, strict=True))
        )
        if len({CardState.NOT_SCORED if c is None else c.state for c in held}) == 1:
            each = each + Text(" (nilai berbeda)", " (different scores)")
        parts.append(Text.same(f"{interview.participant}: ") + each)
    if not parts:
        return Text("isi lembar nilainya sama", "their scorecards hold the same")
    return Text.join("; ", parts)


def _agree(held: Sequence[Scorecard | None]) -> bool:
    contents = {None if c is None else (c.state, tuple(sorted(c.ratings.items()))) for c in held}
    return len(contents) == 1


def _state(card: Scorecard | None, state: FileState) -> Text:
    status = card.state if card is not None else CardState.NOT_SCORED
    name = state.source.path.name
    return Text(f"{status.value} di {name}", f"{status.label_en} in {name}")
