"""The judge's main window: the schedule of interviews, and every action as a menu entry.

The window holds one open panel file at a time. It delegates: opening files to ``session``,
the table to ``schedule_model``, the copy for the chair to ``storage.copies``, scoring to the
scoring dialog, merging to the merge dialog.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain.errors import UserError, current_language
from ..domain.event import Event
from ..storage.database import FileKind
from ..storage.event_file import EXTENSION as EVENT_EXTENSION
from ..storage.event_file import read_event_file
from ..storage.panel_file import EXTENSION as PANEL_EXTENSION
from ..storage.panel_file import PanelFile
from ..window_state.main_state import MainState
from . import paths, session
from .card_state_view import state_key
from .errors import show_user_error
from .judge_dialog import JudgeChooser
from .schedule_model import (
    INTERVIEW_ID_ROLE,
    Column,
    ScheduleFilter,
    ScheduleModel,
    interview_at,
    next_interview,
)
from .settings import (
    EXPORT_FOLDER,
    FILTER_CATEGORY,
    FILTER_DAY,
    FILTER_STATUS,
    LANGUAGE,
    OPEN_FOLDER,
    SCHEDULE_HEADER,
    WINDOW_GEOMETRY,
    Settings,
)
from .tasks import Task
from .widgets import EventHeader, FilterBar
from .window_memory import WindowMemory

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
NOW_REFRESH_MS = 60_000
# Settings written on opening a file (recent files, event -> panel file) wait until the window
# is on screen: writing the INI file costs tens of milliseconds on a slow disk.
REMEMBER_DELAY_MS = 1500
DEFAULT_SIZE = (1280, 720)  # at most the screen's available area (window_memory)
DEFAULT_COLUMN_WIDTHS = {
    Column.DAY: 130,
    Column.TIME: 105,
    Column.ROOM: 205,
    Column.CATEGORY: 235,
    Column.STATUS: 165,
    Column.TOTAL: 95,
}


def local_now() -> dt.datetime:
    return dt.datetime.now()


def window_icon() -> QIcon:
    from ..resources import resource

    icon = QIcon()
    folder = resource("icons")
    for png in sorted(folder.glob("paritrana-*.png")) if folder.is_dir() else []:
        icon.addFile(str(png))
    return icon


class MainWindow(QMainWindow):
    """The schedule of the open panel file."""

    panelChanged = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock = local_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        self.clock = clock
        self.panel: PanelFile | None = None
        self.judge_chooser: JudgeChooser | None = None
        self.scoring_dialog: QDialog | None = None
        self.merge_dialog: QDialog | None = None
        self.help_window: QDialog | None = None
        self.export_task: Task | None = None
        self.own_panel_path: Path | None = None  # while a copy is open read-only
        self._busy = False
        self._restoring_filters = False

        icon = window_icon()
        if not icon.isNull():
            self.setWindowIcon(icon)

        self.model = ScheduleModel(self)
        self.proxy = ScheduleFilter(self)
        self.proxy.setSourceModel(self.model)

        self.header = EventHeader(self)
        self.filters = FilterBar(self)
        self.table = self._make_table()
        self.empty_page = self._make_empty_page()

        schedule_page = QWidget(self)
        schedule_layout = QVBoxLayout(schedule_page)
        schedule_layout.setContentsMargins(0, 0, 0, 0)
        schedule_layout.addWidget(self.filters)
        schedule_layout.addWidget(self.table, 1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty_page)
        self.pages.addWidget(schedule_page)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self._make_menus()
        self._connect_filters()
        bar = self.header.read_only_bar
        bar.open_own_button.clicked.connect(self.open_own_panel)
        bar.continue_button.clicked.connect(self.continue_from_copy)

        self.now_timer = QTimer(self)
        self.now_timer.setInterval(NOW_REFRESH_MS)
        self.now_timer.timeout.connect(self.update_now)
        self.now_timer.start()

        self._remember_timer = QTimer(self)
        self._remember_timer.setSingleShot(True)
        self._remember_timer.setInterval(REMEMBER_DELAY_MS)
        self._remember_timer.timeout.connect(self._remember_opened)
        self._opened_event: str | None = None

        self.memory = WindowMemory(self, settings, WINDOW_GEOMETRY, DEFAULT_SIZE)
        self.memory.restore()
        self._show_no_panel()

    # --- building ------------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("scheduleTable")
        table.setModel(self.proxy)
        table.setAccessibleName(self.tr("Schedule of interviews"))
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
        table.activated.connect(self._row_activated)
        return table

    def _make_empty_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("emptyPage")
        text = QLabel(
            self.tr(
                "No panel file is open. Open the event file from the secretariat, your own "
                "panel file, or try the demo event."
            ),
            page,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        open_button = QPushButton(self.tr("&Open a file..."), page)
        open_button.setObjectName("emptyOpenButton")
        demo_button = QPushButton(self.tr("Try the &demo event"), page)
        demo_button.setObjectName("emptyDemoButton")
        open_button.clicked.connect(self.choose_and_open)
        demo_button.clicked.connect(lambda: self.open_demo())
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

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.open_action = self._action(
            self.tr("&Open file..."),
            self.choose_and_open,
            QKeySequence.StandardKey.Open,
            "openAction",
            self.tr("Open an event file from the secretariat or your own panel file"),
        )
        self.demo_action = self._action(
            self.tr("Open the &demo event"), lambda: self.open_demo(), "Ctrl+Shift+D", "demoAction"
        )
        self.switch_judge_action = self._action(
            self.tr("S&witch judge..."), self.switch_judge, "Ctrl+Shift+J", "switchJudgeAction"
        )
        self.export_action = self._action(
            self.tr("&Export file for the chair..."),
            self.export_for_chair,
            "Ctrl+E",
            "exportAction",
            self.tr("Write a checked copy of your panel file, for example to a USB stick"),
        )
        self.open_own_action = self._action(
            self.tr("Open my own &panel file"),
            self.open_own_panel,
            None,
            "openOwnAction",
            self.tr("Open your panel file in the data folder instead of this read-only copy"),
        )
        self.continue_action = self._action(
            self.tr("&Continue scoring from this copy..."),
            self.continue_from_copy,
            None,
            "continueFromCopyAction",
            self.tr("After moving to this laptop: make this copy your panel file here"),
        )
        self.merge_action = self._action(
            self.tr("&Merge panel files..."), self.open_merge, "Ctrl+M", "mergeAction"
        )
        self.data_folder_action = self._action(
            self.tr("Show the data &folder"), self.show_data_folder, None, "dataFolderAction"
        )
        self.quit_action = self._action(
            self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quitAction"
        )
        self.quit_action.setShortcuts([QKeySequence("Ctrl+Q")])

        self.score_action = self._action(
            self.tr("&Score the selected interview..."),
            lambda: self.open_scoring(),
            "Ctrl+Return",
            "scoreAction",
            self.tr("Enter or a double-click in the schedule does the same"),
        )
        self.now_action = self._action(
            self.tr("Go to the &current interview"), self.go_to_now, "Ctrl+T", "nowAction"
        )
        self.find_action = self._action(
            self.tr("&Find..."), self.focus_search, QKeySequence.StandardKey.Find, "findAction"
        )
        self.clear_filters_action = self._action(
            self.tr("Show &all interviews"), self.clear_filters, "Ctrl+L", "clearFiltersAction"
        )
        self.schedule_focus_action = self._action(
            self.tr("Go to the &schedule"), self.table.setFocus, "Ctrl+1", "scheduleFocusAction"
        )

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("id", "Bahasa Indonesia"), ("en", "English")):
            action = QAction(name, self)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action

        self.help_action = self._action(
            self.tr("&Guide and keys for this window"),
            self.show_help,
            QKeySequence.StandardKey.HelpContents,
            "helpAction",
            self.tr("The judge's guide and the keys of this window, offline"),
        )
        self.about_action = self._action(
            self.tr("&About Paritrana Desktop"), self.show_about, None, "aboutAction"
        )

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.demo_action)
        file_menu.addAction(self.switch_judge_action)
        file_menu.addAction(self.open_own_action)
        file_menu.addAction(self.continue_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.merge_action)
        file_menu.addSeparator()
        file_menu.addAction(self.data_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        interview_menu = bar.addMenu(self.tr("&Interview"))
        interview_menu.setObjectName("interviewMenu")
        interview_menu.addAction(self.score_action)
        interview_menu.addAction(self.now_action)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.clear_filters_action)
        view_menu.addAction(self.schedule_focus_action)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        language_menu.setObjectName("languageMenu")
        for action in self.language_actions.values():
            language_menu.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.about_action)

    def _connect_filters(self) -> None:
        self.filters.dayChanged.connect(self._day_filter_changed)
        self.filters.categoryChanged.connect(self._filter_changed)
        self.filters.statusChanged.connect(self._filter_changed)
        self.filters.searchChanged.connect(self._filter_changed)
        self.filters.searchAccepted.connect(self._search_accepted)
        self.filters.searchLeft.connect(self._search_left)
        self.filters.showAllRequested.connect(self.clear_filters)
        self.proxy.rowsInserted.connect(lambda *_: self._keep_a_selection())
        self.proxy.rowsRemoved.connect(lambda *_: self._keep_a_selection())
        self.proxy.modelReset.connect(self._keep_a_selection)
        self.proxy.layoutChanged.connect(lambda *_: self._keep_a_selection())
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(lambda *_: self._show_hidden_rows())
        self.proxy.modelReset.connect(self._show_hidden_rows)

    # --- opening files -------------------------------------------------------------------
    def choose_and_open(self) -> None:
        start = self.settings.get(OPEN_FOLDER) or str(Path.home())
        filters = ";;".join(
            (
                self.tr("Paritrana files (*{event} *{panel})").format(
                    event=EVENT_EXTENSION, panel=PANEL_EXTENSION
                ),
                self.tr("Event files (*{event})").format(event=EVENT_EXTENSION),
                self.tr("Panel files (*{panel})").format(panel=PANEL_EXTENSION),
                self.tr("All files (*)"),
            )
        )
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open an event file or a panel file"), start, filters
        )
        if not chosen:
            return
        self.settings.set(OPEN_FOLDER, str(Path(chosen).parent))
        self.open_path(Path(chosen))

    def open_path(self, path: Path, *, judge_id: str | None = None) -> bool:
        """Open an event file (asking who you are, once) or a panel file. False on failure."""
        path = Path(path)
        if self.panel is not None and _same_file(self.panel.path, path):
            self.raise_()
            return True
        try:
            kind = session.check_openable(path)
            if kind is FileKind.EVENT:
                event = read_event_file(path)
                self.open_event(event, judge_id=judge_id)
                return True
            return self._replace_panel(lambda: open_panel_at(path))
        except UserError as error:
            log.info("could not open %s: %s", path, error.text("en"))
            show_user_error(self, error, self.tr("{name} was not opened.").format(name=path.name))
            return False

    def open_demo(self, *, judge_id: str | None = None) -> None:
        from ..demo import demo_event

        try:
            event = demo_event()
        except UserError as error:
            show_user_error(self, error)
            return
        self.open_event(event, judge_id=judge_id)

    def open_event(self, event: Event, *, judge_id: str | None = None, ask: bool = False) -> None:
        """Open the judge's panel file for ``event``; asks who you are the first time."""
        known = None if ask else self.settings.panel_for_event(event.fingerprint())
        if judge_id is None and known is not None and known.exists():
            if self.panel is not None and _same_file(self.panel.path, known):
                return
            if self._replace_panel(lambda: open_panel_at(known)):
                return
            return
        if judge_id is not None:
            self._open_as(event, judge_id)
            return
        chooser = JudgeChooser(event, self)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.panel is None:
            self.header.show_event(event)
        chooser.accepted.connect(lambda: self._judge_chosen(chooser, event))
        chooser.rejected.connect(self._judge_not_chosen)
        chooser.destroyed.connect(lambda *_: setattr(self, "judge_chooser", None))
        self.judge_chooser = chooser
        chooser.open()

    def switch_judge(self) -> None:
        if self.panel is None:
            return
        self.open_event(self.panel.event, ask=True)

    def _judge_not_chosen(self) -> None:
        if self.panel is None:
            self.header.clear()

    def _judge_chosen(self, chooser: JudgeChooser, event: Event) -> None:
        judge_id = chooser.selected_judge_id()
        if judge_id is not None:
            self._open_as(event, judge_id)

    def _open_as(self, event: Event, judge_id: str) -> None:
        folder = paths.panels_dir()
        earlier: list[Path] = []

        def opener() -> PanelFile:
            # asked once the open file is closed, which may be that earlier one
            found = session.earlier_version(event, judge_id, folder)
            earlier.extend([found] if found is not None else [])
            return session.open_or_create_panel(event, judge_id, folder)

        if self._replace_panel(opener):
            self._opened_event = event.fingerprint()  # remembered with the recent files
            if earlier and self.panel is not None and self.panel.path != earlier[0]:
                QMessageBox.information(
                    self,
                    self.tr("A new version of the event"),
                    self.tr(
                        "This event file differs from the one you scored before (the "
                        "secretariat changed the rubric or the schedule), so you have a new "
                        "panel file for it:\n{new}\n\nYour earlier scores are kept, unchanged, "
                        "in:\n{old}\n\nAsk the secretariat which version counts."
                    ).format(new=self.panel.path, old=earlier[0]),
                )

    def _replace_panel(self, opener: Callable[[], PanelFile]) -> bool:
        """Close the open panel file, open another; on failure reopen the first one."""
        previous = self.panel.path if self.panel is not None else None
        self._close_panel()
        try:
            panel = opener()
        except UserError as error:
            show_user_error(self, error, self.tr("The file was not opened."))
            if previous is not None:
                try:
                    self.set_panel(open_panel_at(previous))
                except UserError as again:
                    show_user_error(self, again)
            return False
        self.set_panel(panel)
        return True

    def set_panel(self, panel: PanelFile) -> None:
        """Show ``panel``'s schedule; it becomes the last file, reopened at the next start."""
        self.panel = panel
        log.info("opened %s (judge %s)", panel.path, panel.judge.id)
        self.model.set_panel(panel)
        self.header.show_panel(panel.event, panel.judge, panel.path, read_only=panel.read_only)
        self._show_read_only_state()
        self.filters.set_event(panel.event)
        self._remember_timer.start()
        self._restore_table_header()
        self._restore_filters()
        self.pages.setCurrentIndex(1)
        self._update_title()
        self._update_actions()
        self.update_now()
        self._select_on_opening()
        self._update_progress()
        self.table.setFocus()
        self.panelChanged.emit()

    def _remember_opened(self) -> None:
        """The open file becomes the first recent file (reopened at the next start), and the
        event it was made from remembers it (no second "who are you")."""
        self._remember_timer.stop()
        if self.panel is None:
            return
        if self.panel.read_only:  # a copy: the next start opens the judge's own file, not it
            self._opened_event = None
            return
        self.settings.add_recent_file(self.panel.path)
        if self._opened_event is not None:
            self.settings.remember_panel_for_event(self._opened_event, self.panel.path)
            self._opened_event = None
        self.settings.sync()

    def _close_panel(self) -> None:
        if self._remember_timer.isActive():
            self._remember_opened()
        if self.scoring_dialog is not None:
            self.scoring_dialog.close()
            self.scoring_dialog = None
        if self.panel is not None:
            self._save_view_state()
            panel = self.panel
            self.panel = None
            self.model.set_panel(None)
            panel.close()
            self._show_no_panel()

    def _show_read_only_state(self) -> None:
        """The bar and the two ways on when the open file is a copy opened read-only."""
        panel = self.panel
        own = None
        if panel is not None and panel.read_only:
            own = session.own_panel_file(panel.event, panel.judge.id, paths.panels_dir())
            self.header.read_only_bar.show_copy(panel.path, own)
        self.own_panel_path = own
        self._update_actions()

    def open_own_panel(self) -> None:
        """Leave the read-only copy for the judge's own panel file in the data folder."""
        if self.panel is None or not self.panel.read_only:
            return
        self._show_read_only_state()
        if self.own_panel_path is None:
            self.statusBar().showMessage(
                self.tr("You have no panel file for this event in your data folder."), 8000
            )
            return
        self.open_path(self.own_panel_path)

    def continue_from_copy(self) -> None:
        """After moving to this laptop: the copy becomes the judge's panel file here (copied
        into the data folder and checked), if they have none for this event yet."""
        copy = self.panel
        if copy is None or not copy.read_only:
            return
        self._show_read_only_state()
        if self.own_panel_path is not None:
            QMessageBox.information(
                self,
                self.tr("You already have a panel file"),
                self.tr(
                    "You already have a panel file for this event on this laptop:\n{own}\n\n"
                    "Go on scoring in that one (File > Open my own panel file). The copy was "
                    "not taken over."
                ).format(own=self.own_panel_path),
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Continue scoring from this copy?"),
            self.tr(
                "Do this only if you have moved to this laptop and will score nowhere else.\n\n"
                "The copy\n{copy}\nis copied into your data folder and checked; from then on "
                "you score in the new file there. The copy itself is left unchanged.\n\n"
                "Continue scoring from this copy?"
            ).format(copy=copy.path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        fingerprint = copy.event.fingerprint()
        try:
            target = session.continue_from_copy(copy, paths.panels_dir())
        except UserError as error:
            show_user_error(self, error, self.tr("The copy was not taken over."))
            self._show_read_only_state()
            return
        log.info("continued from the copy %s as %s", copy.path, target)
        source = copy.path
        if self._replace_panel(lambda: open_panel_at(target)):
            self._opened_event = fingerprint
            QMessageBox.information(
                self,
                self.tr("Your panel file on this laptop"),
                self.tr(
                    "Your scores were copied from\n{copy}\ninto your panel file on this "
                    "laptop:\n{path}\n\nGo on scoring here; the copy was left unchanged."
                ).format(copy=source, path=target),
            )

    def _show_no_panel(self) -> None:
        self.header.clear()
        self.own_panel_path = None
        self.filters.set_event(None)
        self.pages.setCurrentIndex(0)
        self._update_actions()
        self._update_title()

    def actions_state(self) -> MainState:
        """What the window holds, as far as its actions care."""
        panel = self.panel
        return MainState(
            panel_open=panel is not None,
            read_only=panel is not None and panel.read_only,
            own_panel_found=self.own_panel_path is not None,
            exporting=self.export_task is not None,
        )

    def _update_actions(self) -> None:
        for which, enabled in self.actions_state().enabled().items():
            action = self.findChild(QAction, which.value)
            assert action is not None, which
            action.setEnabled(enabled)

    def _update_title(self) -> None:
        if self.panel is None:
            self.setWindowTitle("Paritrana Desktop")
            return
        event, judge = self.panel.event, self.panel.judge
        title = f"{event.name} — {judge.name} — {self.panel.path} — Paritrana Desktop"
        if self.panel.read_only:
            title = self.tr("{title} (read-only)").format(title=title)
        if event.is_demo and "DEMO" not in event.name.upper():
            title = f"DEMO — {title}"
        self.setWindowTitle(title)

    def _fill_recent_menu(self) -> None:
        if self._remember_timer.isActive():
            self._remember_opened()
        self.recent_menu.clear()
        recent = [p for p in self.settings.recent_files() if p.exists()]
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name}")
            action.setStatusTip(str(path))
            action.setToolTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(no recent files)"))
            empty.setEnabled(False)

    # --- the schedule --------------------------------------------------------------------
    def selected_interview_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            rows = self.table.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        value = index.siblingAtColumn(0).data(INTERVIEW_ID_ROLE)
        return str(value) if value else None

    def select_interview(self, interview_id: str) -> bool:
        row = self.model.row_of(interview_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def update_now(self) -> None:
        if self.panel is None:
            return
        current = interview_at(self.panel.event.interviews, self.clock())
        self.model.set_current_interview(current.id if current else None)

    def _select_on_opening(self) -> None:
        """Select the interview of this moment (clearing filters that hide it), else the next."""
        if self.panel is None:
            return
        now = self.clock()
        target = interview_at(self.panel.event.interviews, now) or next_interview(
            self.panel.event.interviews, now
        )
        if target is not None:
            if not self.select_interview(target.id) and self.filters.is_filtering():
                self.filters.clear()
                self.statusBar().showMessage(
                    self.tr("Filters cleared to show the interview of this moment."), 8000
                )
            if self.select_interview(target.id):
                return
        self._keep_a_selection()

    def _keep_a_selection(self) -> None:
        if self.proxy.rowCount() and not self.table.selectionModel().selectedRows():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def go_to_now(self) -> None:
        if self.panel is None:
            return
        self.update_now()
        current = self.model.current_interview()
        if current is None:
            self.statusBar().showMessage(
                self.tr("No interview is scheduled for this moment."), 6000
            )
            return
        if not self.select_interview(current):
            self.filters.clear()
            self.select_interview(current)
        self.table.setFocus()

    def _search_accepted(self) -> None:
        """Enter in the search box: score the selected match (the first one if none is)."""
        if self.proxy.rowCount() == 0:
            self.statusBar().showMessage(self.tr("No interview matches the filters."), 6000)
            return
        self._keep_a_selection()
        self.open_scoring()

    def _search_left(self) -> None:
        """Down in the search box: on to the schedule, at the selected match."""
        self._keep_a_selection()
        self.table.setFocus()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def clear_filters(self) -> None:
        self.filters.clear()
        self.table.setFocus()

    def _day_filter_changed(self, day: dt.date | None) -> None:
        before = self.selected_interview_id()
        self.proxy.set_day(day)
        if before is not None:
            self.select_interview(before)
        self._filter_changed()

    def _filter_changed(self, *_args: object) -> None:
        before = self.selected_interview_id()
        self.proxy.set_category(self.filters.selected_category() or None)
        self.proxy.set_status(self.filters.selected_status())
        self.proxy.set_search(self.filters.search.text())
        if (before is None or not self.select_interview(before)) and self.proxy.rowCount():
            # the selected interview is filtered out: the first match is the one wanted
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        if not self._restoring_filters:
            self._save_filters()
        self._update_progress()
        self._show_hidden_rows()

    def _show_hidden_rows(self) -> None:
        self.filters.show_hidden_rows(self.proxy.rowCount(), self.model.rowCount())

    def _update_progress(self) -> None:
        day = self.filters.selected_day()
        if day is None and self.panel is not None:
            today = self.clock().date()
            if today in self.panel.event.days():
                day = today
        self.filters.show_progress(self.model.progress(day), day)

    def _row_activated(self, index: QModelIndex) -> None:
        value = index.siblingAtColumn(0).data(INTERVIEW_ID_ROLE)
        if value:
            self.open_scoring(str(value))

    # --- scoring and merging -------------------------------------------------------------
    def open_scoring(self, interview_id: str | None = None) -> QDialog | None:
        """Open the scoring dialog on ``interview_id`` (the selected row by default)."""
        if self.panel is None:
            return None
        interview_id = interview_id or self.selected_interview_id()
        if interview_id is None:
            return None
        if self.scoring_dialog is not None and self.scoring_dialog.isVisible():
            self.scoring_dialog.raise_()
            self.scoring_dialog.activateWindow()
            return self.scoring_dialog
        from .scoring_dialog import ScoringDialog

        dialog = ScoringDialog(self.panel, interview_id, self, settings=self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.scorecardChanged.connect(self._scorecard_changed)
        dialog.finished.connect(lambda _result, iid=interview_id: self._scoring_closed(iid))
        self.scoring_dialog = dialog
        dialog.open()
        return dialog

    def _scorecard_changed(self, interview_id: str) -> None:
        self.model.refresh(interview_id)
        self._update_progress()

    def _scoring_closed(self, interview_id: str) -> None:
        self.scoring_dialog = None
        self.model.refresh(interview_id)
        self._update_progress()
        self.select_interview(interview_id)
        self.table.setFocus()

    def open_merge(self) -> None:
        from .merge_dialog import MergeDialog

        dialog = MergeDialog(self, settings=self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "merge_dialog", None))
        self.merge_dialog = dialog
        dialog.open()

    # --- the copy for the chair ----------------------------------------------------------
    def export_for_chair(self) -> Task | None:
        """Ask for a folder, snapshot the panel file, write and check the copy in the
        background; the outcome is shown when it is done."""
        if self.panel is None or self.export_task is not None:
            return None
        start = self.settings.get(EXPORT_FOLDER)
        if not start or not Path(start).is_dir():
            start = str(Path.home())
        chosen = QFileDialog.getExistingDirectory(
            self,
            self.tr("Choose where to put the copy for the chair (for example the USB stick)"),
            start,
        )
        if not chosen:
            return None
        folder = Path(chosen)
        self.settings.set(EXPORT_FOLDER, str(folder))
        from ..storage import copies

        try:
            snapshot = copies.take_snapshot(self.panel)
        except UserError as error:
            show_user_error(self, error, self.tr("The copy for the chair was not made."))
            return None
        task = Task(lambda _context: copies.deliver(snapshot, folder))
        task.slow.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Writing the copy for the chair to {folder}...").format(folder=folder)
            )
        )
        task.succeeded.connect(self._export_written)
        task.failed.connect(self._export_failed)
        task.finished.connect(lambda: self._export_finished(snapshot))
        self.export_task = task
        self._update_actions()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._busy = True
        task.start()
        return task

    def _end_busy(self) -> None:
        if self._busy:
            self._busy = False
            QGuiApplication.restoreOverrideCursor()

    def _export_finished(self, snapshot: object) -> None:
        from ..storage import copies

        assert isinstance(snapshot, copies.Snapshot)
        copies.discard(snapshot)
        self.export_task = None
        self._update_actions()
        self._end_busy()

    def _export_failed(self, error: object) -> None:
        assert isinstance(error, UserError)
        self.statusBar().clearMessage()
        self._end_busy()
        show_user_error(self, error, self.tr("The copy for the chair was not made."))

    def _export_written(self, copy: object) -> None:
        log.info("exported a copy for the chair to %s", copy)
        self.statusBar().showMessage(
            self.tr("Copy for the chair written and checked: {path}").format(path=copy), 15000
        )
        self._end_busy()
        QMessageBox.information(
            self,
            self.tr("Copy for the chair is ready"),
            self.tr(
                "Your scores were copied and the copy was checked:\n\n{path}\n\nGive this file "
                "to the chair. Your own panel file stays on this laptop; go on scoring in it as "
                "usual and export again after later changes."
            ).format(path=copy),
        )

    # --- settings, help ------------------------------------------------------------------
    def choose_language(self, code: str) -> None:
        self.settings.set(LANGUAGE, code)
        self.settings.sync()
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr(
                "The new language is used from the next start of Paritrana Desktop. Close the "
                "program and start it again."
            ),
        )

    def show_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data_dir())))

    def show_help(self) -> QDialog:
        """F1: the judge's guide and this window's keys (read from its actions)."""
        from ..resources import JUDGE_GUIDE
        from .help_window import show_help

        self.help_window = show_help(
            self,
            JUDGE_GUIDE,
            [
                (self.tr("Move through the schedule"), self.tr("Arrow keys, Page Up/Down")),
                (self.tr("Score the selected interview"), self.tr("Enter or double-click")),
            ],
        )
        return self.help_window

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Paritrana Desktop"),
            self.tr(
                "<b>Paritrana Desktop {version}</b><br>Offline scoring of the Paritrana Award "
                "interviews. Your data folder:<br>{folder}"
            ).format(version=__version__, folder=_escape(str(paths.data_dir()))),
        )

    # --- remembering the view ------------------------------------------------------------
    def _restore_table_header(self) -> None:
        state = self.settings.get(SCHEDULE_HEADER)
        header = self.table.horizontalHeader()
        if state and header.restoreState(state):
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _restore_filters(self) -> None:
        self._restoring_filters = True
        try:
            self.filters.select(
                day=self.settings.get(FILTER_DAY),
                category=self.settings.get(FILTER_CATEGORY),
                status=self.settings.get(FILTER_STATUS),
            )  # the search text is not restored: a stale one would seem to hide interviews
            self._filter_changed()
        finally:
            self._restoring_filters = False

    def _save_filters(self) -> None:
        day = self.filters.selected_day()
        self.settings.set(FILTER_DAY, day.isoformat() if day else "")
        self.settings.set(FILTER_CATEGORY, self.filters.selected_category())
        status = self.filters.selected_status()
        self.settings.set(FILTER_STATUS, state_key(status) if status is not None else "")

    def _save_view_state(self) -> None:
        self.memory.save()
        if self.panel is not None:
            self.settings.set(
                SCHEDULE_HEADER, bytes(self.table.horizontalHeader().saveState().data())
            )
            self._save_filters()
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.export_task is not None:  # let the copy for the chair finish, not half-written
            from .tasks import wait_for_tasks

            wait_for_tasks(60_000)
        if self._remember_timer.isActive():
            self._remember_opened()
        self._save_view_state()
        if self.scoring_dialog is not None:
            self.scoring_dialog.close()
            self.scoring_dialog = None
        if self.panel is not None:
            panel = self.panel
            self.panel = None
            self.model.set_panel(None)
            panel.close()
        event.accept()


def open_panel_at(path: Path) -> PanelFile:
    """A panel file by its path: writable in the data folder's panels folder, where the judge's
    live files are; read-only anywhere else (a copy for the chair on a USB stick, say), so that
    scores typed there cannot diverge from the judge's own file."""
    read_only = not session.in_folder(path, paths.panels_dir())
    return PanelFile.open(path, read_only=read_only)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
