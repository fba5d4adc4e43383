"""The chair's merge: every judge's panel file into one workbook the secretariat can trust.

Two steps, both without Qt so that the command line, the dialog (in a worker thread) and the
tests share them:

1. :func:`inspect_inputs` reads and checks every file and decides, for each file and each
   scorecard, what the merge will do. Nothing is written. The result, a :class:`MergePlan`,
   holds every decision in both languages.
2. :func:`write_merge` writes the workbook under a temporary name, reads it back, compares its
   totals with the computed ones and only then renames it to the chosen name.

The merge is honest: no score is counted twice, none is dropped silently and no version is
picked by chance. Every decision is in :attr:`MergePlan.decisions`, in the report and in the
workbook. The same set of files gives the same plan, whatever the order in which the files are
named and however often one is repeated: every list here is sorted by content, never by the
order of the inputs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import __version__
from .domain.aggregation import JudgeScore, aggregate
from .domain.errors import UserError, current_language
from .domain.event import (
    Category,
    Event,
    Scale,
    canonical_json,
    category_to_dict,
    event_header_to_dict,
    interview_to_dict,
)
from .domain.merge_model import (
    Decision,
    DecisionKind,
    FileFinding,
    MergeOptions,
    MergePlan,
    Outcome,
    UsedCard,
)
from .domain.numbers import format_number
from .domain.scorecard import CardState, Scorecard
from .domain.scoring import weighted_total
from .domain.text import Text
from .storage.collect import PanelSource, SourceFile, read_source
from .storage.database import FileKind

__all__ = [
    "Decision",
    "DecisionKind",
    "FileFinding",
    "MergeCancelled",
    "MergeOptions",
    "MergePlan",
    "MergeRefused",
    "MergeReport",
    "Outcome",
    "find_panel_files",
    "inspect_inputs",
    "report_lines",
    "write_merge",
]

PANEL_EXTENSION = FileKind.PANEL.extension
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Clock = Callable[[], dt.datetime]
_MAX_DIFFERENCES = 6


class MergeRefused(UserError):
    """The workbook is not written: files were refused or scorecards are in conflict."""

    def __init__(self, reasons: Sequence[UserError]) -> None:
        super().__init__(
            Text("Workbook tidak ditulis. ", "The workbook was not written. ")
            + Text.join(" ", (r.message for r in reasons))
        )
        self.reasons = tuple(reasons)


class MergeCancelled(UserError):
    """The user cancelled; nothing was written and no earlier workbook was touched."""

    def __init__(self) -> None:
        super().__init__(
            Text(
                "Penggabungan dibatalkan; tidak ada berkas yang ditulis.",
                "The merge was cancelled; nothing was written.",
            )
        )


@dataclass(frozen=True)
class MergeReport:
    """What :func:`write_merge` wrote."""

    output: Path
    plan: MergePlan
    lines: tuple[str, ...]  # the report, in the current language
    participants: int  # participants with an official score
    scorecards_used: int  # scorecards counted in the official figures
    judges: int  # judges with at least one used file
    detail_rows: int  # rows in "Data rinci"
    merged_at: dt.datetime


# --- finding the files ---------------------------------------------------------------------


def find_panel_files(inputs: Sequence[Path]) -> list[Path]:
    """The files to merge: folders are searched (with their subfolders) for panel files.

    A file named on its own is taken whatever its extension (the checks will say what it is).
    A missing path or a folder without any panel file is a ``UserError``.
    """
    if not inputs:
        raise UserError(
            Text(
                "Pilih sedikitnya satu berkas panel atau folder.",
                "Choose at least one panel file or folder.",
            ),
        )
    found: list[Path] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.name.lower().endswith(PANEL_EXTENSION)
                and not p.name.startswith(".")
                and p.is_file()
            )
            if not inside:
                raise UserError(
                    Text(
                        f"Folder {path} tidak berisi berkas panel ({PANEL_EXTENSION}).",
                        f"The folder {path} holds no panel files ({PANEL_EXTENSION}).",
                    ),
                )
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise UserError(
                Text(
                    f"{path} tidak ditemukan. Periksa nama dan foldernya.",
                    f"{path} was not found. Check the name and the folder.",
                ),
            )
    return found


# --- inspecting ----------------------------------------------------------------------------


@dataclass
class _FileState:
    """A file as the selection sees it; turned into a FileFinding at the end."""

    source: SourceFile
    outcome: Outcome = Outcome.USED
    reasons: list[UserError] = field(default_factory=list)
    used_cards: int = 0
    superseded_cards: int = 0
    version_conflicts: int = 0
    order: tuple[int, str] = (0, "")

    @property
    def panel(self) -> PanelSource | None:
        return self.source.panel


@dataclass(frozen=True)
class _Selection:
    """What the checks decided, before the options (drafts, refused files) are applied."""

    states: tuple[_FileState, ...]
    event: Event | None
    chosen: dict[tuple[str, str], tuple[Scorecard, Path]]  # (interview, judge) -> card, file
    decisions: tuple[Decision, ...]  # file-level and revision decisions, in order
    conflicts: frozenset[tuple[str, str]]
    judges_with_files: frozenset[str]
    notices: tuple[UserError, ...]


def inspect_inputs(
    inputs: Sequence[Path],
    options: MergeOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> MergePlan:
    """Read and check every input and decide what the merge does; nothing is written.

    Raises ``UserError`` for a missing path or an empty folder, ``MergeCancelled`` when
    ``cancelled()`` turns true. Every problem with a file is in the plan, not raised.
    """
    options = options or MergeOptions()
    paths = find_panel_files(inputs)
    resolved: dict[Path, int] = Counter(_absolute(p) for p in paths)
    notices = tuple(
        UserError(
            Text(
                f"{p} disebut {count} kali; dibaca sekali.",
                f"{p} was given {count} times; it was read once.",
            ),
        )
        for p, count in sorted(resolved.items())
        if count > 1
    )
    ordered = sorted(resolved, key=str)
    total = len(ordered)
    sources: list[SourceFile] = []
    for done, path in enumerate(ordered):
        if cancelled is not None and cancelled():
            raise MergeCancelled()
        if progress is not None:
            progress(done, total, _say(f"Memeriksa {path.name}", f"Checking {path.name}"))
        sources.append(read_source(path))
    if progress is not None:
        progress(total, total, _say("Berkas sudah diperiksa", "Files checked"))
    try:
        selection = _select(sources, notices)
        return _plan(selection, options)
    finally:
        _fingerprint_memo.clear()


def plan_with_options(plan: MergePlan, options: MergeOptions) -> MergePlan:
    """The same inspection with other options (the dialog's check boxes); no file is read."""
    if options == plan.options:
        return plan
    if not isinstance(plan.selection, _Selection):
        raise ValueError("this plan was not made by inspect_inputs")
    return _plan(plan.selection, options)


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _say(id_text: str, en_text: str) -> str:
    return en_text if current_language() == "en" else id_text


def _select(sources: list[SourceFile], notices: tuple[UserError, ...]) -> _Selection:
    states = [_FileState(s) for s in sources]
    decisions: list[Decision] = []

    # Unreadable, foreign, newer, damaged: refused for what they are.
    for state in states:
        if state.source.error is not None:
            _refuse(state, state.source.error)
        elif state.source.with_wal:
            state.reasons.append(
                UserError(
                    Text(
                        "Dibaca bersama berkas -wal di sampingnya: disalin saat program panelis "
                        "masih terbuka. Lain kali pakai Ekspor salinan.",
                        "Read together with the -wal file beside it: it was copied while the "
                        "judge's program was open. Next time use Export copy.",
                    ),
                )
            )

    # Byte-identical copies (same content, wherever they lie) count once: the first by path.
    first_by_identity: dict[str, _FileState] = {}
    for state in states:
        identity = state.source.identity
        if identity is None:
            continue
        original = first_by_identity.get(identity)
        if original is None:
            first_by_identity[identity] = state
            continue
        state.outcome = Outcome.DUPLICATE
        state.reasons = [
            UserError(
                Text(
                    f"Salinan persis (byte demi byte) dari {original.source.path}; dihitung "
                    "sekali.",
                    f"An exact (byte-for-byte) copy of {original.source.path}; counted once.",
                ),
            )
        ]
        decisions.append(
            Decision(
                DecisionKind.DUPLICATE,
                state.reasons[0],
                path=state.source.path,
                judge_id=state.panel.judge.id if state.panel else None,
            )
        )

    live = [
        s for s in states if s.outcome is not Outcome.DUPLICATE and s.outcome is not Outcome.REFUSED
    ]
    event, reference_note = _reference_event(live)
    decisions.insert(0, Decision(DecisionKind.REFERENCE, reference_note))

    # The event files named as reference are not merged themselves.
    for state in live:
        if state.source.event is not None:
            if event is not None and _same_event(state.source.event, event):
                state.outcome = Outcome.REFERENCE
                state.reasons = [
                    UserError(
                        Text(
                            "Berkas kegiatan: acuan rubrik, jadwal dan daftar panel.",
                            "Event file: the reference for rubric, schedule and panel roster.",
                        ),
                    )
                ]
            else:
                _refuse(
                    state,
                    UserError(
                        Text(
                            "Berkas kegiatan ini berbeda dari berkas kegiatan lain yang diberikan; "
                            "berikan satu berkas kegiatan saja.",
                            "This event file differs from another event file given; give only one "
                            "event file.",
                        ),
                    ),
                )

    # Each panel file against the reference.
    for state in live:
        panel = state.panel
        if panel is None or state.outcome is not Outcome.USED:
            continue
        for problem in panel.problems:
            _refuse(state, problem)
        if panel.problems:
            continue
        if event is None:
            _refuse(
                state,
                UserError(
                    Text(
                        "Berkas-berkas ini tidak sepakat tentang kegiatannya (jumlah panelis sama "
                        "untuk dua versi). Tambahkan berkas kegiatan (.paritrana-kegiatan) dari "
                        "sekretariat sebagai acuan.",
                        "These files disagree about the event (as many judges for two versions). "
                        "Add the secretariat's event file (.paritrana-kegiatan) as the reference.",
                    ),
                ),
            )
            continue
        differences = _event_differences(event, panel.event, state.source.path.name)
        for reason in differences:
            _refuse(state, reason)
        if differences:
            continue
        if not event.has_judge(panel.judge.id):
            _refuse(
                state,
                UserError(
                    Text(
                        f"Panelis {panel.judge.name} ({panel.judge.id}) tidak ada dalam daftar "
                        "panel kegiatan ini.",
                        f"Judge {panel.judge.name} ({panel.judge.id}) is not on this event's panel "
                        "roster.",
                    ),
                ),
            )
        for card in panel.cards:
            if not event.has_interview(card.interview_id):
                _refuse(
                    state,
                    UserError(
                        Text(
                            f"Ada lembar nilai untuk wawancara {card.interview_id!r} yang tidak "
                            "ada di jadwal.",
                            f"It holds a scorecard for interview {card.interview_id!r}, which is "
                            "not in the schedule.",
                        ),
                    ),
                )
            elif card.judge_id != panel.judge.id:
                _refuse(
                    state,
                    UserError(
                        Text(
                            f"Lembar nilai untuk {card.interview_id} tercatat atas nama panelis "
                            f"lain ({card.judge_id}).",
                            f"The scorecard for {card.interview_id} is recorded under another "
                            f"judge ({card.judge_id}).",
                        ),
                    ),
                )

    for state in states:
        if state.outcome is Outcome.REFUSED:
            decisions.append(
                Decision(
                    DecisionKind.REFUSED,
                    UserError(
                        Text(
                            f"{state.source.path.name}: "
                            + " ".join(r.message.id for r in state.reasons),
                            f"{state.source.path.name}: "
                            + " ".join(r.message.en for r in state.reasons),
                        ),
                    ),
                    path=state.source.path,
                    judge_id=state.panel.judge.id if state.panel else None,
                )
            )

    accepted = [s for s in states if s.outcome is Outcome.USED and s.panel is not None]
    chosen, conflicts, card_decisions = _choose_revisions(event, accepted)
    decisions.extend(card_decisions)
    for state in accepted:
        if state.version_conflicts:
            state.outcome = Outcome.CONFLICT
        elif state.panel is not None and state.panel.cards and not state.used_cards:
            state.outcome = Outcome.SUPERSEDED
            state.reasons.append(
                UserError(
                    Text(
                        "Semua lembar nilainya ada dalam berkas lain panelis yang sama dengan "
                        "revisi sama atau lebih baru.",
                        "Every scorecard in it is in another file of the same judge, at the same "
                        "or a newer revision.",
                    ),
                )
            )
        elif state.panel is not None and not state.panel.cards:
            state.reasons.append(
                UserError(Text("Belum ada lembar nilai di dalamnya.", "It holds no scorecard yet."))
            )
    judges_with_files = frozenset(
        s.panel.judge.id
        for s in accepted
        if s.panel is not None and s.outcome is not Outcome.REFUSED
    )
    return _Selection(
        states=tuple(states),
        event=event,
        chosen=chosen,
        decisions=tuple(decisions),
        conflicts=frozenset(conflicts),
        judges_with_files=judges_with_files,
        notices=notices,
    )


def _refuse(state: _FileState, reason: UserError) -> None:
    state.outcome = Outcome.REFUSED
    state.reasons.append(reason)


_fingerprint_memo: dict[int, tuple[Event, str, str, str, str]] = {}


def _prints(event: Event) -> tuple[str, str, str, str]:
    """(event, rubric, schedule, roster) fingerprints, each computed once per event object."""
    found = _fingerprint_memo.get(id(event))
    if found is None or found[0] is not event:
        if len(_fingerprint_memo) > 10_000:
            _fingerprint_memo.clear()
        found = (
            event,
            event.fingerprint(),
            event.rubric_fingerprint(),
            event.schedule_fingerprint(),
            event.roster_fingerprint(),
        )
        _fingerprint_memo[id(event)] = found
    return found[1], found[2], found[3], found[4]


def _fingerprint(event: Event) -> str:
    return _prints(event)[0]


def _same_event(a: Event, b: Event) -> bool:
    pa, pb = _prints(a), _prints(b)
    return pa[0] == pb[0] and pa[3] == pb[3]


def _header_key(event: Event) -> str:
    """What two events with equal fingerprints can still differ in: name, venue, dates."""
    return canonical_json(event_header_to_dict(event))


def _reference_event(live: list[_FileState]) -> tuple[Event | None, UserError]:
    """The event this merge is about: the event file named, else the one most judges share."""
    event_files = [s for s in live if s.source.event is not None]
    if event_files:
        candidates = sorted(
            (s for s in event_files if s.source.event is not None),
            key=lambda s: str(s.source.path),
        )
        first = candidates[0]
        assert first.source.event is not None
        if all(
            s.source.event is not None and _same_event(s.source.event, first.source.event)
            for s in candidates
        ):
            event = first.source.event
            return event, UserError(
                Text(
                    f"Acuan kegiatan: {event.name} ({event.code}, {event.award_year}), sidik jari "
                    f"{_fingerprint(event)[:12]}, dari berkas kegiatan {first.source.path.name}.",
                    f"Event reference: {event.name} ({event.code}, {event.award_year}), "
                    f"fingerprint {_fingerprint(event)[:12]}, from the event file "
                    f"{first.source.path.name}.",
                ),
            )
    panels = [s.panel for s in live if s.panel is not None and not s.panel.problems]
    if not panels:
        return None, UserError(
            Text(
                "Tidak ada berkas panel yang utuh untuk menentukan kegiatannya.",
                "No sound panel file to tell which event this is.",
            ),
        )
    judges_by_fp: dict[str, set[str]] = {}
    for panel in panels:
        judges_by_fp.setdefault(_fingerprint(panel.event), set()).add(panel.judge.id)
    ranked = sorted(judges_by_fp.items(), key=lambda item: (-len(item[1]), item[0]))
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        return None, UserError(
            Text(
                f"Berkas-berkas ini berasal dari {len(ranked)} versi kegiatan dengan jumlah "
                "panelis yang sama; acuan tidak dapat dipilih tanpa berkas kegiatan.",
                f"These files come from {len(ranked)} versions of the event with as many judges "
                "each; no reference can be chosen without the event file.",
            ),
        )
    fingerprint = ranked[0][0]
    same = [p for p in panels if _fingerprint(p.event) == fingerprint]
    judges_by_roster: dict[str, set[str]] = {}
    for panel in same:
        judges_by_roster.setdefault(_prints(panel.event)[3], set()).add(panel.judge.id)
    rosters = sorted(judges_by_roster.items(), key=lambda item: (-len(item[1]), item[0]))
    roster = rosters[0][0]
    with_roster = [p.event for p in same if _prints(p.event)[3] == roster]
    event = min(with_roster, key=_header_key)
    judges = len(ranked[0][1])
    others = sum(len(v) for _, v in ranked[1:])
    id_extra = f"; {others} panelis memakai versi lain" if others else ""
    en_extra = f"; {others} judges used another version" if others else ""
    return event, UserError(
        Text(
            f"Acuan kegiatan: {event.name} ({event.code}, {event.award_year}), sidik jari "
            f"{fingerprint[:12]}, yang dipakai oleh {judges} panelis{id_extra}.",
            f"Event reference: {event.name} ({event.code}, {event.award_year}), fingerprint "
            f"{fingerprint[:12]}, used by {judges} judges{en_extra}.",
        ),
    )


def _event_differences(ref: Event, other: Event, name: str) -> list[UserError]:
    """Why ``other`` is not the reference event, naming what differs; empty when it is."""
    if _fingerprint(other) == _fingerprint(ref):
        return []
    if other.code != ref.code or other.award_year != ref.award_year:
        return [
            UserError(
                Text(
                    f"Berkas untuk kegiatan lain: {other.name} ({other.code}, {other.award_year}); "
                    f"penggabungan ini untuk {ref.name} ({ref.code}, {ref.award_year}).",
                    f"A file for another event: {other.name} ({other.code}, {other.award_year}); "
                    f"this merge is for {ref.name} ({ref.code}, {ref.award_year}).",
                ),
            )
        ]
    out: list[UserError] = []
    if _prints(other)[1] != _prints(ref)[1]:
        parts = _rubric_differences(ref, other)
        out.append(
            UserError(
                Text(
                    "Kegiatan sama tetapi rubriknya berbeda: "
                    + "; ".join(p[0] for p in parts)
                    + ".",
                    "Same event but a different rubric: " + "; ".join(p[1] for p in parts) + ".",
                ),
            )
        )
    if _prints(other)[2] != _prints(ref)[2]:
        parts = _schedule_differences(ref, other)
        out.append(
            UserError(
                Text(
                    "Kegiatan sama tetapi jadwalnya berbeda: "
                    + "; ".join(p[0] for p in parts)
                    + ".",
                    "Same event but a different schedule: " + "; ".join(p[1] for p in parts) + ".",
                ),
            )
        )
    return out


def _limited(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    if len(parts) <= _MAX_DIFFERENCES:
        return parts
    rest = len(parts) - _MAX_DIFFERENCES
    return [*parts[:_MAX_DIFFERENCES], (f"dan {rest} perbedaan lain", f"and {rest} more")]


def _rubric_differences(ref: Event, other: Event) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    ref_cats = {c.code: c for c in ref.categories}
    other_cats = {c.code: c for c in other.categories}
    for code in sorted(ref_cats.keys() - other_cats.keys()):
        parts.append((f"kategori {code} tidak ada", f"category {code} is missing"))
    for code in sorted(other_cats.keys() - ref_cats.keys()):
        parts.append((f"kategori tambahan {code}", f"an extra category {code}"))
    for code in sorted(ref_cats.keys() & other_cats.keys()):
        parts.extend(_category_differences(ref_cats[code], other_cats[code]))
    if not parts:  # same content, different order
        parts.append(("urutan kategori", "the order of the categories"))
    return _limited(parts)


def _category_differences(a: Category, b: Category) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    if a.name != b.name:
        parts.append(
            (f"nama kategori {a.code}: {b.name!r}", f"the name of category {a.code}: {b.name!r}")
        )
    if (a.scale.minimum, a.scale.maximum, a.scale.step) != (
        b.scale.minimum,
        b.scale.maximum,
        b.scale.step,
    ):
        theirs_id, ours_id = _scale_text(b.scale, "id"), _scale_text(a.scale, "id")
        theirs, ours = _scale_text(b.scale, "en"), _scale_text(a.scale, "en")
        parts.append(
            (
                f"skala {a.code}: {theirs_id}, bukan {ours_id}",
                f"the scale of {a.code}: {theirs}, not {ours}",
            )
        )
    elif a.scale.levels != b.scale.levels:
        parts.append((f"label skala {a.code}", f"the scale labels of {a.code}"))
    crit_a = {c.code: c for c in a.criteria}
    crit_b = {c.code: c for c in b.criteria}
    for code in sorted(crit_a.keys() - crit_b.keys()):
        parts.append((f"kriteria {a.code}/{code} tidak ada", f"criterion {a.code}/{code} missing"))
    for code in sorted(crit_b.keys() - crit_a.keys()):
        parts.append((f"kriteria tambahan {a.code}/{code}", f"an extra criterion {a.code}/{code}"))
    for code in [c.code for c in a.criteria if c.code in crit_b]:
        x, y = crit_a[code], crit_b[code]
        if x.weight != y.weight:
            parts.append(
                (
                    f"bobot {a.code}/{code}: {format_number(y.weight, 'id')}, bukan "
                    f"{format_number(x.weight, 'id')}",
                    f"the weight of {a.code}/{code}: {format_number(y.weight)}, not "
                    f"{format_number(x.weight)}",
                )
            )
        if x.name != y.name or x.description != y.description:
            parts.append(
                (f"uraian kriteria {a.code}/{code}", f"the wording of criterion {a.code}/{code}")
            )
    if not parts and category_to_dict(a) != category_to_dict(b):
        parts.append((f"urutan kriteria {a.code}", f"the order of the criteria of {a.code}"))
    return parts


def _scale_text(scale: Scale, language: str) -> str:
    """``1-5 (langkah 0,5)`` / ``1-5 (step 0.5)``."""
    step = "step" if language == "en" else "langkah"
    return (
        f"{format_number(scale.minimum, language)}-{format_number(scale.maximum, language)} "
        f"({step} {format_number(scale.step, language)})"
    )


def _schedule_differences(ref: Event, other: Event) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    a = {i.id: i for i in ref.interviews}
    b = {i.id: i for i in other.interviews}
    for iid in sorted(a.keys() - b.keys()):
        parts.append(
            (
                f"wawancara {iid} ({a[iid].participant}) tidak ada",
                f"interview {iid} ({a[iid].participant}) is missing",
            )
        )
    for iid in sorted(b.keys() - a.keys()):
        parts.append(
            (
                f"wawancara tambahan {iid} ({b[iid].participant})",
                f"an extra interview {iid} ({b[iid].participant})",
            )
        )
    labels = {
        "participant": ("peserta", "participant"),
        "category": ("kategori", "category"),
        "day": ("tanggal", "date"),
        "start": ("jam mulai", "start time"),
        "end": ("jam selesai", "end time"),
        "room": ("ruang", "room"),
        "representatives": ("perwakilan", "representatives"),
    }
    for iid in [i.id for i in ref.interviews if i.id in b]:
        x, y = interview_to_dict(a[iid]), interview_to_dict(b[iid])
        changed = [k for k in labels if x[k] != y[k]]
        if changed:
            parts.append(
                (
                    f"wawancara {iid}: " + ", ".join(labels[k][0] for k in changed) + " berbeda",
                    f"interview {iid}: different " + ", ".join(labels[k][1] for k in changed),
                )
            )
    if not parts:
        parts.append(("urutan wawancara", "the order of the interviews"))
    return _limited(parts)


def _choose_revisions(
    event: Event | None, accepted: list[_FileState]
) -> tuple[dict[tuple[str, str], tuple[Scorecard, Path]], set[tuple[str, str]], list[Decision]]:
    """For each judge and interview, the highest revision; equal revisions must agree."""
    chosen: dict[tuple[str, str], tuple[Scorecard, Path]] = {}
    conflicts: set[tuple[str, str]] = set()
    decisions: list[Decision] = []
    if event is None:
        return chosen, conflicts, decisions
    # A later export holds more revisions: it is preferred for identical copies of a card.
    for state in accepted:
        assert state.panel is not None
        state.order = (-sum(c.revision for c in state.panel.cards), str(state.source.path))
    candidates: dict[tuple[str, str], list[tuple[Scorecard, _FileState]]] = {}
    for state in sorted(accepted, key=lambda s: s.order):
        assert state.panel is not None
        for card in state.panel.cards:
            candidates.setdefault((card.interview_id, state.panel.judge.id), []).append(
                (card, state)
            )
    judge_order = {j.id: n for n, j in enumerate(event.judges)}
    interview_order = {i.id: n for n, i in enumerate(event.interviews)}
    for key in sorted(candidates, key=lambda k: (interview_order[k[0]], judge_order[k[1]])):
        interview_id, judge_id = key
        cards = candidates[key]
        top = max(card.revision for card, _ in cards)
        best = [(card, state) for card, state in cards if card.revision == top]
        contents = {canonical_json(card.content()) for card, _ in best}
        participant = event.interview(interview_id).participant
        judge = event.judge(judge_id)
        if len(contents) > 1:
            conflicts.add(key)
            names = ", ".join(sorted(state.source.path.name for _, state in best))
            for _, state in best:
                state.version_conflicts += 1
            decisions.append(
                Decision(
                    DecisionKind.VERSION_CONFLICT,
                    UserError(
                        Text(
                            f"{judge.name}, {participant}: revisi {top} berbeda isinya di {names}. "
                            "Tidak dipilih salah satu; keluarkan berkas yang tidak berlaku.",
                            f"{judge.name}, {participant}: revision {top} differs between {names}. "
                            "Neither is picked; leave out the file that does not stand.",
                        ),
                    ),
                    judge_id=judge_id,
                    interview_id=interview_id,
                )
            )
            continue
        card, state = best[0]
        chosen[key] = (card, state.source.path)
        state.used_cards += 1
        older = sorted(
            ((c, s) for c, s in cards if c.revision < top), key=lambda cs: str(cs[1].source.path)
        )
        for old, old_state in older:
            old_state.superseded_cards += 1
            # When the versions differ in kind (a recusal, a draft), each one says which.
            new_id, new_en, old_id, old_en = "", "", "", ""
            if old.state is not card.state:
                new_id, new_en = f" ({card.state.value})", f" ({card.state.label_en})"
                old_id, old_en = f" ({old.state.value})", f" ({old.state.label_en})"
            decisions.append(
                Decision(
                    DecisionKind.SUPERSEDED,
                    UserError(
                        Text(
                            f"{judge.name}, {participant}: revisi {top}{new_id} dari "
                            f"{state.source.path.name} dipakai; revisi {old.revision}{old_id} dari "
                            f"{old_state.source.path.name} tidak dipakai.",
                            f"{judge.name}, {participant}: revision {top}{new_en} from "
                            f"{state.source.path.name} used; revision {old.revision}{old_en} from "
                            f"{old_state.source.path.name} not used.",
                        ),
                    ),
                    path=old_state.source.path,
                    judge_id=judge_id,
                    interview_id=interview_id,
                )
            )
        for _, same_state in best[1:]:
            same_state.superseded_cards += 1
    return chosen, conflicts, decisions


def _plan(selection: _Selection, options: MergeOptions) -> MergePlan:
    event = selection.event
    decisions = list(selection.decisions)
    if options.skip_invalid:
        decisions = [
            replace(
                d,
                kind=DecisionKind.SKIPPED,
                message=UserError(
                    Text(
                        d.message.message.id + " Dilewati atas pilihan ketua.",
                        d.message.message.en + " Left out at the chair's choice.",
                    ),
                ),
            )
            if d.kind is DecisionKind.REFUSED
            else d
            for d in decisions
        ]
    used: list[UsedCard] = []
    scores: dict[tuple[str, str], JudgeScore] = {}
    if event is not None:
        missing: dict[str, list[str]] = {}
        for interview in event.interviews:
            category = event.category(interview.category)
            for judge in event.judges:
                key = (interview.id, judge.id)
                if key in selection.conflicts:
                    scores[key] = JudgeScore(judge.id, CardState.NOT_SCORED)
                    continue
                if key not in selection.chosen:
                    if judge.id in selection.judges_with_files:
                        missing.setdefault(judge.id, []).append(interview.participant)
                    continue
                card, source = selection.chosen[key]
                status = card.state
                total = weighted_total(category, card)
                counted = status is CardState.FINAL or (
                    status is CardState.DRAFT
                    and options.include_drafts
                    and total is not None
                    and total.complete
                )
                scores[key] = JudgeScore(
                    judge.id,
                    status,
                    total.value if total is not None else None,
                    total.complete if total is not None else False,
                    card.ratings,
                    counted,
                )
                used.append(UsedCard(card, source, status, counted, total))
                decision = _card_decision(
                    judge.name, interview.participant, card, status, counted, options, source
                )
                if decision is not None:
                    decisions.append(decision)
        for judge in event.judges:
            if judge.id not in selection.judges_with_files:
                decisions.append(
                    Decision(
                        DecisionKind.NO_FILE,
                        UserError(
                            Text(
                                f"Tidak ada berkas yang dapat dipakai dari {judge.name} "
                                f"({judge.id}); semua pesertanya tercatat belum dinilai.",
                                f"No usable file from {judge.name} ({judge.id}); every participant "
                                "is listed as not scored by this judge.",
                            ),
                        ),
                        judge_id=judge.id,
                    )
                )
            elif judge.id in missing:
                names = missing[judge.id]
                decisions.append(
                    Decision(
                        DecisionKind.NOT_SCORED,
                        UserError(
                            Text(
                                f"{judge.name} belum menilai {len(names)} peserta: "
                                + ", ".join(names)
                                + ".",
                                f"{judge.name} has not scored {len(names)} participants: "
                                + ", ".join(names)
                                + ".",
                            ),
                        ),
                        judge_id=judge.id,
                    )
                )
    results = aggregate(event, scores) if event is not None else ()
    files = tuple(_finding(state) for state in _file_order(selection.states, event))
    return MergePlan(
        files=files,
        event=event,
        decisions=tuple(decisions),
        options=options,
        results=results,
        cards=tuple(used),
        notices=selection.notices,
        selection=selection,
    )


def _card_decision(
    judge_name: str,
    participant: str,
    card: Scorecard,
    status: CardState,
    counted: bool,
    options: MergeOptions,
    source: Path,
) -> Decision | None:
    where = dict(judge_id=card.judge_id, interview_id=card.interview_id, path=source)
    if status is CardState.CONFLICT:
        return Decision(
            DecisionKind.RECUSED,
            UserError(
                Text(
                    f"{judge_name} menyatakan konflik kepentingan untuk {participant} "
                    f"({card.conflict_reason}); tidak dihitung.",
                    f"{judge_name} declared a conflict of interest for {participant} "
                    f"({card.conflict_reason}); not counted.",
                ),
            ),
            **where,  # type: ignore[arg-type]
        )
    if status is CardState.DRAFT:
        if counted:
            return Decision(
                DecisionKind.DRAFT_COUNTED,
                UserError(
                    Text(
                        f"Draf {judge_name} untuk {participant} dihitung atas pilihan ketua.",
                        f"{judge_name}'s draft for {participant} is counted at the chair's choice.",
                    ),
                ),
                **where,  # type: ignore[arg-type]
            )
        why_id, why_en = (
            ("belum lengkap, jadi tetap tidak dihitung", "incomplete, so still not counted")
            if options.include_drafts
            else ("tidak dihitung", "not counted")
        )
        return Decision(
            DecisionKind.DRAFT_LEFT_OUT,
            UserError(
                Text(
                    f"{judge_name} untuk {participant} masih draf; {why_id}.",
                    f"{judge_name}'s scorecard for {participant} is still a draft; {why_en}.",
                ),
            ),
            **where,  # type: ignore[arg-type]
        )
    return None


def _file_order(states: Iterable[_FileState], event: Event | None) -> list[_FileState]:
    """Judges in roster order, then files without a known judge; by path within each."""
    order = {j.id: n for n, j in enumerate(event.judges)} if event else {}

    def key(state: _FileState) -> tuple[int, int, str]:
        if state.outcome is Outcome.REFERENCE:
            return (0, 0, str(state.source.path))
        judge = state.panel.judge.id if state.panel else None
        return (
            1,
            order.get(judge, len(order)) if judge else len(order) + 1,
            str(state.source.path),
        )

    return sorted(states, key=key)


def _finding(state: _FileState) -> FileFinding:
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
        fingerprint=_fingerprint(event) if event else None,
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
    )


# --- the report ----------------------------------------------------------------------------


def report_lines(
    plan: MergePlan,
    options: MergeOptions | None = None,
    language: str | None = None,
    output: Path | None = None,
) -> list[str]:
    """The merge's report for people: what was found, decided and written."""
    options = options or plan.options
    lang = language or current_language()
    en = lang == "en"
    lines: list[str] = []
    event = plan.event
    if event is not None:
        lines.append(
            ("Merge of panel files: " if en else "Penggabungan berkas panel: ")
            + f"{event.name} ({event.code})"
        )
    counts = Counter(f.outcome for f in plan.files)
    summary = ", ".join(f"{counts[o]} {o.label(lang)}" for o in Outcome if counts[o])
    lines.append(
        f"Files: {len(plan.files)} ({summary})" if en else f"Berkas: {len(plan.files)} ({summary})"
    )
    for finding in plan.files:
        who = finding.judge_name or "?"
        head = f"  {finding.name} [{who}]: {finding.outcome.label(lang)}"
        if finding.judge_id:
            head += (
                f"; {finding.final} final, {finding.drafts} draft, {finding.conflicts} "
                "conflict of interest"
                if en
                else f"; {finding.final} final, {finding.drafts} draf, {finding.conflicts} "
                "konflik kepentingan"
            )
        lines.append(head)
        lines.extend(f"    - {r.text(lang)}" for r in finding.reasons)
    lines.extend(f"  {n.text(lang)}" for n in plan.notices)
    lines.append("Decisions:" if en else "Keputusan:")
    for decision in plan.decisions:
        lines.append(f"  [{decision.kind.label(lang)}] {decision.text(lang)}")
    if plan.results:
        lines.append("Ranking:" if en else "Peringkat:")
        for result in plan.results:
            lines.append(f"  {result.category.name}")
            for fig in result.participants:
                rank = str(fig.rank) if fig.rank is not None else "-"
                score = (
                    format_number(fig.official, lang, decimals=3)
                    if fig.official is not None
                    else "-"
                )
                lines.append(f"    {rank:>3}. {fig.interview.participant}: {score} (n={fig.n})")
    blockers = plan.blockers(options)
    if blockers:
        lines.append("Not written:" if en else "Tidak ditulis:")
        lines.extend(f"  {b.text(lang)}" for b in blockers)
    elif output is not None:
        lines.append(f"Written: {output}" if en else f"Ditulis: {output}")
    return lines


# --- writing -------------------------------------------------------------------------------


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def write_merge(
    plan: MergePlan,
    output: Path,
    options: MergeOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    clock: Clock = _utc_now,
) -> MergeReport:
    """Write the workbook for ``plan`` to ``output``, complete or not at all.

    Raises ``MergeRefused`` when the plan cannot be written with ``options`` (refused files
    without ``skip_invalid``, version conflicts, nothing usable), ``MergeCancelled`` when
    ``cancelled()`` turns true, and ``UserError`` for an output that cannot be written. In
    every one of those cases nothing is left behind and an existing workbook is untouched.
    """
    from .excel.rekap import check_rekap, write_rekap

    options = options or plan.options
    plan = plan_with_options(plan, options)
    blockers = plan.blockers(options)
    if blockers:
        raise MergeRefused(blockers)
    output = _output_path(Path(output))
    merged_at = clock()
    partial = output.with_name(f".{output.stem}.{secrets.token_hex(4)}.part.xlsx")
    try:
        detail_rows = write_rekap(
            plan,
            partial,
            merged_at=merged_at,
            program_version=__version__,
            progress=progress,
            cancelled=cancelled,
            cancel_error=MergeCancelled,
        )
        if cancelled is not None and cancelled():
            raise MergeCancelled()
        check_rekap(plan, partial)
        try:
            os.replace(partial, output)
        except PermissionError:
            raise UserError(
                Text(
                    f"{output.name} tidak dapat ditimpa; mungkin sedang dibuka di Excel. Tutup "
                    "dulu, lalu coba lagi.",
                    f"{output.name} cannot be replaced; it may be open in Excel. Close it, then "
                    "try again.",
                ),
            ) from None
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise _write_failed(output, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    event = plan.event
    assert event is not None
    return MergeReport(
        output=output,
        plan=plan,
        lines=tuple(report_lines(plan, options, output=output)),
        participants=sum(1 for r in plan.results for f in r.participants if f.n),
        scorecards_used=sum(1 for c in plan.cards if c.counted),
        judges=len(plan.selection.judges_with_files)
        if isinstance(plan.selection, _Selection)
        else 0,
        detail_rows=detail_rows,
        merged_at=merged_at,
    )


def _write_failed(output: Path, exc: OSError) -> UserError:
    """The sentence for a workbook that could not be written; nothing was left behind."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return UserError(
            Text(
                f"Disk penuh: {output.name} tidak dapat ditulis. Kosongkan ruang disk atau pilih "
                "tempat lain; workbook sebelumnya (bila ada) tidak berubah.",
                f"The disk is full: {output.name} could not be written. Free some space or choose "
                "another place; an earlier workbook (if any) is unchanged.",
            ),
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(
            Text(
                f"Tidak ada izin menulis di folder {output.parent}. Pilih folder lain.",
                f"No permission to write in the folder {output.parent}. Choose another folder.",
            ),
        )
    reason = exc.strerror or str(exc)
    return UserError(
        Text(
            f"{output.name} tidak dapat ditulis: {reason}. Workbook sebelumnya (bila ada) tidak "
            "berubah.",
            f"{output.name} could not be written: {reason}. An earlier workbook (if any) is "
            "unchanged.",
        ),
    )


def _output_path(output: Path) -> Path:
    if output.suffix.lower() != ".xlsx":
        output = output.with_name(output.name + ".xlsx")
    if output.is_dir():
        raise UserError(
            Text(
                f"{output} adalah folder; tuliskan nama berkas workbook, misalnya rekap.xlsx.",
                f"{output} is a folder; give a workbook file name such as rekap.xlsx.",
            ),
        )
    if not output.parent.is_dir():
        raise UserError(
            Text(
                f"Folder {output.parent} tidak ada.", f"The folder {output.parent} does not exist."
            )
        )
    return output
