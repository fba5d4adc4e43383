"""The chair's merge window: "Merge panel files...".

The chair adds the judges' panel files (buttons, or drag and drop of files and folders), sees
what was found in every file before anything is written, chooses where the workbook goes, and
merges. The dialog only gathers input and shows results: the checking and the writing are
``paritrana_desktop.merge``'s, run off the UI thread through :mod:`.tasks`.

The merge is honest, and so is the window: a refused file blocks writing until the chair
presses the separate "Go on without the refused files" button; every decision is listed before
writing and in the report after it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import merge
from ..domain.errors import UserError, current_language
from ..domain.merge_model import MergeOptions, MergePlan, Outcome
from ..domain.text import Text
from ..merge import MergeReport
from ..window_state.merge_state import MergeState, MergeTask, PlanFacts
from .merge_files_model import MergeFilesModel
from .settings import MERGE_FOLDER, MERGE_GEOMETRY, MERGE_SPLITTER, Settings
from .tasks import Task, TaskContext
from .window_memory import WindowMemory

PANEL_SUFFIX = ".paritrana-panel"
WORKBOOK_SUFFIX = ".xlsx"
DEFAULT_SIZE = (1040, 640)  # at most the screen's available area (window_memory)

ERROR_STYLE = "color: #8a1c12; font-weight: bold;"
WARNING_STYLE = (
    "background: #fbe3e1; color: #5c130c; border: 1px solid #e3a29b; border-radius: 3px;"
    " padding: 6px;"
)
SUCCESS_STYLE = "color: #1d5e20; font-weight: bold;"


# What a check of the inputs gives back: the files, the plan, and sentences about inputs that
# could not be added (a folder without panel files, a path that is gone).
Inspected = tuple[list[Path], MergePlan, list[UserError]]


def fill(text: str, *values: object) -> str:
    """Put ``values`` in place of ``%1``, ``%2``... in one pass (Qt's ``arg()``, for str)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return re.sub(r"%(\d)", value, text)


def default_workbook_name(event_code: str | None, day: dt.date) -> str:
    """``REKAP_<event code>_<yyyy-mm-dd>.xlsx``; the code is left out when it is unknown."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in (event_code or ""))
    stem = f"REKAP_{safe}_{day.isoformat()}" if safe else f"REKAP_{day.isoformat()}"
    return stem + WORKBOOK_SUFFIX


def free_path(path: Path) -> Path:
    """``path`` itself, or ``name_2.xlsx``, ``name_3.xlsx``... whichever does not exist yet."""
    if not path.exists():
        return path
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}_{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


class MergeDialog(QDialog):
    """Add panel files, look at what was found, write the merged workbook."""

    merged = Signal(object)  # the MergeReport, once the workbook is written

    def __init__(
        self,
        parent: QWidget | None = None,
        inputs: Sequence[Path] = (),
        *,
        settings: Settings | None = None,
    ) -> None:
        """``settings``, when given, keep the last folder added from and the window's size
        and place from one session to the next."""
        super().__init__(parent)
        self._settings = settings
        self._files: list[Path] = []
        self._plan: MergePlan | None = None
        self._report: MergeReport | None = None
        self.state = MergeState()  # what the buttons follow
        self._task: Task | None = None
        self.help_window: QDialog | None = None
        self._last_folder = Path.home()
        remembered = settings.get(MERGE_FOLDER) if settings is not None else ""
        if remembered and Path(remembered).is_dir():
            self._last_folder = Path(remembered)
        self._busy_text = ""

        self.setWindowTitle(self.tr("Merge panel files"))
        self.setAcceptDrops(True)
        self.setSizeGripEnabled(True)
        self._build()
        self.memory = WindowMemory(
            self, settings, MERGE_GEOMETRY, DEFAULT_SIZE, {MERGE_SPLITTER: self.splitter}
        )
        self.memory.restore()
        self._update_state()
        if inputs:
            self.add_paths(inputs)

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "Add every judge's panel file (ending in .paritrana-panel), or a folder that "
                "holds them; you can also drag files and folders onto this window. Each file is "
                "checked first. Nothing is written until you press Merge."
            )
        )
        intro.setWordWrap(True)

        self.add_files_button = QPushButton(self.tr("Add &files..."))
        self.add_files_button.setToolTip(self.tr("Choose one or more panel files"))
        self.add_folder_button = QPushButton(self.tr("Add f&older..."))
        self.add_folder_button.setToolTip(
            self.tr("Choose a folder; every panel file in it and in its subfolders is added")
        )
        self.remove_button = QPushButton(self.tr("&Remove from list"))
        self.remove_button.setToolTip(self.tr("Leave the selected files out (Delete key)"))
        self.add_files_button.clicked.connect(self._choose_files)
        self.add_folder_button.clicked.connect(self._choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_files_button)
        add_row.addWidget(self.add_folder_button)
        add_row.addWidget(self.remove_button)
        add_row.addStretch(1)

        self.model = MergeFilesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Panel files found"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.table.resizeColumnsToContents()  # empty: every title whole (rows refit it later)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_state())
        remove_action = QAction(self.tr("Remove from list"), self.table)
        remove_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete)])
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove_action.triggered.connect(self.remove_selected)
        self.table.addAction(remove_action)
        self.help_action = QAction(self.tr("Guide and keys"), self)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.help_action.triggered.connect(self.show_help)
        self.addAction(self.help_action)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.blocker_label = QLabel()
        self.blocker_label.setWordWrap(True)
        self.blocker_label.setStyleSheet(WARNING_STYLE)
        self.blocker_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.blocker_label.hide()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.summary_label)
        top_layout.addWidget(self.blocker_label)

        self.report_title = QLabel(self.tr("What the merge decides"))
        font = self.report_title.font()
        font.setBold(True)
        self.report_title.setFont(font)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setAccessibleName(self.tr("Decisions and report"))
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.report_view.setPlaceholderText(
            self.tr("Every decision of the merge is listed here once files are added.")
        )
        self.report_title.setBuddy(self.report_view)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.report_title)
        bottom_layout.addWidget(self.report_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.include_drafts_check = QCheckBox(
            self.tr("&Include complete drafts in the official figures")
        )
        self.include_drafts_check.setToolTip(
            self.tr(
                "Normally only final (locked) scorecards count. Drafts are listed in the "
                "workbook either way."
            )
        )
        self.include_drafts_check.toggled.connect(self._options_changed)

        output_label = QLabel(self.tr("&Workbook:"))
        self.output_edit = QLineEdit()
        self.output_edit.setAccessibleName(self.tr("Where the merged workbook is written"))
        self.output_edit.setPlaceholderText(self.tr("Add panel files first"))
        self.output_edit.setClearButtonEnabled(True)
        self.output_edit.textEdited.connect(self._output_edited)
        output_label.setBuddy(self.output_edit)
        self.choose_output_button = QPushButton(self.tr("C&hoose..."))
        self.choose_output_button.setToolTip(self.tr("Choose the workbook's folder and name"))
        self.choose_output_button.clicked.connect(self._choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(output_label)
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(self.choose_output_button)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.progress_bar.setMinimumWidth(220)
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop; nothing half-written is left behind"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress_row = QWidget()
        status_row = QHBoxLayout(self.progress_row)
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.progress_label, 1)
        status_row.addWidget(self.progress_bar)
        status_row.addWidget(self.cancel_button)

        self.open_workbook_button = QPushButton(self.tr("Open wor&kbook"))
        self.open_workbook_button.clicked.connect(self._open_workbook)
        self.open_folder_button = QPushButton(self.tr("Open fol&der"))
        self.open_folder_button.clicked.connect(self._open_folder)
        self.skip_button = QPushButton(self.tr("&Go on without the refused files"))
        self.skip_button.setToolTip(
            self.tr(
                "Write the workbook from the files that passed the checks; the refused files "
                "are listed in it as left out"
            )
        )
        self.skip_button.clicked.connect(lambda: self._start_write(skip_invalid=True))
        self.merge_button = QPushButton(self.tr("&Merge"))
        self.merge_button.setToolTip(self.tr("Write the merged workbook"))
        self.merge_button.clicked.connect(lambda: self._start_write(skip_invalid=False))
        self.merge_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        button_row = QHBoxLayout()
        button_row.addWidget(self.open_workbook_button)
        button_row.addWidget(self.open_folder_button)
        button_row.addStretch(1)
        button_row.addWidget(self.skip_button)
        button_row.addWidget(self.merge_button)
        button_row.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(add_row)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.include_drafts_check)
        layout.addLayout(output_row)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.message_label)
        layout.addLayout(button_row)

        self.setTabOrder(self.add_files_button, self.add_folder_button)
        self.setTabOrder(self.add_folder_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.table)
        self.setTabOrder(self.table, self.report_view)
        self.setTabOrder(self.report_view, self.include_drafts_check)
        self.setTabOrder(self.include_drafts_check, self.output_edit)
        self.setTabOrder(self.output_edit, self.choose_output_button)
        self.setTabOrder(self.choose_output_button, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.open_workbook_button)
        self.setTabOrder(self.open_workbook_button, self.open_folder_button)
        self.setTabOrder(self.open_folder_button, self.skip_button)
        self.setTabOrder(self.skip_button, self.merge_button)
        self.setTabOrder(self.merge_button, self.close_button)

    def show_help(self) -> QDialog:
        """F1: the chair's guide and this window's keys (read from its actions and buttons)."""
        from ..resources import CHAIR_GUIDE
        from .help_window import show_help

        self.help_window = show_help(self, CHAIR_GUIDE)
        return self.help_window

    # --- what the window holds ---------------------------------------------------------------
    def files(self) -> list[Path]:
        return list(self._files)

    def plan(self) -> MergePlan | None:
        return self._plan

    def report(self) -> MergeReport | None:
        return self._report

    def written_workbook(self) -> Path | None:
        return self.state.written

    def is_busy(self) -> bool:
        return self._task is not None

    def options(self, *, skip_invalid: bool = False) -> MergeOptions:
        return MergeOptions(
            include_drafts=self.include_drafts_check.isChecked(), skip_invalid=skip_invalid
        )

    # --- adding and removing files --------------------------------------------------------------
    def add_paths(self, paths: Sequence[Path]) -> None:
        """Add files and folders (folders are searched for panel files), then check them all."""
        if self._task is not None:
            self._show_message(self.tr("Wait until the current work is done."), error=True)
            return
        new = [Path(p) for p in paths]
        if not new:
            return
        self._last_folder = new[-1] if new[-1].is_dir() else new[-1].parent
        if self._settings is not None:
            self._settings.set(MERGE_FOLDER, str(self._last_folder))
        known = {self._key(p) for p in self._files}
        already = [p for p in new if p.is_file() and self._key(p) in known]
        wanted = [p for p in new if p not in already]
        if already and not wanted:
            names = ", ".join(p.name for p in already)
            self._show_message(fill(self.tr("Already in the list: %1"), names))
            return
        current = list(self._files)
        options = self.options()

        def work(ctx: TaskContext) -> Inspected:
            notes: list[UserError] = []
            files = list(current)
            seen = {self._key(p) for p in files}
            for path in wanted:
                try:
                    found = merge.find_panel_files([path])
                except UserError as error:
                    notes.append(error)
                    continue
                for item in found:
                    if self._key(item) not in seen:
                        seen.add(self._key(item))
                        files.append(item)
            if not files:
                raise UserError(Text.join(" ", (n.message for n in notes)))
            plan = merge.inspect_inputs(
                files, options, progress=ctx.progress, cancelled=ctx.cancelled
            )
            return files, plan, notes

        self._run(MergeTask.INSPECT, work, self.tr("Checking the files..."), self._inspected)

    def remove_selected(self) -> None:
        if self._task is not None:
            return
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            return
        gone = {self._key(self.model.path(row)) for row in rows}
        remaining = [p for p in self._files if self._key(p) not in gone]
        self._recheck(remaining)

    def _recheck(self, files: list[Path]) -> None:
        if not files:
            self._files = []
            self._set_plan(None)
            self._show_message(self.tr("The list is empty."))
            return
        options = self.options()

        def work(ctx: TaskContext) -> Inspected:
            plan = merge.inspect_inputs(
                files, options, progress=ctx.progress, cancelled=ctx.cancelled
            )
            return files, plan, []

        self._run(MergeTask.INSPECT, work, self.tr("Checking the files..."), self._inspected)

    @Slot(bool)
    def _options_changed(self, _checked: bool) -> None:
        plan = self._plan
        if plan is None or self._task is not None:
            return
        files = list(self._files)
        options = self.options()

        def work(ctx: TaskContext) -> Inspected:
            # The files were read already: only the decisions and the figures change.
            return files, merge.plan_with_options(plan, options), []

        self._run(MergeTask.INSPECT, work, self.tr("Updating the figures..."), self._inspected)

    def _inspected(self, result: Inspected) -> None:
        files, plan, notes = result
        self._files = files
        self._set_plan(plan)
        sentences = [note.text(current_language()) for note in notes]
        self._show_message(" ".join(sentences), error=bool(sentences))

    @staticmethod
    def _key(path: Path) -> str:
        try:
            return os.path.normcase(str(path.resolve()))
        except OSError:
            return os.path.normcase(str(path.absolute()))

    # --- the plan on screen ------------------------------------------------------------------
    def _set_plan(self, plan: MergePlan | None) -> None:
        self._plan = plan
        self._report = None
        self.state.plan_changed()
        # Files that need the chair's attention first (refused, then in conflict); otherwise
        # the merge's own order.
        attention = {Outcome.REFUSED: 0, Outcome.CONFLICT: 1}
        findings = sorted(plan.files, key=lambda f: attention.get(f.outcome, 2)) if plan else []
        self.model.set_findings(findings)
        if findings:
            self.table.scrollToTop()
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            if header.sectionSize(column) > 260:
                header.resizeSection(column, 260)
        self._show_summary()
        self._show_decisions()
        if plan is not None and plan.event is not None and not self.state.output_chosen:
            self._suggest_output(plan.event.code)
        self._update_state()

    def _show_summary(self) -> None:
        plan = self._plan
        if plan is None:
            self.summary_label.setText("")
            self.blocker_label.hide()
            return
        counts = {outcome: 0 for outcome in Outcome}
        for finding in plan.files:
            counts[finding.outcome] += 1
        summary = fill(
            self.tr("%1 files: %2 used, %3 refused, %4 duplicates or superseded."),
            len(plan.files),
            counts[Outcome.USED],
            counts[Outcome.REFUSED],
            counts[Outcome.DUPLICATE] + counts[Outcome.SUPERSEDED],
        )
        if plan.event is not None:
            event = fill(self.tr("Event: %1 (%2)."), plan.event.name, plan.event.code)
            summary = f"{event} {summary}"
        self.summary_label.setText(summary)

        sentences: list[str] = []
        refused = plan.refused
        if refused:
            sentences.append(
                fill(
                    self.tr(
                        "Refused files: %1 (marked in red; the reason is in the row). The "
                        "workbook is not written with refused files: remove them or replace "
                        "them with good copies, or press “Go on without the refused files” "
                        "and they are listed in the workbook as left out."
                    ),
                    len(refused),
                )
            )
        language = current_language()
        sentences.extend(b.text(language) for b in plan.blockers(self.options(skip_invalid=True)))
        self.blocker_label.setText("\n".join(sentences))
        self.blocker_label.setVisible(bool(sentences))

    def _show_decisions(self) -> None:
        plan = self._plan
        self.report_title.setText(self.tr("What the merge decides"))
        if plan is None:
            self.report_view.setPlainText("")
            return
        language = current_language()
        lines = [_decision_line(d.kind.label(language), d.text(language)) for d in plan.decisions]
        lines.extend(f"• {notice.text(language)}" for notice in plan.notices)
        if not lines:
            lines.append(self.tr("Nothing to decide: every scorecard is used as it is."))
        self.report_view.setPlainText("\n".join(lines))

    # --- the output path ------------------------------------------------------------------------
    def _suggest_output(self, event_code: str | None) -> None:
        folder = documents_folder()
        if self._files:
            beside = self._files[0].parent
            if beside.is_dir() and os.access(beside, os.W_OK):
                folder = beside
        path = free_path(folder / default_workbook_name(event_code, dt.date.today()))
        self.output_edit.setText(str(path))

    @Slot(str)
    def _output_edited(self, _text: str) -> None:
        self.state.output_typed()
        self._update_state()

    def _choose_output(self) -> None:
        start = self.output_edit.text().strip() or str(self._last_folder)
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the merged workbook"),
            start,
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != WORKBOOK_SUFFIX:
            path = path.with_name(path.name + WORKBOOK_SUFFIX)
        self.output_edit.setText(str(path))
        self.state.output_picked(path, exists=path.exists())
        self._update_state()

    def output_path(self) -> Path | None:
        text = self.output_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() != WORKBOOK_SUFFIX:
            path = path.with_name(path.name + WORKBOOK_SUFFIX)
        return path

    # --- writing --------------------------------------------------------------------------------
    def _start_write(self, *, skip_invalid: bool) -> None:
        plan = self._plan
        output = self.output_path()
        if self._task is not None or plan is None:
            return
        options = self.options(skip_invalid=skip_invalid)
        if not plan.can_write(options):
            language = current_language()
            self._show_message(" ".join(b.text(language) for b in plan.blockers(options)), True)
            return
        if output is None:
            self._show_message(self.tr("Choose where the workbook is written."), error=True)
            return
        if not output.parent.is_dir():
            self._show_message(
                fill(
                    self.tr("The folder %1 does not exist. Choose another place for the workbook."),
                    output.parent,
                ),
                error=True,
            )
            return
        if self.state.must_ask_to_replace(output, exists=output.exists()):
            answer = QMessageBox.question(
                self,
                self.tr("Replace the workbook?"),
                fill(self.tr("%1 already exists. Replace it with the new merge?"), output.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.state.overwrite_confirmed = output

        def work(ctx: TaskContext) -> MergeReport:
            return merge.write_merge(
                plan, output, options, progress=ctx.progress, cancelled=ctx.cancelled
            )

        self._run(MergeTask.WRITE, work, self.tr("Writing the workbook..."), self._written_ok)

    def _written_ok(self, report: MergeReport) -> None:
        self._report = report
        self.state.wrote(report.output)
        self.report_title.setText(self.tr("Report"))
        self.report_view.setPlainText("\n".join(report.lines))
        text = fill(self.tr("The workbook is written: %1"), report.output)
        left_out = len(report.plan.refused) if report.plan.options.skip_invalid else 0
        if left_out:
            text += " " + fill(
                self.tr("Refused files left out: %1; they are listed in the workbook."), left_out
            )
        # The warning about refused files is answered now; the report says what was done.
        self.blocker_label.hide()
        total = sum(self.splitter.sizes())
        self.splitter.setSizes([total // 3, total - total // 3])
        self._show_message(text, success=True)
        self.merged.emit(report)

    def _open_workbook(self) -> None:
        if self.state.written is not None:
            self._open_url(self.state.written)

    def _open_folder(self) -> None:
        if self.state.written is not None:
            self._open_url(self.state.written.parent)

    def _open_url(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._show_message(fill(self.tr("The system could not open %1."), path), error=True)

    # --- running work off the UI thread --------------------------------------------------------
    def _run(
        self,
        kind: MergeTask,
        work: Callable[[TaskContext], Any],
        text: str,
        done: Callable[[Any], None],
    ) -> None:
        task = Task(work)
        self._task = task
        self.state.start(kind)
        self._busy_text = text
        task.succeeded.connect(done)
        task.failed.connect(self._task_failed)
        task.cancelled.connect(self._task_cancelled)
        task.progressed.connect(self._task_progressed)
        task.slow.connect(self._task_slow)
        task.finished.connect(self._task_finished)
        self._show_message("")
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, 0)
        self._update_state()
        task.start()

    @Slot()
    def _task_slow(self) -> None:
        if self._task is not None:
            self.progress_bar.show()

    @Slot(int, int, str)
    def _task_progressed(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
        text = self._busy_text
        if label:
            text = f"{text} {label}"
        self.progress_label.setText(text)

    @Slot(object)
    def _task_failed(self, error: object) -> None:
        text = error.text(current_language()) if isinstance(error, UserError) else str(error)
        if self.state.failure_is_about_writing() and not isinstance(error, merge.MergeRefused):
            text = fill(self.tr("The workbook was not written. %1"), text)
        self._show_message(text, error=True)

    @Slot()
    def _task_cancelled(self) -> None:
        if self.state.failure_is_about_writing():
            self._show_message(self.tr("Cancelled: no workbook was written."))
        else:
            self._show_message(self.tr("Checking was cancelled; the list is as it was."))

    @Slot()
    def _task_finished(self) -> None:
        wrote = self.state.finish()
        self._task = None
        self.progress_label.setText("")
        self.progress_bar.hide()
        self._update_state()
        if wrote:  # Merge is off now: the keyboard goes on to what comes next
            self.open_workbook_button.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.state.close_when_idle:
            self.state.close_when_idle = False
            super().reject()

    def cancel(self) -> None:
        """Ask the running work to stop (the Cancel button, or Escape while working)."""
        if self._task is not None:
            self._task.cancel()
            self.progress_label.setText(self.tr("Stopping..."))
            self.cancel_button.setEnabled(False)

    # --- state of the buttons --------------------------------------------------------------------
    def _update_state(self) -> None:
        plan = self._plan
        facts = PlanFacts(
            has_plan=plan is not None,
            refused=bool(plan and plan.refused),
            can_write=plan is not None and plan.can_write(self.options()),
            can_write_skipping=plan is not None and plan.can_write(self.options(skip_invalid=True)),
            has_output=bool(self.output_edit.text().strip()),
            selected=self.table.selectionModel().hasSelection(),
        )
        buttons = self.state.buttons(facts)
        for widget in (
            self.add_files_button,
            self.add_folder_button,
            self.include_drafts_check,
            self.output_edit,
            self.choose_output_button,
        ):
            widget.setEnabled(buttons.inputs_enabled)
        self.remove_button.setEnabled(buttons.remove_enabled)
        self.merge_button.setEnabled(buttons.merge_enabled)
        self.skip_button.setVisible(buttons.skip_visible)
        self.skip_button.setEnabled(buttons.skip_enabled)
        for button in (self.open_workbook_button, self.open_folder_button):
            button.setVisible(buttons.open_visible)
            button.setEnabled(buttons.open_enabled)
        self.progress_row.setVisible(buttons.busy_visible)
        self.cancel_button.setVisible(buttons.busy_visible)
        self.cancel_button.setEnabled(buttons.busy_visible)
        if buttons.skip_takes_focus and self.merge_button.hasFocus():
            self.skip_button.setFocus()

    def _show_message(self, text: str, error: bool = False, *, success: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        if error:
            self.message_label.setStyleSheet(ERROR_STYLE)
        elif success:
            self.message_label.setStyleSheet(SUCCESS_STYLE)
        else:
            self.message_label.setStyleSheet("")
        self.message_label.setAccessibleDescription(text)

    # --- file dialogs ---------------------------------------------------------------------------
    def _choose_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add panel files"),
            str(self._last_folder),
            self.tr(
                "Panel files (*.paritrana-panel);;"
                "Panel and event files (*.paritrana-panel *.paritrana-kegiatan);;All files (*)"
            ),
        )
        if chosen:
            self.add_paths([Path(p) for p in chosen])

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Add a folder of panel files"), str(self._last_folder)
        )
        if chosen:
            self.add_paths([Path(chosen)])

    # --- drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._task is None and _local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._task is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event)
        if not paths or self._task is not None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths(paths)

    # --- closing ---------------------------------------------------------------------------------
    def reject(self) -> None:
        """Escape or Close: while work runs, stop it first and close when it has stopped."""
        if self._task is not None:
            self.state.close_when_idle = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        """Every way of closing ends here: remember the window's size and place."""
        self.memory.save()
        super().done(result)


def _decision_line(label: str, text: str) -> str:
    """``• label: text``, without saying the label twice when the text starts with it."""
    if text.casefold().startswith(label.casefold()):
        return f"• {text}"
    return f"• {label}: {text}"


def _local_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def main(argv: Sequence[str] | None = None) -> int:
    """The merge window on its own: ``python -m paritrana_desktop.ui.merge_dialog [PATH...]``."""
    from .i18n import choose_language, install_language

    args = list(sys.argv if argv is None else argv)
    app = QApplication.instance() or QApplication(args)
    assert isinstance(app, QApplication)
    install_language(app, choose_language(None, None))
    dialog = MergeDialog(None, [Path(a) for a in args[1:]], settings=Settings())
    dialog.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
