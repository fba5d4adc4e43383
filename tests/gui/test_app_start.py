"""The command line of ``paritrana-desktop``, the crash handler's two kinds of error, the log."""

from __future__ import annotations

import errno
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import qWarning

from paritrana_desktop import __version__
from paritrana_desktop.domain.text import Text
from paritrana_desktop.storage.errors import FileLockedError
from paritrana_desktop.ui.crash import CrashHandler, rotate, setup_logging

ROOT = Path(__file__).resolve().parents[2]


def start(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "paritrana_desktop", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_version_and_help_need_no_screen() -> None:
    version = start("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"paritrana-desktop {__version__}"
    helped = start("--help")
    assert helped.returncode == 0
    for option in ("--demo", "--lang", "--judge", "FILE"):
        assert option in helped.stdout


def test_a_wrong_option_is_a_usage_error() -> None:
    wrong = start("--lang", "fr")
    assert wrong.returncode == 2
    assert "invalid choice" in wrong.stderr


def test_a_user_error_reaching_the_top_is_a_plain_warning_not_a_crash(
    qtbot: Any, message_boxes: Any, tmp_path: Path
) -> None:
    crash = CrashHandler(tmp_path / "log.txt")
    error = FileLockedError(Text("Berkas dipakai.", "The file is in use."))
    crash.handle(FileLockedError, error, None)
    assert message_boxes.shown and message_boxes.shown[0][0] == "warning"
    assert crash.dialogs == []


@pytest.mark.no_qt_log
def test_qt_warnings_go_to_the_log(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "paritrana-desktop.log"
    handler = setup_logging(log_file)
    crash = CrashHandler(log_file)
    crash.install()
    try:
        qWarning("a warning from inside Qt")
    finally:
        crash.uninstall()
        logging.getLogger("paritrana_desktop").removeHandler(handler)
        handler.close()
    assert "a warning from inside Qt" in log_file.read_text(encoding="utf-8")


def test_the_log_is_rotated_when_it_grows(tmp_path: Path) -> None:
    log_file = tmp_path / "paritrana-desktop.log"
    log_file.write_text("x" * 50)
    rotate(log_file, max_bytes=100, backups=2)
    assert log_file.exists()  # small: kept
    log_file.write_text("old " * 100)
    Path(f"{log_file}.1").write_text("older")
    rotate(log_file, max_bytes=100, backups=2)
    assert not log_file.exists()
    assert Path(f"{log_file}.1").read_text().startswith("old ")
    assert Path(f"{log_file}.2").read_text() == "older"


def test_a_log_on_a_full_disk_says_so_once_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: ``--- Logging error --- Traceback ... Errno 28`` on every record."""
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    handler = setup_logging(Path("/dev/full"))
    log = logging.getLogger("paritrana_desktop")
    try:
        for n in range(5):
            log.info("record %d", n)
    finally:
        log.removeHandler(handler)
        handler.close()
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Logging error" not in err
    assert len(err.splitlines()) == 1
    assert "/dev/full" in err and "No space left on device" in err


def start_with(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_DATA_HOME")}
    environment.pop("PARITRANA_DATA_DIR", None)
    environment.update(env, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "paritrana_desktop", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=30,
        env=environment,
    )


def _refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, lines  # one sentence in each language
    for word in words:
        assert word in lines[0] and word in lines[1]
    assert "atur" in lines[0].lower() and "set" in lines[1].lower()


def test_a_data_folder_that_is_a_file_is_named_before_anything_starts(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("mine")
    result = start_with({"PARITRANA_DATA_DIR": str(not_a_folder), "HOME": str(tmp_path)})
    _refused(result, str(not_a_folder), "PARITRANA_DATA_DIR")
    assert "berkas, bukan folder" in result.stderr
    assert not_a_folder.read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_without_home_nothing_is_written_under_the_root(tmp_path: Path) -> None:
    before = Path("/.local/share/Paritrana").exists()
    result = start_with({})
    _refused(result, "HOME")
    assert Path("/.local/share/Paritrana").exists() == before
    missing = tmp_path / "gone"
    result = start_with({"HOME": str(missing)})
    _refused(result, str(missing), "HOME")
    assert not missing.exists()


def test_a_folder_that_cannot_be_written_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from paritrana_desktop.window_state import data_folder

    folder = tmp_path / "data"
    for number, words in (
        (errno.EROFS, ("hanya dapat dibaca", "read-only")),
        (errno.EACCES, ("tidak boleh ditulis", "may not be written")),
    ):

        def refuse(*_args: Any, number: int = number, **_kwargs: Any) -> int:
            raise OSError(number, os.strerror(number))

        monkeypatch.setattr(data_folder.os, "open", refuse)
        with pytest.raises(data_folder.DataFolderError) as caught:
            data_folder.ensure_folder(folder)
        assert str(folder) in caught.value.text("id") and words[0] in caught.value.text("id")
        assert str(folder) in caught.value.text("en") and words[1] in caught.value.text("en")
        assert list(folder.iterdir()) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere"
)
def test_a_folder_without_write_permission_is_refused_for_a_normal_user(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o555)
    result = start_with({"PARITRANA_DATA_DIR": str(folder), "HOME": str(tmp_path)})
    _refused(result, str(folder))


def test_the_refusal_is_a_dialog_where_a_window_can_be_shown(
    qapp: Any, monkeypatch: pytest.MonkeyPatch, message_boxes: Any
) -> None:
    from paritrana_desktop.ui import app
    from paritrana_desktop.window_state.data_folder import DataFolderError

    monkeypatch.setattr(app, "HEADLESS_PLATFORMS", ())
    error = DataFolderError(Text("Folder data /x tidak dapat dipakai.", "The data folder /x."))
    assert app.refuse_start(error, "id") == 1
    assert message_boxes.texts("critical") == ["Folder data /x tidak dapat dipakai."]


def test_screenshot_mode_works_in_a_throwaway_data_folder(tmp_path: Path) -> None:
    """Before: it chose J01 and wrote a real panel file in the user's data folder."""
    home = tmp_path / "home"
    home.mkdir()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    prefix = tmp_path / "shots" / "s"
    result = start_with(
        {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "TMPDIR": str(scratch),
            "PARITRANA_SCREENSHOT": str(prefix),
            "PARITRANA_NOW": "2025-07-28T10:20:00",
        }
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert {p.name for p in prefix.parent.iterdir()} == {"s-judges.png", "s-main.png"}
    assert list(home.rglob("*")) == []  # nothing in the user's data folder
    assert list(scratch.iterdir()) == []  # and the throwaway folder is gone


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Any:
    """A small read-only tmpfs (needs root and a system that allows mounting)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a read-only tmpfs needs root on Linux")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine does not allow mounting: {mounted.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_data_folder_on_a_read_only_mount_is_named(tmp_path: Path, read_only_mount: Path) -> None:
    result = start_with({"PARITRANA_DATA_DIR": str(read_only_mount), "HOME": str(tmp_path)})
    _refused(result, str(read_only_mount))
    assert "hanya dapat dibaca" in result.stderr and "read-only" in result.stderr
    inside = read_only_mount / "Paritrana"
    result = start_with({"PARITRANA_DATA_DIR": str(inside), "HOME": str(tmp_path)})
    _refused(result, str(inside))  # a folder still to be made there: the same sentence
