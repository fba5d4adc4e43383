"""The chair's merge window, driven as the chair would: add files, read the table, merge, open.

The panel files are made here with tests/factories.small_event and PanelFile; the merge itself
(paritrana_desktop.workflows.merge) runs for real, in the background thread pool.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QBrush, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.ui import tasks
from paritrana_desktop.ui.merge_dialog import MergeDialog
from paritrana_desktop.ui.merge_files_model import OUTCOME_ROLE, PATH_ROLE, MergeFilesModel
from paritrana_desktop.ui.merge_paths import default_workbook_name, fill
from tests.factories import small_event

COLUMNS = MergeFilesModel
CTRL = Qt.KeyboardModifier.ControlModifier
WAIT_MS = 20_000


# --- panel files the tests make themselves ------------------------------------------------------


def _write_panels(folder: Path) -> list[Path]:
    """Three judges on the small event: J1 all final, J2 one draft, J3 recused from W01."""
    event = small_event()
    paths = []
    for number, judge in enumerate(event.judges, start=1):
        path = folder / f"panel_{judge.id}.paritrana-panel"
        with PanelFile.create(path, event, judge.id) as panel:
            for interview in event.interviews:
                if judge.id == "J3" and interview.id == "W01":
                    panel.declare_conflict("W01", "Keluarga bupati")
                    panel.finalise("W01")
                    continue
                category = event.category_of(interview.id)
                for offset, criterion in enumerate(category.criteria):
                    panel.rate(interview.id, criterion.code, float(2 + (number + offset) % 4))
                if not (judge.id == "J2" and interview.id == "W02"):
                    panel.finalise(interview.id)
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def panel_originals(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _write_panels(tmp_path_factory.mktemp("panels"))


@pytest.fixture
def inbox(tmp_path: Path, panel_originals: list[Path]) -> Path:
    """A folder as the chair gets it from the USB sticks: three panel files and a broken one."""
    folder = tmp_path / "dari flashdisk"
    folder.mkdir()
    for original in panel_originals:
        shutil.copyfile(original, folder / original.name)
    (folder / "rusak.paritrana-panel").write_bytes(os.urandom(4096))
    return folder


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[MergeDialog]:
    window = MergeDialog()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.is_busy():
        window.cancel()
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT_MS)
    assert tasks.wait_for_tasks(WAIT_MS)


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return opened


def choose_files(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *args, **kwargs: ([str(p) for p in paths], "")),
    )


def choose_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(folder))
    )


def choose_output(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *args, **kwargs: (str(path), "Excel (*.xlsx)")),
    )


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def wait_idle(qtbot: QtBot, window: MergeDialog) -> None:
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=WAIT_MS)


def cell(window: MergeDialog, name: str, column: int, role: int = 0) -> object:
    model = window.model
    for row in range(model.rowCount()):
        if model.path(row).name == name:
            return model.data(model.index(row, column), role or Qt.ItemDataRole.DisplayRole)
    raise AssertionError(f"{name} is not in the table")


def rows(window: MergeDialog) -> dict[str, list[str]]:
    model = window.model
    return {
        model.path(row).name: [
            str(model.data(model.index(row, column))) for column in range(model.columnCount())
        ]
        for row in range(model.rowCount())
    }


# --- the whole way, as the chair goes it ---------------------------------------------------------


def test_from_adding_files_to_the_written_workbook(
    qtbot: QtBot,
    dialog: MergeDialog,
    inbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened_urls: list[QUrl],
    english: None,
) -> None:
    files = sorted(inbox.iterdir())
    choose_files(monkeypatch, files)
    click(qtbot, dialog.add_files_button)
    wait_idle(qtbot, dialog)

    # What was found, before anything is written.
    table = rows(dialog)
    assert set(table) == {p.name for p in files}
    j1 = table["panel_J1.paritrana-panel"]
    assert j1[COLUMNS.JUDGE] == "Ketua Uji"
    assert (j1[COLUMNS.FINAL], j1[COLUMNS.DRAFTS], j1[COLUMNS.RECUSALS]) == ("4", "0", "0")
    assert j1[COLUMNS.OUTCOME] == "used"
    j2 = table["panel_J2.paritrana-panel"]
    assert (j2[COLUMNS.FINAL], j2[COLUMNS.DRAFTS], j2[COLUMNS.RECUSALS]) == ("3", "1", "0")
    j3 = table["panel_J3.paritrana-panel"]
    assert (j3[COLUMNS.FINAL], j3[COLUMNS.DRAFTS], j3[COLUMNS.RECUSALS]) == ("3", "0", "1")
    broken = table["rusak.paritrana-panel"]
    assert broken[COLUMNS.OUTCOME] == "REFUSED"
    assert broken[COLUMNS.JUDGE] == "—"
    assert "not a file made by Paritrana Desktop" in broken[COLUMNS.REASONS]
    assert cell(dialog, "rusak.paritrana-panel", COLUMNS.OUTCOME, OUTCOME_ROLE) == "ditolak"
    background = cell(dialog, "rusak.paritrana-panel", COLUMNS.FILE, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush)
    assert cell(dialog, "panel_J1.paritrana-panel", COLUMNS.FILE, PATH_ROLE) == str(
        inbox / "panel_J1.paritrana-panel"
    )
    assert "Refused files: 1" in dialog.blocker_label.text()
    assert dialog.blocker_label.isVisible()
    decisions = dialog.report_view.toPlainText()
    assert "draft not counted" in decisions
    assert "conflict of interest" in decisions

    # The default workbook sits beside the inputs, named after the event and the day.
    suggested = Path(dialog.output_edit.text())
    assert suggested.parent == inbox
    assert suggested.name.startswith("REKAP_TEST25_") and suggested.suffix == ".xlsx"

    # The refused file blocks the ordinary merge; only the explicit button goes on without it.
    assert not dialog.merge_button.isEnabled()
    assert dialog.skip_button.isVisible() and dialog.skip_button.isEnabled()

    output = tmp_path / "hasil" / "rekap hari 1.xlsx"
    output.parent.mkdir()
    choose_output(monkeypatch, output)
    click(qtbot, dialog.choose_output_button)
    assert dialog.output_edit.text() == str(output)

    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS) as written:
        click(qtbot, dialog.skip_button)
    wait_idle(qtbot, dialog)

    report = written.args[0]
    assert report.output == output
    assert output.is_file()
    workbook = openpyxl.load_workbook(output, read_only=True)
    try:
        assert "Peringkat" in workbook.sheetnames
    finally:
        workbook.close()
    shown = dialog.report_view.toPlainText()
    assert "rusak.paritrana-panel" in shown  # the refused file is in the report
    assert str(output) in dialog.message_label.text()
    assert "Refused files left out: 1" in dialog.message_label.text()
    assert not dialog.blocker_label.isVisible()
    assert not list(output.parent.glob("*.part*")), "a temporary file was left behind"

    assert dialog.open_workbook_button.isVisible()
    click(qtbot, dialog.open_workbook_button)
    click(qtbot, dialog.open_folder_button)
    assert [Path(url.toLocalFile()) for url in opened_urls] == [output, output.parent]


def test_removing_the_refused_file_lets_the_ordinary_merge_run(
    qtbot: QtBot,
    dialog: MergeDialog,
    inbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,  # tests/gui/conftest.py: MessageBoxes
    english: None,
) -> None:
    choose_folder(monkeypatch, inbox)
    click(qtbot, dialog.add_folder_button)
    wait_idle(qtbot, dialog)
    assert dialog.model.rowCount() == 4
    assert not dialog.merge_button.isEnabled()

    # Select the refused row with the keyboard and press Delete.
    dialog.table.setFocus()
    broken_row = next(
        row
        for row in range(dialog.model.rowCount())
        if dialog.model.path(row).name == "rusak.paritrana-panel"
    )
    dialog.table.selectRow(broken_row)
    assert dialog.remove_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, dialog)

    assert dialog.model.rowCount() == 3
    assert "rusak.paritrana-panel" not in rows(dialog)
    assert not dialog.skip_button.isVisible()
    assert not dialog.blocker_label.isVisible()
    assert dialog.merge_button.isEnabled()

    # Counting drafts changes the decisions shown before anything is written.
    assert "draft not counted" in dialog.report_view.toPlainText()
    qtbot.keyClick(dialog.table, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    # A mnemonic "animates" the click: the box is ticked a moment later.
    qtbot.waitUntil(dialog.include_drafts_check.isChecked, timeout=WAIT_MS)
    wait_idle(qtbot, dialog)
    assert "draft counted" in dialog.report_view.toPlainText()

    output = tmp_path / "rekap.xlsx"
    dialog.output_edit.setFocus()
    dialog.output_edit.selectAll()
    qtbot.keyClicks(dialog.output_edit, str(tmp_path / "rekap"))  # .xlsx is added
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS):
        click(qtbot, dialog.merge_button)
    wait_idle(qtbot, dialog)
    assert output.is_file()
    assert dialog.written_workbook() == output

    # Merging again to the same name asks before replacing the workbook.
    message_boxes.answer = QMessageBox.StandardButton.No
    dialog.output_edit.setFocus()
    dialog.output_edit.selectAll()
    qtbot.keyClicks(dialog.output_edit, str(output))
    before = output.stat().st_mtime_ns
    click(qtbot, dialog.merge_button)
    asked = message_boxes.texts("question")
    assert len(asked) == 1 and "rekap.xlsx" in asked[0]
    assert not dialog.is_busy()
    assert output.stat().st_mtime_ns == before


def test_an_output_that_cannot_be_written_gets_a_sentence(
    qtbot: QtBot,
    dialog: MergeDialog,
    inbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,  # tests/gui/conftest.py: MessageBoxes
    english: None,
) -> None:
    (inbox / "rusak.paritrana-panel").unlink()
    choose_folder(monkeypatch, inbox)
    click(qtbot, dialog.add_folder_button)
    wait_idle(qtbot, dialog)
    assert dialog.merge_button.isEnabled()

    # A folder that is not there: said at once, nothing started.
    dialog.output_edit.setText(str(tmp_path / "tidak ada" / "rekap.xlsx"))
    click(qtbot, dialog.merge_button)
    assert not dialog.is_busy()
    assert "does not exist" in dialog.message_label.text()

    # A folder where the workbook should be: the merge's own sentence, after asking to replace.
    taken = tmp_path / "rekap.xlsx"
    taken.mkdir()
    dialog.output_edit.setText(str(taken))
    click(qtbot, dialog.merge_button)
    wait_idle(qtbot, dialog)
    assert len(message_boxes.texts("question")) == 1
    message = dialog.message_label.text()
    assert message.startswith("The workbook was not written.")
    assert "is a folder" in message
    assert dialog.written_workbook() is None
    assert not dialog.open_workbook_button.isVisible()
    assert dialog.merge_button.isEnabled(), "the chair can correct the path and try again"


def drop_on(qtbot: QtBot, target: QWidget, paths: list[Path]) -> bool:
    """Drag ``paths`` over ``target`` and drop them there, as the file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(target.width() / 2, target.height() / 2)
    args = (where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton)
    enter = QDragEnterEvent(*args, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(*args, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def test_files_and_folders_dropped_on_the_window_are_added(
    qtbot: QtBot, dialog: MergeDialog, inbox: Path, english: None
) -> None:
    # Dropped on the table: the window takes it.
    assert drop_on(qtbot, dialog.table.viewport(), [inbox])
    assert not drop_on(qtbot, dialog, [inbox]), "no drop while the files are being checked"
    wait_idle(qtbot, dialog)
    assert dialog.model.rowCount() == 4

    # The same file again is not listed twice; the window says so.
    assert drop_on(qtbot, dialog, [inbox / "panel_J1.paritrana-panel"])
    wait_idle(qtbot, dialog)
    assert dialog.model.rowCount() == 4
    assert "Already in the list: panel_J1.paritrana-panel" in dialog.message_label.text()


def test_an_empty_folder_gets_a_sentence(
    qtbot: QtBot,
    dialog: MergeDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    english: None,
) -> None:
    empty = tmp_path / "kosong"
    empty.mkdir()
    choose_folder(monkeypatch, empty)
    click(qtbot, dialog.add_folder_button)
    wait_idle(qtbot, dialog)
    assert "holds no panel files" in dialog.message_label.text()
    assert dialog.model.rowCount() == 0
    assert not dialog.merge_button.isEnabled()


def test_the_next_session_starts_in_the_last_folder_added_at_the_last_size(
    qtbot: QtBot,
    main_window: Any,
    clock: Any,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,
) -> None:
    from paritrana_desktop.ui.main_window import MainWindow
    from paritrana_desktop.ui.settings import Settings

    starts: list[str] = []

    def get_folder(_parent: object, _title: str, start: str, *_args: object) -> str:
        starts.append(start)
        return str(inbox)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(get_folder))

    def open_merge(window: Any) -> MergeDialog:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_M, CTRL)  # Ctrl+M
        qtbot.waitUntil(lambda: window.merge_dialog is not None)
        merge_window: MergeDialog = window.merge_dialog
        qtbot.waitExposed(merge_window)
        return merge_window

    first = open_merge(main_window)
    click(qtbot, first.add_folder_button)
    wait_idle(qtbot, first)
    assert starts == [str(Path.home())]  # nothing remembered yet
    first.resize(760, 500)  # within the offscreen screen (800 x 600)
    click(qtbot, first.close_button)
    qtbot.waitUntil(lambda: main_window.merge_dialog is None)
    main_window.close()

    # The next session: a new window on the settings file as it was left.
    window = MainWindow(Settings(), clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    again = open_merge(window)
    assert (again.width(), again.height()) == (760, 500)
    click(qtbot, again.add_folder_button)
    wait_idle(qtbot, again)
    assert starts[-1] == str(inbox)
    again.close()
    assert tasks.wait_for_tasks(WAIT_MS)


def test_slow_work_shows_progress_and_escape_cancels_it(
    qtbot: QtBot,
    dialog: MergeDialog,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
    english: None,
) -> None:
    # Keep the pool's threads busy so that the check waits, as on a slow USB stick.
    release = threading.Event()
    pool = tasks.thread_pool()
    for _ in range(pool.maxThreadCount()):
        pool.start(lambda: release.wait(WAIT_MS / 1000))
    try:
        choose_folder(monkeypatch, inbox)
        click(qtbot, dialog.add_folder_button)
        assert dialog.is_busy()
        assert dialog.cancel_button.isVisible()
        assert not dialog.add_files_button.isEnabled()
        assert not dialog.progress_bar.isVisible()  # not at once: only when it is slow
        qtbot.waitUntil(dialog.progress_bar.isVisible, timeout=WAIT_MS)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible(), "the window waits for the work to stop"
        assert dialog.progress_label.text() == "Stopping..."
    finally:
        release.set()
    wait_idle(qtbot, dialog)
    assert dialog.model.rowCount() == 0  # the check was cancelled: nothing was added
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def test_the_window_speaks_indonesian(
    qtbot: QtBot, indonesian: None, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MergeDialog()
    qtbot.addWidget(window)
    assert window.windowTitle() == "Gabungkan berkas panel"
    assert window.merge_button.text() == "&Gabungkan"
    choose_folder(monkeypatch, inbox)
    window.show()
    click(qtbot, window.add_folder_button)
    wait_idle(qtbot, window)
    table = rows(window)
    assert table["rusak.paritrana-panel"][COLUMNS.OUTCOME] == "DITOLAK"
    reasons = table["rusak.paritrana-panel"][COLUMNS.REASONS]
    assert "bukan berkas yang dibuat Paritrana Desktop" in reasons
    assert table["panel_J1.paritrana-panel"][COLUMNS.OUTCOME] == "dipakai"
    assert window.model.headerData(COLUMNS.RECUSALS, Qt.Orientation.Horizontal) == (
        "Konflik kepentingan"
    )
    assert "Berkas ditolak: 1" in window.blocker_label.text()
    assert window.skip_button.text() == "&Lanjut tanpa berkas yang ditolak"
    assert tasks.wait_for_tasks(WAIT_MS)


def test_every_column_title_is_whole_when_the_window_opens(
    qtbot: QtBot, indonesian: None, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MergeDialog()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    header = window.table.horizontalHeader()

    def cut() -> list[str]:
        return [
            str(window.model.headerData(column, Qt.Orientation.Horizontal))
            for column in range(window.model.columnCount())
            if header.sectionSize(column) < header.sectionSizeHint(column)
        ]

    assert cut() == []  # "Konflik kepentingan" was shown as "nflik kepentinga"
    assert sum(header.sectionSize(c) for c in range(header.count())) <= header.width()
    choose_folder(monkeypatch, inbox)
    click(qtbot, window.add_folder_button)
    wait_idle(qtbot, window)
    assert cut() == []


def mnemonics(window: QWidget) -> dict[str, str]:
    """Each Alt letter of the window's buttons and labels, and whose it is."""
    found: dict[str, str] = {}
    for widget in window.findChildren(QWidget):
        text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
        match = re.search(r"(?<!&)&([^&\s])", text)
        if match:
            letter = match.group(1).lower()
            assert letter not in found, f"Alt+{letter}: {found[letter]!r} and {text!r}"
            found[letter] = text
    return found


@pytest.mark.parametrize(
    ("language", "letter"), [("indonesian", Qt.Key.Key_L), ("english", Qt.Key.Key_G)]
)
def test_go_on_without_the_refused_files_has_its_own_alt_letter(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    language: str,
    letter: Qt.Key,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request.getfixturevalue(language)
    window = MergeDialog()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    choose_folder(monkeypatch, inbox)
    click(qtbot, window.add_folder_button)
    wait_idle(qtbot, window)
    letters = mnemonics(window)  # every Alt letter once, in either language
    assert letters[chr(letter).lower()] == window.skip_button.text()

    window.table.setFocus()
    with qtbot.waitSignal(window.merged, timeout=WAIT_MS):
        qtbot.keyClick(window.table, letter, Qt.KeyboardModifier.AltModifier)
    wait_idle(qtbot, window)
    assert window.written_workbook() is not None


def test_once_written_merging_again_waits_until_the_files_change(
    qtbot: QtBot,
    dialog: MergeDialog,
    inbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: Any,  # tests/gui/conftest.py: MessageBoxes
    english: None,
) -> None:
    message_boxes.answer = QMessageBox.StandardButton.Yes  # replace the workbook
    choose_folder(monkeypatch, inbox)
    click(qtbot, dialog.add_folder_button)
    wait_idle(qtbot, dialog)
    choose_output(monkeypatch, tmp_path / "rekap.xlsx")
    click(qtbot, dialog.choose_output_button)
    assert dialog.skip_button.isEnabled()

    dialog.skip_button.setFocus()
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS):
        qtbot.keyClick(dialog.skip_button, Qt.Key.Key_Space)
    wait_idle(qtbot, dialog)
    # The workbook is written: going on without the refused files, or merging, is done.
    assert not dialog.skip_button.isEnabled()
    assert not dialog.merge_button.isEnabled()
    assert dialog.open_workbook_button.isEnabled()
    assert QApplication.focusWidget() is dialog.open_workbook_button
    qtbot.keyClick(dialog.open_workbook_button, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(dialog.open_workbook_button, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert not dialog.is_busy()

    # The list changes (the refused file goes): the ordinary merge applies again.
    broken_row = next(
        row
        for row in range(dialog.model.rowCount())
        if dialog.model.path(row).name == "rusak.paritrana-panel"
    )
    dialog.table.setFocus()
    dialog.table.selectRow(broken_row)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    wait_idle(qtbot, dialog)
    assert dialog.merge_button.isEnabled()
    assert not dialog.skip_button.isVisible()

    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS):
        click(qtbot, dialog.merge_button)
    wait_idle(qtbot, dialog)
    assert len(message_boxes.texts("question")) == 1
    assert not dialog.merge_button.isEnabled()
    # Counting drafts makes other figures: that workbook may be written.
    qtbot.keyClick(dialog.table, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.include_drafts_check.isChecked, timeout=WAIT_MS)
    wait_idle(qtbot, dialog)
    assert dialog.merge_button.isEnabled()


def test_the_file_model_passes_qt_checks(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    dialog: MergeDialog,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_folder(monkeypatch, inbox)
    click(qtbot, dialog.add_folder_button)
    wait_idle(qtbot, dialog)
    assert dialog.model.rowCount() == 4
    qtmodeltester.check(dialog.model, force_py=True)
    empty = MergeFilesModel()
    qtmodeltester.check(empty, force_py=True)


def test_default_names_and_placeholders() -> None:
    import datetime as dt

    from paritrana_desktop.domain.merge_model import MergePlan

    empty = MergePlan(files=(), event=None, decisions=())
    assert default_workbook_name(empty, dt.date(2025, 7, 29)) == "REKAP_20250729.xlsx"
    assert fill("%1 dari %2", "%2", 9) == "%2 dari 9"


def test_with_synchronous_tasks_the_window_is_filled_at_once(
    qtbot: QtBot, inbox: Path, english: None
) -> None:
    """The switch the tests of other windows can use: no thread, same signals, same result."""
    with tasks.synchronous_tasks():
        window = MergeDialog(None, [inbox])
        qtbot.addWidget(window)
        assert not window.is_busy()
        assert window.model.rowCount() == 4
        assert window.skip_button.isEnabled()


# --- the chair's choices: which file stands for a judge, hand copies ------------------------


def _row_of(window: MergeDialog, name: str) -> int:
    return next(
        row for row in range(window.model.rowCount()) if window.model.path(row).name == name
    )


def test_two_unrelated_files_of_a_judge_wait_for_the_chairs_choice(
    indonesian: None,  # before the window, so that its Alt letters are Indonesian
    qtbot: QtBot,
    dialog: MergeDialog,
    inbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (inbox / "rusak.paritrana-panel").unlink()
    laptop = inbox / "J3 laptop.paritrana-panel"  # J3 again, made anew: another panel_id
    with PanelFile.create(laptop, small_event(), "J3") as panel:
        panel.declare_conflict("W02", "Kerabat peserta")
        panel.finalise("W02")
    choose_folder(monkeypatch, inbox)
    click(qtbot, dialog.add_folder_button)
    wait_idle(qtbot, dialog)
    dialog.output_edit.setText(str(tmp_path / "rekap.xlsx"))
    dialog._update_state()
    assert not dialog.merge_button.isEnabled()
    assert "dua berkas yang tidak berkaitan" in dialog.blocker_label.text()
    assert "J3 laptop.paritrana-panel (dibuat" in dialog.report_view.toPlainText()
    assert not dialog.use_file_button.isEnabled()

    # With the keyboard: the laptop file's row, then Alt+T.
    dialog.table.setFocus()
    dialog.table.selectRow(_row_of(dialog, laptop.name))
    assert dialog.use_file_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "Pilihan ketua" in dialog.report_view.toPlainText(), timeout=WAIT_MS)
    wait_idle(qtbot, dialog)
    assert rows(dialog)["panel_J3.paritrana-panel"][COLUMNS.OUTCOME] == (
        "tidak dipilih: berkas lain panelis ini dipakai"
    )
    assert dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS) as written:
        click(qtbot, dialog.merge_button)
    wait_idle(qtbot, dialog)
    assert any("berkas dipilih ketua" in line for line in written.args[0].lines)


def test_a_hand_copy_is_used_only_when_the_chair_ticks_the_box(
    indonesian: None,  # before the window, so that its Alt letters are Indonesian
    qtbot: QtBot,
    dialog: MergeDialog,
    inbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (inbox / "rusak.paritrana-panel").unlink()
    j2 = inbox / "panel_J2.paritrana-panel"
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    live = Path(shutil.copyfile(j2, laptop / j2.name))
    with PanelFile.open(live) as panel:  # the judge's program has it open ...
        panel.set_general_note("W02", "perubahan terakhir")
        shutil.copyfile(live, j2)  # ... and it is copied by hand, without its -wal
    assert j2.read_bytes()[18:20] == b"\x02\x02"
    choose_folder(monkeypatch, inbox)
    click(qtbot, dialog.add_folder_button)
    wait_idle(qtbot, dialog)
    dialog.output_edit.setText(str(tmp_path / "rekap.xlsx"))
    dialog._update_state()
    assert not dialog.merge_button.isEnabled()
    assert dialog.hand_copy_check.isVisible() and not dialog.hand_copy_check.isChecked()
    assert "Disalin manual tanpa berkas -wal" in rows(dialog)[j2.name][COLUMNS.REASONS]

    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.hand_copy_check.isChecked, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "salinan manual dipakai" in dialog.report_view.toPlainText())
    wait_idle(qtbot, dialog)
    assert dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.merged, timeout=WAIT_MS):
        click(qtbot, dialog.merge_button)
    wait_idle(qtbot, dialog)


def test_add_folder_takes_the_event_file_beside_the_panel_files_as_the_reference(
    indonesian: None,
    qtbot: QtBot,
    dialog: MergeDialog,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from paritrana_desktop.storage.event_file import write_event_file

    (inbox / "rusak.paritrana-panel").unlink()
    write_event_file(inbox / "TEST25.paritrana-kegiatan", small_event())
    filters: list[str] = []

    def open_names(*args: object, **kwargs: object) -> tuple[list[str], str]:
        filters.append(str(args[3]))
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_names))
    click(qtbot, dialog.add_files_button)
    assert filters and "*.paritrana-kegiatan" in filters[0].split(";;")[0]  # the default filter

    choose_folder(monkeypatch, inbox)
    click(qtbot, dialog.add_folder_button)
    wait_idle(qtbot, dialog)
    assert rows(dialog)["TEST25.paritrana-kegiatan"][COLUMNS.OUTCOME] == "acuan kegiatan"
    decisions = dialog.report_view.toPlainText()
    assert "dari berkas kegiatan TEST25.paritrana-kegiatan" in decisions
    assert f"dari berkas kegiatan TEST25.paritrana-kegiatan di folder {inbox}" in decisions
    suggested = Path(dialog.output_edit.text()).name
    assert re.fullmatch(r"REKAP_TEST25_\d{8}\.xlsx", suggested)
