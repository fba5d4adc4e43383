"""The judge's panel file: created, recorded, reopened; locked against a second copy of the
program; every wrong file refused in a sentence; a full disk loses nothing already saved."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from paritrana_desktop.domain.errors import UserError, ValidationError
from paritrana_desktop.domain.scorecard import Status
from paritrana_desktop.storage.database import FileKind, current_version
from paritrana_desktop.storage.errors import (
    DamagedFileError,
    DiskFullError,
    FileExistsError_,
    FileLockedError,
    NewerFormatError,
    NotOurFileError,
    StorageError,
    WrongKindError,
)
from paritrana_desktop.storage.event_file import write_event_file
from paritrana_desktop.storage.panel_file import PanelFile
from tests.factories import small_event
from tests.unit.storage_helpers import filled_panel, pragma, run_python, steady_clock

PAGE = 4096


def _sentence(error: UserError) -> None:
    for text in (error.message.id, error.message.en):
        assert text.strip() and "Traceback" not in text and "sqlite3." not in text
    assert error.message.id != error.message.en


@pytest.fixture
def panel_path(tmp_path: Path) -> Path:
    return filled_panel(tmp_path / "TEST25_J2.paritrana-panel")


# --- create, record, reopen --------------------------------------------------------------------


def test_what_is_recorded_is_what_is_read_back_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "j2.paritrana-panel"
    event = small_event()
    with PanelFile.create(path, event, "J2", clock=steady_clock()) as panel:
        assert panel.scorecards() == []
        first = panel.rate("W01", "REG", 4)
        assert first.revision == 1 and first.ratings["REG"] == 4.0
        panel.note("W01", "REG", "Perda 2023")
        panel.rate("W90", "KEP", 5)
        panel.set_general_note("W90", "Baik")
        cards, entries = panel.scorecards(), panel.audit_entries()
    with PanelFile.open(path) as again:
        assert again.scorecards() == cards
        assert again.audit_entries() == entries
        assert again.event == event
        assert again.judge.id == "J2" and again.judge.name == "Anggota Dua"
        assert again.event_fingerprint == event.fingerprint()
        assert [c.interview_id for c in again.scorecards()] == ["W01", "W90"]
        assert again.scorecard("W01").criterion_notes["REG"] == "Perda 2023"
        assert again.scorecard("W02").is_empty  # nothing recorded: an empty draft
        assert [e.kind for e in entries] == ["created", "change", "change", "change", "change"]
        assert again.verify().ok


def test_a_rich_file_reads_back_every_field(panel_path: Path) -> None:
    with PanelFile.open(panel_path, read_only=True) as panel:
        w01, w02, w90 = (panel.scorecard(i) for i in ("W01", "W02", "W90"))
        result = panel.verify()
    assert result.ok and result.integrity_ok and result.chain_ok and result.entries == 17
    assert w01.status is Status.FINAL and w01.revision == 10 and w01.finalised_at
    assert dict(w01.ratings) == {"REG": 4.0, "COV": 4.0, "WAW": 5.0}
    assert w01.criterion_notes["REG"] == "Perda sudah ada; =SUM(A1) 🙂\nbaris dua"
    assert (w01.general_note, w01.recommendation) == (
        'Paparan "jelas"',
        "Layak ke tingkat nasional",
    )
    assert dict(w02.ratings) == {"REG": 2.0} and dict(w02.criterion_notes) == {
        "WAW": "Bupati hadir"
    }
    assert w90.conflict and w90.conflict_reason == "Pernah bekerja di PT Contoh"
    assert w01.created_at < w01.updated_at == w01.finalised_at


def test_the_file_says_what_it_is_and_how_it_is_kept(panel_path: Path) -> None:
    head = panel_path.read_bytes()[:100]
    assert int.from_bytes(head[68:72], "big") == FileKind.PANEL.value
    assert int.from_bytes(head[60:64], "big") == current_version(FileKind.PANEL) == 2
    assert head[18:20] == b"\x01\x01"  # closed: self-contained, no -wal (WAL while open)
    assert not Path(f"{panel_path}-wal").exists()
    assert pragma(panel_path, "application_id") == FileKind.PANEL.value
    with PanelFile.open(panel_path) as panel, panel.connection_for_backup() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert panel_path.read_bytes()[18:20] == b"\x02\x02"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA locking_mode").fetchone()[0] == "exclusive"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_every_change_is_on_disk_when_the_call_returns(tmp_path: Path) -> None:
    path = tmp_path / "j2.paritrana-panel"
    with PanelFile.create(path, small_event(), "J2") as panel:
        panel.rate("W01", "REG", 3)
        # While the judge's copy is still open, the bytes on disk (file + WAL) hold the rating:
        # copy both as a power cut would leave them, and read the copy.
        copy = tmp_path / "copy.paritrana-panel"
        shutil.copy(path, copy)
        shutil.copy(f"{path}-wal", f"{copy}-wal")
    conn = sqlite3.connect(copy)
    try:
        rating = conn.execute(
            "SELECT rating FROM criterion_scores WHERE interview_id='W01' AND criterion='REG'"
        ).fetchone()
    finally:
        conn.close()
    assert rating == (3.0,)


def test_create_refuses_an_existing_file_an_unknown_judge_and_a_missing_folder(
    tmp_path: Path, panel_path: Path
) -> None:
    before = panel_path.read_bytes()
    with pytest.raises(FileExistsError_) as caught:
        PanelFile.create(panel_path, small_event(), "J3")
    _sentence(caught.value)
    assert panel_path.read_bytes() == before
    with pytest.raises(ValidationError) as judge:
        PanelFile.create(tmp_path / "x.paritrana-panel", small_event(), "J9")
    assert "'J9'" in judge.value.message.en
    with pytest.raises(StorageError) as folder:
        PanelFile.create(tmp_path / "nope" / "x.paritrana-panel", small_event(), "J2")
    _sentence(folder.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == [panel_path.name]


def test_create_replaces_the_leftover_of_a_creation_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "j2.paritrana-panel"
    leftover = tmp_path / ".j2.paritrana-panel.part"
    leftover.write_bytes(b"half a file")
    Path(f"{leftover}-wal").write_bytes(b"half a journal")
    with PanelFile.create(path, small_event(), "J2") as panel:
        panel.rate("W01", "REG", 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    with PanelFile.open(path) as panel:
        assert panel.verify().ok


def test_a_refused_change_writes_nothing(panel_path: Path) -> None:
    with PanelFile.open(panel_path) as panel:
        entries = panel.audit_entries()
        refused: list[Callable[[], object]] = [
            lambda: panel.rate("W02", "REG", 9),
            lambda: panel.rate("W02", "NOPE", 3),
            lambda: panel.rate("W99", "REG", 3),
            lambda: panel.rate("W01", "REG", 1),  # locked
            lambda: panel.rate("W90", "KEP", 3),  # conflict
            lambda: panel.finalise("W02"),
            lambda: panel.unlock("W01", "  "),
        ]
        for bad in refused:
            with pytest.raises(ValidationError):
                bad()
        assert panel.audit_entries() == entries
    with PanelFile.open(panel_path, read_only=True) as again:
        assert again.audit_entries() == entries and again.verify().ok


def test_a_read_only_panel_refuses_changes(panel_path: Path) -> None:
    with PanelFile.open(panel_path, read_only=True) as panel:
        with pytest.raises(StorageError) as caught:
            panel.rate("W02", "REG", 3)
        _sentence(caught.value)
        assert "read-only" in caught.value.message.en


# --- a second copy of the program -------------------------------------------------------------

_OPEN_IN_CHILD = textwrap.dedent(
    """
    import sys
    from paritrana_desktop.domain.errors import UserError
    from paritrana_desktop.storage.panel_file import PanelFile
    try:
        with PanelFile.open(sys.argv[1], read_only=sys.argv[2] == "ro") as panel:
            panel.verify()
            if sys.argv[2] == "rw":
                panel.rate("W02", "WAW", 3)
    except UserError as exc:
        print(type(exc).__name__)
        print(exc.message.en)
        sys.exit(1)
    print("opened")
    """
)


@pytest.mark.parametrize("mode", ["rw", "ro"])
def test_a_second_process_is_refused_while_the_first_holds_the_file(
    panel_path: Path, mode: str
) -> None:
    with PanelFile.open(panel_path) as panel:
        panel.rate("W02", "WAW", 4)
        started = time.monotonic()
        child = run_python(_OPEN_IN_CHILD, str(panel_path), mode)
        waited = time.monotonic() - started
        assert child.returncode == 1, child.stderr
        assert child.stdout.splitlines()[0] == "FileLockedError"
        assert "is open in another program" in child.stdout
        assert "Traceback" not in child.stderr
        assert waited < 20
        panel.rate("W02", "WAW", 5)  # the first copy carries on undisturbed
    again = run_python(_OPEN_IN_CHILD, str(panel_path), mode)
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.strip() == "opened"
    with PanelFile.open(panel_path, read_only=True) as panel:
        assert panel.scorecard("W02").ratings["WAW"] == (3.0 if mode == "rw" else 5.0)
        assert panel.verify().ok


def test_a_second_open_in_the_same_process_is_refused_too(panel_path: Path) -> None:
    with PanelFile.open(panel_path):
        with pytest.raises(FileLockedError) as caught:
            PanelFile.open(panel_path)
        _sentence(caught.value)
    with PanelFile.open(panel_path) as panel:
        assert panel.verify().ok


# --- wrong files ---------------------------------------------------------------------------------


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kosong.paritrana-panel"
    path.touch()
    with pytest.raises(NotOurFileError) as caught:
        PanelFile.open(path)
    _sentence(caught.value)
    assert "empty" in caught.value.message.en


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "acak.paritrana-panel"
    path.write_bytes(random.Random(3).randbytes(3 * PAGE))
    with pytest.raises(NotOurFileError) as caught:
        PanelFile.open(path)
    _sentence(caught.value)
    assert ".paritrana-panel" in caught.value.message.en


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "browser-history.paritrana-panel"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE scorecards (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotOurFileError) as caught:
        PanelFile.open(path)
    assert "another program's database" in caught.value.message.en


def test_an_event_file_is_not_a_panel_file(tmp_path: Path) -> None:
    event_file = write_event_file(tmp_path / "e.paritrana-kegiatan", small_event())
    for read_only in (False, True):
        with pytest.raises(WrongKindError) as caught:
            PanelFile.open(event_file, read_only=read_only)
        _sentence(caught.value)
        assert "is an event file, not a panel file" in caught.value.message.en


def test_a_newer_format_is_refused(panel_path: Path) -> None:
    conn = sqlite3.connect(panel_path)
    conn.execute(f"PRAGMA user_version={current_version(FileKind.PANEL) + 1}")
    conn.commit()
    conn.close()
    for read_only in (False, True):
        with pytest.raises(NewerFormatError) as caught:
            PanelFile.open(panel_path, read_only=read_only)
        _sentence(caught.value)
        assert "newer Paritrana Desktop" in caught.value.message.en


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.75])
def test_a_truncated_copy_is_refused(tmp_path: Path, panel_path: Path, keep: float) -> None:
    data = panel_path.read_bytes()
    cut = tmp_path / "potong.paritrana-panel"
    cut.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(DamagedFileError) as caught:
        PanelFile.open(cut, read_only=True)
    _sentence(caught.value)


@pytest.mark.parametrize("seed", range(6))
def test_damaged_pages_are_found(tmp_path: Path, panel_path: Path, seed: int) -> None:
    """Noise over a few pages: refused on opening, or found by verify()'s integrity check."""
    data = bytearray(panel_path.read_bytes())
    noise = random.Random(seed)
    pages = len(data) // PAGE
    for page in noise.sample(range(1, pages), k=max(1, pages // 4)):
        data[page * PAGE : (page + 1) * PAGE] = noise.randbytes(PAGE)
    bad = tmp_path / "rusak.paritrana-panel"
    bad.write_bytes(bytes(data))
    try:
        with PanelFile.open(bad, read_only=True) as panel:
            result = panel.verify()
    except DamagedFileError as exc:
        _sentence(exc)
        return
    assert not result.ok
    assert not result.integrity_ok or not result.chain_ok or not result.scores_match_log


def _root_page(path: Path, name: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name])
        return int(root.fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("damage", ["one key", "whole page"])
def test_a_damaged_index_is_found_by_verify(tmp_path: Path, panel_path: Path, damage: str) -> None:
    """Damage the file opens past (an index the program does not read) is found by verify()."""
    data = bytearray(panel_path.read_bytes())
    start = (_root_page(panel_path, "sqlite_autoindex_criterion_scores_1") - 1) * PAGE
    if damage == "one key":
        where = data.find(b"WAW", start, start + PAGE)
        data[where : where + 3] = b"ZZZ"
    else:
        data[start + 8 : start + PAGE] = random.Random(1).randbytes(PAGE - 8)
    bad = tmp_path / "indeks.paritrana-panel"
    bad.write_bytes(bytes(data))
    with PanelFile.open(bad, read_only=True) as panel:
        result = panel.verify()
    assert not result.ok and not result.integrity_ok
    id_text, en_text = result.problems[0].id, result.problems[0].en
    assert "damaged" in en_text and "rusak" in id_text


def test_a_flipped_byte_in_a_rating_page_is_found(tmp_path: Path, panel_path: Path) -> None:
    """The smallest damage: one byte of the stored value, the page otherwise intact."""
    data = bytearray(panel_path.read_bytes())
    start = (_root_page(panel_path, "criterion_scores") - 1) * PAGE
    where = data.find(b"Bupati hadir", start, start + PAGE)
    assert where > 0
    data[where] ^= 0x20  # "Bupati" -> "bupati"
    bad = tmp_path / "satu-byte.paritrana-panel"
    bad.write_bytes(bytes(data))
    with PanelFile.open(bad, read_only=True) as panel:
        result = panel.verify()
    assert not result.ok and not result.scores_match_log


# --- a full disk -------------------------------------------------------------------------------


def test_a_full_disk_refuses_the_change_and_keeps_everything_saved_before(
    panel_path: Path,
) -> None:
    with PanelFile.open(panel_path) as panel:
        panel.rate("W02", "WAW", 3)
        before_card = panel.scorecard("W02")
        before_entries = panel.audit_entries()
        with panel.connection_for_backup() as conn:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count={pages}")
        long_note = "Catatan panjang tentang cakupan kepesertaan. " * 400  # ~18 KB
        with pytest.raises(DiskFullError) as caught:
            for _ in range(10):  # free pages inside the file may take the first ones
                panel.note("W02", "COV", long_note + str(_))
        _sentence(caught.value)
        assert "full" in caught.value.message.en and "penuh" in caught.value.message.id
        saved_in_memory = panel.scorecard("W02")
        assert saved_in_memory.revision >= before_card.revision
        with pytest.raises(DiskFullError):
            panel.set_general_note("W02", long_note)
        assert panel.scorecard("W02") == saved_in_memory  # the failed change left no trace
        # Space comes back: the judge carries on in the same window.
        with panel.connection_for_backup() as conn:
            conn.execute("PRAGMA max_page_count=1073741823")
        panel.rate("W02", "REG", 5)
        last = panel.scorecard("W02")
    with PanelFile.open(panel_path, read_only=True) as again:
        assert again.scorecard("W02") == last
        assert again.audit_entries()[: len(before_entries)] == before_entries
        assert again.verify().ok


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 400 KiB file system (tmpfs), so that the disk itself fills up (ENOSPC)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_disk_loses_nothing_saved(tiny_disk: Path) -> None:
    path = tiny_disk / "j2.paritrana-panel"
    filler = tiny_disk / "filler.bin"
    filler.write_bytes(b"\0" * 100_000)
    note = "Catatan panjang. " * 900  # ~15 KB
    with PanelFile.create(path, small_event(), "J2") as panel:
        panel.rate("W01", "REG", 4)
        with pytest.raises(DiskFullError) as caught:
            for n in range(100):
                panel.note("W01", "COV", f"{note}{n}")
        _sentence(caught.value)
        saved = panel.scorecard("W01")
        with pytest.raises(DiskFullError):
            panel.rate("W01", "WAW", 3)
        assert panel.scorecard("W01") == saved
    assert shutil.disk_usage(tiny_disk).free < 64 * 1024
    # On the full disk: reading only cannot even make SQLite's side file, and says why.
    with pytest.raises(DiskFullError) as full:
        PanelFile.open(path, read_only=True)
    assert "full" in full.value.message.en
    # The judge's own open still works there, and everything saved is intact.
    with PanelFile.open(path) as panel:
        assert panel.scorecard("W01") == saved
        assert panel.verify().ok
    # Space freed: recording goes on.
    filler.unlink()
    with PanelFile.open(path) as panel:
        panel.rate("W01", "WAW", 3)
    with PanelFile.open(path) as panel:
        assert panel.scorecard("W01").ratings["WAW"] == 3.0
        assert panel.scorecard("W01").revision == saved.revision + 1
        assert panel.verify().ok


def test_a_text_file_named_as_a_panel_file_gets_a_plain_sentence(tmp_path: Path) -> None:
    path = tmp_path / "notes.paritrana-panel"
    path.write_text("catatan wawancara hari pertama\n" * 20, encoding="utf-8")
    with pytest.raises(NotOurFileError) as caught:
        PanelFile.open(path)
    assert caught.value.message.id == (
        "notes.paritrana-panel bukan berkas yang dibuat Paritrana Desktop (mungkin rusak, atau "
        "berkas jenis lain). Minta panelisnya mengekspor ulang berkas panelnya."
    )
    assert caught.value.message.en == (
        "notes.paritrana-panel is not a file made by Paritrana Desktop (it may be damaged, or "
        "another kind of file). Ask the judge to export the panel file again."
    )
