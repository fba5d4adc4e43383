"""Help > About my file: the judge's file, panel ID, key fingerprint in four groups, whether the
key is on this laptop and the code of the file's state; the fingerprint copied with a click."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu

from paritrana_desktop.storage.keys import default_key_folder
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.ui import paths
from paritrana_desktop.ui.about_file import AboutFileDialog
from paritrana_desktop.ui.main_window import MainWindow
from paritrana_desktop.workflows.codes import panel_code
from paritrana_desktop.workflows.demo import write_demo
from paritrana_desktop.workflows.file_facts import about_file

SHOTS = Path("/tmp/paritrana-shots")


@pytest.fixture(scope="module")
def demo_panel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The demo's keys are kept where the program looks, as on the judge's own laptop.
    return write_demo(tmp_path_factory.mktemp("demo"), key_folder=default_key_folder())[1]


def open_from_help_menu(qtbot: Any, window: MainWindow) -> AboutFileDialog:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # &Help / Bantuan
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert menu is not None and menu.objectName() == "helpMenu"
    qtbot.keyClick(menu, Qt.Key.Key_F)  # About my &file
    qtbot.waitUntil(lambda: window.findChild(AboutFileDialog) is not None)
    dialog = window.findChild(AboutFileDialog)
    assert isinstance(dialog, AboutFileDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_about_my_file_shows_the_fingerprint_to_read_aloud_and_copies_it(
    qtbot: Any, english: None, main_window: MainWindow, demo_panel: Path
) -> None:
    own = paths.panels_dir() / demo_panel.name
    shutil.copyfile(demo_panel, own)
    assert main_window.open_path(own)
    panel = main_window.panel
    assert panel is not None
    fingerprint, code, panel_id = panel.key_fingerprint, panel_code(panel), panel.panel_id
    assert fingerprint is not None and re.fullmatch(r"(\w{4}-){3}\w{4}", fingerprint)

    dialog = open_from_help_menu(qtbot, main_window)
    assert dialog.fingerprint_label.text() == fingerprint
    assert dialog.fingerprint_label.font().pointSizeF() >= 18  # large enough to read aloud
    assert dialog.panel_label.text() == panel_id
    assert dialog.code_label.text() == code
    assert dialog.path_label.text() == str(own)
    assert dialog.key_here_label.text().startswith("Yes")

    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == fingerprint
    assert "copied" in dialog.copied_label.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "about-file.png"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_about_my_file_in_indonesian_from_bantuan(
    qtbot: Any, indonesian: None, main_window: MainWindow, demo_panel: Path
) -> None:
    own = paths.panels_dir() / demo_panel.name
    shutil.copyfile(demo_panel, own)
    assert main_window.open_path(own)
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    help_menu = main_window.findChild(QMenu, "helpMenu")
    assert help_menu is not None and help_menu.title() == "Ban&tuan"
    qtbot.keyClick(main_window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is help_menu)
    qtbot.keyClick(help_menu, Qt.Key.Key_B)  # Tentang &berkas saya
    qtbot.waitUntil(lambda: main_window.findChild(AboutFileDialog) is not None)
    dialog = main_window.findChild(AboutFileDialog)
    assert isinstance(dialog, AboutFileDialog)
    assert dialog.windowTitle() == "Tentang berkas saya"
    assert dialog.key_here_label.text().startswith("Ya")
    dialog.close()


def test_a_key_that_is_not_on_this_laptop_is_said_so(demo_panel: Path, tmp_path: Path) -> None:
    with PanelFile.open(demo_panel, read_only=True) as panel:
        here = about_file(panel)
        elsewhere = about_file(panel, key_folder=tmp_path / "no keys")
    assert here.key_here and not elsewhere.key_here
    assert here.fingerprint == elsewhere.fingerprint is not None
