"""The chair's merge window: "Merge panel files...".

The chair adds the judges' panel files (buttons, or drag and drop of files and folders), sees
what was found in every file before anything is written, chooses where the workbook goes, and
merges. The dialog only gathers input and shows results: the checking and the writing are
``paritrana_desktop.workflows.merge``'s, run off the UI thread through :mod:`.tasks`.

The merge is honest, and so is the window: a refused file blocks writing until the chair
presses the separate "Go on without the refused files" button; every decision is listed before
writing and in the report after it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from ..domain.errors import UserError, current_language
from ..domain.merge_model import MergeOptions, MergePlan, Outcome
from ..domain.text import Text
from ..window_state.merge_state import MergeState, MergeTask
from ..workflows import merge
from ..workflows.merge import MergeReport
from ..workflows.paths import path_key
from . import merge_layout, merge_paths, merge_register, merge_report_view
from .merge_files_model import MergeFilesModel
from .merge_paths import fill, local_paths
from .settings import MERGE_FOLDER, MERGE_GEOMETRY, MERGE_SPLITTER, Settings
from .tasks import Task, TaskContext
from .window_memory import WindowMemory

DEFAULT_SIZE = (1040, 640)  # at most the screen's available area (window_memory)


# What a check of the inputs gives back: the files, the plan, and sentences about inputs that
# could not be added (a folder without panel files, a path that is gone).
Inspected = tuple[list[Path], MergePlan, list[UserError]]


class MergeDialog(QDialog):
    """Add panel files, look at what was found, write the merged workbook."""

    merged = Signal(object)  # the MergeReport, once the workbook is written

    # the widgets, built by merge_layout
    add_files_button: QPushButton
    add_folder_button: QPushButton
    blocker_label: QLabel
    cancel_button: QPushButton
    choose_output_button: QPushButton
    close_button: QPushButton
    help_action: QAction
    include_drafts_check: QCheckBox
    hand_copy_check: QCheckBox
    use_file_button: QPushButton
    merge_button: QPushButton
    message_label: QLabel
    model: MergeFilesModel
    open_folder_button: QPushButton
    open_workbook_button: QPushButton
    papers_button: QPushButton
    output_edit: QLineEdit
    progress_bar: QProgressBar
    progress_label: QLabel
    progress_row: QWidget
    register_button: QPushButton
    register_path: Path | None  # the chair's register, or None: keys not checked against paper
    register_window: merge_register.RegisterWindow | None
    remove_button: QPushButton
    report_title: QLabel
    report_view: QPlainTextEdit
    skip_button: QPushButton
    splitter: QSplitter
    summary_label: QLabel
    table: QTableView

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
        self._use_files: dict[str, Path] = {}  # judge id -> the file the chair chose
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
        self.register_path, self.register_window = merge_register.remembered(settings), None

        self.setWindowTitle(self.tr("Merge panel files"))
        self.setAcceptDrops(True)
        self.setSizeGripEnabled(True)
        merge_layout.build(self)
        self.memory = WindowMemory(
            self, settings, MERGE_GEOMETRY, DEFAULT_SIZE, {MERGE_SPLITTER: self.splitter}
        )
        self.memory.restore()
        self._update_state()
        if inputs:
            self.add_paths(inputs)

    # --- building ------------------------------------------------------------------------
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
            include_drafts=self.include_drafts_check.isChecked(),
            skip_invalid=skip_invalid,
            use_files=frozenset(self._use_files.values()),
            accept_hand_copies=self.hand_copy_check.isChecked(),
        )

    def use_selected_file(self) -> None:
        """The selected file stands for its judge; the judge's other unrelated file is left out."""
        finding = merge_layout.selected_choosable(self)
        if finding is None or finding.judge_id is None or self._task is not None:
            return
        self._use_files[finding.judge_id] = finding.path
        self._options_changed(True)

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
        current, options, register = list(self._files), self.options(), self.register_path

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
            return files, merge_register.inspect(files, options, ctx, register), notes

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
            return files, merge_register.inspect(files, options, ctx, self.register_path), []

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

    _key = staticmethod(path_key)  # two names of one file are one file

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
        merge_report_view.show_summary(self)
        merge_report_view.show_decisions(self)
        if plan is not None and plan.event is not None and not self.state.output_chosen:
            merge_paths.suggest_output(self, plan)
        self._update_state()

    # --- the output path ------------------------------------------------------------------------
    @Slot(str)
    def _output_edited(self, _text: str) -> None:
        self.state.output_typed()
        self._update_state()

    def _choose_output(self) -> None:
        merge_paths.choose_output(self)

    def output_path(self) -> Path | None:
        return merge_paths.output_path(self)

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
        merge_report_view.written_ok(self, report)

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
        merge_layout.update_state(self)

    def _show_message(self, text: str, error: bool = False, *, success: bool = False) -> None:
        merge_report_view.show_message(self, text, error, success=success)

    # --- file dialogs ---------------------------------------------------------------------------
    # --- drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._task is None and local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._task is None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event)
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
        self.memory.save()  # every way of closing ends here: remember the size and place
        super().done(result)


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
