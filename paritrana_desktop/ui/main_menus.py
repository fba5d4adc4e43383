"""The main window's parts that are built once: its actions (every menu entry, with its
shortcut), its menus, the schedule table and the page shown when no file is open."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain.errors import current_language
from ..window_state.messages import LANGUAGE_AFTER_RESTART, LANGUAGE_TITLE, in_both_languages
from . import paths
from .main_papers import make_score_sheet_action
from .schedule_model import Column
from .settings import LANGUAGE

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate

DEFAULT_COLUMN_WIDTHS = {
    Column.DAY: 130,
    Column.TIME: 105,
    Column.ROOM: 205,
    Column.CATEGORY: 235,
    Column.STATUS: 165,
    Column.TOTAL: 95,
}


def make_table(window: MainWindow) -> QTableView:
    table = QTableView(window)
    table.setObjectName("scheduleTable")
    table.setModel(window.proxy)
    table.setAccessibleName(translate("MainWindow", "Schedule of interviews"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(True)
    table.sortByColumn(Column.DAY, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    for column, width in DEFAULT_COLUMN_WIDTHS.items():
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(Column.PARTICIPANT, QHeaderView.ResizeMode.Stretch)
    table.activated.connect(window._row_activated)
    return table


def make_empty_page(window: MainWindow) -> QWidget:
    page = QWidget(window)
    page.setObjectName("emptyPage")
    text = QLabel(
        translate(
            "MainWindow",
            "No panel file is open. Open the event file from the secretariat, your own "
            "panel file, or try the demo event.",
        ),
        page,
    )
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    open_button = QPushButton(translate("MainWindow", "&Open a file..."), page)
    open_button.setObjectName("emptyOpenButton")
    demo_button = QPushButton(translate("MainWindow", "Try the &demo event"), page)
    demo_button.setObjectName("emptyDemoButton")
    open_button.clicked.connect(window.choose_and_open)
    demo_button.clicked.connect(lambda: window.open_demo())
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    buttons.addWidget(open_button)
    buttons.addWidget(demo_button)
    buttons.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    layout.addWidget(text)
    layout.addLayout(buttons)
    layout.addStretch(2)
    return page


def new_action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    name: str = "",
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if name:
        action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def make_actions(window: MainWindow) -> None:
    window.open_action = new_action(
        window,
        translate("MainWindow", "&Open file..."),
        window.choose_and_open,
        QKeySequence.StandardKey.Open,
        "openAction",
        translate("MainWindow", "Open an event file from the secretariat or your own panel file"),
    )
    window.demo_action = new_action(
        window,
        translate("MainWindow", "Open the &demo event"),
        lambda: window.open_demo(),
        "Ctrl+Shift+D",
        "demoAction",
    )
    window.switch_judge_action = new_action(
        window,
        translate("MainWindow", "S&witch judge..."),
        window.switch_judge,
        "Ctrl+Shift+J",
        "switchJudgeAction",
    )
    window.export_action = new_action(
        window,
        translate("MainWindow", "&Export file for the chair..."),
        window.export_for_chair,
        "Ctrl+E",
        "exportAction",
        translate(
            "MainWindow", "Write a checked copy of your panel file, for example to a USB stick"
        ),
    )
    window.open_own_action = new_action(
        window,
        translate("MainWindow", "Open my own &panel file"),
        window.open_own_panel,
        None,
        "openOwnAction",
        translate(
            "MainWindow", "Open your panel file in the data folder instead of this read-only copy"
        ),
    )
    window.continue_action = new_action(
        window,
        translate("MainWindow", "&Continue scoring from this copy..."),
        window.continue_from_copy,
        None,
        "continueFromCopyAction",
        translate("MainWindow", "After moving to this laptop: make this copy your panel file here"),
    )
    window.merge_action = new_action(
        window,
        translate("MainWindow", "&Merge panel files..."),
        window.open_merge,
        "Ctrl+M",
        "mergeAction",
    )
    window.data_folder_action = new_action(
        window,
        translate("MainWindow", "Show the data &folder"),
        lambda: show_data_folder(window),
        None,
        "dataFolderAction",
    )
    window.quit_action = new_action(
        window,
        translate("MainWindow", "&Quit"),
        window.close,
        QKeySequence.StandardKey.Quit,
        "quitAction",
    )
    window.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])


def make_schedule_actions(window: MainWindow) -> None:
    window.score_action = new_action(
        window,
        translate("MainWindow", "&Score the selected interview..."),
        lambda: window.open_scoring(),
        "Ctrl+Return",
        "scoreAction",
        translate("MainWindow", "Enter or a double-click in the schedule does the same"),
    )
    window.now_action = new_action(
        window,
        translate("MainWindow", "Go to the &current interview"),
        window.go_to_now,
        "Ctrl+T",
        "nowAction",
    )
    window.find_action = new_action(
        window,
        translate("MainWindow", "&Find..."),
        window.focus_search,
        QKeySequence.StandardKey.Find,
        "findAction",
    )
    window.clear_filters_action = new_action(
        window,
        translate("MainWindow", "Show &all interviews"),
        window.clear_filters,
        "Ctrl+Shift+F",  # not Ctrl+L: that locks the scores in the scoring window
        "clearFiltersAction",
    )
    window.schedule_focus_action = new_action(
        window,
        translate("MainWindow", "Go to the &schedule"),
        window.table.setFocus,
        "Ctrl+1",
        "scheduleFocusAction",
    )


def make_view_and_help_actions(window: MainWindow) -> None:
    window.language_group = QActionGroup(window)
    window.language_actions = {}
    for code, name in (("id", "Bahasa Indonesia"), ("en", "English")):
        action = QAction(name, window)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.triggered.connect(lambda _checked=False, c=code: choose_language(window, c))
        window.language_group.addAction(action)
        window.language_actions[code] = action

    window.help_action = new_action(
        window,
        translate("MainWindow", "&Guide and keys for this window"),
        window.show_help,
        QKeySequence.StandardKey.HelpContents,
        "helpAction",
        translate("MainWindow", "The judge's guide and the keys of this window, offline"),
    )
    window.about_action = new_action(
        window,
        translate("MainWindow", "&About Paritrana Desktop"),
        lambda: show_about(window),
        None,
        "aboutAction",
    )


def make_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    file_menu.setObjectName("fileMenu")
    file_menu.addAction(window.open_action)
    window.recent_menu = QMenu(translate("MainWindow", "Open &recent"), window)
    window.recent_menu.setObjectName("recentMenu")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    file_menu.addMenu(window.recent_menu)
    file_menu.addAction(window.demo_action)
    file_menu.addAction(window.switch_judge_action)
    file_menu.addAction(window.open_own_action)
    file_menu.addAction(window.continue_action)
    file_menu.addSeparator()
    file_menu.addAction(window.export_action)
    file_menu.addAction(make_score_sheet_action(window))
    file_menu.addAction(window.merge_action)
    file_menu.addSeparator()
    file_menu.addAction(window.data_folder_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)

    interview_menu = bar.addMenu(translate("MainWindow", "&Interview"))
    interview_menu.setObjectName("interviewMenu")
    interview_menu.addAction(window.score_action)
    interview_menu.addAction(window.now_action)

    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    view_menu.setObjectName("viewMenu")
    view_menu.addAction(window.find_action)
    view_menu.addAction(window.clear_filters_action)
    view_menu.addAction(window.schedule_focus_action)
    view_menu.addSeparator()
    language_menu = view_menu.addMenu(translate("MainWindow", "&Language"))
    language_menu.setObjectName("languageMenu")
    for action in window.language_actions.values():
        language_menu.addAction(action)

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    help_menu.setObjectName("helpMenu")
    help_menu.addAction(window.help_action)
    help_menu.addAction(make_about_file_action(window))
    help_menu.addAction(window.about_action)


def make_about_file_action(window: MainWindow) -> QAction:
    """Help > About my file: the file's key fingerprint and verification code (``about_file``)."""
    from .about_file import show_about_file

    return new_action(
        window,
        translate("MainWindow", "About my &file"),
        lambda: show_about_file(window),
        None,
        "aboutFileAction",
        translate("MainWindow", "Your file's key fingerprint, to read aloud to the chair"),
    )


def fill_recent_menu(window: MainWindow) -> None:
    if window._remember_timer.isActive():
        window._remember_opened()
    window.recent_menu.clear()
    recent = [p for p in window.settings.recent_files() if p.exists()]
    for number, path in enumerate(recent, start=1):
        action = window.recent_menu.addAction(f"&{number} {path.name}")
        action.setStatusTip(str(path))
        action.setToolTip(str(path))
        action.setData(str(path))
        action.triggered.connect(lambda _checked=False, p=path: window.open_path(p))
    if not recent:
        empty = window.recent_menu.addAction(translate("MainWindow", "(no recent files)"))
        empty.setEnabled(False)


def choose_language(window: MainWindow, code: str) -> None:
    window.settings.set(LANGUAGE, code)
    window.settings.sync()
    # The new language is loaded only at the next start: say it in both, the new one first.
    QMessageBox.information(
        window,
        f"{LANGUAGE_TITLE.pick(code)} / {LANGUAGE_TITLE.pick('en' if code == 'id' else 'id')}",
        in_both_languages(LANGUAGE_AFTER_RESTART, code),
    )


def show_data_folder(window: MainWindow) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir())))


def show_help(window: MainWindow) -> QDialog:
    """F1: the judge's guide and this window's keys (read from its actions)."""
    from ..resources import JUDGE_GUIDE
    from .help_window import show_help as open_help

    extra = [
        (
            translate("MainWindow", "Move through the schedule"),
            translate("MainWindow", "Arrow keys, Page Up/Down"),
        ),
        (
            translate("MainWindow", "Score the selected interview"),
            translate("MainWindow", "Enter or double-click"),
        ),
    ]
    shown = open_help(window, JUDGE_GUIDE, extra)
    window.help_window = shown
    return shown


def show_about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        translate("MainWindow", "About Paritrana Desktop"),
        translate(
            "MainWindow",
            "<b>Paritrana Desktop {version}</b><br>Offline scoring of the Paritrana Award "
            "interviews. Your data folder:<br>{folder}",
        ).format(version=__version__, folder=html.escape(str(paths.data_dir()))),
    )
