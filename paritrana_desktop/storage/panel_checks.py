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
from ..domain.trust import FileTrust, KeyChange, Signing, entry_message, head_message
from .audit import AuditEntry, EntryKind, chain_problems
from .keys import signature_holds


@dataclass(frozen=True)
class Verification:
    """The outcome of checking a panel file from the inside out."""

    problems: list[Text] = field(default_factory=list)
    integrity_ok: bool = True
    chain_ok: bool = True
    scores_match_log: bool = True
    fingerprint_ok: bool = True
    entries: int = 0
    trust: FileTrust = field(default_factory=lambda: FileTrust(Signing.UNSIGNED_EARLIER))

    @property
    def signatures_ok(self) -> bool:
        return self.trust.signing is not Signing.BROKEN

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


def _signature_broken(name: str, seq: int | str) -> Text:
    return Text(
        f"{name}: tanda tangan elektronik pada entri {seq} tidak cocok; berkas diubah di luar "
        "laptop panelis.",
        f"{name}: the electronic signature on entry {seq} does not verify; the file was changed "
        "after the judge's laptop.",
    )


def _key_history(
    name: str, entries: list[AuditEntry]
) -> tuple[list[str], list[KeyChange], list[Text]]:
    """The keys the chain names in order, its key changes, and each entry's signature checked
    against the key in force (a key change is signed with its new key)."""
    current = entries[0].payload.get("public_key")
    keys = [str(current)] if current else []
    changes: list[KeyChange] = []
    for entry in entries:
        if entry.kind == EntryKind.KEY_CHANGE:
            old, new = entry.payload.get("old_key"), entry.payload.get("new_key")
            if old != current or not isinstance(new, str):
                return keys, changes, [_signature_broken(name, entry.seq)]
            changes.append(
                KeyChange(entry.seq, entry.at, str(old), new, str(entry.payload.get("reason")))
            )
            current = new
            keys.append(new)
        if not signature_holds(current, entry.signature, entry_message(entry.hash)):
            return keys, changes, [_signature_broken(name, entry.seq)]
    return keys, changes, []


def signature_check(
    name: str, entries: list[AuditEntry], panel_row: Mapping[str, Any]
) -> tuple[FileTrust, list[Text]]:
    """What the file's signatures say, and what is wrong with them. A file of the earlier
    format (made before signatures, nothing signed in it) is unsigned, not wrong."""
    hashes = tuple(e.hash for e in entries)
    made_in = int(panel_row.get("created_format") or 1)
    made_signed = made_in >= 2
    if entries and made_in != int(entries[0].payload.get("format", 1)):
        changed = Text(
            f"{name}: versi format pembuatan berkas diubah di luar program.",
            f"{name}: the format the file was made in was changed outside the program.",
        )
        return FileTrust(Signing.BROKEN, entry_hashes=hashes), [changed]
    signed_any = any(e.signature for e in entries) or bool(panel_row.get("public_key"))
    if entries and not made_signed and not signed_any and "public_key" not in entries[0].payload:
        return FileTrust(Signing.UNSIGNED_EARLIER, entry_hashes=hashes), []
    if not entries or not entries[0].payload.get("public_key"):
        unsigned = Text(
            f"{name}: berkas format baru tanpa tanda tangan elektronik; berkas diubah di luar "
            "program.",
            f"{name}: a file of the new format without electronic signatures; the file was "
            "changed outside the program.",
        )
        return FileTrust(Signing.BROKEN, entry_hashes=hashes), [unsigned]
    keys, changes, problems = _key_history(name, entries)
    last = entries[-1]
    head = head_message(str(panel_row["panel_id"]), str(panel_row["judge_id"]), last.seq, last.hash)
    if not problems and (
        panel_row.get("public_key") != keys[-1]
        or not signature_holds(keys[-1], panel_row.get("head_signature"), head)
    ):
        problems = [
            Text(
                f"{name}: tanda tangan elektronik atas ujung log audit tidak cocok (log "
                "dipotong atau data panelis diubah di luar program).",
                f"{name}: the electronic signature over the head of the audit log does not "
                "verify (the log was cut short or the judge record changed outside the program).",
            )
        ]
    signing = Signing.BROKEN if problems else Signing.SIGNED
    return FileTrust(signing, tuple(keys), tuple(changes), hashes), problems
