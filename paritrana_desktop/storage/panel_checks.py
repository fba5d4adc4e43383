"""Checking a panel file from the inside out: what ``PanelFile.verify`` finds, as sentences.

The checks work on what the file holds (the stored event and its header row, the audit
entries, the stored scorecards); ``PanelFile`` reads those and hands them over.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..domain.errors import ValidationError
from ..domain.event import Event
from ..domain.scorecard import Change, Scorecard, apply_change, new_scorecard
from ..domain.text import Text
from .audit import AuditEntry, EntryKind, chain_problems


@dataclass(frozen=True)
class Verification:
    """The outcome of checking a panel file from the inside out."""

    problems: list[Text] = field(default_factory=list)
    integrity_ok: bool = True
    chain_ok: bool = True
    scores_match_log: bool = True
    fingerprint_ok: bool = True
    entries: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def fingerprints_hold(event: Event, header: Mapping[str, Any], stored_fingerprint: str) -> bool:
    """The rubric and schedule stored in the file are the ones its fingerprints were taken of."""
    return (event.fingerprint() == header["fingerprint"] == stored_fingerprint) and all(
        header[column] == recomputed
        for column, recomputed in (
            ("rubric_fingerprint", event.rubric_fingerprint()),
            ("schedule_fingerprint", event.schedule_fingerprint()),
        )
    )


def event_data_holds(event: Event, header: Mapping[str, Any], first: Mapping[str, Any]) -> bool:
    """The event's names, dates, venue and roster are the ones the file was made with. Files
    made before the digest was logged lack it; the chain keeps a tamperer from removing it."""
    digest = first.get("event_digest")
    roster_ok = header["roster_fingerprint"] == event.roster_fingerprint()
    return roster_ok and (digest is None or digest == event.content_digest())


def readable_entries(
    rows: Iterable[Mapping[str, Any]], name: str
) -> tuple[list[AuditEntry], list[Text]]:
    """The audit entries up to the first one that cannot be parsed, and a sentence then."""
    entries: list[AuditEntry] = []
    for row in rows:
        try:
            entry = AuditEntry.from_row(dict(row))
            if not isinstance(entry.payload, dict):
                raise TypeError("payload is not an object")
        except (ValueError, TypeError, KeyError):
            seq = row.get("seq")
            return entries, [
                Text(
                    f"{name}: entri log audit {seq} tidak dapat dibaca; berkas diubah di luar "
                    "program.",
                    f"{name}: audit log entry {seq} cannot be read; the file was changed "
                    "outside the program.",
                )
            ]
        entries.append(entry)
    return entries, []


def chain_sentences(name: str, entries: list[AuditEntry]) -> list[Text]:
    """Where the audit chain breaks, each sentence naming the file."""
    prefix = Text.same(f"{name}: ")
    return [prefix + problem for problem in chain_problems(entries)]


def start_matches(
    entries: list[AuditEntry],
    *,
    created_at: str,
    panel_id: str,
    judge_id: str,
    stored_fingerprint: str,
    program_version: str,
) -> bool:
    """The first audit entry records the file's own creation, judge and event."""
    if not entries or entries[0].kind != EntryKind.CREATED or entries[0].at != created_at:
        return False
    first = entries[0].payload
    return (
        first.get("panel_id") == panel_id
        and first.get("judge_id") == judge_id
        and first.get("event_fingerprint") == stored_fingerprint
        and first.get("program_version", program_version) == program_version
    )


def replay_mismatch(
    name: str,
    event: Event,
    judge_id: str,
    entries: list[AuditEntry],
    stored: Mapping[str, Scorecard],
) -> Text | None:
    """The audit log replayed from the start gives exactly the stored scorecards, or why not."""
    replayed: dict[str, Scorecard] = {}
    for entry in entries:
        if entry.kind != EntryKind.CHANGE:
            continue
        iid = entry.interview_id or ""
        if not event.has_interview(iid):
            return Text(
                f"{name}: log audit menyebut wawancara {iid!r} yang tidak ada di jadwal.",
                f"{name}: the audit log names interview {iid!r}, which is not scheduled.",
            )
        card = replayed.get(iid) or new_scorecard(iid, judge_id)
        try:
            card = apply_change(event, card, Change.from_dict(entry.payload), entry.at)
        except (ValidationError, ValueError, KeyError):
            return Text(
                f"{name}: entri log audit {entry.seq} tidak dapat diterapkan ulang.",
                f"{name}: audit log entry {entry.seq} cannot be replayed.",
            )
        if card.revision != entry.revision:
            return Text(
                f"{name}: revisi pada entri log audit {entry.seq} tidak cocok.",
                f"{name}: the revision in audit log entry {entry.seq} does not match.",
            )
        replayed[iid] = card
    for iid in sorted(set(stored) | set(replayed)):
        a, b = stored.get(iid), replayed.get(iid)
        if a is None or b is None or a.to_dict() != b.to_dict():
            participant = event.interview(iid).participant if event.has_interview(iid) else iid
            return Text(
                f"{name}: nilai tersimpan untuk {participant} berbeda dari log audit; berkas "
                "diubah di luar program.",
                f"{name}: the stored scores for {participant} differ from the audit log; the "
                "file was edited outside the program.",
            )
    return None
