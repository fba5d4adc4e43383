"""SQLite's failures are told apart by their result code, not by the words of the message.

Each class the program maps is provoked for real where SQLite can be made to fail on demand
(another connection holding the lock, a read-only connection, a tiny page limit, a damaged or
foreign file); a disk that fails mid-write and a refusal by the operating system cannot be, so
those two are exceptions carrying the code SQLite would give.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from paritrana_desktop.storage import database
from paritrana_desktop.storage.database import FileKind, sqlite_failure, translate_errors
from paritrana_desktop.storage.errors import (
    DamagedFileError,
    DiskFullError,
    FileLockedError,
    StorageError,
)


def _table(path: Path, rows: int = 1) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(f"baris {n}" * 20,) for n in range(rows)])
    conn.commit()
    conn.close()


def _caught(action: Callable[[], object], path: Path) -> StorageError:
    with pytest.raises(StorageError) as caught, translate_errors(path, FileKind.PANEL):
        action()
    error = caught.value
    assert error.message.id and error.message.en and error.message.id != error.message.en
    assert path.name in error.message.id and path.name in error.message.en
    return error


def test_busy_another_connection_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    _table(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    try:
        error = _caught(lambda: other.execute("INSERT INTO t VALUES ('x')"), path)
        assert type(error) is FileLockedError
        assert "another program" in error.message.en
    finally:
        other.close()
        holder.close()


def test_locked_a_table_in_use_on_the_same_connection(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    _table(path, rows=3)
    conn = sqlite3.connect(path, isolation_level=None)
    pending = conn.execute("SELECT x FROM t")
    pending.fetchone()
    try:
        with pytest.raises(sqlite3.Error) as raw:
            conn.execute("DROP TABLE t")
        assert raw.value.sqlite_errorcode & 0xFF == sqlite3.SQLITE_LOCKED
        assert type(sqlite_failure(raw.value, path)) is FileLockedError
    finally:
        pending.close()
        conn.close()


def test_readonly_a_write_through_a_read_only_connection(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    _table(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        error = _caught(lambda: conn.execute("INSERT INTO t VALUES ('x')"), path)
        assert type(error) is StorageError and "read-only" in error.message.en
    finally:
        conn.close()


def test_cantopen_a_folder_that_is_not_there(tmp_path: Path) -> None:
    path = tmp_path / "tidak-ada" / "p.db"
    error = _caught(lambda: sqlite3.connect(path).close(), path)
    assert type(error) is StorageError and "cannot be written" in error.message.en


def test_full_the_database_reaches_its_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    _table(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA max_page_count = 3")

    def fill() -> None:
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 50)

    try:
        error = _caught(fill, path)
        assert type(error) is DiskFullError and "disk is full" in error.message.en
    finally:
        conn.close()


def test_corrupt_a_damaged_page(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    _table(path, rows=400)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : page * 3] = b"\xa5" * (page * 2)  # the table's first pages, not the header
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    try:
        error = _caught(lambda: conn.execute("SELECT count(*), max(x) FROM t").fetchall(), path)
        assert type(error) is DamagedFileError and "panel file" in error.message.en
    finally:
        conn.close()


def test_notadb_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    path.write_bytes(b"bukan basis data " * 512)
    conn = sqlite3.connect(path)
    try:
        error = _caught(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall(), path)
        assert type(error) is DamagedFileError and "damaged" in error.message.en
    finally:
        conn.close()


def _ioerr() -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode = sqlite3.SQLITE_IOERR | (3 << 8)  # SQLITE_IOERR_WRITE
    return exc


def test_ioerr_a_failing_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.db"
    monkeypatch.setattr(database, "no_room", lambda _folder: False)
    failing = sqlite_failure(_ioerr(), path)
    assert type(failing) is StorageError and "disk read/write error" in failing.message.en
    monkeypatch.setattr(database, "no_room", lambda _folder: True)
    assert type(sqlite_failure(_ioerr(), path)) is DiskFullError


def test_perm_access_refused_by_the_system(tmp_path: Path) -> None:
    """SQLITE_PERM comes from the operating system's refusal (no way to provoke it here)."""
    exc = sqlite3.OperationalError("access permission denied")
    exc.sqlite_errorcode = sqlite3.SQLITE_PERM
    refused = sqlite_failure(exc, tmp_path / "p.db")
    assert type(refused) is StorageError and "no permission" in refused.message.en


def test_the_words_of_a_message_decide_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    _table(path)
    conn = sqlite3.connect(path)
    try:
        # A misuse whose message happens to say "locked" and "full" is a bug, not the user's.
        with pytest.raises(sqlite3.OperationalError), translate_errors(path):
            conn.execute("SELECT locked_disk_is_full FROM t")
        wordy = sqlite3.OperationalError("database is locked; disk is full; malformed")
        assert sqlite_failure(wordy, path) is None  # no result code: raised by Python itself
    finally:
        conn.close()
    with pytest.raises(sqlite3.ProgrammingError), translate_errors(path):
        conn.execute("SELECT 1")
