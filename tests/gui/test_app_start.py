"""The command line of ``paritrana-desktop``, the crash handler's two kinds of error, the log."""

from __future__ import annotations

import logging
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
