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

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QIcon,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.event import Event
from ..window_state.main_state import MainState
from ..workflows.files import PanelFile
from . import main_copies, main_menus, main_opening
from .judge_dialog import JudgeChooser
from .schedule_model import (
    INTERVIEW_ID_ROLE,
    ScheduleFilter,
    ScheduleModel,
    interview_at,
    next_interview,
)
from .settings import (
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

    # the actions and menus, built by main_menus
    open_action: QAction
    demo_action: QAction
    switch_judge_action: QAction
    export_action: QAction
    score_sheet_action: QAction
    open_own_action: QAction
    continue_action: QAction
    merge_action: QAction
    data_folder_action: QAction
    quit_action: QAction
    score_action: QAction
    now_action: QAction
    find_action: QAction
    clear_filters_action: QAction
    schedule_focus_action: QAction
    language_group: QActionGroup
    language_actions: dict[str, QAction]
    help_action: QAction
    about_action: QAction
    recent_menu: QMenu

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
        self.table = main_menus.make_table(self)
        self.empty_page = main_menus.make_empty_page(self)

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

        main_menus.make_actions(self)
        main_menus.make_schedule_actions(self)
        main_menus.make_view_and_help_actions(self)
        main_menus.make_menus(self)
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
        main_opening.choose_and_open(self)

    def open_path(self, path: Path, *, judge_id: str | None = None) -> bool:
        return main_opening.open_path(self, path, judge_id=judge_id)

    def open_demo(self, *, judge_id: str | None = None) -> None:
        main_opening.open_demo(self, judge_id=judge_id)

    def open_event(self, event: Event, *, judge_id: str | None = None, ask: bool = False) -> None:
        main_opening.open_event(self, event, judge_id=judge_id, ask=ask)

    def switch_judge(self) -> None:
        main_opening.switch_judge(self)

    def _replace_panel(self, opener: Callable[[], PanelFile]) -> bool:
        return main_opening.replace_panel(self, opener)

    def set_panel(self, panel: PanelFile) -> None:
        """Show ``panel``'s schedule; it becomes the last file, reopened at the next start."""
        self.panel = panel
        log.info("opened %s (judge %s)", panel.path, panel.judge.id)
        self.model.set_panel(panel)
        self.header.show_panel(panel.event, panel.judge, panel.path, read_only=panel.read_only)
        self._show_read_only_state()
        self.filters.set_event(panel.event)
        self._remember_timer.start()
        main_opening.restore_table_header(self)
        main_opening.restore_filters(self)
        self.pages.setCurrentIndex(1)
        self._update_title()
        self._update_actions()
        self.update_now()
        self._select_on_opening()
        self._update_progress()
        self.table.setFocus()
        self.panelChanged.emit()

    def _remember_opened(self) -> None:
        main_opening.remember_opened(self)

    def _close_panel(self) -> None:
        main_opening.close_panel(self)

    def _show_read_only_state(self) -> None:
        main_copies.show_read_only_state(self)

    def open_own_panel(self) -> None:
        main_copies.open_own_panel(self)

    def continue_from_copy(self) -> None:
        main_copies.continue_from_copy(self)

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
        return main_copies.export_for_chair(self)

    # --- settings, help ------------------------------------------------------------------
    def show_help(self) -> QDialog:
        return main_menus.show_help(self)

    # --- remembering the view ------------------------------------------------------------
    def _save_filters(self) -> None:
        main_opening.save_filters(self)

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
