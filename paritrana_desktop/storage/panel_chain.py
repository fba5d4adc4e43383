"""The state of a panel file's audit chain, read without writing: what a verification code names."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from .audit import AuditEntry


@dataclass(frozen=True, slots=True)
class ChainState:
    """The audit chain's length, its head hash and when the last entry was written."""

    entries: int
    head_hash: str
    last_at: str  # the last entry's timestamp (ISO, UTC); "" for an empty chain


def last_entry(db: sqlite_utils.Database) -> AuditEntry | None:
    rows = list(db.table("audit_log").rows_where(order_by="seq desc", limit=1))
    return AuditEntry.from_row(rows[0]) if rows else None


def chain_state(db: sqlite_utils.Database) -> ChainState:
    count = int(db.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    last = last_entry(db)
    return ChainState(count, last.hash if last else "", last.at if last else "")


def chain_heads(db: sqlite_utils.Database) -> dict[int, str]:
    """For every earlier length of the chain, its head hash then (1: the first entry's)."""
    rows = db.execute("SELECT hash FROM audit_log ORDER BY seq").fetchall()
    return {n: str(row[0]) for n, row in enumerate(rows, start=1)}
