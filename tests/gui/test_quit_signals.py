"""SIGTERM (a laptop shutting down, ``kill``) and Ctrl+C close the judge's window cleanly: what
was typed is saved, the panel file closed, and the program exits with status 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.ui.main_window import MainWindow
from paritrana_desktop.ui.quit_signals import QuitOnSignals

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not hasattr(signal, "SIGKILL"), reason="sends POSIX signals to a process"
)


def test_sigterm_saves_the_note_being_typed_and_closes_the_window(
    qtbot: Any, main_window: MainWindow, panel_file: PanelFile
) -> None:
    exits: list[int] = []
    quitter = QuitOnSignals(main_window.close, exit=exits.append)
    quitter.install()
    try:
        main_window.set_panel(panel_file)
        path = panel_file.path
        qtbot.keyClick(main_window.table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: main_window.scoring_dialog is not None)
        dialog = main_window.scoring_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        interview_id = dialog.interview_id  # type: ignore[attr-defined]
        dialog.general_note.setFocus()  # type: ignore[attr-defined]
        qtbot.keyClicks(QApplication.focusWidget(), "Ditulis saat laptop dimatikan")

        os.kill(os.getpid(), signal.SIGTERM)  # the note's save delay has not passed yet
        qtbot.waitUntil(lambda: exits == [0], timeout=3000)
    finally:
        quitter.uninstall()
    assert not main_window.isVisible()
    assert main_window.panel is None  # closed, not just hidden
    with PanelFile.open(path) as again:  # no lock left behind
        assert again.scorecard(interview_id).general_note == "Ditulis saat laptop dimatikan"
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_the_program_quits_with_0_on_sigterm_and_its_panel_file_verifies(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARITRANA_")}
    env.update(QT_QPA_PLATFORM="offscreen", PARITRANA_DATA_DIR=str(data))
    log = data / "logs" / "paritrana-desktop.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "paritrana_desktop", "--demo", "--judge", "J03"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if log.is_file() and "window shown" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.05)
        assert process.poll() is None, process.communicate()
        process.send_signal(signal.SIGTERM)
        sent = time.monotonic()
        stdout, stderr = process.communicate(timeout=15)
        took = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, stderr
    assert took < 5
    assert "Traceback" not in stdout + stderr
    assert "received SIGTERM: closing" in log.read_text(encoding="utf-8")
    (path,) = (data / "panels").glob("*_J03.paritrana-panel")
    with PanelFile.open(path, read_only=True) as panel:
        assert panel.verify().ok
    PanelFile.open(path).close()  # and nobody holds it any more


def test_a_second_copy_showing_already_open_exits_on_sigterm(tmp_path: Path) -> None:
    """Before: the second copy's windows vanished and the process lived on, twice in a row."""
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARITRANA_")}
    env.update(QT_QPA_PLATFORM="offscreen", PARITRANA_DATA_DIR=str(data))
    log = data / "logs" / "paritrana-desktop.log"
    command = [sys.executable, "-m", "paritrana_desktop", "--demo", "--judge", "J03"]

    def start() -> subprocess.Popen[str]:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def wait_for(condition: Any) -> None:
        deadline = time.monotonic() + 60
        while not condition():
            assert time.monotonic() < deadline
            time.sleep(0.05)

    first = start()
    second: subprocess.Popen[str] | None = None
    try:
        wait_for(lambda: log.is_file() and "window shown" in log.read_text(encoding="utf-8"))
        second = start()
        # The second copy waits for the lock, then shows "already open" in a message box.
        wait_for(lambda: log.read_text(encoding="utf-8").count("starting") == 2)
        time.sleep(4)
        assert second.poll() is None, second.communicate()
        second.send_signal(signal.SIGTERM)
        _out, err = second.communicate(timeout=10)
        assert second.returncode == 0, err
        assert "Traceback" not in err
        assert first.poll() is None  # the first copy is not disturbed
    finally:
        for process in (second, first):
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.communicate(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.communicate()
