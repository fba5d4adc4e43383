"""The merge window's page for the chair's register ("Chair's register..."): choose or make the
register file (remembered), see each judge's registered key beside the key of the files
offered, register a key from the fingerprint on the signed lembar, accept a key change (with
the judge's reason shown), and type and confirm the codes read off the signed papers.

The steps are ``workflows.register``'s, run off the UI thread; after each one the merge window
checks its files again with the register (``inspect_inputs(..., register=...)``), so the
register's refusals show in its table and decisions like any other."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ..domain.errors import UserError, current_language
from ..domain.merge_model import MergeOptions, MergePlan
from ..domain.text import Text
from ..window_state.register_state import (
    JudgeRow,
    check_fingerprint_typed,
    check_name,
    judge_rows,
)
from ..workflows import merge
from ..workflows import register as reg
from ..workflows.file_facts import offered_key
from .merge_paths import fill
from .merge_register_model import RegisterKeysModel
from .settings import MERGE_REGISTER, Settings
from .tasks import Task, TaskContext

if TYPE_CHECKING:
    from .merge_dialog import MergeDialog

translate = QCoreApplication.translate
ERROR_STYLE = "color: #8c1d18;"
SUCCESS_STYLE = "color: #1d5c2a;"
AnyIndex = QModelIndex | QPersistentModelIndex


# --- what the merge window asks of this module ----------------------------------------------
def remembered(settings: Settings | None) -> Path | None:
    """The register chosen last time, if it is still there."""
    chosen = settings.get(MERGE_REGISTER) if settings is not None else ""
    return Path(chosen) if chosen and Path(chosen).is_file() else None


def inspect(
    files: Sequence[Path], options: MergeOptions, ctx: TaskContext, register: Path | None
) -> MergePlan:
    """The merge's check of ``files``, against the register when there is one (run in the
    window's task; a register edited outside the program is a sentence)."""
    view = reg.register_view(register)
    return merge.inspect_inputs(
        files, options, progress=ctx.progress, cancelled=ctx.cancelled, register=view
    )


def use_register(window: MergeDialog, path: Path) -> None:
    """The chair's register the merge checks against, remembered for the next time."""
    window.register_path = path
    if window._settings is not None:
        window._settings.set(MERGE_REGISTER, str(path))
    recheck(window)


def recheck(window: MergeDialog) -> None:
    """The files checked again, now against the register (once the window's work in hand is
    done, if it is busy)."""
    running = window._task
    if running is not None:
        running.finished.connect(lambda: recheck(window))
    elif window.files() and window.isVisible():
        window._recheck(window.files())


def make_button(window: MergeDialog) -> QPushButton:
    window.register_button = QPushButton(translate("MergeDialog", "Chair's regi&ster..."))
    window.register_button.setObjectName("registerButton")
    window.register_button.setToolTip(
        translate(
            "MergeDialog",
            "The judges' keys and the codes from the signed papers, which the merge checks "
            "the files against",
        )
    )
    window.register_button.clicked.connect(lambda: open_register(window))
    return window.register_button


def open_register(window: MergeDialog) -> RegisterWindow:
    """The register page, made once and raised again."""
    page = window.register_window
    if page is None:
        page = RegisterWindow(window)
        window.register_window = page
    page.show()
    page.raise_()
    page.activateWindow()
    page.refresh()
    return page


# --- the page -------------------------------------------------------------------------------
class RegisterWindow(QDialog):
    """The chair's register beside the merge window (not modal: both stay usable)."""

    def __init__(self, merge_window: MergeDialog) -> None:
        super().__init__(merge_window)
        self.setObjectName("registerWindow")
        self.setWindowTitle(translate("MergeRegister", "Chair's register"))
        self.merge_window = merge_window
        self._task: Task | None = None
        self._refresh_after = False
        self._build()
        self.resize(900, 600)
        self._show_path()

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel(
            translate(
                "MergeRegister",
                "The register holds each judge's key, checked against the fingerprint printed "
                "on the judge's signed score sheet, and the codes read off the signed papers. "
                "The merge refuses files that do not match it.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setObjectName("registerPath")
        self.open_button = QPushButton(translate("MergeRegister", "&Open register..."), self)
        self.open_button.clicked.connect(self.choose_register)
        self.new_button = QPushButton(translate("MergeRegister", "&New register..."), self)
        self.new_button.clicked.connect(self.new_register)
        path_label = QLabel(translate("MergeRegister", "Register &file:"), self)
        path_label.setBuddy(self.path_edit)
        path_row = QHBoxLayout()
        path_row.addWidget(path_label)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.open_button)
        path_row.addWidget(self.new_button)

        self.model = RegisterKeysModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        table_label = QLabel(translate("MergeRegister", "&Judges' keys:"), self)
        table_label.setBuddy(self.table)

        keys = self._build_keys()
        codes = self._build_codes()
        self.register_text = QPlainTextEdit(self)
        self.register_text.setObjectName("registerContents")
        self.register_text.setReadOnly(True)
        self.register_text.setMaximumHeight(110)
        contents_label = QLabel(translate("MergeRegister", "What the register &holds:"), self)
        contents_label.setBuddy(self.register_text)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("registerMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(translate("MergeRegister", "Close"), self)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(path_row)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(keys)
        layout.addLayout(codes)
        layout.addWidget(contents_label)
        layout.addWidget(self.register_text)
        layout.addLayout(bottom)

    def _build_keys(self) -> QVBoxLayout:
        self.fingerprint_edit = QLineEdit(self)
        self.fingerprint_edit.setObjectName("paperFingerprint")
        self.fingerprint_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.fingerprint_edit.returnPressed.connect(self.register_key)
        fp_label = QLabel(translate("MergeRegister", "Fingerprint on the signed &lembar:"), self)
        fp_label.setBuddy(self.fingerprint_edit)
        self.register_key_button = QPushButton(translate("MergeRegister", "Register &key"), self)
        self.register_key_button.clicked.connect(self.register_key)
        row = QHBoxLayout()
        row.addWidget(fp_label)
        row.addWidget(self.fingerprint_edit, 1)
        row.addWidget(self.register_key_button)
        self.change_label = QLabel(self)
        self.change_label.setObjectName("keyChange")
        self.change_label.setWordWrap(True)
        self.change_label.setTextFormat(Qt.TextFormat.PlainText)
        self.accept_button = QPushButton(translate("MergeRegister", "&Accept key change"), self)
        self.accept_button.clicked.connect(self.accept_change)
        change_row = QHBoxLayout()
        change_row.addWidget(self.change_label, 1)
        change_row.addWidget(self.accept_button)
        box = QVBoxLayout()
        box.addLayout(row)
        box.addLayout(change_row)
        return box

    def _build_codes(self) -> QFormLayout:
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("paperCode")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("typedBy")
        self.add_code_button = QPushButton(translate("MergeRegister", "&Enter code"), self)
        self.add_code_button.clicked.connect(self.add_code)
        self.confirm_button = QPushButton(translate("MergeRegister", "&Confirm code"), self)
        self.confirm_button.clicked.connect(self.confirm_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.add_code_button)
        code_row.addWidget(self.confirm_button)
        form = QFormLayout()
        form.addRow(translate("MergeRegister", "Co&de from a signed paper:"), code_row)
        form.addRow(translate("MergeRegister", "Your na&me:"), self.name_edit)
        for field in (self.code_edit, self.name_edit):
            label = form.labelForField(field if field is self.name_edit else code_row)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        return form

    # --- what it holds ------------------------------------------------------------------------
    def register_path(self) -> Path | None:
        return self.merge_window.register_path

    def selected_row(self) -> JudgeRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def is_busy(self) -> bool:
        return self._task is not None

    def _show_path(self) -> None:
        path = self.register_path()
        self.path_edit.setText(str(path) if path is not None else "")
        self.path_edit.setPlaceholderText(
            translate("MergeRegister", "No register: the files' keys are not checked against paper")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.register_path() is not None and self._task is None
        row = self.selected_row()
        self.register_key_button.setEnabled(has and row is not None and row.can_register)
        self.fingerprint_edit.setEnabled(has and row is not None and row.can_register)
        self.accept_button.setEnabled(has and row is not None and row.can_accept)
        for widget in (self.add_code_button, self.confirm_button, self.code_edit, self.name_edit):
            widget.setEnabled(has)
        for button in (self.open_button, self.new_button):
            button.setEnabled(self._task is None)

    def _selection_changed(self, *_args: object) -> None:
        row = self.selected_row()
        change = row.change if row is not None else None
        if change is None:
            self.change_label.setText("")
        else:
            self.change_label.setText(
                translate(
                    "MergeRegister",
                    "Judge {judge} changed key from {old} to {new} at {at}. The judge's "
                    "reason: \u201c{reason}\u201d. Accept it only if the judge confirms it.",
                ).format(
                    judge=row.judge_id if row else "",
                    old=change.old_fingerprint,
                    new=change.new_fingerprint,
                    at=change.at,
                    reason=change.reason,
                )
            )
        self._update_buttons()

    # --- reading the register and the files ------------------------------------------------
    def refresh(self) -> None:
        """Read the register and the keys of the merge window's files again (off the UI
        thread)."""
        register, files = self.register_path(), self.merge_window.files()

        def work(_ctx: TaskContext) -> tuple[list[JudgeRow], list[Text]]:
            view = reg.register_view(register)
            rows = judge_rows(view, [offered_key(p) for p in files])
            lines = reg.show_register(register) if register is not None else []
            return rows, lines

        self._run(work, self._refreshed, message=False)

    def _refreshed(self, result: tuple[list[JudgeRow], list[Text]]) -> None:
        rows, lines = result
        before = self.selected_row()
        self.model.set_rows(rows)
        keep = next(
            (
                n
                for n, r in enumerate(rows)
                if before is not None and (r.judge_id, r.file) == (before.judge_id, before.file)
            ),
            0,
        )
        if rows:  # the keyboard finds a row selected, the one it was on if it is still there
            self.table.selectRow(keep)
        self.table.resizeColumnsToContents()
        language = current_language()
        self.register_text.setPlainText("\n".join(line.pick(language) for line in lines))
        self._selection_changed()

    # --- choosing the register ---------------------------------------------------------------
    def choose_register(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            translate("MergeRegister", "Open the chair's register"),
            str(self._folder()),
            translate("MergeRegister", "Chair's register (*%1)").replace("%1", reg.EXTENSION),
        )
        if chosen:
            self._use(Path(chosen), check=True)

    def new_register(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            translate("MergeRegister", "New chair's register"),
            str(self._folder() / f"Register{reg.EXTENSION}"),
            translate("MergeRegister", "Chair's register (*%1)").replace("%1", reg.EXTENSION),
        )
        if not chosen:
            return
        target = Path(chosen)

        def work(_ctx: TaskContext) -> Path:
            return reg.init_register(target)

        self._run(work, self._chosen)

    def _folder(self) -> Path:
        path = self.register_path()
        return path.parent if path is not None else Path.home()

    def _use(self, path: Path, *, check: bool) -> None:
        def work(_ctx: TaskContext) -> Path:
            if check:
                reg.register_view(path)  # a register edited outside the program is refused
            return path

        self._run(work, self._chosen)

    def _chosen(self, chosen: Path) -> None:
        use_register(self.merge_window, chosen)
        self._show_path()
        self._say(fill(translate("MergeRegister", "Using the register %1."), chosen.name))
        self._refresh_after = True

    # --- the steps ------------------------------------------------------------------------------
    def register_key(self) -> None:
        row, register = self.selected_row(), self.register_path()
        if row is None or row.file is None or register is None or not row.can_register:
            return
        typed, file = self.fingerprint_edit.text(), row.file

        def work(_ctx: TaskContext) -> Text:
            check_fingerprint_typed(typed)
            return reg.add_key(register, file, typed)

        self._step(work, clear=self.fingerprint_edit)

    def accept_change(self) -> None:
        row, register = self.selected_row(), self.register_path()
        if row is None or row.file is None or register is None or not row.can_accept:
            return
        file = row.file
        self._step(lambda _ctx: reg.accept_key_change(register, file))

    def add_code(self) -> None:
        self._code_step(reg.add_code)

    def confirm_code(self) -> None:
        self._code_step(reg.confirm_code)

    def _code_step(self, step: Callable[[Path, str, str], Text]) -> None:
        register = self.register_path()
        if register is None:
            return
        code, name = self.code_edit.text(), self.name_edit.text()

        def work(_ctx: TaskContext) -> Text:
            check_name(name)
            return step(register, code, name)

        self._step(work, clear=self.code_edit)

    def _step(self, work: Callable[[TaskContext], Text], clear: QLineEdit | None = None) -> None:
        def done(said: Text) -> None:
            self._say(said.pick(current_language()))
            if clear is not None:
                clear.clear()
            recheck(self.merge_window)
            self._refresh_after = True

        self._run(work, done)

    # --- running ---------------------------------------------------------------------------
    def _run(
        self,
        work: Callable[[TaskContext], Any],
        done: Callable[[Any], None],
        *,
        message: bool = True,
    ) -> None:
        if self._task is not None:
            return
        task = Task(work)
        self._task = task
        if message:
            self._say("")
        task.succeeded.connect(done)
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self._update_buttons()
        task.start()

    def _failed(self, error: object) -> None:
        text = error.text(current_language()) if isinstance(error, UserError) else str(error)
        self._say(text, error=True)

    def _finished(self) -> None:
        self._task = None
        self._update_buttons()
        if self._refresh_after:
            self._refresh_after = False
            self.refresh()

    def _say(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else SUCCESS_STYLE)
        self.message_label.setAccessibleDescription(text)
