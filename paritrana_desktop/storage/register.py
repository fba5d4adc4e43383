"""The chair's register: its own kind of SQLite file (``.paritrana-register``), an append-only
log, hash-chained like a panel file's audit log and signed with the chair's key.

What the register holds (judges' key fingerprints, accepted key changes, the codes read off the
signed papers) is the log replayed (``domain.trust_register``); nothing else is stored, so there
is nothing to fall out of step. A register changed outside the program is refused on opening.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..domain.event import canonical_json
from ..domain.text import Text
from ..domain.trust import RegisterView, entry_message, head_message
from ..domain.trust_register import Step, apply_step, refusal, replay
from .audit import GENESIS, entry_hash
from .disk import sync_folder
from .errors import StorageError
from .keys import SigningKey, default_key_folder, load_key, new_key, save_key, signature_holds

EXTENSION = ".paritrana-register"
APPLICATION_ID = 0x50545247  # "PTRG"
FORMAT = 1
_CHAIR = "chair"

_SQL = (
    "CREATE TABLE register (register_id TEXT NOT NULL, created_at TEXT NOT NULL, "
    "public_key TEXT NOT NULL, head_signature TEXT NOT NULL)",
    "CREATE TABLE register_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, "
    "payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, signature TEXT NOT NULL)",
    "CREATE TRIGGER register_log_no_update BEFORE UPDATE ON register_log "
    "BEGIN SELECT RAISE(ABORT, 'the register is append-only'); END",
    "CREATE TRIGGER register_log_no_delete BEFORE DELETE ON register_log "
    "BEGIN SELECT RAISE(ABORT, 'the register is append-only'); END",
)

Clock = Callable[[], dt.datetime]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _refused(path: Path) -> StorageError:
    return StorageError(
        Text(
            f"{path.name} bukan register ketua yang utuh: register diubah di luar program atau "
            "rusak. Register ini tidak dipakai; pakai cadangannya atau buat register baru.",
            f"{path.name} is not a whole chair's register: it was changed outside the program or "
            "is damaged. It is not used; use its backup or make a new register.",
        )
    )


class Register:
    """An open register; every step is one transaction, on disk when the call returns."""

    def __init__(self, path: Path, conn: sqlite3.Connection, key_folder: Path, clock: Clock):
        self.path = path
        self._conn = conn
        self._key_folder = key_folder
        self._clock = clock
        self.register_id, self.public_key, self._log = _read_checked(path, conn)
        self.view: RegisterView = replay((kind, payload) for _s, kind, payload, _h in self._log)

    @classmethod
    def create(cls, path: Path, *, key_folder: Path | None = None, clock: Clock = _now) -> Register:
        path = Path(path)
        if path.exists():
            raise StorageError(
                Text(
                    f"{path} sudah ada; tidak ada yang ditimpa.",
                    f"{path} exists already; nothing was overwritten.",
                )
            )
        folder = key_folder or default_key_folder()
        key = new_key()
        save_key(key, folder)
        conn = _connect(path)
        try:
            with conn:
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version={FORMAT}")
                for statement in _SQL:
                    conn.execute(statement)
                at = clock().astimezone(dt.UTC).isoformat(timespec="microseconds")
                register_id = str(uuid.uuid4())
                conn.execute(
                    "INSERT INTO register VALUES (?, ?, ?, '')", (register_id, at, key.public_hex)
                )
                payload = {"register_id": register_id, "public_key": key.public_hex}
                _append(conn, key, register_id, None, at, Step.CREATED, payload)
        finally:
            conn.close()
        sync_folder(path.parent)
        return cls.open(path, key_folder=folder, clock=clock)

    @classmethod
    def open(cls, path: Path, *, key_folder: Path | None = None, clock: Clock = _now) -> Register:
        path = Path(path)
        if not path.is_file():
            raise StorageError(
                Text(f"Register {path} tidak ada.", f"The register {path} does not exist.")
            )
        conn = _connect(path)
        try:
            return cls(path, conn, key_folder or default_key_folder(), clock)
        except BaseException:
            conn.close()
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, kind: str, payload: Mapping[str, Any]) -> None:
        """One step (see ``domain.trust_register.Step``); refused in a sentence when the rules
        say no, signed with the chair's key when taken."""
        problem = refusal(self.view, kind, payload)
        if problem is not None:
            raise StorageError(problem)
        key = load_key(self._key_folder, self.public_key)
        if key is None:
            raise StorageError(
                Text(
                    f"Kunci ketua untuk {self.path.name} tidak ada di laptop ini; register hanya "
                    "dapat diubah di laptop tempat register dibuat.",
                    f"The chair's key for {self.path.name} is not on this laptop; the register "
                    "can only be changed on the laptop it was made on.",
                )
            )
        at = self._clock().astimezone(dt.UTC).isoformat(timespec="microseconds")
        last = self._log[-1]
        with self._conn:
            entry = _append(
                self._conn, key, self.register_id, (last[0], last[3]), at, kind, dict(payload)
            )
        self._log.append(entry)
        self.view = apply_step(self.view, kind, payload)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, timeout=1.0, isolation_level="DEFERRED")
        conn.execute("PRAGMA synchronous=FULL")
    except sqlite3.Error:
        raise _refused(path) from None
    return conn


_Entry = tuple[int, str, dict[str, Any], str]  # seq, kind, payload, hash


def _append(
    conn: sqlite3.Connection,
    key: SigningKey,
    register_id: str,
    previous: tuple[int, str] | None,
    at: str,
    kind: str,
    payload: dict[str, Any],
) -> _Entry:
    seq = previous[0] + 1 if previous else 1
    prev_hash = previous[1] if previous else GENESIS
    digest = entry_hash(seq, at, kind, None, payload, 0, prev_hash)
    conn.execute(
        "INSERT INTO register_log VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            seq,
            at,
            kind,
            canonical_json(payload),
            prev_hash,
            digest,
            key.sign(entry_message(digest)),
        ),
    )
    head = key.sign(head_message(register_id, _CHAIR, seq, digest))
    conn.execute("UPDATE register SET head_signature = ?", (head,))
    return seq, kind, payload, digest


def _read_checked(path: Path, conn: sqlite3.Connection) -> tuple[str, str, list[_Entry]]:
    """The register's ID, the chair's public key and its log, every link and signature checked."""
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise StorageError(
                Text(
                    f"{path.name} bukan register ketua Paritrana.",
                    f"{path.name} is not a Paritrana chair's register.",
                )
            )
        if conn.execute("PRAGMA user_version").fetchone()[0] > FORMAT:
            raise StorageError(
                Text(
                    f"{path.name} dibuat oleh versi program yang lebih baru.",
                    f"{path.name} was written by a newer version of the program.",
                )
            )
        ((register_id, public, head),) = conn.execute(
            "SELECT register_id, public_key, head_signature FROM register"
        ).fetchall()
        rows = conn.execute("SELECT * FROM register_log ORDER BY seq").fetchall()
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    except (sqlite3.Error, ValueError):
        raise _refused(path) from None
    log: list[_Entry] = []
    prev = GENESIS
    view = RegisterView()
    for n, (seq, at, kind, text, prev_hash, digest, signature) in enumerate(rows, start=1):
        try:
            payload = json.loads(text)
            ok = isinstance(payload, dict) and (n == 1) == (kind == Step.CREATED)
            ok = ok and seq == n and prev_hash == prev
            ok = ok and digest == entry_hash(seq, at, kind, None, payload, 0, prev_hash)
            ok = ok and signature_holds(public, signature, entry_message(digest))
            ok = ok and (n > 1 or payload.get("public_key") == public)
            ok = ok and (n > 1 or payload.get("register_id") == register_id)
            ok = ok and refusal(view, kind, payload) is None
        except (ValueError, KeyError, TypeError):
            ok = False
        if not ok:
            raise _refused(path)
        view = apply_step(view, kind, payload)
        log.append((seq, kind, payload, digest))
        prev = digest
    if (
        not log
        or not signature_holds(public, head, head_message(register_id, _CHAIR, len(log), prev))
        or len(triggers) != 2
    ):
        raise _refused(path)
    return str(register_id), str(public), log
