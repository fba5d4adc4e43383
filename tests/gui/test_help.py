"""F1 opens the guide of the window it is pressed in, offline, with that window's keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication

from paritrana_desktop import resources
from paritrana_desktop.ui.help_window import HelpWindow, plain
from paritrana_desktop.ui.merge_dialog import MergeDialog
from paritrana_desktop.ui.scoring_dialog import ScoringDialog


@pytest.fixture
def guides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A docs folder with the judge's and the chair's guides and one image."""
    folder = tmp_path / "docs"
    (folder / "img").mkdir(parents=True)
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    assert image.save(str(folder / "img" / "jadwal.png"))
    (folder / resources.JUDGE_GUIDE).write_text(
        "# Panduan panelis\n\nJadwal wawancara:\n\n![Jadwal](img/jadwal.png)\n\n"
        "Ketua: lihat [panduan ketua](panduan-ketua.md).\n",
        encoding="utf-8",
    )
    (folder / resources.CHAIR_GUIDE).write_text(
        "# Panduan ketua\n\nMenggabungkan berkas panel.\n", encoding="utf-8"
    )
    monkeypatch.setattr(resources, "docs_dir", lambda: folder)
    return folder


def help_opened(qtbot: Any, window: Any) -> HelpWindow:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_window is not None and window.help_window.isVisible())
    help_window = window.help_window
    assert isinstance(help_window, HelpWindow)
    return help_window


def test_f1_in_the_main_window_opens_the_judges_guide_with_its_keys(
    qtbot: Any, indonesian: None, main_window: Any, panel_file: Any, guides: Path
) -> None:
    main_window.set_panel(panel_file)
    shown = help_opened(qtbot, main_window)
    assert shown.guide_path == guides / resources.JUDGE_GUIDE
    assert "Panduan panelis" in shown.guide_text()
    # the image is found beside the guide, from the bundled files
    image = shown.guide_view.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("img/jadwal.png")
    )
    assert image is not None
    keys = shown.keys_text()
    for action in (main_window.export_action, main_window.score_action, main_window.find_action):
        assert plain(action.text()) in keys
        assert action.shortcut().toString() in keys
    assert "Alt+H" in keys  # "&Hari:", the day filter, by its underlined letter
    assert "F1" in keys


def test_a_link_to_another_guide_is_followed_inside_the_help_window(
    qtbot: Any, main_window: Any, guides: Path
) -> None:
    shown = help_opened(qtbot, main_window)
    shown.guide_view.setSource(QUrl("panduan-ketua.md"))
    assert "Panduan ketua" in shown.guide_text()


def test_the_bantuan_menu_opens_the_same_help(
    qtbot: Any, indonesian: None, main_window: Any, guides: Path
) -> None:
    menus = {a.menu().objectName(): a.menu() for a in main_window.menuBar().actions()}
    help_menu = menus["helpMenu"]
    assert main_window.help_action in help_menu.actions()
    main_window.help_action.trigger()
    assert main_window.help_window.isVisible()


def test_f1_in_the_scoring_window_lists_its_own_keys(
    qtbot: Any, main_window: Any, panel_file: Any, guides: Path
) -> None:
    main_window.set_panel(panel_file)
    dialog = main_window.open_scoring()
    assert isinstance(dialog, ScoringDialog)
    qtbot.waitExposed(dialog)
    shown = help_opened(qtbot, dialog)
    assert "Panduan panelis" in shown.guide_text()
    keys = shown.keys_text()
    assert "Ctrl+L" in keys and "Ctrl+Shift+K" in keys and "Ctrl+Z" in keys
    assert plain(dialog.lock_button.text()) in keys  # the buttons by their Alt + letter
    assert plain(main_window.export_action.text()) not in keys  # not the main window's
    dialog.close()


def test_f1_in_the_merge_window_opens_the_chairs_guide(
    qtbot: Any, indonesian: None, settings: Any, guides: Path
) -> None:
    dialog = MergeDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = help_opened(qtbot, dialog)
    assert shown.guide_path == guides / resources.CHAIR_GUIDE
    assert "Panduan ketua" in shown.guide_text()
    keys = shown.keys_text()
    assert "Del" in keys  # remove from the list
    assert plain(dialog.merge_button.text()) in keys
    assert plain(dialog.merge_button.text()) == "Gabungkan"


def test_a_missing_guide_is_a_sentence_not_a_traceback(
    qtbot: Any, main_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources, "docs_dir", lambda: None)
    shown = help_opened(qtbot, main_window)
    assert shown.guide_path is None
    assert resources.JUDGE_GUIDE in shown.guide_text()
    assert "not in this copy" in shown.guide_text()
    assert "F1" in shown.keys_text()


def test_the_guides_are_found_in_a_checkout_or_a_wheel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site" / "paritrana_desktop"
    (package / "docs").mkdir(parents=True)
    (package / "docs" / resources.CHAIR_GUIDE).write_text("# Ketua\n", encoding="utf-8")
    monkeypatch.setattr(resources, "_PACKAGE", package)
    assert resources.guide(resources.CHAIR_GUIDE) == package / "docs" / resources.CHAIR_GUIDE
    assert resources.guide("panduan-tidak-ada.md") is None
    bundle = tmp_path / "bundle"
    (bundle / "docs").mkdir(parents=True)
    (bundle / "docs" / resources.JUDGE_GUIDE).write_text("# Panelis\n", encoding="utf-8")
    monkeypatch.setattr("sys._MEIPASS", str(bundle), raising=False)
    assert resources.guide(resources.JUDGE_GUIDE) == bundle / "docs" / resources.JUDGE_GUIDE
