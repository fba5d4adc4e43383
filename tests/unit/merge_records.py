"""Plain records of panel and event files for the merge's domain tests: no file is written."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.event import Event, Judge
from paritrana_desktop.domain.merge_records import PanelSource, SourceFile
from paritrana_desktop.domain.scorecard import Scorecard, Status
from paritrana_desktop.domain.text import Text
from tests.factories import small_event

EVENT = small_event()


def card(
    interview_id: str,
    judge_id: str,
    value: float | Mapping[str, float] = 4.0,
    *,
    revision: int = 3,
    final: bool = True,
    conflict: bool = False,
    event: Event = EVENT,
    skip: Iterable[str] = (),
) -> Scorecard:
    """A scorecard rating every criterion of the interview (one value for all, or per code)."""
    category = event.category_of(interview_id)
    left_out = set(skip)
    ratings = {
        c.code: float(value if isinstance(value, int | float) else value[c.code])
        for c in category.criteria
        if c.code not in left_out and not conflict
    }
    return Scorecard(
        interview_id=interview_id,
        judge_id=judge_id,
        ratings=ratings,
        status=Status.FINAL if final else Status.DRAFT,
        conflict=conflict,
        conflict_reason="kerabat peserta" if conflict else "",
        revision=revision,
    )


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def panel(
    judge_id: str,
    cards: Iterable[Scorecard],
    *,
    name: str | None = None,
    folder: str = "/usb",
    event: Event = EVENT,
    problems: Iterable[str] = (),
) -> SourceFile:
    """A sound panel file's record; equal content gives an equal identity (a byte copy)."""
    held = tuple(cards)
    judge = event.judge(judge_id) if event.has_judge(judge_id) else _stranger(judge_id)
    identity = _digest(judge_id, held, event.fingerprint())
    return SourceFile(
        path=Path(folder) / (name or f"{judge_id}.paritrana-panel"),
        sha256=identity,
        identity=identity,
        format_version=1,
        panel=PanelSource(
            panel_id=f"panel-{judge_id}",
            judge=judge,
            event=event,
            stored_fingerprint=event.fingerprint(),
            cards=held,
            problems=tuple(UserError(Text(p, p)) for p in problems),
        ),
    )


def copy_of(source: SourceFile, name: str, folder: str = "/email") -> SourceFile:
    """The same bytes under another name."""
    return SourceFile(
        Path(folder) / name,
        source.sha256,
        source.identity,
        source.format_version,
        panel=source.panel,
        event=source.event,
    )


def event_record(event: Event = EVENT, name: str = "TEST25.paritrana-kegiatan") -> SourceFile:
    identity = _digest("event", event.fingerprint())
    return SourceFile(Path("/usb") / name, identity, identity, 1, event=event)


def unreadable(name: str, why: str = "bukan berkas Paritrana") -> SourceFile:
    return SourceFile(
        Path("/usb") / name, None, None, None, error=UserError(Text(why, f"EN {why}"))
    )


def _stranger(judge_id: str) -> Judge:
    return Judge(judge_id, "Orang Lain", "Entah")


def full_day(value: float = 4.0, *, judges: Iterable[str] = ("J1", "J2", "J3")) -> list[SourceFile]:
    """Every judge has scored every interview, final."""
    return [panel(j, [card(i.id, j, value) for i in EVENT.interviews]) for j in judges]
