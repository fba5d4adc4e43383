"""The copy for the chair: consistent, self-contained, checked, and all-or-nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from paritrana_desktop.storage import copies
from paritrana_desktop.storage.copies import (
    copy_name,
    deliver,
    discard,
    export_copy,
    take_snapshot,
)
from paritrana_desktop.storage.errors import StorageError
from paritrana_desktop.storage.panel_file import PanelFile
from tests.factories import small_event

FIVE_PAST_FIVE = dt.datetime(2025, 7, 28, 17, 5)


@pytest.fixture
def panel(tmp_path: Path) -> Iterator[PanelFile]:
    opened = PanelFile.create(tmp_path / "live" / "TEST25_J2.paritrana-panel", small_event(), "J2")
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _live_folder(tmp_path: Path) -> None:
    (tmp_path / "live").mkdir()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def score_a_little(panel: PanelFile) -> None:
    for code, value in (("REG", 4), ("COV", 3), ("WAW", 5)):
        panel.rate("W01", code, value)
    panel.note("W01", "REG", "Perbup sudah terbit")
    panel.finalise("W01")
    panel.rate("W02", "REG", 2)
    panel.declare_conflict("W03", "Kerabat saya kepala dinas di sana")


def test_the_copy_holds_what_is_still_only_in_the_live_write_ahead_log(
    panel: PanelFile, usb: Path
) -> None:
    score_a_little(panel)
    wal = Path(f"{panel.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # recent changes live in the WAL

    copy = export_copy(panel, usb, now=FIVE_PAST_FIVE)

    assert sorted(p.name for p in usb.iterdir()) == [copy.name]  # one file, no -wal, no .part
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: self-contained
    with PanelFile.open(copy, read_only=True) as read_back:
        assert read_back.verify().ok
        assert [c.to_dict() for c in read_back.scorecards()] == [
            c.to_dict() for c in panel.scorecards()
        ]
        assert read_back.panel_id == panel.panel_id
        assert read_back.scorecard("W01").criterion_notes == {"REG": "Perbup sudah terbit"}
        assert read_back.scorecard("W03").conflict


def test_the_original_is_untouched_and_still_writable(panel: PanelFile, usb: Path) -> None:
    score_a_little(panel)
    before = [c.to_dict() for c in panel.scorecards()]
    entries = len(panel.audit_entries())
    export_copy(panel, usb, now=FIVE_PAST_FIVE)
    assert [c.to_dict() for c in panel.scorecards()] == before
    assert len(panel.audit_entries()) == entries
    panel.rate("W02", "COV", 5)  # the judge goes on scoring
    assert panel.verify().ok


def test_the_name_says_event_judge_and_time_and_never_overwrites(
    panel: PanelFile, usb: Path
) -> None:
    first = export_copy(panel, usb, now=FIVE_PAST_FIVE)
    assert first.name == "TEST25_J2_Anggota-Dua_20250728-1705.paritrana-panel"
    assert copy_name(panel, FIVE_PAST_FIVE) == first.name
    panel.rate("W01", "REG", 3)
    second = export_copy(panel, usb, now=FIVE_PAST_FIVE)
    assert second.name == "TEST25_J2_Anggota-Dua_20250728-1705-2.paritrana-panel"
    with PanelFile.open(first, read_only=True) as old:
        assert old.scorecards() == []  # the earlier copy is kept as it was
    with PanelFile.open(second, read_only=True) as new:
        assert new.scorecard("W01").ratings == {"REG": 3.0}


def test_the_snapshot_is_taken_at_once_and_delivered_later(panel: PanelFile, usb: Path) -> None:
    """What the chair gets is the state at the moment of the export, even if the judge goes on
    scoring while the copy is written (in the window, on another thread)."""
    score_a_little(panel)
    snapshot = take_snapshot(panel, now=FIVE_PAST_FIVE)
    assert snapshot.path.exists() and not Path(f"{snapshot.path}-wal").exists()
    panel.rate("W02", "COV", 5)  # typed after pressing Export
    copy = deliver(snapshot, usb)
    discard(snapshot)
    assert not snapshot.path.parent.exists()
    with PanelFile.open(copy, read_only=True) as read_back:
        assert read_back.scorecard("W02").ratings == {"REG": 2.0}
        assert read_back.verify().ok


def test_titles_and_degrees_stay_out_of_the_name() -> None:
    from paritrana_desktop.storage.copies import _without_titles

    assert _without_titles("Drs. Haryo Permadi Lesmana, M.Si.") == "Haryo Permadi Lesmana"
    assert _without_titles("Dr. Ir. Fitriani Rauf, S.E., M.M.") == "Fitriani Rauf"
    assert _without_titles("Marthinus Laoli Sitompul") == "Marthinus Laoli Sitompul"
    assert _without_titles("Dr.") == "Dr."


def test_a_vanished_folder_gives_a_sentence_and_writes_nothing(
    panel: PanelFile, tmp_path: Path
) -> None:
    gone = tmp_path / "stick-pulled-out"
    with pytest.raises(StorageError) as raised:
        export_copy(panel, gone, now=FIVE_PAST_FIVE)
    assert str(gone) in raised.value.text("en")
    assert "USB stick" in raised.value.text("en")
    assert "flashdisk" in raised.value.text("id")
    assert not gone.exists()


def test_a_folder_that_vanishes_during_the_copy_leaves_nothing(
    panel: PanelFile, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = copies._write_copy

    def pulled_out(source: Path, partial: Path) -> None:
        real(source, partial)
        for leftover in usb.iterdir():
            leftover.unlink()
        usb.rmdir()  # the stick is gone before the rename

    monkeypatch.setattr(copies, "_write_copy", pulled_out)
    with pytest.raises(StorageError) as raised:
        export_copy(panel, usb, now=FIVE_PAST_FIVE)
    assert "not there" in raised.value.text("en")
    assert not usb.exists()


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """A folder nobody can write into; for root (who ignores permissions) an immutable one."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    if made.returncode == 0:
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.fail("cannot make a read-only folder here (no chattr, no mount)")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_folder_gives_a_sentence_and_leaves_nothing(
    panel: PanelFile, usb: Path
) -> None:
    score_a_little(panel)
    with read_only_folder(usb):
        with pytest.raises(StorageError) as raised:
            export_copy(panel, usb, now=FIVE_PAST_FIVE)
        assert list(usb.iterdir()) == []
    text = raised.value.text("en")
    assert str(usb) in text and "cannot be written" in text
    assert "tidak dapat ditulisi" in raised.value.text("id")
    assert panel.verify().ok


FILL_THE_DISK = """
import json, resource, signal, sys
from pathlib import Path
from paritrana_desktop.storage.copies import deliver, take_snapshot
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.domain.errors import UserError
from tests.factories import small_event

live, target = Path(sys.argv[1]), Path(sys.argv[2])
panel = PanelFile.create(live, small_event(), "J2")
for n in range(6):
    panel.set_general_note("W01", "catatan panjang " * 1200 + str(n))
snapshot = take_snapshot(panel)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
# From here on no file of this process may grow past 16 KiB: the copy does not fit.
resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, resource.RLIM_INFINITY))
try:
    deliver(snapshot, target)
    outcome = {"error": None}
except UserError as exc:
    outcome = {"error": type(exc).__name__, "en": exc.text("en")}
outcome["left"] = sorted(p.name for p in target.iterdir())
print(json.dumps(outcome))
"""


@pytest.mark.skipif(sys.platform.startswith("win"), reason="RLIMIT_FSIZE is POSIX")
def test_a_full_target_gives_a_sentence_and_leaves_no_half_written_file(
    tmp_path: Path, usb: Path
) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            FILL_THE_DISK,
            str(tmp_path / "live" / "big.paritrana-panel"),
            str(usb),
        ],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["error"] in ("DiskFullError", "StorageError"), outcome
    assert str(usb) in outcome["en"]
    assert outcome["left"] == []


def test_a_copy_that_fails_its_check_is_removed(
    panel: PanelFile, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    score_a_little(panel)
    real = copies._write_copy

    def damaged_on_the_way(source: Path, partial: Path) -> None:
        real(source, partial)
        with contextlib.closing(sqlite3.connect(partial)) as db, db:
            db.execute("UPDATE criterion_scores SET rating = 1 WHERE interview_id = 'W01'")

    monkeypatch.setattr(copies, "_write_copy", damaged_on_the_way)
    with pytest.raises(StorageError) as raised:
        export_copy(panel, usb, now=FIVE_PAST_FIVE)
    assert "failed its check" in raised.value.text("en")
    assert list(usb.iterdir()) == []


def test_a_really_full_stick_says_the_disk_is_full(panel: PanelFile, usb: Path) -> None:
    """A 32 KiB file system (tmpfs, mountable as root) filled by the copy: ENOSPC for real."""
    from paritrana_desktop.storage.errors import DiskFullError

    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tiny file system needs root on Linux; RLIMIT test covers the rest")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", str(usb)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"mount refused: {mounted.stderr.strip()!r}")
    try:
        for n in range(4):
            panel.set_general_note(f"W0{n % 3 + 1}", "catatan panjang " * 1200 + str(n))
        with pytest.raises(DiskFullError) as raised:
            export_copy(panel, usb, now=FIVE_PAST_FIVE)
        assert list(usb.iterdir()) == []
        assert "not enough space" in raised.value.text("en")
    finally:
        subprocess.run(["umount", str(usb)], check=True)


def test_a_full_temporary_folder_gives_a_sentence(
    panel: PanelFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_room(*args: object, **kwargs: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(copies.tempfile, "mkdtemp", no_room)
    with pytest.raises(StorageError) as caught:
        copies.take_snapshot(panel)
    assert "ruang" in caught.value.message.id and "space" in caught.value.message.en
