"""A panel file outside the data folder (the copy for the chair on a USB stick) opens read-only:
nothing typed there is saved into it, a bar says what it is, and the way on is offered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from paritrana_desktop.storage import copies
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.ui import paths
from paritrana_desktop.ui.app import open_initial
from paritrana_desktop.ui.main_window import MainWindow
from paritrana_desktop.ui.scoring_reason import ReasonDialog
from paritrana_desktop.ui.settings import RECENT_FILES, Settings
from tests.factories import small_event
from tests.gui.test_scoring_dialog import when_reason_box_opens

CTRL = Qt.KeyboardModifier.ControlModifier


def state(path: Path) -> tuple[bytes, int, list[dict[str, Any]]]:
    """Everything that would show a write: the bytes, the mtime and the scorecards."""
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    with PanelFile.open(path, read_only=True) as panel:
        cards = [card.to_dict() for card in panel.scorecards()]
    return data, mtime, cards


def export_with_ctrl_e(
    qtbot: Any, window: MainWindow, usb: Path, monkeypatch: pytest.MonkeyPatch, boxes: Any
) -> Path:
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: str(usb)))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(boxes.texts("information")) and window.export_task is None)
    (copy,) = usb.iterdir()
    return copy


def type_a_rating(qtbot: Any, window: MainWindow) -> None:
    """Enter on the selected interview, then "5" where the cursor is, as a judge would."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.scoring_dialog is not None and window.scoring_dialog.isVisible())
    dialog = window.scoring_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClicks(QApplication.focusWidget(), "5")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    dialog.close()
    qtbot.waitUntil(lambda: window.scoring_dialog is None)


def test_the_copy_for_the_chair_opens_read_only_and_points_to_the_own_file(
    qtbot: Any,
    english: None,
    main_window: MainWindow,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    main_window.open_event(small_event(), judge_id="J2")
    assert main_window.panel is not None and not main_window.panel.read_only
    own = main_window.panel.path
    main_window.panel.rate("W01", "REG", 4)
    copy = export_with_ctrl_e(qtbot, main_window, tmp_path / "usb", monkeypatch, message_boxes)
    before = state(copy)

    # File > Open (Ctrl+O) on the copy
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(copy), ""))
    )
    qtbot.keyClick(main_window.table, Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: main_window.panel is not None and main_window.panel.path == copy)
    assert main_window.panel is not None and main_window.panel.read_only
    bar = main_window.header.read_only_bar
    assert bar.isVisible()
    assert "outside your data folder" in bar.text.text() and "read-only" in bar.text.text()
    assert str(own) in bar.text.text()
    assert bar.open_own_button.isVisible() and not bar.continue_button.isVisible()
    assert main_window.open_own_action.isEnabled()
    assert not main_window.continue_action.isEnabled()
    assert "read-only" in main_window.windowTitle()
    assert "Your panel file" not in main_window.header.file_line.text()

    type_a_rating(qtbot, main_window)
    main_window.close()
    assert state(copy) == before  # not a byte, not the mtime, not a scorecard
    assert not Path(f"{copy}-wal").exists() and not Path(f"{copy}-journal").exists()
    with PanelFile.open(own, read_only=True) as live:
        assert live.scorecard("W01").ratings == {"REG": 4.0}
    # the copy is not remembered as the file to reopen at the next start
    assert settings.get(RECENT_FILES)[0] == str(own.resolve())


def test_the_command_line_path_to_a_copy_opens_read_only_and_the_button_opens_the_own_file(
    qtbot: Any,
    indonesian: None,
    main_window: MainWindow,
    settings: Settings,
    tmp_path: Path,
    message_boxes: Any,
) -> None:
    own = PanelFile.create(paths.panels_dir() / "TEST25_J2.paritrana-panel", small_event(), "J2")
    own.rate("W02", "COV", 3)
    usb = tmp_path / "usb"
    usb.mkdir()
    copy = copies.export_copy(own, usb)
    own.close()
    before = state(copy)

    open_initial(main_window, settings, file=copy)  # paritrana-desktop /media/usb/COPY
    assert main_window.panel is not None and main_window.panel.read_only
    bar = main_window.header.read_only_bar
    assert bar.isVisible()
    assert "di luar folder data Anda" in bar.text.text()
    assert "hanya-baca" in bar.text.text()
    assert str(own.path) in bar.text.text()
    type_a_rating(qtbot, main_window)
    assert main_window.panel.scorecard("W02").ratings == {"COV": 3.0}

    qtbot.mouseClick(bar.open_own_button, Qt.MouseButton.LeftButton)
    assert main_window.panel is not None and main_window.panel.path == own.path
    assert not main_window.panel.read_only
    assert not bar.isVisible()
    assert not main_window.open_own_action.isEnabled()
    main_window.close()
    assert state(copy) == before


def test_continue_scoring_from_a_copy_on_a_new_laptop(
    qtbot: Any,
    english: None,
    main_window: MainWindow,
    settings: Settings,
    tmp_path: Path,
    message_boxes: Any,
) -> None:
    old_laptop = tmp_path / "old-laptop"
    old_laptop.mkdir()
    with PanelFile.create(old_laptop / "TEST25_J2.paritrana-panel", small_event(), "J2") as old:
        old.rate("W01", "REG", 4)
        old.set_general_note("W01", "Bupati hadir")
        usb = tmp_path / "usb"
        usb.mkdir()
        copy = copies.export_copy(old, usb)
    before = state(copy)

    open_initial(main_window, settings, file=copy)
    bar = main_window.header.read_only_bar
    assert bar.isVisible() and "no panel file of yours" in bar.text.text()
    assert bar.continue_button.isVisible() and not bar.open_own_button.isVisible()

    # Cancelling the reason box changes nothing
    questions: list[str] = []

    def cancel(box: ReasonDialog) -> None:
        questions.append(box.question_label.text())
        qtbot.keyClick(box.edit, Qt.Key.Key_Escape)

    when_reason_box_opens(qtbot, cancel)
    qtbot.mouseClick(bar.continue_button, Qt.MouseButton.LeftButton)
    assert questions and str(copy) in questions[0] and "moved to this laptop" in questions[0]
    assert main_window.panel is not None and main_window.panel.path == copy
    assert list(paths.panels_dir().iterdir()) == []

    def give_reason(box: ReasonDialog) -> None:
        qtbot.keyClicks(box.edit, "Laptop lama rusak")
        qtbot.keyClick(box.edit, Qt.Key.Key_Return, CTRL)

    with PanelFile.open(copy, read_only=True) as opened:
        old_fingerprint = opened.key_fingerprint
    when_reason_box_opens(qtbot, give_reason)
    qtbot.mouseClick(bar.continue_button, Qt.MouseButton.LeftButton)
    panel = main_window.panel
    assert panel is not None and not panel.read_only
    assert panel.path == paths.panels_dir() / "TEST25_J2.paritrana-panel"
    assert panel.scorecard("W01").ratings == {"REG": 4.0}
    assert panel.scorecard("W01").general_note == "Bupati hadir"
    assert panel.verify().ok
    assert not bar.isVisible()
    done = message_boxes.texts("information")[-1]
    assert str(panel.path) in done
    # a new key, named in the message, and the change with the judge's reason in the chain
    new_fingerprint = panel.key_fingerprint
    assert new_fingerprint is not None and new_fingerprint != old_fingerprint
    assert new_fingerprint in done and "chair must accept" in done
    assert "Laptop lama rusak" in panel.path.read_bytes().decode("latin-1")
    selected = main_window.selected_interview_id()
    assert selected is not None
    type_a_rating(qtbot, main_window)
    assert main_window.panel is not None
    assert 5.0 in main_window.panel.scorecard(selected).ratings.values()  # scoring goes on here
    assert state(copy) == before

    # the copy again: now the judge has a file of their own, so no second take-over
    assert main_window.open_path(copy)
    assert bar.isVisible() and bar.open_own_button.isVisible()
    assert not bar.continue_button.isVisible()
    assert not main_window.continue_action.isEnabled()


def test_continuing_from_a_copy_is_refused_when_the_judge_has_a_file_already(
    tmp_path: Path,
) -> None:
    from paritrana_desktop.domain.errors import UserError
    from paritrana_desktop.workflows import session

    panels = tmp_path / "panels"
    panels.mkdir()
    own = PanelFile.create(panels / "TEST25_J2.paritrana-panel", small_event(), "J2")
    own.rate("W01", "REG", 2)
    copy = copies.export_copy(own, tmp_path)
    own.close()
    listing = sorted(panels.glob("*.paritrana-panel"))
    with PanelFile.open(copy, read_only=True) as opened, pytest.raises(UserError) as error:
        session.continue_from_copy(opened, panels)
    assert "already have a panel file" in error.value.text("en")
    assert sorted(panels.glob("*.paritrana-panel")) == listing
    assert not session.in_folder(copy, panels)
    assert session.in_folder(own.path, panels)
