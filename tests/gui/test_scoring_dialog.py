"""The scoring dialog, driven with keys and clicks on a real panel file in tmp_path."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from paritrana_desktop.domain.event import Event, Scale
from paritrana_desktop.domain.scorecard import Action
from paritrana_desktop.domain.text import Text
from paritrana_desktop.resources import resource
from paritrana_desktop.storage.errors import DiskFullError
from paritrana_desktop.storage.panel_file import EXTENSION, Clock, PanelFile, utc_now
from paritrana_desktop.ui.scoring_dialog import ScoringDialog
from paritrana_desktop.ui.scoring_reason import ReasonDialog
from tests.factories import FIVE_LEVELS, small_event

QM = resource("i18n", "scoring_id.qm")
TS = resource("i18n", "scoring_id.ts")
HALF_STEPS = Scale(0, 10, 0.5)
ZERO_TO_HUNDRED = Scale(0, 100, 1)
Answer = QMessageBox.StandardButton
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
# 14.05 on the judge's own clock (the machine's local time zone)
FOUR_PAST_TWO = dt.datetime(2025, 7, 28, 14, 5).astimezone()


# --- set-up ------------------------------------------------------------------------------
class FakeClock:
    """A wall clock for the panel file that moves only when told."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


@contextlib.contextmanager
def panel_file(
    tmp_path: Path, event: Event | None = None, clock: Clock = utc_now
) -> Iterator[PanelFile]:
    """A new panel file for judge J2; its dialogs are closed before it, as the main window does."""
    event = event or small_event()
    panel = PanelFile.create(tmp_path / f"anggota-dua{EXTENSION}", event, "J2", clock=clock)
    try:
        yield panel
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ScoringDialog) and widget.isVisible():
                widget.close()
    finally:
        panel.close()


@pytest.fixture
def panel(tmp_path: Path) -> Iterator[PanelFile]:
    with panel_file(tmp_path) as opened:
        yield opened


def open_dialog(qtbot: QtBot, panel: PanelFile, interview_id: str = "W01") -> ScoringDialog:
    dialog = ScoringDialog(panel, interview_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: _inside(dialog, QApplication.focusWidget()))
    return dialog


def _inside(dialog: QWidget, widget: QWidget | None) -> bool:
    return widget is not None and dialog.isAncestorOf(widget)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press where the keyboard focus is, as a person types."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def changes(panel: PanelFile) -> list[dict[str, object]]:
    return [e.payload for e in panel.audit_entries() if e.kind == "change"]


def reopen(panel: PanelFile) -> PanelFile:
    panel.close()
    return PanelFile.open(panel.path)


def when_reason_box_opens(qtbot: QtBot, answer: Callable[[ReasonDialog], None]) -> None:
    """Let ``answer`` use the keyboard in the next reason box, once it is open and has focus.

    The box runs its own event loop; a timer looks for it. A box ``answer`` leaves open, or
    one that never gets the keyboard, is cancelled, so a failing test does not hang.
    """
    tries = iter(range(500))

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, ReasonDialog) or not _inside(box, QApplication.focusWidget()):
            if next(tries, None) is not None:
                QTimer.singleShot(10, look)
            elif isinstance(box, ReasonDialog):
                box.reject()
            return
        try:
            answer(box)
        finally:
            if box.isVisible():
                box.reject()

    QTimer.singleShot(0, look)


def back_to(qtbot: QtBot, dialog: ScoringDialog) -> None:
    """The scoring window active again once a box on it closed (the window manager's job)."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: _inside(dialog, QApplication.focusWidget()))


def button_with_text(root: QWidget, text: str) -> QAbstractButton:
    found = [b for b in root.findChildren(QAbstractButton) if b.text() == text and b.isVisible()]
    assert len(found) == 1, [b.text() for b in root.findChildren(QAbstractButton)]
    return found[0]


# --- rating with the keyboard ------------------------------------------------------------
def test_rate_every_criterion_with_the_keyboard_only(
    qtbot: QtBot, panel: PanelFile, indonesian: None
) -> None:
    dialog = open_dialog(qtbot, panel)
    regulasi, cakupan, wawancara = dialog.cards
    assert focused() is regulasi.rating.edit  # the first unrated criterion

    with qtbot.waitSignal(dialog.scorecardChanged) as saved:
        type_text(qtbot, "4")  # one key on a 1–5 scale is the whole rating: saved at once
    assert saved.args == ["W01"]  # the main window refreshes this row
    assert panel.scorecard("W01").ratings == {"REG": 4.0}
    assert dialog.total_label.text() == "4,00"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is regulasi.note
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is cakupan.rating.edit
    type_text(qtbot, "3")
    press(qtbot, Qt.Key.Key_Return)  # Enter goes on to the next criterion's rating
    assert focused() is wawancara.rating.edit
    type_text(qtbot, "5")
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is dialog.general_note

    assert panel.scorecard("W01").ratings == {"REG": 4.0, "COV": 3.0, "WAW": 5.0}
    # 0.3 x 4 + 0.4 x 3 + 0.3 x 5 = 3.9, shown the Indonesian way
    assert dialog.total_label.text() == "3,90"
    assert dialog.total_detail.text() == "dari 5 (78,0%)"
    assert dialog.completeness.text() == "Semua 3 kriteria sudah dinilai"
    assert [b.isChecked() for b in cakupan.rating.buttons] == [False, False, True, False, False]

    # changing a rating: one key again, wherever the cursor is in the field
    wawancara.rating.edit.setFocus()
    wawancara.rating.edit.end(False)
    type_text(qtbot, "1")
    assert panel.scorecard("W01").ratings["WAW"] == 1.0
    assert dialog.total_label.text() == "2,70"


def test_a_rating_can_also_be_clicked_and_cleared(qtbot: QtBot, panel: PanelFile) -> None:
    dialog = open_dialog(qtbot, panel)
    card = dialog.cards[1]
    before = focused()
    qtbot.mouseClick(card.rating.buttons[3], Qt.MouseButton.LeftButton)
    assert panel.scorecard("W01").ratings == {"COV": 4.0}
    assert card.rating.edit.text() == "4"
    assert focused() is before  # the level buttons never take the cursor away

    qtbot.mouseClick(card.rating.clear_button, Qt.MouseButton.LeftButton)
    assert panel.scorecard("W01").ratings == {}
    assert card.rating.edit.text() == ""
    assert dialog.total_label.text() == "No rating yet (maximum 5)"

    # from the keyboard: empty the field and press Enter
    card.rating.edit.setFocus()
    type_text(qtbot, "2")
    assert panel.scorecard("W01").ratings == {"COV": 2.0}
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Return)
    assert panel.scorecard("W01").ratings == {}
    assert [c["value"] for c in changes(panel)] == [4.0, None, 2.0, None]


def test_decimals_with_a_comma_or_a_point(qtbot: QtBot, tmp_path: Path, indonesian: None) -> None:
    with panel_file(tmp_path, small_event(scale=HALF_STEPS)) as panel:
        dialog = open_dialog(qtbot, panel)
        type_text(qtbot, "8,5")
        assert panel.scorecard("W01").ratings == {}  # a longer scale waits for Enter or Tab
        press(qtbot, Qt.Key.Key_Return)
        assert panel.scorecard("W01").ratings == {"REG": 8.5}
        type_text(qtbot, "8.5")
        press(qtbot, Qt.Key.Key_Tab)
        assert panel.scorecard("W01").ratings == {"REG": 8.5, "COV": 8.5}
        # shown as Indonesian writes it, whichever way it was typed
        assert [c.rating.edit.text() for c in dialog.cards[:2]] == ["8,5", "8,5"]
        assert dialog.cards[0].rating.slider is not None  # 21 ratings: a slider, not buttons


def test_typed_values_off_the_scale_are_refused_with_the_reason(
    qtbot: QtBot, tmp_path: Path, indonesian: None
) -> None:
    with panel_file(tmp_path, small_event(scale=HALF_STEPS)) as panel:
        dialog = open_dialog(qtbot, panel)
        rating = dialog.cards[0].rating
        type_text(qtbot, "7")
        press(qtbot, Qt.Key.Key_Return)
        assert panel.scorecard("W01").ratings == {"REG": 7.0}
        saved = len(changes(panel))

        rating.edit.setFocus()
        rating.edit.selectAll()
        type_text(qtbot, "12")
        press(qtbot, Qt.Key.Key_Return)
        assert "di luar skala" in rating.error(), rating.error()
        assert "0 dan 10" in rating.error()
        assert rating.edit.text() == "7"  # the saved value is kept and shown
        assert focused() is rating.edit  # Enter did not move on: retype here

        type_text(qtbot, "8,25")
        press(qtbot, Qt.Key.Key_Tab)
        assert "tidak sesuai langkah" in rating.error(), rating.error()
        assert "Nilai 8,25" in rating.error() and "kelipatan 0,5" in rating.error()  # not 8.25
        assert rating.error_label.isVisible()

        rating.edit.setFocus()
        rating.edit.selectAll()
        type_text(qtbot, "delapan")
        press(qtbot, Qt.Key.Key_Return)
        assert "bukan angka" in rating.error()

        assert panel.scorecard("W01").ratings == {"REG": 7.0}
        assert len(changes(panel)) == saved  # nothing wrong was ever written

        rating.edit.selectAll()
        type_text(qtbot, "9,5")
        press(qtbot, Qt.Key.Key_Return)
        assert rating.error() == ""
        assert not rating.error_label.isVisible()
        assert panel.scorecard("W01").ratings == {"REG": 9.5}


def test_a_key_off_a_five_level_scale_is_refused_at_once(
    qtbot: QtBot, panel: PanelFile, english: None
) -> None:
    dialog = open_dialog(qtbot, panel)
    rating = dialog.cards[0].rating
    type_text(qtbot, "3")
    type_text(qtbot, "7")
    assert rating.error().startswith("7 is outside the scale")
    assert rating.edit.text() == "3"
    assert panel.scorecard("W01").ratings == {"REG": 3.0}


def test_a_hundred_point_scale_is_typed_and_slid(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    with panel_file(tmp_path, small_event(scale=ZERO_TO_HUNDRED)) as panel:
        dialog = open_dialog(qtbot, panel)
        type_text(qtbot, "85")
        press(qtbot, Qt.Key.Key_Return)
        assert panel.scorecard("W01").ratings == {"REG": 85.0}
        slider = dialog.cards[1].rating.slider
        assert slider is not None
        right_end = QPoint(slider.width() - 2, slider.height() // 2)
        qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=right_end)
        assert panel.scorecard("W01").ratings["COV"] == 100.0  # a click jumps to that rating
        assert dialog.cards[1].rating.edit.text() == "100"
        middle = QPoint(slider.width() // 2, slider.height() // 2)
        qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=middle)
        middling = panel.scorecard("W01").ratings["COV"]
        assert 40 <= middling <= 60
        assert dialog.cards[1].rating.edit.text() == f"{middling:g}"
        assert dialog.total_label.text() == f"{(85 * 30 + middling * 40) / 70:.2f}"


# --- notes -------------------------------------------------------------------------------
def test_notes_are_saved_when_typing_stops_and_when_leaving_the_field(
    qtbot: QtBot, panel: PanelFile
) -> None:
    dialog = open_dialog(qtbot, panel)
    dialog.general_note.setFocus()
    type_text(qtbot, "Bupati hadir sendiri")
    assert panel.scorecard("W01").general_note == ""  # not on every key press
    qtbot.waitUntil(lambda: panel.scorecard("W01").general_note == "Bupati hadir sendiri")
    assert len(changes(panel)) == 1

    dialog.cards[0].note.setFocus()
    type_text(qtbot, "Perda ada")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field saves it at once
    assert panel.scorecard("W01").criterion_notes == {"REG": "Perda ada"}
    assert focused() is dialog.cards[1].rating.edit


def test_closing_loses_nothing(qtbot: QtBot, panel: PanelFile) -> None:
    dialog = open_dialog(qtbot, panel)
    type_text(qtbot, "4")
    dialog.recommendation.setFocus()
    type_text(qtbot, "Layak ke tingkat nasional")
    dialog.cards[2].note.setFocus()  # leaves the recommendation: saved
    type_text(qtbot, "Presentasi singkat")
    dialog.cards[1].rating.edit.setFocus()
    type_text(qtbot, "")
    dialog.cards[1].rating.edit.setText("3")  # typed but neither Enter nor Tab yet
    press(qtbot, Qt.Key.Key_Escape)  # closes at once, before any timer fired
    assert not dialog.isVisible()

    panel = reopen(panel)
    card = panel.scorecard("W01")
    assert card.ratings == {"REG": 4.0, "COV": 3.0}
    assert card.recommendation == "Layak ke tingkat nasional"
    assert card.criterion_notes == {"WAW": "Presentasi singkat"}
    assert panel.verify().ok

    again = open_dialog(qtbot, panel)
    assert [c.rating.edit.text() for c in again.cards] == ["4", "3", ""]
    assert again.recommendation.toPlainText() == "Layak ke tingkat nasional"
    assert again.cards[2].note.text() == "Presentasi singkat"
    assert focused() is again.cards[2].rating.edit
    panel.close()


def test_notes_typed_are_saved_when_the_owner_closes_the_dialog(
    qtbot: QtBot, panel: PanelFile
) -> None:
    dialog = open_dialog(qtbot, panel)
    dialog.general_note.setFocus()
    type_text(qtbot, "Catatan terakhir")
    dialog.close()  # what the main window does when it closes or switches files
    assert panel.scorecard("W01").general_note == "Catatan terakhir"


def test_the_main_window_closing_saves_the_open_dialog(qtbot: QtBot, panel: PanelFile) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    dialog = ScoringDialog(panel, "W01", window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.general_note.setPlainText("Diketik sebelum jendela ditutup")
    window.close()
    assert panel.scorecard("W01").general_note == "Diketik sebelum jendela ditutup"


# --- undo and redo -----------------------------------------------------------------------
def test_undo_and_redo_save_inverse_changes(qtbot: QtBot, panel: PanelFile) -> None:
    dialog = open_dialog(qtbot, panel)
    rating = dialog.cards[0].rating
    type_text(qtbot, "4")
    rating.edit.selectAll()
    type_text(qtbot, "2")
    dialog.general_note.setFocus()
    type_text(qtbot, "Kurang data")
    rating.edit.setFocus()
    assert panel.scorecard("W01").general_note == "Kurang data"  # saved on leaving the note

    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert panel.scorecard("W01").general_note == ""
    assert dialog.general_note.toPlainText() == ""
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert panel.scorecard("W01").ratings == {"REG": 4.0}
    assert rating.edit.text() == "4"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert panel.scorecard("W01").ratings == {}
    assert not dialog.undo_button.isEnabled()
    press(qtbot, Qt.Key.Key_Z, CTRL)  # nothing left: no change
    assert dialog.total_label.text() == "No rating yet (maximum 5)"

    press(
        qtbot,
        Qt.Key.Key_Z,
        CTRL_SHIFT,
    )
    assert panel.scorecard("W01").ratings == {"REG": 4.0}
    press(qtbot, Qt.Key.Key_Y, CTRL)
    assert panel.scorecard("W01").ratings == {"REG": 2.0}
    qtbot.mouseClick(dialog.redo_button, Qt.MouseButton.LeftButton)
    assert panel.scorecard("W01").general_note == "Kurang data"
    assert not dialog.redo_button.isEnabled()

    # The audit log says what happened, in order: undo is a new change, never a deletion.
    # In a note, Ctrl+Z undoes the typing there; Alt+U (the button's letter) the saved change.
    dialog.general_note.setFocus()
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert panel.scorecard("W01").general_note == "Kurang data"
    press(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.scorecard("W01").general_note == "")
    assert dialog.general_note.toPlainText() == ""
    assert focused() is dialog.general_note

    assert [(c["action"], c["value"]) for c in changes(panel)] == [
        ("rate", 4.0),
        ("rate", 2.0),
        ("general_note", "Kurang data"),
        ("general_note", ""),  # undo
        ("rate", 4.0),  # undo
        ("rate", None),  # undo
        ("rate", 4.0),  # redo
        ("rate", 2.0),  # redo
        ("general_note", "Kurang data"),  # redo
        ("general_note", ""),  # undo with Alt+U
    ]
    assert panel.verify().ok


# --- finalise and unlock -----------------------------------------------------------------
def test_lock_needs_every_criterion_then_makes_the_card_read_only(
    qtbot: QtBot,
    panel: PanelFile,
    indonesian: None,
    message_boxes: Any,  # tests/gui/conftest.py: MessageBoxes
) -> None:
    dialog = open_dialog(qtbot, panel)
    type_text(qtbot, "4")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "3")

    saved_status = dialog.status_label.text()
    assert saved_status.startswith("Tersimpan")
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert message_boxes.texts("question") == []  # refused before asking anything
    assert dialog.problem_bar.isVisible()
    assert dialog.status_label.text() == saved_status  # not "Belum tersimpan": all is saved
    assert "Belum semua kriteria dinilai: Wawancara" in dialog.problem_label.text()
    assert dialog.cards[2].rating.error() == "Belum dinilai"
    assert focused() is dialog.cards[2].rating.edit
    assert not panel.scorecard("W01").is_final

    type_text(qtbot, "5")
    assert not dialog.problem_bar.isVisible()
    qtbot.mouseClick(button_with_text(dialog, "&Kunci penilaian"), Qt.MouseButton.LeftButton)
    (asked,) = message_boxes.texts("question")  # answered Yes
    assert "Kabupaten Berau" in asked
    assert panel.scorecard("W01").is_final
    assert dialog.status_badge.text() == "Final"
    assert dialog.banner.isVisible() and dialog.banner.text().startswith("FINAL")
    assert all(not c.rating.isEnabled() for c in dialog.cards)
    assert dialog.general_note.isReadOnly() and dialog.cards[0].note.isReadOnly()
    assert not dialog.undo_button.isEnabled()
    assert button_with_text(dialog, "&Buka kunci…").isVisible()
    # the hint about typing ratings is gone: a locked scorecard says how to unlock it
    assert dialog.keys_hint.text() == (
        "Terkunci: nilai dapat dibaca, tidak dapat diubah · Ctrl+Shift+L: buka kunci"
    )

    before = len(changes(panel))
    press(qtbot, Qt.Key.Key_Z, CTRL)
    type_text(qtbot, "1")
    assert len(changes(panel)) == before
    assert panel.scorecard("W01").ratings == {"REG": 4.0, "COV": 3.0, "WAW": 5.0}


def test_unlock_asks_for_a_reason_that_goes_into_the_audit_log(
    qtbot: QtBot, panel: PanelFile, indonesian: None
) -> None:
    for code, value in (("REG", 4), ("COV", 4), ("WAW", 4)):
        panel.rate("W01", code, value)
    panel.finalise("W01")
    seen: list[str] = []

    def answer(box: ReasonDialog) -> None:
        seen.append(box.windowTitle())
        assert focused() is box.edit
        type_text(qtbot, "   ")
        press(qtbot, Qt.Key.Key_Return, CTRL)  # a blank reason is not taken
        assert box.isVisible() and box.error_label.isVisible()
        assert box.error_label.text() == "Alasan wajib diisi."
        assert focused() is box.edit
        box.edit.clear()
        type_text(qtbot, "Salah ketik nilai cakupan")
        assert not box.error_label.isVisible()
        press(qtbot, Qt.Key.Key_Return, CTRL)

    when_reason_box_opens(qtbot, answer)
    dialog = open_dialog(qtbot, panel)
    assert dialog.status_badge.text() == "Final"
    press(qtbot, Qt.Key.Key_L, CTRL_SHIFT)

    assert seen == ["Buka kunci"]
    assert not panel.scorecard("W01").is_final
    last = changes(panel)[-1]
    assert last["action"] == Action.UNLOCK.value
    assert last["reason"] == "Salah ketik nilai cakupan"
    assert all(c.rating.isEnabled() for c in dialog.cards)
    assert not dialog.banner.isVisible()
    assert dialog.status_badge.text() == "Draf"

    back_to(qtbot, dialog)
    dialog.cards[1].rating.edit.setFocus()
    dialog.cards[1].rating.edit.selectAll()
    type_text(qtbot, "2")
    assert panel.scorecard("W01").ratings["COV"] == 2.0


def test_the_reason_box_works_with_the_keyboard_alone(
    qtbot: QtBot, panel: PanelFile, english: None
) -> None:
    """Enter is a new line, Tab and Shift+Tab move between the text and the buttons."""
    for code in ("REG", "COV", "WAW"):
        panel.rate("W01", code, 3)
    panel.finalise("W01")

    def answer(box: ReasonDialog) -> None:
        assert box.keys_hint.isVisible() and "Ctrl+Enter: OK" in box.keys_hint.text()
        type_text(qtbot, "Salah ketik")
        press(qtbot, Qt.Key.Key_Return)  # a reason may have lines
        type_text(qtbot, "nilai cakupan")
        press(qtbot, Qt.Key.Key_Tab)  # to the buttons, not a tab character
        assert focused() in box.buttons.buttons()
        assert "\t" not in box.edit.toPlainText()
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert focused() is box.edit
        assert box.edit.toPlainText() == "Salah ketik\nnilai cakupan"
        # Ctrl with the keypad's Enter key saves too
        press(qtbot, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)

    when_reason_box_opens(qtbot, answer)
    dialog = open_dialog(qtbot, panel)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not panel.scorecard("W01").is_final
    assert changes(panel)[-1]["reason"] == "Salah ketik\nnilai cakupan"


def test_tab_then_enter_on_ok_saves_the_reason(
    qtbot: QtBot, panel: PanelFile, english: None
) -> None:
    def answer(box: ReasonDialog) -> None:
        type_text(qtbot, "Kerabat saya bekerja di sana")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is box.ok_button
        press(qtbot, Qt.Key.Key_Return)

    when_reason_box_opens(qtbot, answer)
    dialog = open_dialog(qtbot, panel)
    press(qtbot, Qt.Key.Key_K, CTRL_SHIFT)
    card = panel.scorecard("W01")
    assert card.conflict and card.conflict_reason == "Kerabat saya bekerja di sana"
    assert dialog.status_badge.text() == "Conflict of interest"


def test_cancelling_the_reason_unlocks_nothing(qtbot: QtBot, panel: PanelFile) -> None:
    for code in ("REG", "COV", "WAW"):
        panel.rate("W01", code, 3)
    panel.finalise("W01")

    def answer(_box: ReasonDialog) -> None:
        type_text(qtbot, "alasan")
        press(qtbot, Qt.Key.Key_Escape)

    when_reason_box_opens(qtbot, answer)
    dialog = open_dialog(qtbot, panel)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert panel.scorecard("W01").is_final


# --- conflict of interest ----------------------------------------------------------------
def test_a_conflict_of_interest_turns_ratings_off(
    qtbot: QtBot, panel: PanelFile, indonesian: None
) -> None:
    reasons = iter(["Saya pernah bekerja di Pemkab Berau.", "Salah pilih peserta"])

    def answer(_box: ReasonDialog) -> None:
        type_text(qtbot, next(reasons))
        press(qtbot, Qt.Key.Key_Return, CTRL)

    dialog = open_dialog(qtbot, panel)
    type_text(qtbot, "4")
    assert dialog.total_label.text() == "4,00"

    when_reason_box_opens(qtbot, answer)
    qtbot.mouseClick(dialog.conflict_button, Qt.MouseButton.LeftButton)
    card = panel.scorecard("W01")
    assert card.conflict and card.conflict_reason == "Saya pernah bekerja di Pemkab Berau."
    assert all(not c.rating.isEnabled() for c in dialog.cards)
    assert dialog.banner.isVisible()
    assert "(Saya pernah bekerja di Pemkab Berau)." in dialog.banner.text()  # not "Berau.)."
    assert "Saya pernah bekerja di Pemkab Berau" in dialog.banner.text()
    assert "tidak dihitung dalam rata-rata mana pun" in dialog.banner.text()
    assert dialog.total_label.text() == "Tidak dihitung (konflik kepentingan)"
    assert not dialog.total_detail.isVisible() and not dialog.completeness.isVisible()
    assert dialog.status_badge.text() == "Konflik kepentingan"
    assert dialog.conflict_button.text() == "&Cabut konflik…"
    assert dialog.keys_hint.text() == (
        "Nilai tidak dapat diisi (konflik kepentingan); catatan tetap dapat ditulis"
    )
    # notes stay open: the judge may still write why
    assert not dialog.general_note.isReadOnly()

    when_reason_box_opens(qtbot, answer)
    back_to(qtbot, dialog)
    press(qtbot, Qt.Key.Key_K, CTRL_SHIFT)
    assert not panel.scorecard("W01").conflict
    assert changes(panel)[-1]["reason"] == "Salah pilih peserta"
    assert all(c.rating.isEnabled() for c in dialog.cards)
    assert dialog.total_label.text() == "4,00"
    assert dialog.total_label.font().bold() and dialog.completeness.isVisible()
    assert dialog.keys_hint.text().startswith("Ketik nilai atau klik tingkatnya")


def test_a_conflict_of_interest_is_locked_as_it_is(
    qtbot: QtBot,
    panel: PanelFile,
    english: None,
    message_boxes: Any,  # tests/gui/conftest.py: MessageBoxes
) -> None:
    """The rubric allows locking a conflict (no ratings to check); the button says so."""
    panel.declare_conflict("W01", "Kerabat peserta")
    dialog = open_dialog(qtbot, panel)
    assert dialog.total_label.text() == "Not counted (conflict of interest)"
    assert not dialog.total_label.font().bold()
    assert dialog.lock_button.isEnabled()
    assert "conflict of interest and your notes become final" in dialog.lock_button.toolTip()

    press(qtbot, Qt.Key.Key_L, CTRL)
    (asked,) = message_boxes.texts("question")  # answered Yes
    assert asked.startswith("Lock your scorecard for Kabupaten Berau with its conflict")
    card = panel.scorecard("W01")
    assert card.is_final and card.conflict and card.ratings == {}
    assert not dialog.problem_bar.isVisible()
    assert dialog.keys_hint.text().startswith("Locked:")
    assert dialog.unlock_button.isVisible() and not dialog.conflict_button.isEnabled()


def test_a_read_only_file_changes_nothing(qtbot: QtBot, panel: PanelFile, english: None) -> None:
    panel.rate("W01", "REG", 4)
    panel.set_general_note("W01", "Catatan")
    path = panel.path
    panel.close()
    with PanelFile.open(path, read_only=True) as copy:
        dialog = ScoringDialog(copy, "W01")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert "read-only" in dialog.banner.text() and dialog.banner.isVisible()
        assert all(not c.rating.isEnabled() for c in dialog.cards)
        assert dialog.general_note.isReadOnly()
        assert not dialog.lock_button.isEnabled() and not dialog.conflict_button.isEnabled()
        assert not dialog.keys_hint.isVisible()  # nothing can be typed; the banner says why
        assert dialog.cards[0].rating.edit.text() == "4"
        dialog.close()
        assert not dialog.isVisible()


# --- status line, header, timer ----------------------------------------------------------
def test_the_status_line_says_when_it_was_saved(
    qtbot: QtBot, tmp_path: Path, indonesian: None
) -> None:
    clock = FakeClock(FOUR_PAST_TWO)
    with panel_file(tmp_path, clock=clock) as panel:
        dialog = open_dialog(qtbot, panel)
        assert dialog.status_label.text().startswith("Belum ada yang dicatat")
        type_text(qtbot, "4")
        assert dialog.status_label.text() == "Tersimpan 14.05"
        clock.now += dt.timedelta(minutes=3)
        dialog.general_note.setFocus()
        type_text(qtbot, "x")
        dialog.cards[1].rating.edit.setFocus()
        assert dialog.status_label.text() == "Tersimpan 14.08"
        press(qtbot, Qt.Key.Key_Z, CTRL)
        assert dialog.status_label.text() == "Dibatalkan · Tersimpan 14.08"


def test_the_header_names_the_interview(qtbot: QtBot, tmp_path: Path, indonesian: None) -> None:
    event = dataclasses.replace(small_event(), is_demo=True)
    with panel_file(tmp_path, event) as panel:
        dialog = open_dialog(qtbot, panel, "W02")
        assert dialog.participant_label.text() == "Kabupaten Paser"
        details = dialog.details_label.text().replace("\u00a0", " ")  # no-break before "·"
        assert details == (
            "Pemerintah Kabupaten/Kota · Senin, 28/07/2025 · 09.00–09.45 · Ruang Mahakam"
        )
        assert "Bupati, Kadisnaker" in dialog.people_label.text()
        assert dialog.demo_badge is not None and dialog.demo_badge.text() == "DEMO"
        assert dialog.windowTitle() == "Penilaian: Kabupaten Paser"


def test_the_timer_counts_down_and_flags_overtime_without_taking_the_cursor(
    qtbot: QtBot, panel: PanelFile, indonesian: None
) -> None:
    seconds = [1000.0]
    dialog = open_dialog(qtbot, panel)
    timer = dialog.timer
    timer.set_clock(lambda: seconds[0])
    assert timer.display.text() == "Sisa 45:00 dari 45:00"

    dialog.general_note.setFocus()
    type_text(qtbot, "Mulai ")
    press(qtbot, Qt.Key.Key_T, CTRL)
    assert timer.stopwatch.running
    seconds[0] += 61
    qtbot.waitUntil(lambda: timer.display.text() == "Sisa 43:59 dari 45:00")
    type_text(qtbot, "presentasi")  # typing goes on while it ticks
    assert focused() is dialog.general_note
    assert dialog.general_note.toPlainText() == "Mulai presentasi"

    seconds[0] += 45 * 60
    qtbot.waitUntil(lambda: timer.display.text() == "Lewat waktu +01:01")
    assert "#b3261e" in timer.display.styleSheet()
    assert focused() is dialog.general_note

    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)  # pause
    assert not timer.stopwatch.running
    seconds[0] += 600
    assert timer.display.text() == "Lewat waktu +01:01"
    qtbot.mouseClick(timer.reset_button, Qt.MouseButton.LeftButton)
    assert timer.display.text() == "Sisa 45:00 dari 45:00"
    assert timer.display.styleSheet() == ""
    assert focused() is dialog.general_note
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # "&Mulai timer"
    qtbot.waitUntil(lambda: timer.stopwatch.running)
    assert focused() is dialog.general_note


# --- saving fails ------------------------------------------------------------------------
def test_a_full_disk_keeps_what_was_typed_until_it_can_be_saved(
    qtbot: QtBot, panel: PanelFile, indonesian: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, panel)
    real_apply = panel.apply

    def disk_full(*_args: object) -> None:
        raise DiskFullError(Text("Disk penuh: berkas tidak dapat disimpan.", "The disk is full."))

    monkeypatch.setattr(panel, "apply", disk_full)
    type_text(qtbot, "4")
    rating = dialog.cards[0].rating
    assert rating.edit.text() == "4"  # kept, not replaced by the saved (empty) value
    assert rating.unsaved
    assert dialog.problem_bar.isVisible()
    assert dialog.problem_label.text().startswith("Disk penuh: berkas tidak dapat disimpan.")
    assert dialog.status_label.text() == "Belum tersimpan"

    dialog.general_note.setFocus()
    type_text(qtbot, "Catatan penting")
    dialog.cards[1].rating.edit.setFocus()
    assert dialog.general_note.toPlainText() == "Catatan penting"

    warned: list[str] = []

    def warn(
        _parent: QWidget, _title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        warned.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warn))
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert len(warned) == 1 and "Disk penuh" in warned[0]
    assert dialog.isVisible()  # the judge chose to stay: nothing dropped

    monkeypatch.setattr(panel, "apply", real_apply)  # space freed
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    card = panel.scorecard("W01")
    assert card.ratings == {"REG": 4.0}
    assert card.general_note == "Catatan penting"
    assert not dialog.problem_bar.isVisible()
    assert not rating.unsaved
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert len(warned) == 1


# --- language, keys, size ----------------------------------------------------------------
def test_the_translation_is_complete(tmp_path: Path) -> None:
    root = ET.parse(TS).getroot()
    messages = root.findall(".//message")
    assert len(messages) > 50
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") not in ("unfinished", "obsolete"), source
        assert (translation.text or "").strip(), source
        markers = sorted(re.findall(r"%\d", source))
        assert sorted(re.findall(r"%\d", translation.text or "")) == markers, source
    # the shipped .qm is the .ts compiled (run scripts/translations.py compile scoring)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), "compile the translation again"


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_action_has_its_own_mnemonic(
    qtbot: QtBot, panel: PanelFile, language: str, request: pytest.FixtureRequest
) -> None:
    request.getfixturevalue("indonesian" if language == "id" else "english")
    dialog = open_dialog(qtbot, panel)
    ratings = [c.rating for c in dialog.cards]
    letters = []
    for button in dialog.findChildren(QAbstractButton):
        if button.parent() in ratings:
            # the level buttons and "×" help the mouse; the keyboard types in the field
            assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
            assert button.accessibleName()
        elif button.isVisible():
            letters.append(_letter(button.text()))
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            letters.append(_letter(label.text()))
    assert len(letters) >= 9
    assert len(letters) == len(set(letters)), letters


def _letter(text: str) -> str:
    match = re.search(r"&([^&])", text)
    assert match, f"no mnemonic in {text!r}"
    return match.group(1).lower()


def test_inputs_have_accessible_names(qtbot: QtBot, panel: PanelFile, english: None) -> None:
    dialog = open_dialog(qtbot, panel)
    assert dialog.cards[0].rating.edit.accessibleName() == "Rating for Regulasi"
    assert dialog.cards[0].note.accessibleName() == "Note on Regulasi"
    assert dialog.general_note.accessibleName() == "General note"
    assert dialog.recommendation.accessibleName() == "Recommendation"
    assert dialog.cards[0].rating.buttons[3].accessibleName() == "Regulasi: rating 4 Baik"


def test_narrow_rows_show_numbers_and_name_the_chosen_level(
    qtbot: QtBot, panel: PanelFile, indonesian: None
) -> None:
    dialog = open_dialog(qtbot, panel)
    rating = dialog.cards[0].rating
    type_text(qtbot, "4")
    dialog.resize(1400, 680)  # room for every label, the widest in bold
    qtbot.waitUntil(lambda: not rating.compact)
    assert [b.text() for b in rating.buttons][3] == "4\nBaik"
    assert not rating.level_label.isVisible()
    dialog.resize(700, 600)  # no button text is ever cut: numbers only, the level beside
    qtbot.waitUntil(lambda: rating.compact)
    assert [b.text() for b in rating.buttons] == ["1", "2", "3", "4", "5"]
    assert rating.level_label.isVisible() and rating.level_label.text() == "Baik"
    for button in rating.buttons:
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())


def test_it_fits_a_1280_by_720_window(qtbot: QtBot, tmp_path: Path) -> None:
    many = small_event()
    with panel_file(tmp_path, many) as panel:
        dialog = open_dialog(qtbot, panel)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 680, hint
        dialog.resize(1280, 680)
        qtbot.wait(10)
        assert dialog.criteria_scroll.isVisible()


@pytest.mark.parametrize("language", ["id", "en"])
def test_screenshots_to_look_at(
    qtbot: QtBot,
    tmp_path: Path,
    language: str,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pictures of a draft, a final and a conflicted scorecard in tests/artifacts/ to look at."""
    request.getfixturevalue("indonesian" if language == "id" else "english")
    folder = Path(__file__).resolve().parents[1] / "artifacts"
    folder.mkdir(exist_ok=True)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a: Answer.Yes))
    event = dataclasses.replace(small_event(scale=FIVE_LEVELS), is_demo=True)
    with panel_file(tmp_path, event) as panel:
        panel.rate("W01", "REG", 4)
        panel.rate("W01", "COV", 3)
        panel.note("W01", "REG", "Perda No. 5/2023 ada; Perbup belum terbit")
        panel.set_general_note("W01", "Bupati hadir sendiri dan menjawab lugas.")
        dialog = open_dialog(qtbot, panel)
        dialog.resize(1280, 680)
        type_text(qtbot, "7")  # refused at once, with its reason
        qtbot.wait(50)  # let the layouts settle, as the event loop does between two frames
        assert dialog.grab().save(str(folder / f"scoring_dialog_draft_{language}.png"))
        dialog.cards[2].rating.edit.setFocus()
        type_text(qtbot, "5")
        press(qtbot, Qt.Key.Key_L, CTRL)
        qtbot.wait(50)
        assert dialog.grab().save(str(folder / f"scoring_dialog_final_{language}.png"))

        panel.declare_conflict("W02", "Saudara kandung saya pejabat di Kabupaten Paser")
        other = open_dialog(qtbot, panel, "W02")
        other.resize(1280, 680)
        qtbot.wait(50)
        assert other.grab().save(str(folder / f"scoring_dialog_conflict_{language}.png"))


def test_a_card_locked_today_says_at_what_time(
    qtbot: QtBot, panel: PanelFile, english: None
) -> None:
    """Before: "the scores were locked on 19:22"."""
    for code in ("REG", "COV", "WAW"):
        panel.rate("W01", code, 4)
    panel.finalise("W01")
    dialog = open_dialog(qtbot, panel)
    text = dialog.banner.text()
    assert text.startswith("FINAL: the scores were locked at "), text
    assert " on " not in text


def test_a_note_near_its_limit_shows_its_length(
    qtbot: QtBot, panel: PanelFile, indonesian: None
) -> None:
    """Before: nothing warned until a note of 20,001 characters was refused."""
    from paritrana_desktop.domain.scorecard import MAX_NOTE_LENGTH

    dialog = open_dialog(qtbot, panel)
    dialog.general_note.setFocus()
    type_text(qtbot, "Bupati hadir")
    assert not dialog.note_counter.isVisible()
    dialog.general_note.setPlainText("a" * (MAX_NOTE_LENGTH - 5))
    assert dialog.note_counter.isVisible()
    assert dialog.note_counter.text() == "Catatan: 19.995 dari 20.000 karakter"
    dialog.general_note.setPlainText("a" * 100)
    assert not dialog.note_counter.isVisible()


def test_a_level_label_is_never_cut_short(qtbot: QtBot, tmp_path: Path, indonesian: None) -> None:
    """Before: "Sangat kurang" was shown as "Sang…rang" at 150 % (Qt elides a tool button's
    text when the button is narrower than it)."""
    from paritrana_desktop.workflows.demo import demo_event

    event = demo_event()
    panel = PanelFile.create(tmp_path / f"J01{EXTENSION}", event, event.judges[0].id)
    try:
        dialog = open_dialog(qtbot, panel, event.interviews[0].id)
        dialog.resize(1400, dialog.height())
        qtbot.wait(20)
        labels = [b.text() for b in dialog.cards[0].rating.buttons]
        assert any("Sangat kurang" in text for text in labels)
        for width in (1400, 1100, 1000, 900, 800, 700):
            dialog.resize(width, dialog.height())  # wide to narrow: numbers only, or whole
            qtbot.wait(20)
            for card in dialog.cards:
                for button in card.rating.buttons:
                    assert button.width() >= button.sizeHint().width(), (width, button.text())
        dialog.close()
    finally:
        panel.close()
