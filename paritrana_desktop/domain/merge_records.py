"""What one input file of the chair's merge holds, as plain records the merge's rules work on.

The workflows layer opens and checks each file (``workflows.merge_inputs``) and hands these
records to the rules (:mod:`.merge_rules`); a test builds them directly. No file handle and no
database lives in them, only what was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError
from .event import Event, Judge
from .merge_model import KeyCheck, Outcome
from .scorecard import Scorecard
from .text import Text
from .trust import FileTrust


@dataclass(frozen=True)
class PanelSource:
    """What a readable panel file holds."""

    panel_id: str
    judge: Judge
    event: Event
    stored_fingerprint: str  # the event fingerprint recorded when the file was made
    cards: tuple[Scorecard, ...]
    problems: tuple[UserError, ...]  # what the file's own check found: damaged, edited, chain
    trust: FileTrust | None = None  # what its signatures say (domain.trust)
    code: str = ""  # the verification code of the file's state when it was read
    created_at: str = ""  # when the judge's file was made (ISO time)
    key_check: KeyCheck | None = None  # set by merge_trust.trust_step


@dataclass(frozen=True)
class SourceFile:
    """One input file as read: a panel file, an event file, or an error saying why not."""

    path: Path
    sha256: str | None
    identity: str | None  # file bytes plus any -wal beside it: equal identity, same copy
    format_version: int | None
    panel: PanelSource | None = None
    event: Event | None = None
    error: UserError | None = None
    with_wal: bool = False
    hand_copy: bool = False  # its header says WAL mode and it came without its -wal


@dataclass(frozen=True)
class EventPrints:
    """An event's four fingerprints, computed once for a merge."""

    event: str
    rubric: str
    schedule: str
    roster: str

    @staticmethod
    def of(event: Event) -> EventPrints:
        return EventPrints(
            event.fingerprint(),
            event.rubric_fingerprint(),
            event.schedule_fingerprint(),
            event.roster_fingerprint(),
        )


class PrintBook:
    """The fingerprints of the events of one merge, each computed once.

    It lives as long as one selection (never module-global); it holds the events it has seen,
    so an ``id()`` is never reused while it is looked up.
    """

    def __init__(self) -> None:
        self._seen: dict[int, tuple[Event, EventPrints]] = {}

    def __call__(self, event: Event) -> EventPrints:
        found = self._seen.get(id(event))
        if found is None:
            found = (event, EventPrints.of(event))
            self._seen[id(event)] = found
        return found[1]

    def same_event(self, a: Event, b: Event) -> bool:
        pa, pb = self(a), self(b)
        return pa.event == pb.event and pa.roster == pb.roster


@dataclass
class FileState:
    """A file as the selection sees it while the rules run; a FileFinding at the end."""

    source: SourceFile
    outcome: Outcome = Outcome.USED
    reasons: list[Text] = field(default_factory=list)
    used_cards: int = 0
    superseded_cards: int = 0
    version_conflicts: int = 0

    @property
    def panel(self) -> PanelSource | None:
        return self.source.panel

    @property
    def judge_id(self) -> str | None:
        return self.source.panel.judge.id if self.source.panel else None

    def refuse(self, reason: Text) -> None:
        self.outcome = Outcome.REFUSED
        self.reasons.append(reason)
