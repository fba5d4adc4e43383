"""The panel file's append-only audit log: each entry carries the hash of the one before.

    hash(n) = SHA-256 of the canonical JSON of {seq, at, kind, interview_id, payload,
              revision, prev_hash}, with prev_hash(1) = 64 zeros.

Changing, removing or reordering an entry breaks the chain from that entry on. Since format 2
each entry is also signed with the judge's key (``signature``, not part of the hash), and the
file's head (chain length and last hash) is signed in the ``panel`` row: see ``panel_checks``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..domain.event import canonical_json
from ..domain.text import Text

GENESIS = "0" * 64


class EntryKind:
    CREATED = "created"
    CHANGE = "change"
    KEY_CHANGE = "key_change"  # the judge moved to another laptop: a new signing key


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    kind: str
    interview_id: str | None
    payload: dict[str, Any]
    revision: int
    prev_hash: str
    hash: str
    signature: str | None = None  # Ed25519 over trust.entry_message(hash); None before format 2

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AuditEntry:
        return cls(
            seq=int(row["seq"]),
            at=str(row["at"]),
            kind=str(row["kind"]),
            interview_id=row["interview_id"],
            payload=json.loads(row["payload"]),
            revision=int(row["revision"]),
            prev_hash=str(row["prev_hash"]),
            hash=str(row["hash"]),
            signature=row.get("signature"),
        )

    def to_row(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "kind": self.kind,
            "interview_id": self.interview_id,
            "payload": canonical_json(self.payload),
            "revision": self.revision,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
            "signature": self.signature,
        }


def entry_hash(
    seq: int,
    at: str,
    kind: str,
    interview_id: str | None,
    payload: dict[str, Any],
    revision: int,
    prev_hash: str,
) -> str:
    body = {
        "seq": seq,
        "at": at,
        "kind": kind,
        "interview_id": interview_id,
        "payload": payload,
        "revision": revision,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def make_entry(
    previous: AuditEntry | None,
    at: str,
    kind: str,
    interview_id: str | None,
    payload: dict[str, Any],
    revision: int,
) -> AuditEntry:
    seq = previous.seq + 1 if previous else 1
    prev_hash = previous.hash if previous else GENESIS
    return AuditEntry(
        seq=seq,
        at=at,
        kind=kind,
        interview_id=interview_id,
        payload=payload,
        revision=revision,
        prev_hash=prev_hash,
        hash=entry_hash(seq, at, kind, interview_id, payload, revision, prev_hash),
    )


def chain_problems(entries: list[AuditEntry]) -> list[Text]:
    """Where the chain breaks, in both languages; empty when it holds."""
    problems: list[Text] = []
    prev_hash = GENESIS
    for expected_seq, entry in enumerate(entries, start=1):
        if entry.seq != expected_seq:
            problems.append(
                Text(
                    f"Log audit terputus: entri {expected_seq} hilang atau urutannya diubah.",
                    f"The audit log is broken: entry {expected_seq} is missing or out of order.",
                )
            )
            break
        if entry.prev_hash != prev_hash:
            problems.append(
                Text(
                    f"Log audit terputus pada entri {entry.seq}: tidak menyambung ke entri "
                    "sebelumnya.",
                    f"The audit log breaks at entry {entry.seq}: it does not follow the entry "
                    "before it.",
                )
            )
            break
        recomputed = entry_hash(
            entry.seq,
            entry.at,
            entry.kind,
            entry.interview_id,
            entry.payload,
            entry.revision,
            entry.prev_hash,
        )
        if recomputed != entry.hash:
            problems.append(
                Text(
                    f"Entri log audit {entry.seq} diubah di luar program (hash tidak cocok).",
                    f"Audit log entry {entry.seq} was changed outside the program (hash mismatch).",
                )
            )
            break
        prev_hash = entry.hash
    return problems
