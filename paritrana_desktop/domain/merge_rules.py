"""The merge's rules across files: which files count, which event they are about, and why a
file is refused. Pure functions on the records of :mod:`.merge_records`; nothing is read here.

The same set of files gives the same selection, whatever the order in which they are given and
however often one is repeated: every list here is sorted by content or path, never by the order
of the inputs. :func:`select` is the entry point; :mod:`.merge_plan` applies the chair's options.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .event import Event, canonical_json, event_header_to_dict
from .event_differences import event_differences
from .merge_lineages import settle_lineages
from .merge_model import Decision, DecisionKind, FileFinding, MergeOptions, Outcome, Selection
from .merge_records import FileState, PanelSource, PrintBook, SourceFile
from .merge_revisions import choose_revisions
from .text import Text

__all__ = ["reference_event", "select"]


def select(
    sources: Sequence[SourceFile],
    notices: tuple[Text, ...] = (),
    options: MergeOptions | None = None,
) -> Selection:
    """Decide, for every file and every scorecard, what the merge does (before the options
    that only the plan applies; ``options`` gives the chair's choices of files).

    The order of ``sources`` does not matter: they are taken in path order (of byte-identical
    copies, the first by path is the one counted).
    """
    options = options or MergeOptions()
    prints = PrintBook()
    states = [FileState(s) for s in sorted(sources, key=lambda s: str(s.path))]
    hand_copies = _refuse_unreadable(states, options.accept_hand_copies)
    decisions = _mark_duplicates(states)
    live = [s for s in states if s.outcome not in (Outcome.DUPLICATE, Outcome.REFUSED)]
    event, reference_note = reference_event(live, prints)
    decisions.insert(0, Decision(DecisionKind.REFERENCE, reference_note))
    _check_event_files(live, event, prints)
    for state in live:
        if state.panel is not None and state.outcome is Outcome.USED:
            _check_panel(state, state.panel, event, prints)
    decisions.extend(_refusals(states))
    decisions.extend(hand_copies)
    accepted = [s for s in states if s.outcome is Outcome.USED and s.panel is not None]
    lineages = settle_lineages(event, accepted, options.use_files)
    decisions.extend(lineages.decisions)
    chosen, conflicts, card_decisions = choose_revisions(event, lineages.accepted)
    decisions.extend(card_decisions)
    _settle(lineages.accepted)
    judges_with_files = frozenset(
        {s.judge_id for s in lineages.accepted if s.judge_id is not None} | lineages.waiting_judges
    )
    return Selection(
        files=tuple(_finding(s, prints) for s in _file_order(states, event)),
        event=event,
        chosen=chosen,
        decisions=tuple(decisions),
        conflicts=frozenset(conflicts | lineages.waiting),
        judges_with_files=judges_with_files,
        notices=notices,
        sources=tuple(sources),
        options=options,
    )


def _refuse_unreadable(states: Iterable[FileState], accept_hand_copies: bool) -> list[Decision]:
    """Unreadable, foreign, newer, damaged: refused for what they are. A hand copy without its
    -wal is refused unless the chair chose to go on with it (then a decision says so)."""
    decisions: list[Decision] = []
    for state in states:
        if state.source.error is not None:
            state.refuse(state.source.error.message)
        elif state.source.hand_copy:
            decisions.extend(_hand_copy(state, accept_hand_copies))
        elif state.source.with_wal:
            state.reasons.append(
                Text(
                    "Dibaca bersama berkas -wal di sampingnya: disalin saat program panelis "
                    "masih terbuka. Lain kali pakai Ekspor salinan.",
                    "Read together with the -wal file beside it: it was copied while the "
                    "judge's program was open. Next time use Export copy.",
                )
            )
    return decisions


HAND_COPY = Text(
    "Disalin manual tanpa berkas -wal-nya (berkas ini dalam mode WAL): mungkin tidak memuat "
    "perubahan terakhir panelis. Minta panelis mengekspor salinan dari laptopnya dengan Ekspor "
    "berkas untuk ketua.",
    "Copied by hand without its -wal file (this file is in WAL mode): it may lack the judge's "
    "last changes. Ask the judge to export a copy on the laptop with Export file for the chair.",
)


def _hand_copy(state: FileState, accepted: bool) -> list[Decision]:
    if not accepted:
        state.refuse(HAND_COPY)
        return []
    note = Text(" Tetap dipakai atas pilihan ketua.", " Used anyway at the chair's choice.")
    state.reasons.append(HAND_COPY + note)
    return [
        Decision(
            DecisionKind.HAND_COPY,
            Text.same(f"{state.source.path.name}: ") + HAND_COPY + note,
            path=state.source.path,
            judge_id=state.judge_id,
        )
    ]


def _mark_duplicates(states: Iterable[FileState]) -> list[Decision]:
    """Byte-identical copies (same content, wherever they lie) count once: the first by path."""
    decisions: list[Decision] = []
    first_by_identity: dict[str, FileState] = {}
    for state in states:
        identity = state.source.identity
        if identity is None:
            continue
        original = first_by_identity.setdefault(identity, state)
        if original is state:
            continue
        state.outcome = Outcome.DUPLICATE
        where = original.source.path
        state.reasons = [
            Text(
                f"Salinan persis (byte demi byte) dari {where}; dihitung sekali.",
                f"An exact (byte-for-byte) copy of {where}; counted once.",
            )
        ]
        decisions.append(
            Decision(
                DecisionKind.DUPLICATE,
                state.reasons[0],
                path=state.source.path,
                judge_id=state.judge_id,
            )
        )
    return decisions


def _check_event_files(live: Iterable[FileState], event: Event | None, prints: PrintBook) -> None:
    """The event files named as reference are not merged themselves; a different one is refused."""
    for state in live:
        if state.source.event is None:
            continue
        if event is not None and prints.same_event(state.source.event, event):
            state.outcome = Outcome.REFERENCE
            state.reasons = [
                Text(
                    "Berkas kegiatan: acuan rubrik, jadwal dan daftar panel.",
                    "Event file: the reference for rubric, schedule and panel roster.",
                )
            ]
        else:
            state.refuse(
                Text(
                    "Berkas kegiatan ini berbeda dari berkas kegiatan lain yang diberikan; "
                    "berikan satu berkas kegiatan saja.",
                    "This event file differs from another event file given; give only one "
                    "event file.",
                )
            )


def _check_panel(
    state: FileState, panel: PanelSource, event: Event | None, prints: PrintBook
) -> None:
    """One panel file against the reference event: its own problems first, then the event."""
    if panel.problems:
        for problem in panel.problems:
            state.refuse(problem.message)
        return
    if event is None:
        state.refuse(
            Text(
                "Berkas-berkas ini tidak sepakat tentang kegiatannya (jumlah panelis sama untuk "
                "dua versi). Tambahkan berkas kegiatan (.paritrana-kegiatan) dari sekretariat "
                "sebagai acuan.",
                "These files disagree about the event (as many judges for two versions). Add "
                "the secretariat's event file (.paritrana-kegiatan) as the reference.",
            )
        )
        return
    differences = event_differences(event, panel.event, prints(event), prints(panel.event))
    for difference in differences:
        state.refuse(difference.message)
    if differences:
        return
    judge = panel.judge
    if not event.has_judge(judge.id):
        state.refuse(
            Text(
                f"Panelis {judge.name} ({judge.id}) tidak ada dalam daftar panel kegiatan ini.",
                f"Judge {judge.name} ({judge.id}) is not on this event's panel roster.",
            )
        )
    _check_cards(state, panel, event)


def _check_cards(state: FileState, panel: PanelSource, event: Event) -> None:
    for card in panel.cards:
        if not event.has_interview(card.interview_id):
            state.refuse(
                Text(
                    f"Ada lembar nilai untuk wawancara {card.interview_id!r} yang tidak ada di "
                    "jadwal.",
                    f"It holds a scorecard for interview {card.interview_id!r}, which is not in "
                    "the schedule.",
                )
            )
        elif card.judge_id != panel.judge.id:
            state.refuse(
                Text(
                    f"Lembar nilai untuk {card.interview_id} tercatat atas nama panelis lain "
                    f"({card.judge_id}).",
                    f"The scorecard for {card.interview_id} is recorded under another judge "
                    f"({card.judge_id}).",
                )
            )


def _refusals(states: Iterable[FileState]) -> list[Decision]:
    return [
        Decision(
            DecisionKind.REFUSED,
            Text.same(f"{state.source.path.name}: ") + Text.join(" ", state.reasons),
            path=state.source.path,
            judge_id=state.judge_id,
        )
        for state in states
        if state.outcome is Outcome.REFUSED
    ]


def _settle(accepted: Iterable[FileState]) -> None:
    """After the revisions are chosen: a file in conflict, superseded whole, or empty."""
    for state in accepted:
        cards = state.panel.cards if state.panel is not None else ()
        if state.version_conflicts:
            state.outcome = Outcome.CONFLICT
        elif cards and not state.used_cards:
            state.outcome = Outcome.SUPERSEDED
            state.reasons.append(
                Text(
                    "Semua lembar nilainya ada dalam berkas lain panelis yang sama dengan revisi "
                    "sama atau lebih baru.",
                    "Every scorecard in it is in another file of the same judge, at the same or "
                    "a newer revision.",
                )
            )
        elif not cards:
            state.reasons.append(
                Text("Belum ada lembar nilai di dalamnya.", "It holds no scorecard yet.")
            )


# --- the reference event -------------------------------------------------------------------


def reference_event(live: Sequence[FileState], prints: PrintBook) -> tuple[Event | None, Text]:
    """The event this merge is about: the event file named, else the one most judges share."""
    found = _from_event_files(live, prints)
    if found is not None:
        return found
    return _from_panels([s.panel for s in live if s.panel is not None], prints)


def _from_event_files(live: Sequence[FileState], prints: PrintBook) -> tuple[Event, Text] | None:
    """The first event file by path, when every event file given agrees with it."""
    candidates = sorted(
        ((s.source.event, s.source.path) for s in live if s.source.event is not None),
        key=lambda item: str(item[1]),
    )
    if not candidates:
        return None
    event, path = candidates[0]
    if not all(prints.same_event(other, event) for other, _ in candidates):
        return None
    short = prints(event).event[:12]
    return event, Text(
        f"Acuan kegiatan: {event.name} ({event.code}, {event.award_year}), sidik jari {short}, "
        f"dari berkas kegiatan {path.name} di folder {path.parent}.",
        f"Event reference: {event.name} ({event.code}, {event.award_year}), fingerprint {short}, "
        f"from the event file {path.name} in the folder {path.parent}.",
    )


def _from_panels(found: Sequence[PanelSource], prints: PrintBook) -> tuple[Event | None, Text]:
    """The event most judges' sound files share; a tie between two versions is no answer."""
    panels = [p for p in found if not p.problems]
    if not panels:
        return None, Text(
            "Tidak ada berkas panel yang utuh untuk menentukan kegiatannya.",
            "No sound panel file to tell which event this is.",
        )
    judges_by_fp: dict[str, set[str]] = {}
    for panel in panels:
        judges_by_fp.setdefault(prints(panel.event).event, set()).add(panel.judge.id)
    ranked = sorted(judges_by_fp.items(), key=lambda item: (-len(item[1]), item[0]))
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        return None, Text(
            f"Berkas-berkas ini berasal dari {len(ranked)} versi kegiatan dengan jumlah panelis "
            "yang sama; acuan tidak dapat dipilih tanpa berkas kegiatan.",
            f"These files come from {len(ranked)} versions of the event with as many judges "
            "each; no reference can be chosen without the event file.",
        )
    fingerprint = ranked[0][0]
    same = [p for p in panels if prints(p.event).event == fingerprint]
    judges_by_roster: dict[str, set[str]] = {}
    for panel in same:
        judges_by_roster.setdefault(prints(panel.event).roster, set()).add(panel.judge.id)
    roster = min(judges_by_roster.items(), key=lambda item: (-len(item[1]), item[0]))[0]
    event = min(
        (p.event for p in same if prints(p.event).roster == roster),
        key=lambda e: canonical_json(event_header_to_dict(e)),  # name, venue, dates
    )
    judges = len(ranked[0][1])
    others = sum(len(v) for _, v in ranked[1:])
    extra = Text(
        f"; {others} panelis memakai versi lain", f"; {others} judges used another version"
    )
    return event, Text(
        f"Acuan kegiatan: {event.name} ({event.code}, {event.award_year}), sidik jari "
        f"{fingerprint[:12]}, yang dipakai oleh {judges} panelis",
        f"Event reference: {event.name} ({event.code}, {event.award_year}), fingerprint "
        f"{fingerprint[:12]}, used by {judges} judges",
    ) + (extra if others else Text.same("")) + Text.same(".")


# --- the files as the report lists them ----------------------------------------------------


def _file_order(states: Iterable[FileState], event: Event | None) -> list[FileState]:
    """Judges in roster order, then files without a known judge; by path within each."""
    order = {j.id: n for n, j in enumerate(event.judges)} if event else {}

    def key(state: FileState) -> tuple[int, int, str]:
        if state.outcome is Outcome.REFERENCE:
            return (0, 0, str(state.source.path))
        judge = state.judge_id
        place = order.get(judge, len(order)) if judge else len(order) + 1
        return (1, place, str(state.source.path))

    return sorted(states, key=key)


def _finding(state: FileState, prints: PrintBook) -> FileFinding:
    source = state.source
    panel = source.panel
    cards = panel.cards if panel else ()
    event = panel.event if panel else source.event
    return FileFinding(
        path=source.path,
        sha256=source.sha256,
        judge_id=panel.judge.id if panel else None,
        judge_name=panel.judge.name if panel else None,
        format_version=source.format_version,
        fingerprint=prints(event).event if event else None,
        final=sum(1 for c in cards if c.is_final and not c.conflict),
        drafts=sum(1 for c in cards if not c.is_final and not c.conflict),
        conflicts=sum(1 for c in cards if c.conflict),
        outcome=state.outcome,
        reasons=tuple(state.reasons),
        institution=panel.judge.institution if panel else None,
        panel_id=panel.panel_id if panel else None,
        event_code=event.code if event else None,
        event_name=event.name if event else None,
        version_conflicts=state.version_conflicts,
        used_cards=state.used_cards,
        superseded_cards=state.superseded_cards,
        code=(panel.code or None) if panel else None,
        hand_copy=source.hand_copy,
        is_event_file=source.event is not None,
        key_fingerprint=panel.trust.current_fingerprint if panel and panel.trust else None,
        key_check=panel.key_check if panel else None,
    )
