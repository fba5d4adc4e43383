"""The judge's main window, driven through keys and clicks as a judge would."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from paritrana_desktop.domain.event import Event
from paritrana_desktop.storage.event_file import write_event_file
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.ui import paths
from paritrana_desktop.ui.judge_dialog import JudgeChooser
from paritrana_desktop.ui.main_window import MainWindow
from paritrana_desktop.ui.schedule_model import Column
from paritrana_desktop.ui.settings import FILTER_CATEGORY, RECENT_FILES, Settings
from tests.factories import small_event

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def visible_participants(window: MainWindow) -> list[str]:
    proxy = window.proxy
    return [proxy.index(row, Column.PARTICIPANT).data() for row in range(proxy.rowCount())]


def shortcut(qtbot: Any, window: MainWindow, key: Qt.Key, modifier: Any = CTRL) -> None:
    """Press a window shortcut the way a judge does (the window must be active)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def choose_judge(qtbot: Any, window: MainWindow, downs: int) -> None:
    qtbot.waitUntil(lambda: window.judge_chooser is not None and window.judge_chooser.isVisible())
    chooser = window.judge_chooser
    assert isinstance(chooser, JudgeChooser)
    for _ in range(downs):  # from the first name, which is framed but not chosen
        qtbot.keyClick(chooser.table, Qt.Key.Key_Down)
    qtbot.keyClick(chooser.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel is not None)


def test_first_start_opens_the_demo_marked_demo_and_asks_who_you_are(
    qtbot: Any, indonesian: None, main_window: MainWindow, settings: Settings, data_dir: Path
) -> None:
    from paritrana_desktop.ui.app import open_initial

    open_initial(main_window, settings)
    qtbot.waitUntil(lambda: main_window.judge_chooser is not None)
    assert "(DEMO)" in main_window.header.title.text()  # the event is named while asking
    assert main_window.header.demo_banner.isVisible()
    choose_judge(qtbot, main_window, downs=2)  # the third judge on the roster

    panel = main_window.panel
    assert panel is not None and panel.event.is_demo
    assert panel.judge.id == "J03"
    assert panel.path.parent == data_dir / "panels"
    assert "DEMO" in main_window.windowTitle()
    assert main_window.header.demo_banner.isVisible()
    assert "DEMO" in main_window.header.demo_banner.text()
    assert "kegiatan contoh" in main_window.header.demo_banner.text()
    assert panel.judge.name in main_window.header.judge_line.text()
    assert str(panel.path) in main_window.header.file_line.text()
    assert main_window.proxy.rowCount() == len(panel.event.interviews)
    # Indonesian by default, Qt's own buttons included
    assert main_window.menuBar().actions()[0].text() == "&Berkas"


def test_an_event_file_asks_who_you_are_once(
    qtbot: Any, settings: Settings, clock: Any, tmp_path: Path, data_dir: Path
) -> None:
    event_path = write_event_file(tmp_path / "TEST25.paritrana-kegiatan", small_event())
    first = MainWindow(settings, clock=clock)
    qtbot.addWidget(first)
    first.show()
    assert first.open_path(event_path)
    choose_judge(qtbot, first, downs=1)
    assert first.panel is not None and first.panel.judge.id == "J2"
    made = first.panel.path
    first.close()

    again = MainWindow(Settings(), clock=clock)
    qtbot.addWidget(again)
    again.show()
    assert again.open_path(event_path)
    assert again.judge_chooser is None  # not asked a second time
    assert again.panel is not None and again.panel.path == made
    assert again.panel.judge.id == "J2"


def test_a_changed_event_gets_a_new_panel_file_and_says_where_the_old_one_is(
    qtbot: Any, main_window: MainWindow, data_dir: Path, message_boxes: Any
) -> None:
    main_window.open_event(small_event(), judge_id="J2")
    assert main_window.panel is not None
    main_window.panel.rate("W01", "REG", 4)
    first = main_window.panel.path
    changed = small_event(interviews=2)  # the secretariat dropped an interview
    main_window.open_event(changed, judge_id="J2")
    assert main_window.panel is not None and main_window.panel.path != first
    assert main_window.panel.scorecards() == []
    (_kind, _title, text) = message_boxes.shown[-1]
    assert str(first) in text and str(main_window.panel.path) in text
    with PanelFile.open(first, read_only=True) as old:
        assert old.scorecard("W01").ratings == {"REG": 4.0}


def test_search_finds_an_interview_and_enter_opens_the_scoring_dialog(
    qtbot: Any, english: None, main_window: MainWindow, panel_file: PanelFile
) -> None:
    main_window.set_panel(panel_file)
    qtbot.keyClick(main_window.table, Qt.Key.Key_F, CTRL)
    assert main_window.filters.search.hasFocus()
    qtbot.keyClicks(main_window.filters.search, "paser")
    assert visible_participants(main_window) == ["Kabupaten Paser"]
    qtbot.keyClick(main_window.filters.search, Qt.Key.Key_Tab)
    assert main_window.table.hasFocus()
    assert main_window.selected_interview_id() == "W02"

    qtbot.keyClick(main_window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.scoring_dialog is not None)
    dialog = main_window.scoring_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.interview_id == "W02"  # type: ignore[attr-defined]

    # rate from the keyboard: the schedule follows each saved change at once
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClicks(QApplication.focusWidget(), "4")
    assert panel_file.scorecard("W02").ratings == {"REG": 4.0}
    assert main_window.proxy.index(0, Column.STATUS).data() == "Draft"
    assert main_window.proxy.index(0, Column.TOTAL).data() == "4.00 / 5"
    dialog.close()
    qtbot.waitUntil(lambda: main_window.scoring_dialog is None)
    assert main_window.focusWidget() is main_window.table
    assert main_window.selected_interview_id() == "W02"


def test_double_click_opens_the_scoring_dialog(
    qtbot: Any, main_window: MainWindow, panel_file: PanelFile
) -> None:
    main_window.set_panel(panel_file)
    index = main_window.proxy.index(2, Column.PARTICIPANT)
    rect = main_window.table.visualRect(index)
    viewport = main_window.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: main_window.scoring_dialog is not None)
    assert main_window.scoring_dialog.interview_id == "W03"  # type: ignore[union-attr]
    main_window.scoring_dialog.close()  # type: ignore[union-attr]


def test_progress_text_and_totals_in_indonesian(
    qtbot: Any, indonesian: None, settings: Settings, clock: Any, panel_file: PanelFile
) -> None:
    for code, value in (("REG", 4), ("COV", 3), ("WAW", 4)):
        panel_file.rate("W01", code, value)
    panel_file.finalise("W01")
    panel_file.declare_conflict("W03", "Saya pernah bekerja di sana")
    window = MainWindow(settings, clock=clock)
    qtbot.addWidget(window)
    window.show()
    window.set_panel(panel_file)

    # 28 July is today on the clock: the day's progress
    assert window.filters.progress.text() == "Senin: 1 dari 3 final, 1 konflik kepentingan"
    total = window.proxy.index(0, Column.TOTAL).data()
    assert total == "3,60 / 5"  # (30*4 + 40*3 + 30*4) / 100 in the Indonesian locale
    assert window.proxy.index(0, Column.STATUS).data() == "Final"
    assert window.proxy.index(1, Column.STATUS).data() == "Belum dinilai"
    assert window.proxy.index(2, Column.STATUS).data() == "Konflik kepentingan"
    assert window.proxy.index(0, Column.TIME).data() == "08.00–08.45"

    # the day filter, by keyboard: Alt+H (Hari) then down to the second day
    window.filters.day.setFocus()
    qtbot.keyClick(window.filters.day, Qt.Key.Key_Down)
    qtbot.keyClick(window.filters.day, Qt.Key.Key_Down)
    assert window.filters.progress.text() == "Selasa: 0 dari 1 final"
    assert visible_participants(window) == ["PT Contoh"]


def test_a_search_keeps_the_selection_while_it_matches_else_takes_the_first_match(
    qtbot: Any, main_window: MainWindow, panel_file: PanelFile, clock: Any
) -> None:
    clock.now = dt.datetime(2025, 7, 28, 10, 10)  # W03, Kabupaten Kutai Timur
    main_window.set_panel(panel_file)
    assert main_window.selected_interview_id() == "W03"
    qtbot.keyClicks(main_window.filters.search, "kabupaten")
    assert main_window.selected_interview_id() == "W03"
    main_window.filters.search.clear()
    qtbot.keyClicks(main_window.filters.search, "a")  # every row matches "a"
    qtbot.keyClicks(main_window.filters.search, "s")  # "as": Paser only... and no other
    assert visible_participants(main_window) == ["Kabupaten Paser"]
    assert main_window.selected_interview_id() == "W02"
    qtbot.keyClick(main_window.filters.search, Qt.Key.Key_Backspace)
    assert main_window.selected_interview_id() == "W02"  # still visible: still selected


def test_filters_by_category_and_status(
    qtbot: Any, main_window: MainWindow, panel_file: PanelFile
) -> None:
    panel_file.rate("W02", "REG", 3)
    main_window.set_panel(panel_file)
    assert len(visible_participants(main_window)) == 4

    category = main_window.filters.category
    category.setFocus()
    qtbot.keyClick(category, Qt.Key.Key_Down)  # Pemerintah Kabupaten/Kota
    assert len(visible_participants(main_window)) == 3
    qtbot.keyClick(category, Qt.Key.Key_Down)  # Perusahaan Besar
    assert visible_participants(main_window) == ["PT Contoh"]
    qtbot.keyClick(category, Qt.Key.Key_Home)

    status = main_window.filters.status
    status.setCurrentIndex(status.findData("draft"))
    assert visible_participants(main_window) == ["Kabupaten Paser"]
    status.setCurrentIndex(status.findData("not_scored"))
    assert "Kabupaten Paser" not in visible_participants(main_window)

    # a scorecard that changes status leaves the filtered list at once
    panel_file.rate("W01", "REG", 2)
    main_window.model.refresh("W01")
    assert "Kabupaten Berau" not in visible_participants(main_window)

    qtbot.keyClick(main_window.table, Qt.Key.Key_F, CTRL | SHIFT)  # show all interviews
    assert len(visible_participants(main_window)) == 4
    assert main_window.table.hasFocus()


def test_the_interview_of_this_moment_is_highlighted_and_selected(
    qtbot: Any, main_window: MainWindow, panel_file: PanelFile, clock: Any
) -> None:
    clock.now = dt.datetime(2025, 7, 28, 9, 10)  # W02 runs 09.00-09.45
    main_window.set_panel(panel_file)
    assert main_window.selected_interview_id() == "W02"
    assert main_window.model.current_interview() == "W02"
    row = main_window.model.row_of("W02")
    brush = main_window.model.index(row, Column.ROOM).data(Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color().name() == "#ffec99"
    other = main_window.model.index(0, Column.ROOM).data(Qt.ItemDataRole.BackgroundRole)
    assert other is None

    # the clock moves on: the highlight follows, the selection stays with the judge
    clock.now = dt.datetime(2025, 7, 28, 10, 5)
    main_window.update_now()
    assert main_window.model.current_interview() == "W03"
    assert main_window.selected_interview_id() == "W02"
    qtbot.keyClick(main_window.table, Qt.Key.Key_T, CTRL)  # go to the current interview
    assert main_window.selected_interview_id() == "W03"

    # between slots nothing is highlighted; the next interview is selected on opening
    clock.now = dt.datetime(2025, 7, 28, 9, 50)
    main_window.update_now()
    assert main_window.model.current_interview() is None


def test_the_now_interview_is_shown_even_if_saved_filters_hide_it(
    qtbot: Any, settings: Settings, clock: Any, panel_file: PanelFile
) -> None:
    settings.set(FILTER_CATEGORY, "PB")  # only PT Contoh
    clock.now = dt.datetime(2025, 7, 28, 8, 15)
    window = MainWindow(settings, clock=clock)
    qtbot.addWidget(window)
    window.set_panel(panel_file)
    assert window.selected_interview_id() == "W01"
    assert window.filters.selected_category() == ""


def test_recent_files_and_reopening_keep_the_state(
    qtbot: Any, settings: Settings, clock: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.now = dt.datetime(2025, 8, 1, 12, 0)  # after the event: nothing to jump to
    panels = paths.panels_dir()  # the judge's own files: opened writable, remembered
    first = PanelFile.create(panels / "first.paritrana-panel", small_event("AAA25"), "J1")
    first.close()
    second = PanelFile.create(panels / "second.paritrana-panel", small_event("BBB25"), "J3")
    second.close()

    window = MainWindow(settings, clock=clock)
    qtbot.addWidget(window)
    window.show()
    for path in (first.path, second.path):
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *_a, p=path, **_k: (str(p), ""))
        )
        shortcut(qtbot, window, Qt.Key.Key_O)
        qtbot.waitUntil(lambda p=path: window.panel is not None and window.panel.path == p)

    window.recent_menu.aboutToShow.emit()
    names = [a.text() for a in window.recent_menu.actions()]
    assert names == ["&1 second.paritrana-panel", "&2 first.paritrana-panel"]
    window.recent_menu.actions()[1].trigger()
    assert window.panel is not None and window.panel.path == first.path

    # change the view, then close and start again
    window.filters.day.setCurrentIndex(window.filters.day.findData("2025-07-29"))
    window.table.setColumnWidth(Column.ROOM, 231)
    window.resize(700, 500)
    window.close()
    assert settings.get(RECENT_FILES)[0] == str(first.path)

    from paritrana_desktop.ui.app import open_initial

    again = MainWindow(Settings(), clock=clock)
    qtbot.addWidget(again)
    again.show()
    open_initial(again, again.settings)
    assert again.panel is not None and again.panel.path == first.path
    assert again.filters.selected_day() == dt.date(2025, 7, 29)
    assert visible_participants(again) == ["PT Contoh"]
    assert again.table.columnWidth(Column.ROOM) == 231
    assert again.height() == 500  # the offscreen screen is 800 px wide: the width is clamped


def test_export_for_the_chair_writes_a_checked_copy(
    qtbot: Any,
    main_window: MainWindow,
    panel_file: PanelFile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    panel_file.rate("W01", "REG", 5)
    panel_file.set_general_note("W01", "Bupati hadir langsung")
    main_window.set_panel(panel_file)
    usb = tmp_path / "usb"
    usb.mkdir()
    asked: list[str] = []

    def pick_folder(_parent: Any, _title: str, start: str, *_a: Any) -> str:
        asked.append(start)
        return str(usb)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(pick_folder))
    shortcut(qtbot, main_window, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: bool(message_boxes.texts("information")))
    assert main_window.export_task is None

    copies = list(usb.iterdir())
    assert len(copies) == 1 and copies[0].name.startswith("TEST25_J2_")
    assert message_boxes.texts("information")
    assert str(copies[0]) in message_boxes.texts("information")[0]
    with PanelFile.open(copies[0], read_only=True) as copy:
        assert copy.verify().ok
        assert copy.scorecard("W01").ratings == {"REG": 5.0}
        assert copy.scorecard("W01").general_note == "Bupati hadir langsung"

    # the folder is remembered for the next export
    shortcut(qtbot, main_window, Qt.Key.Key_E)
    assert asked[1] == str(usb)


def test_export_to_a_vanished_folder_says_so(
    qtbot: Any,
    english: None,
    main_window: MainWindow,
    panel_file: PanelFile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    main_window.set_panel(panel_file)
    gone = tmp_path / "pulled-out"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: str(gone)))
    main_window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(message_boxes.texts("warning")))
    assert "not there" in message_boxes.texts("warning")[0]
    assert main_window.panel is panel_file  # still open, still usable
    panel_file.rate("W01", "REG", 3)


LOCK_HOLDER = """
import sys
from paritrana_desktop.storage.panel_file import PanelFile
panel = PanelFile.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
panel.close()
"""


def test_a_file_open_in_another_copy_of_the_program_gets_a_clear_dialog(
    qtbot: Any,
    indonesian: None,
    main_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    path = paths.panels_dir() / "locked.paritrana-panel"
    PanelFile.create(path, small_event(), "J1").close()
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
        )
        shortcut(qtbot, main_window, Qt.Key.Key_O)
        assert main_window.panel is None
        assert len(message_boxes.shown) == 1
        _kind, title, text = message_boxes.shown[0]
        assert title == "Berkas sedang terbuka"
        assert "Traceback" not in text
        assert "sedang dibuka" in text or "dibuka" in text
        assert "jendela lain" in text  # what to do about it
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=20)
        holder.stdout.close()
    # once the other copy is closed, the file opens
    assert main_window.open_path(path)
    assert main_window.panel is not None


def test_a_foreign_file_gets_a_clear_dialog_and_the_open_file_stays(
    qtbot: Any,
    english: None,
    main_window: MainWindow,
    panel_file: PanelFile,
    tmp_path: Path,
    message_boxes: Any,
) -> None:
    main_window.set_panel(panel_file)
    foreign = tmp_path / "notes.paritrana-panel"
    foreign.write_text("not a database at all\n" * 20)
    assert not main_window.open_path(foreign)
    assert len(message_boxes.shown) == 1
    kind, title, text = message_boxes.shown[0]
    assert kind == "warning" and title == "Not a file this program can open"
    assert "notes.paritrana-panel" in text and "not a file made by Paritrana Desktop" in text
    assert main_window.panel is panel_file


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_in_a_slot_shows_the_crash_dialog_and_logs_it(
    qtbot: Any,
    main_window: MainWindow,
    panel_file: PanelFile,
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,  # the question about the draft is answered Yes
) -> None:
    import logging

    from paritrana_desktop.ui import paths
    from paritrana_desktop.ui.crash import CrashDialog, CrashHandler, setup_logging
    from paritrana_desktop.workflows import files as copies

    handler = setup_logging(paths.log_file())
    crash = CrashHandler(paths.log_file(), lambda: main_window)
    crash.install(qt_messages=False)
    try:
        main_window.set_panel(panel_file)
        panel_file.rate("W01", "REG", 4)

        def broken(*_args: Any, **_kwargs: Any) -> Path:
            raise RuntimeError("a bug in the export")

        monkeypatch.setattr(copies, "take_snapshot", broken)
        monkeypatch.setattr(
            QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: str(tmp_path))
        )
        shortcut(qtbot, main_window, Qt.Key.Key_E)
        qtbot.waitUntil(lambda: bool(crash.dialogs))
        dialog = crash.dialogs[0]
        assert isinstance(dialog, CrashDialog) and dialog.isVisible()
        details = dialog.details.toPlainText()
        assert "RuntimeError: a bug in the export" in details
        assert str(paths.log_file()) in dialog.message.text()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        assert "a bug in the export" in QApplication.clipboard().text()
        log_text = paths.log_file().read_text(encoding="utf-8")
        assert "RuntimeError: a bug in the export" in log_text
        assert "Traceback" in log_text
        qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not crash.dialogs)
        # the judge's work is all there
        assert main_window.panel is panel_file
        assert panel_file.scorecard("W01").ratings == {"REG": 4.0}
    finally:
        crash.uninstall()
        logging.getLogger("paritrana_desktop").removeHandler(handler)
        handler.close()


def test_choosing_english_is_saved_and_says_a_restart_is_needed(
    qtbot: Any,
    main_window: MainWindow,
    message_boxes: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from paritrana_desktop.ui.i18n import choose_language
    from paritrana_desktop.ui.settings import LANGUAGE

    main_window.language_actions["en"].trigger()
    assert main_window.language_actions["en"].isChecked()
    assert "next start" in message_boxes.texts("information")[0]
    saved = Settings()
    assert saved.get(LANGUAGE) == "en"
    monkeypatch.delenv("PARITRANA_LANG", raising=False)
    assert choose_language(None, saved) == "en"
    assert choose_language("id", saved) == "id"  # --lang wins for one session


def test_menus_have_accelerators_and_shortcuts(main_window: MainWindow) -> None:
    for menu_action in main_window.menuBar().actions():
        assert "&" in menu_action.text()
        menu = menu_action.menu()
        for action in menu.actions():  # type: ignore[union-attr]
            if action.isSeparator() or action.menu() is not None:
                continue
            assert "&" in action.text(), action.text()
    for action in (
        main_window.open_action,
        main_window.export_action,
        main_window.merge_action,
        main_window.score_action,
        main_window.now_action,
        main_window.find_action,
        main_window.clear_filters_action,
        main_window.quit_action,
        main_window.switch_judge_action,
    ):
        assert not action.shortcut().isEmpty(), action.text()
    shortcuts = [
        a.shortcut().toString() for a in main_window.actions() if not a.shortcut().isEmpty()
    ]
    assert len(shortcuts) == len(set(shortcuts))
    # a key means one thing in both windows: Ctrl+L locks the scores in the scoring window
    assert main_window.clear_filters_action.shortcut().toString() != "Ctrl+L"


def test_inputs_have_accessible_names_and_the_window_fits_1280x720(
    main_window: MainWindow, panel_file: PanelFile
) -> None:
    main_window.set_panel(panel_file)
    for widget in (
        main_window.filters.day,
        main_window.filters.category,
        main_window.filters.status,
        main_window.filters.search,
        main_window.table,
    ):
        assert widget.accessibleName()
    hint = main_window.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720
    main_window.resize(1280, 720)
    assert main_window.filters.sizeHint().width() <= main_window.centralWidget().width()


def test_switch_judge_asks_again_and_opens_the_other_judges_file(
    qtbot: Any, main_window: MainWindow, data_dir: Path
) -> None:
    event: Event = small_event()
    main_window.open_event(event, judge_id="J1")
    assert main_window.panel is not None and main_window.panel.judge.id == "J1"
    shortcut(qtbot, main_window, Qt.Key.Key_J, CTRL | Qt.KeyboardModifier.ShiftModifier)
    choose_judge(qtbot, main_window, downs=2)
    assert main_window.panel.judge.id == "J3"
    assert {p.name for p in (data_dir / "panels").iterdir()} >= {
        "TEST25_J1.paritrana-panel",
        "TEST25_J3.paritrana-panel",
    }


def test_merge_menu_entry_opens_the_merge_dialog(qtbot: Any, main_window: MainWindow) -> None:
    pytest.importorskip("paritrana_desktop.ui.merge_dialog")
    shortcut(qtbot, main_window, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: main_window.merge_dialog is not None)
    assert main_window.merge_dialog.isVisible()  # type: ignore[union-attr]
    main_window.merge_dialog.close()  # type: ignore[union-attr]


def test_the_schedule_model_passes_qt_model_tests(
    qtmodeltester: Any, panel_file: PanelFile, main_window: MainWindow
) -> None:
    panel_file.rate("W01", "REG", 4)
    main_window.set_panel(panel_file)
    qtmodeltester.check(main_window.model, force_py=True)
    main_window.model.set_current_interview("W02")
    main_window.model.refresh("W01")


def test_the_schedule_filter_passes_qt_model_tests(
    qtmodeltester: Any, panel_file: PanelFile, main_window: MainWindow
) -> None:
    main_window.set_panel(panel_file)
    main_window.filters.search.setText("kabupaten")
    qtmodeltester.check(main_window.proxy, force_py=True)
    main_window.filters.search.setText("")
    main_window.table.sortByColumn(Column.PARTICIPANT, Qt.SortOrder.DescendingOrder)


def test_the_judge_model_passes_qt_model_tests(qtmodeltester: Any) -> None:
    from paritrana_desktop.ui.judge_dialog import JudgeModel

    qtmodeltester.check(JudgeModel(small_event().judges), force_py=True)


def test_click_on_a_header_sorts_by_my_total(
    qtbot: Any, english: None, main_window: MainWindow, panel_file: PanelFile
) -> None:
    panel_file.rate("W02", "REG", 5)
    panel_file.rate("W01", "REG", 2)
    main_window.set_panel(panel_file)
    header = main_window.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.TOTAL) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    totals = [
        main_window.proxy.index(r, Column.TOTAL).data() for r in range(main_window.proxy.rowCount())
    ]
    assert totals == ["", "", "2.00 / 5", "5.00 / 5"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    totals = [
        main_window.proxy.index(r, Column.TOTAL).data() for r in range(main_window.proxy.rowCount())
    ]
    assert totals == ["5.00 / 5", "2.00 / 5", "", ""]


def test_enter_in_the_search_box_scores_the_match_and_down_goes_to_the_schedule(
    qtbot: Any, english: None, main_window: MainWindow, panel_file: PanelFile, clock: Any
) -> None:
    clock.now = dt.datetime(2025, 7, 28, 10, 10)  # W03 selected on opening
    main_window.set_panel(panel_file)
    qtbot.keyClick(main_window.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(main_window.filters.search, "paser")
    assert visible_participants(main_window) == ["Kabupaten Paser"]
    qtbot.keyClick(main_window.filters.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.scoring_dialog is not None)
    assert main_window.scoring_dialog.interview_id == "W02"  # type: ignore[union-attr]
    main_window.scoring_dialog.close()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: main_window.scoring_dialog is None)

    # several matches: Down goes into the schedule at the selected match, Down again moves on
    qtbot.keyClick(main_window.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(main_window.filters.search, "kabupaten")
    assert len(visible_participants(main_window)) == 3
    selected = main_window.selected_interview_id()
    qtbot.keyClick(main_window.filters.search, Qt.Key.Key_Down)
    assert main_window.table.hasFocus()
    assert main_window.selected_interview_id() == selected
    qtbot.keyClick(main_window.table, Qt.Key.Key_Down)
    assert main_window.selected_interview_id() != selected

    # Enter on no match opens nothing
    qtbot.keyClick(main_window.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(main_window.filters.search, "zzz")
    qtbot.keyClick(main_window.filters.search, Qt.Key.Key_Return)
    assert main_window.scoring_dialog is None
    assert "No interview matches" in main_window.statusBar().currentMessage()


def test_filters_are_restored_but_not_the_search_and_hidden_rows_are_announced(
    qtbot: Any, indonesian: None, settings: Settings, clock: Any
) -> None:
    clock.now = dt.datetime(2025, 8, 1, 12, 0)  # after the event: nothing to jump to
    path = paths.panels_dir() / "TEST25_J2.paritrana-panel"
    PanelFile.create(path, small_event(), "J2").close()
    first = MainWindow(settings, clock=clock)
    qtbot.addWidget(first)
    first.show()
    assert first.open_path(path)
    hint = first.filters.hidden_rows_hint
    assert not hint.isVisible()  # nothing hidden, nothing said
    first.filters.category.setFocus()
    qtbot.keyClick(first.filters.category, Qt.Key.Key_Down)  # Pemerintah Kabupaten/Kota
    qtbot.keyClick(first.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(first.filters.search, "Berau")
    assert visible_participants(first) == ["Kabupaten Berau"]
    assert hint.isVisible() and "1 dari 4 wawancara ditampilkan" in hint.text()
    first.close()

    again = MainWindow(Settings(), clock=clock)
    qtbot.addWidget(again)
    again.show()
    assert again.open_path(path)
    assert again.filters.selected_category() == "PEMKAB"  # the filter is remembered
    assert again.filters.search.text() == ""  # the search is not
    assert len(visible_participants(again)) == 3
    hint = again.filters.hidden_rows_hint
    assert hint.isVisible()
    assert "3 dari 4 wawancara ditampilkan" in hint.text() and "Ctrl+Shift+F" in hint.text()
    shortcut(qtbot, again, Qt.Key.Key_L)  # Ctrl+L no longer shows all: it is the lock key
    assert len(visible_participants(again)) == 3
    shortcut(qtbot, again, Qt.Key.Key_F, CTRL | SHIFT)  # show all
    assert len(visible_participants(again)) == 4
    assert not hint.isVisible()


def test_a_recent_file_without_a_name_is_named_by_its_path(
    qtbot: Any,
    indonesian: None,
    main_window: MainWindow,
    settings: Settings,
    message_boxes: Any,
) -> None:
    """Before: ``recent=["/"]`` said " tidak dibuka." with the name missing."""
    from paritrana_desktop.ui.app import open_initial

    monkey_recent = [Path("/")]
    settings.recent_files = lambda: monkey_recent  # type: ignore[method-assign]
    open_initial(main_window, settings)
    (text,) = message_boxes.texts("warning")
    first = text.splitlines()[0]
    assert first == "/ tidak dibuka."
    assert main_window.panel is None


def test_the_restart_notice_is_in_both_languages(
    qtbot: Any, indonesian: None, main_window: MainWindow, message_boxes: Any
) -> None:
    """Before: Indonesian only, though the judge had just asked for English."""
    main_window.language_actions["en"].trigger()
    (text,) = message_boxes.texts("information")
    english, indonesian_text = text.split("\n\n")
    assert english.startswith("The new language is used from the next start")
    assert indonesian_text.startswith("Bahasa baru dipakai mulai")
    assert message_boxes.shown[0][1] == "Language / Bahasa"


def test_who_are_you_chooses_nobody_until_the_judge_does(
    qtbot: Any, indonesian: None, main_window: MainWindow, settings: Settings, data_dir: Path
) -> None:
    """Before: the chair was preselected, so Enter on a first start made you the ketua."""
    from paritrana_desktop.ui.app import open_initial
    from paritrana_desktop.ui.judge_dialog import JudgeChooser

    open_initial(main_window, settings)
    qtbot.waitUntil(lambda: main_window.judge_chooser is not None)
    chooser = main_window.judge_chooser
    assert isinstance(chooser, JudgeChooser)
    qtbot.waitUntil(chooser.isVisible)
    assert chooser.selected_judge_id() is None
    assert not chooser.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    qtbot.keyClick(chooser.table, Qt.Key.Key_Return)
    qtbot.keyClick(chooser, Qt.Key.Key_Enter)
    assert chooser.isVisible() and main_window.panel is None
    assert not (data_dir / "panels").exists() or list((data_dir / "panels").iterdir()) == []
    qtbot.keyClick(chooser.table, Qt.Key.Key_Space)  # the framed first name
    assert chooser.selected_judge_id() == chooser.roster_event.judges[0].id
    qtbot.keyClick(chooser.table, Qt.Key.Key_Down)  # the second name, then Enter
    assert chooser.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    qtbot.keyClick(chooser.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.panel is not None)
    assert main_window.panel is not None
    assert main_window.panel.judge.id == main_window.panel.event.judges[1].id


def test_export_says_how_many_drafts_the_merge_leaves_out_before_writing(
    qtbot: Any,
    english: None,
    main_window: MainWindow,
    panel_file: PanelFile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    """Before: the copy was written without a word about drafts or an unlocked conflict."""
    panel_file.rate("W01", "REG", 5)  # a draft
    interviews = [i.id for i in panel_file.event.interviews]
    panel_file.declare_conflict(interviews[1], "Kerabat saya bekerja di sana")  # not locked
    main_window.set_panel(panel_file)
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: str(usb)))
    message_boxes.answer = QMessageBox.StandardButton.No
    shortcut(qtbot, main_window, Qt.Key.Key_E)
    (asked,) = message_boxes.texts("question")
    assert "1 scorecard still a draft" in asked
    assert "1 conflict of interest declared but not locked" in asked
    assert "leaves drafts out" in asked
    assert list(usb.iterdir()) == [] and main_window.export_task is None  # nothing written

    for code in ("REG", "COV", "WAW"):
        panel_file.rate("W01", code, 4)
    panel_file.finalise("W01")
    panel_file.finalise(interviews[1])
    message_boxes.shown.clear()
    shortcut(qtbot, main_window, Qt.Key.Key_E)  # nothing left out: not asked
    qtbot.waitUntil(lambda: bool(message_boxes.texts("information")))
    assert message_boxes.texts("question") == []
    assert len(list(usb.iterdir())) == 1
