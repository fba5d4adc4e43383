"""A file's header, read without opening it as a database, and the one live-WAL check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from paritrana_desktop.storage.database import FileKind, header_may_be_in_wal, read_header


def test_a_header_still_in_the_wal_is_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "p.paritrana-panel"
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (x)")
        conn.execute(f"PRAGMA application_id={FileKind.PANEL.value}")
        conn.commit()
        header = read_header(path)
        assert header.is_sqlite and header.kind is None  # the change sits in the WAL
        assert header_may_be_in_wal(path, header)
    finally:
        conn.close()  # the last connection checkpoints the WAL into the file
    header = read_header(path)
    assert header.kind is FileKind.PANEL
    assert not header_may_be_in_wal(path, header)


def test_a_foreign_or_plain_file_is_never_live(tmp_path: Path) -> None:
    plain = tmp_path / "catatan.paritrana-panel"
    plain.write_bytes(b"bukan sqlite" * 20)
    Path(f"{plain}-wal").write_bytes(b"x" * 100)
    assert not header_may_be_in_wal(plain, read_header(plain))
    other = tmp_path / "lain.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert not header_may_be_in_wal(other, read_header(other))  # no WAL beside it
