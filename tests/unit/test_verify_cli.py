"""``paritrana verify FILE...``: 0 when every file is sound, 1 with a sentence when one is not,
2 for a usage error; never a traceback for a user's mistake."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from paritrana_desktop import __version__
from paritrana_desktop.cli import main
from paritrana_desktop.domain.errors import set_language
from paritrana_desktop.storage.event_file import write_event_file
from paritrana_desktop.storage.panel_file import PanelFile
from tests.factories import small_event
from tests.unit.storage_helpers import REPO, filled_panel, tamper


@pytest.fixture(autouse=True)
def _indonesian_again() -> Iterator[None]:
    """--lang sets the language for the process; put it back for the tests that follow."""
    yield
    set_language("id")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    event = write_event_file(tmp_path / "TEST25.paritrana-kegiatan", small_event())
    panel = filled_panel(tmp_path / "TEST25_J2.paritrana-panel")
    tampered = filled_panel(tmp_path / "TEST25_J3.paritrana-panel", judge_id="J3")
    tamper(tampered, "UPDATE criterion_scores SET rating = 1 WHERE criterion = 'REG'")
    foreign = tmp_path / "lain.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    text = tmp_path / "catatan.txt"
    text.write_text("bukan berkas Paritrana\n", encoding="utf-8")
    return {
        "event": event,
        "panel": panel,
        "tampered": tampered,
        "foreign": foreign,
        "text": text,
    }


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_sound_files_pass_with_exit_0(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    code, out, err = _run(capsys, "verify", str(files["event"]), str(files["panel"]))
    assert code == 0 and err == ""
    assert "berkas kegiatan, versi format 2 (terbaru yang dikenal program ini: 2)" in out
    assert "berkas panel, versi format 2 (terbaru yang dikenal program ini: 2)" in out
    assert "panelis Anggota Dua (J2)" in out
    assert "3 lembar nilai: 1 final, 1 draf, 1 konflik kepentingan" in out
    assert "log audit: 17 entri" in out
    assert out.count("  OK\n") == 2


def test_english_on_request(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    code, out, _ = _run(capsys, "--lang", "en", "verify", str(files["panel"]))
    assert code == 0
    assert "panel file, format version 2 (newest this program knows: 2)" in out
    assert "audit log: 17 entries" in out


def test_a_tampered_panel_file_fails_with_exit_1_and_says_why(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    code, out, err = _run(capsys, "verify", str(files["panel"]), str(files["tampered"]))
    assert code == 1
    assert "TEST25_J3.paritrana-panel: nilai tersimpan untuk Kabupaten Berau berbeda" in out
    assert "GAGAL" in out and out.count("  OK\n") == 1
    assert err.strip().splitlines() == [
        "paritrana: 1 dari 2 berkas tidak lolos pemeriksaan: TEST25_J3.paritrana-panel"
    ]


@pytest.mark.parametrize(
    ("which", "words"),
    [
        ("foreign", "is another program's database"),
        ("text", "is not a file made by Paritrana Desktop (it may be damaged"),
    ],
)
def test_a_foreign_file_fails_with_a_sentence(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], which: str, words: str
) -> None:
    code, out, err = _run(capsys, "--lang", "en", "verify", str(files[which]))
    assert code == 1
    assert words in out and "FAILED" in out
    assert err.startswith("paritrana: 1 of 1 files failed the check")


def test_a_missing_file_and_a_folder_fail_with_a_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(capsys, "--lang", "en", "verify", str(tmp_path / "hilang"), str(tmp_path))
    assert code == 1
    assert "was not found" in out and "is a folder, not a file" in out


def test_a_tampered_event_file_fails(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    tamper(files["event"], "UPDATE criteria SET weight = 35 WHERE code = 'REG'")
    code, out, _ = _run(capsys, "--lang", "en", "verify", str(files["event"]))
    assert code == 1 and "not valid" in out


def test_a_damaged_panel_file_fails(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    data = bytearray(files["panel"].read_bytes())
    noise = random.Random(11)
    for page in range(2, len(data) // 4096):
        data[page * 4096 : (page + 1) * 4096] = noise.randbytes(4096)
    bad = tmp_path / "rusak.paritrana-panel"
    bad.write_bytes(bytes(data))
    code, out, _ = _run(capsys, "--lang", "en", "verify", str(bad))
    assert code == 1 and "damaged" in out


def test_a_file_in_use_is_checked_with_its_wal_from_a_private_copy(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    """The judge's program holds the file: verify reads a copy of the file and its -wal (what is
    on disk now) and leaves nothing beside it."""
    folder = files["panel"].parent
    with PanelFile.open(files["panel"]) as panel:
        panel.rate("W02", "WAW", 3)
        before = sorted(p.name for p in folder.iterdir())
        code, out, _ = _run(capsys, "--lang", "en", "verify", str(files["panel"]))
        assert sorted(p.name for p in folder.iterdir()) == before
    assert code == 0 and "audit log: 18 entries" in out


def test_a_newer_file_fails_with_a_sentence(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    conn = sqlite3.connect(files["panel"])
    conn.execute("PRAGMA user_version=5")
    conn.commit()
    conn.close()
    code, out, _ = _run(capsys, "--lang", "en", "verify", str(files["panel"]))
    assert code == 1 and "newer Paritrana Desktop (format 5" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["verify"],
        ["verify", "--nope", "x"],
        ["--lang", "fr", "verify", "x"],
        ["tidak-ada"],
        [],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = _run(capsys, *argv)
    assert code == 2
    assert "usage:" in (err + out).lower()


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == 0 and "verify" in out and "usage:" in out
    code, out, _ = _run(capsys, "verify", "--help")
    assert code == 0 and "FILE" in out
    code, out, _ = _run(capsys, "--version")
    assert code == 0 and out.strip() == f"paritrana {__version__}"


def _entry_point() -> list[str]:
    script = Path(sys.executable).with_name("paritrana")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "paritrana_desktop.cli"]


def test_the_installed_command_behaves_the_same(files: dict[str, Path]) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), PARITRANA_LANG="en")
    ok = subprocess.run(
        [*_entry_point(), "verify", str(files["panel"])],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(
        [*_entry_point(), "verify", str(files["tampered"]), str(files["text"])],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines() == [
        "paritrana: 2 of 2 files failed the check: TEST25_J3.paritrana-panel, catatan.txt"
    ]
    assert "Traceback" not in bad.stdout + bad.stderr
    usage = subprocess.run(
        [*_entry_point(), "verify"], capture_output=True, text=True, env=env, timeout=60
    )
    assert usage.returncode == 2 and "usage:" in usage.stderr
    assert "Traceback" not in usage.stderr


# --- checking leaves the folder as it found it ---------------------------------------------


@contextlib.contextmanager
def read_only_view(folder: Path, view: Path) -> Iterator[Path]:
    """``folder`` seen through a read-only bind mount at ``view`` (the tests run as root, for
    whom chmod does not stop a write); skipped where mounting is not allowed."""
    view.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("a read-only bind mount needs root and mount(8) here")
    try:
        ro = subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(view)], capture_output=True, check=False
        )
        if ro.returncode != 0:
            pytest.skip("remounting read-only is not allowed here")
        yield view
    finally:
        subprocess.run(["umount", str(view)], check=False)


def _in_wal_mode(path: Path) -> Path:
    """A closed file left in WAL mode without a -wal (as an older program left its files)."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    finally:
        conn.close()
    assert path.read_bytes()[18:20] == b"\x02\x02" and not Path(f"{path}-wal").exists()
    return path


def _live_copy_with_wal(source: Path, folder: Path) -> Path:
    """A copy of a judge's file taken while the program had it open: the file and its -wal."""
    folder.mkdir()
    with PanelFile.open(source) as panel:
        panel.rate("W02", "WAW", 3)
        target = folder / source.name
        shutil.copyfile(source, target)
        shutil.copyfile(f"{source}-wal", f"{target}-wal")
    return target


def test_verify_writes_nothing_beside_the_files_it_checks(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    live = _live_copy_with_wal(files["panel"], tmp_path / "usb")
    closed_wal = _in_wal_mode(
        filled_panel(live.parent / "TEST25_J1.paritrana-panel", judge_id="J1")
    )
    before = {p.name: p.read_bytes() for p in live.parent.iterdir()}
    for _ in range(3):
        _run(capsys, "verify", str(live), str(closed_wal))
    assert {p.name: p.read_bytes() for p in live.parent.iterdir()} == before


def test_verify_works_on_a_read_only_folder_of_wal_mode_files(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    live = _live_copy_with_wal(files["panel"], tmp_path / "usb")
    _in_wal_mode(filled_panel(live.parent / "TEST25_J1.paritrana-panel", judge_id="J1"))
    with read_only_view(live.parent, tmp_path / "ro") as view:
        before = sorted(p.name for p in view.iterdir())
        code, out, err = _run(capsys, "verify", str(view / live.name))
        assert code == 0 and "log audit: 18 entri" in out and err == ""
        code, out, err = _run(capsys, "verify", str(view / "TEST25_J1.paritrana-panel"))
        assert "tidak dapat ditulis" not in out
        assert sorted(p.name for p in view.iterdir()) == before


def test_a_wal_mode_file_without_its_wal_is_named_as_a_possible_hand_copy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    source = filled_panel(laptop / "TEST25_J2.paritrana-panel")
    usb = tmp_path / "usb"
    usb.mkdir()
    with PanelFile.open(source) as panel:
        panel.rate("W02", "WAW", 3)  # still in the WAL
        shutil.copyfile(source, usb / source.name)  # the main file only
    code, out, err = _run(capsys, "verify", str(usb / source.name))
    assert code == 1
    assert "datang tanpa berkas -wal-nya" in out and "Ekspor berkas untuk ketua" in out
    assert "GAGAL" in out and "TEST25_J2.paritrana-panel" in err
    code, out, _ = _run(capsys, "--lang", "en", "verify", str(usb / source.name))
    assert "came without its -wal file" in out and "Export file for the chair" in out


def test_verify_reads_the_chairs_register_and_refuses_one_edited_outside_the_program(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from paritrana_desktop.workflows.register import add_key, init_register
    from paritrana_desktop.workflows.verify import describe_file

    panel = filled_panel(tmp_path / "J2.paritrana-panel")
    with PanelFile.open(panel, read_only=True) as opened:
        fingerprint = str(opened.key_fingerprint)
    register = init_register(tmp_path / "ketua")
    add_key(register, panel, fingerprint)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["verify", str(register)]) == 0
    out = capsys.readouterr().out
    assert "register ketua" in out and fingerprint in out and "OK" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing left beside it
    conn = sqlite3.connect(register)
    for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
        conn.execute(f"DROP TRIGGER {trigger}")  # what an editor with the source would do
    conn.execute("DELETE FROM register_log WHERE rowid = (SELECT max(rowid) FROM register_log)")
    conn.commit()
    conn.close()
    ok, lines = describe_file(register)
    assert not ok and lines[-1] == "GAGAL"
    assert main(["verify", str(register)]) == 1
    assert "Traceback" not in capsys.readouterr().err
