"""Forgeries as an examiner with the source code (but no judge's key) would make them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from paritrana_desktop.domain.event import canonical_json
from paritrana_desktop.storage.audit import GENESIS, entry_hash
from tests.unit.storage_helpers import TAMPER_PREAMBLE

PayloadEdit = Callable[[int, str, dict[str, object]], dict[str, object]]


def rechain(path: Path, edit: PayloadEdit | None = None, sql: tuple[str, ...] = ()) -> None:
    """Run ``sql`` on the file, change entry payloads with ``edit(seq, kind, payload)``, and
    recompute every hash of the chain with the project's own hashing code."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(TAMPER_PREAMBLE)
        for statement in sql:
            conn.execute(statement)
        rows = conn.execute(
            "SELECT seq, at, kind, interview_id, payload, revision FROM audit_log ORDER BY seq"
        ).fetchall()
        prev = GENESIS
        for seq, at, kind, interview_id, payload, revision in rows:
            data = json.loads(payload)
            if edit is not None:
                data = edit(seq, kind, data)
            digest = entry_hash(seq, at, kind, interview_id, data, revision, prev)
            conn.execute(
                "UPDATE audit_log SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                (canonical_json(data), prev, digest, seq),
            )
            prev = digest
        conn.commit()
    finally:
        conn.close()


def change_last_rating(path: Path, interview_id: str, criterion: str, value: float) -> None:
    """The first forgery: a rating changed in the scores and in its audit entry, chain redone."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT seq, payload FROM audit_log WHERE interview_id = ? ORDER BY seq",
            (interview_id,),
        ).fetchall()
    finally:
        conn.close()
    seq = max(
        n
        for n, payload in rows
        if json.loads(payload).get("action") == "rate"
        and json.loads(payload).get("criterion") == criterion
    )
    assert seq is not None

    def edit(n: int, kind: str, payload: dict[str, object]) -> dict[str, object]:
        return {**payload, "value": value} if n == seq else payload

    rechain(
        path,
        edit,
        (
            f"UPDATE criterion_scores SET rating = {value} WHERE interview_id = '{interview_id}' "
            f"AND criterion = '{criterion}'",
        ),
    )


def relabel(path: Path, old: str, new: str) -> None:
    """The second forgery: one judge's file made another's, chain redone."""

    def edit(n: int, kind: str, payload: dict[str, object]) -> dict[str, object]:
        return {**payload, "judge_id": new} if kind == "created" else payload

    rechain(
        path,
        edit,
        (
            f"UPDATE panel SET judge_id = '{new}' WHERE judge_id = '{old}'",
            f"UPDATE scorecards SET judge_id = '{new}'",
        ),
    )


def strip_signatures(path: Path) -> None:
    """Make a signed file look like one of the earlier, unsigned format."""

    def edit(n: int, kind: str, payload: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in payload.items() if k not in ("public_key", "format")}

    rechain(
        path,
        edit,
        (
            "UPDATE audit_log SET signature = NULL",
            "UPDATE panel SET public_key = NULL, head_signature = NULL, created_format = 1",
        ),
    )


def as_format_1(path: Path) -> None:
    """Make a file exactly as the earlier format (1) wrote it: unsigned, without the columns."""
    strip_signatures(path)
    conn = sqlite3.connect(path)
    try:
        for table, column in (
            ("audit_log", "signature"),
            ("panel", "public_key"),
            ("panel", "head_signature"),
            ("panel", "created_format"),
        ):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("DROP TABLE papers")  # format 2 also added what the papers print
        conn.execute("PRAGMA user_version=1")
        conn.commit()
    finally:
        conn.close()
