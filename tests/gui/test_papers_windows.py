"""The papers from the windows: the judge's Berkas > Print score sheet... and the merge window's
"Make berita acara and score sheets..." after the workbook is written (pytest-qt; every modal
dialog replaced)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.ui import main_papers, merge_papers, tasks
from paritrana_desktop.ui.merge_dialog import MergeDialog
from tests.gui.test_merge_dialog import WAIT_MS, _write_panels, choose_files, choose_output, click

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    urls: list[Path] = []

    def open_url(url: QUrl) -> bool:
        urls.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_the_judge_prints_the_score_sheet_from_the_file_menu(
    qtbot: QtBot,
    main_window: Any,
    panel_file: PanelFile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    english: None,
) -> None:
    for code, value in (("REG", 4), ("COV", 3), ("WAW", 5)):
        panel_file.rate("W01", code, value)
    panel_file.finalise("W01")
    main_window.set_panel(panel_file)
    assert main_window.score_sheet_action.isEnabled()
    asked: list[list[Any]] = []

    def ask_day(_window: Any, days: list[Any]) -> tuple[bool, Any]:
        asked.append(days)
        return True, None

    monkeypatch.setattr(main_papers, "ask_day", ask_day)
    out = tmp_path / "lembar"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "PDF (*.pdf)"))
    )
    qtbot.keyClick(main_window, Qt.Key.Key_P, CTRL)
    pdf = tmp_path / "lembar.pdf"
    assert asked == [panel_file.event.days()]
    assert opened == [pdf]
    text = pdf_text(pdf)
    assert panel_file.judge.name in text and "Kabupaten Berau" in text
    assert "Print it from your PDF viewer" in main_window.statusBar().currentMessage()


def test_no_file_open_no_score_sheet(main_window: Any) -> None:
    assert not main_window.score_sheet_action.isEnabled()


def test_the_chair_makes_the_papers_after_the_workbook(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    english: None,
) -> None:
    (tmp_path / "panels").mkdir()
    files = _write_panels(tmp_path / "panels")
    window = MergeDialog()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    choose_files(monkeypatch, files)
    click(qtbot, window.add_files_button)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT_MS)
    assert not window.papers_button.isVisible()
    output = tmp_path / "rekap.xlsx"
    choose_output(monkeypatch, output)
    click(qtbot, window.choose_output_button)
    with qtbot.waitSignal(window.merged, timeout=WAIT_MS):
        click(qtbot, window.merge_button)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT_MS)
    assert window.papers_button.isVisible() and window.papers_button.isEnabled()
    folder = tmp_path / "dokumen"
    monkeypatch.setattr(
        merge_papers,
        "ask_papers",
        lambda _w, suggested: merge_papers.PapersChoice(folder, None, False),
    )
    click(qtbot, window.papers_button)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT_MS)
    assert tasks.wait_for_tasks(WAIT_MS)
    written = sorted(p.name for p in folder.iterdir())
    assert written[0] == "Berita acara TEST25.docx" and len(written) == 1 + len(files)
    assert opened[-1] == folder
    assert "papers written" in window.message_label.text()
    # A second time without "replace": a sentence, and the papers are left as they were.
    before = {p: p.stat().st_mtime_ns for p in folder.iterdir()}
    click(qtbot, window.papers_button)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT_MS)
    assert "already holds" in window.message_label.text()
    assert {p: p.stat().st_mtime_ns for p in folder.iterdir()} == before
