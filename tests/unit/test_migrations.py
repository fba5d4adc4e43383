"""Format versions: a file's ``user_version`` is the number of migration steps applied to it.

Panel files are at format 2 (signatures), event files at format 1. These tests add one more
step for the test's duration only (a column added, as a real next format might) and check that
an existing file is carried
forward on opening, keeps its data, and that what cannot be migrated is refused in a sentence.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from paritrana_desktop.storage.database import FileKind, open_database, read_header
from paritrana_desktop.storage.errors import NewerFormatError, StorageError
from paritrana_desktop.storage.event_file import read_event_file, write_event_file
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.storage.schema import MIGRATIONS, Migration, current_version
from tests.factories import small_event
from tests.unit.storage_helpers import filled_panel


def _columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def _add_seat_column(db: sqlite_utils.Database) -> None:
    """The test-only format 3 of a panel file: where the judge sat, per scorecard."""
    db.execute("ALTER TABLE scorecards ADD COLUMN seat TEXT NOT NULL DEFAULT ''")


def _with_step(monkeypatch: pytest.MonkeyPatch, kind: FileKind, step: Migration) -> None:
    monkeypatch.setitem(MIGRATIONS, kind, (*MIGRATIONS[kind], step))


def test_both_kinds_are_at_their_format_and_new_files_say_so(tmp_path: Path) -> None:
    assert current_version(FileKind.EVENT) == len(MIGRATIONS[FileKind.EVENT]) == 2
    assert current_version(FileKind.PANEL) == len(MIGRATIONS[FileKind.PANEL]) == 2
    event_file = write_event_file(tmp_path / "e.paritrana-kegiatan", small_event())
    panel = filled_panel(tmp_path / "p.paritrana-panel")
    assert read_header(event_file).user_version == 2
    assert read_header(panel).user_version == 2


def test_an_older_panel_file_is_migrated_forward_on_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    with PanelFile.open(path, read_only=True) as before:
        cards, entries = before.scorecards(), before.audit_entries()
    _with_step(monkeypatch, FileKind.PANEL, _add_seat_column)
    assert current_version(FileKind.PANEL) == 3
    with PanelFile.open(path) as panel:
        assert panel.scorecards() == cards
        assert panel.audit_entries() == entries
        assert panel.verify().ok
        panel.rate("W02", "WAW", 4)  # and it keeps working in the new format
    assert read_header(path).user_version == 3
    assert "seat" in _columns(path, "scorecards")
    with PanelFile.open(path, read_only=True) as again:
        assert again.scorecards()[:1] == cards[:1]
        assert again.scorecard("W02").ratings["WAW"] == 4.0
        assert again.verify().ok
    conn = sqlite3.connect(path)
    try:
        assert {row[0] for row in conn.execute("SELECT seat FROM scorecards")} == {""}
    finally:
        conn.close()


def test_a_new_file_gets_every_step_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_step(monkeypatch, FileKind.PANEL, _add_seat_column)
    path = filled_panel(tmp_path / "p.paritrana-panel")
    assert read_header(path).user_version == 3
    assert "seat" in _columns(path, "scorecards")


def test_an_older_event_file_is_migrated_when_opened_for_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_event_file(tmp_path / "e.paritrana-kegiatan", small_event())

    def add_organiser(db: sqlite_utils.Database) -> None:
        db.execute("ALTER TABLE event ADD COLUMN organiser TEXT NOT NULL DEFAULT ''")

    _with_step(monkeypatch, FileKind.EVENT, add_organiser)
    open_database(path, FileKind.EVENT, migrations=MIGRATIONS[FileKind.EVENT]).close()
    assert read_header(path).user_version == 3
    assert "organiser" in _columns(path, "event")
    assert read_event_file(path) == small_event()


def test_the_opener_migrates_with_the_steps_it_is_handed_and_no_others(tmp_path: Path) -> None:
    """``open_database`` has no registry of its own: the steps are an argument."""
    path = write_event_file(tmp_path / "e.paritrana-kegiatan", small_event())
    seen: list[int] = []

    def second(db: sqlite_utils.Database) -> None:
        seen.append(int(db.execute("PRAGMA user_version").fetchone()[0]))

    steps = (*MIGRATIONS[FileKind.EVENT], second)
    open_database(path, FileKind.EVENT, migrations=steps).close()
    assert seen == [2] and read_header(path).user_version == 3
    assert current_version(FileKind.EVENT) == 2  # the program's own steps are unchanged
    with pytest.raises(NewerFormatError):
        open_database(path, FileKind.EVENT, migrations=MIGRATIONS[FileKind.EVENT])


def test_a_failing_step_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")

    def half_done(db: sqlite_utils.Database) -> None:
        _add_seat_column(db)
        raise RuntimeError("a bug in the step, after it changed the schema")

    _with_step(monkeypatch, FileKind.PANEL, half_done)
    with pytest.raises(RuntimeError):
        PanelFile.open(path)
    monkeypatch.undo()
    assert read_header(path).user_version == 2
    assert "seat" not in _columns(path, "scorecards")
    with PanelFile.open(path) as panel:
        assert panel.verify().ok


def test_an_older_file_opened_read_only_gets_a_sentence_and_is_not_touched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    before = path.read_bytes()
    _with_step(monkeypatch, FileKind.PANEL, _add_seat_column)
    with pytest.raises(StorageError) as caught:
        PanelFile.open(path, read_only=True)
    error = caught.value
    assert "older format (2)" in error.message.en and "read-only" in error.message.en
    assert "format lama (2)" in error.message.id
    assert path.read_bytes() == before


def test_an_older_event_file_read_by_a_newer_program_is_read_in_its_own_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Event files are only ever read read-only: an older one is read as it is (every later
    step adds only what the reader treats as optional), never changed."""
    path = write_event_file(tmp_path / "e.paritrana-kegiatan", small_event())
    before = path.read_bytes()
    _with_step(monkeypatch, FileKind.EVENT, lambda db: None)
    assert read_event_file(path) == small_event()
    assert path.read_bytes() == before


@pytest.mark.parametrize("read_only", [False, True])
def test_a_file_newer_than_the_program_is_refused(tmp_path: Path, read_only: bool) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=3")
    conn.execute("ALTER TABLE scorecards ADD COLUMN from_the_future TEXT")
    conn.commit()
    conn.close()
    with pytest.raises(NewerFormatError) as caught:
        PanelFile.open(path, read_only=read_only)
    assert "format 3" in caught.value.message.en and "up to format 2" in caught.value.message.en
    assert read_header(path).user_version == 3


def test_a_file_written_by_a_newer_program_is_readable_again_once_the_program_knows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A format-3 file made with the step present opens in a program that has that step."""
    _with_step(monkeypatch, FileKind.PANEL, _add_seat_column)
    path = filled_panel(tmp_path / "p.paritrana-panel")
    monkeypatch.undo()
    with pytest.raises(NewerFormatError):
        PanelFile.open(path)
    _with_step(monkeypatch, FileKind.PANEL, _add_seat_column)
    with PanelFile.open(path) as panel:
        assert panel.verify().ok
