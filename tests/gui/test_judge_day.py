"""A judge's day on the demo event, from the first start to the copy for the chair, by keyboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.ui.app import open_initial
from paritrana_desktop.ui.main_window import MainWindow
from paritrana_desktop.ui.schedule_model import Column
from paritrana_desktop.ui.settings import Settings

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot: Any, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def row_of(window: MainWindow, interview_id: str) -> int:
    index = window.proxy.mapFromSource(window.model.index(window.model.row_of(interview_id), 0))
    return index.row()


def test_a_day_on_the_demo_event_with_the_keyboard_only(
    qtbot: Any,
    indonesian: None,
    data_dir: Path,
    clock: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    clock.now = dt.datetime(2025, 7, 28, 10, 20)  # Kabupaten Kutai Timur presents (D1-03)
    window = MainWindow(Settings(), clock=clock)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()

    # first start: the demo, and "who are you"
    open_initial(window, window.settings)
    qtbot.waitUntil(lambda: window.judge_chooser is not None and window.judge_chooser.isVisible())
    qtbot.waitUntil(lambda: window.judge_chooser.isAncestorOf(QApplication.focusWidget()))  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Down)  # from the first name, framed but not chosen
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel is not None)
    assert window.panel is not None and window.panel.judge.id == "J03"
    assert window.selected_interview_id() == "D1-03"  # the interview of this moment
    assert window.filters.progress.text() == "Senin: 0 dari 7 final"

    # score it: Enter opens the scoring window on the first criterion
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.scoring_dialog is not None)
    dialog = window.scoring_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    for rating in "43542":
        qtbot.keyClicks(QApplication.focusWidget(), rating)
        press(qtbot, Qt.Key.Key_Return)
    # the schedule follows while the scoring window is still open
    row = row_of(window, "D1-03")
    assert window.proxy.index(row, Column.STATUS).data() == "Draf"
    # (20x4 + 30x3 + 15x5 + 20x4 + 15x2) / 100 = 3.55
    assert window.proxy.index(row, Column.TOTAL).data() == "3,55 / 5"

    # lock it (Ctrl+L, confirmed), close the scoring window (Esc)
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert any("Kutai Timur" in text for text in message_boxes.texts("question"))
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.scoring_dialog is None)
    assert window.proxy.index(row, Column.STATUS).data() == "Final"
    assert window.filters.progress.text() == "Senin: 1 dari 7 final"

    # export the copy for the chair to the "USB stick"
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: str(usb)))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    press(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(message_boxes.texts("information")))
    (copy,) = usb.iterdir()
    assert copy.name.startswith("KALTIM25-DEMO_J03_Yudha-Prasetya-Nugraha_")
    assert "diperiksa" in message_boxes.texts("information")[-1]
    with PanelFile.open(copy, read_only=True) as chair:
        assert chair.verify().ok
        card = chair.scorecard("D1-03")
        assert card.is_final
        assert dict(card.ratings) == {"REG": 4, "CAK": 3, "INO": 5, "ANG": 4, "WAW": 2}

    # the end of the day: close, start again: the same file, no question, nothing lost
    press(qtbot, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())
    again = MainWindow(Settings(), clock=clock)
    qtbot.addWidget(again)
    again.show()
    open_initial(again, again.settings)
    assert again.judge_chooser is None
    assert again.panel is not None and again.panel.judge.id == "J03"
    row = row_of(again, "D1-03")
    assert again.proxy.index(row, Column.STATUS).data() == "Final"
    assert again.proxy.index(row, Column.TOTAL).data() == "3,55 / 5"
