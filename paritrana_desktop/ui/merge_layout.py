"""The merge window's layout: the files list over the decisions (a splitter), the output row,
the progress row and the buttons, built once; and its tab order. The rules of what is on are
``window_state.merge_state``'s; what the window does is ``merge_dialog``'s."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.merge_model import FileFinding
from ..window_state.merge_choices import choosable
from ..window_state.merge_state import PlanFacts
from . import merge_papers, merge_paths, merge_register
from .merge_files_model import MergeFilesModel
from .widgets import emphasise

if TYPE_CHECKING:
    from .merge_dialog import MergeDialog

translate = QCoreApplication.translate

WARNING_STYLE = (
    "background: #fbe3e1; color: #5c130c; border: 1px solid #e3a29b; border-radius: 3px;"
    " padding: 6px;"
)


def build(window: MergeDialog) -> None:
    intro, add_row = build_adding(window)
    top = build_file_list(window)
    bottom = build_report_view(window)
    window.splitter = QSplitter(Qt.Orientation.Vertical)
    window.splitter.addWidget(top)
    window.splitter.addWidget(bottom)
    window.splitter.setChildrenCollapsible(False)
    window.splitter.setStretchFactor(0, 3)
    window.splitter.setStretchFactor(1, 2)
    output_row = build_output_row(window)
    build_progress_row(window)
    button_row = build_buttons(window)
    lay_out(window, intro, add_row, output_row, button_row)


def build_adding(window: MergeDialog) -> tuple[QLabel, QHBoxLayout]:
    intro = QLabel(
        translate(
            "MergeDialog",
            "Add every judge's panel file (ending in .paritrana-panel), or a folder that "
            "holds them; you can also drag files and folders onto this window. Each file is "
            "checked first. Nothing is written until you press Merge.",
        )
    )
    intro.setWordWrap(True)

    window.add_files_button = QPushButton(translate("MergeDialog", "Add &files..."))
    window.add_files_button.setToolTip(translate("MergeDialog", "Choose one or more panel files"))
    window.add_folder_button = QPushButton(translate("MergeDialog", "Add f&older..."))
    window.add_folder_button.setToolTip(
        translate(
            "MergeDialog", "Choose a folder; every panel file in it and in its subfolders is added"
        )
    )
    window.remove_button = QPushButton(translate("MergeDialog", "&Remove from list"))
    window.remove_button.setToolTip(
        translate("MergeDialog", "Leave the selected files out (Delete key)")
    )
    window.use_file_button = QPushButton(translate("MergeDialog", "&Use this file for its judge"))
    window.use_file_button.setToolTip(
        translate(
            "MergeDialog",
            "The judge handed in two unrelated files: the selected one stands, the other is "
            "left out (the choice is written in the report and the workbook)",
        )
    )
    window.use_file_button.clicked.connect(window.use_selected_file)
    window.add_files_button.clicked.connect(lambda: merge_paths.choose_files(window))
    window.add_folder_button.clicked.connect(lambda: merge_paths.choose_folder(window))
    window.remove_button.clicked.connect(window.remove_selected)
    add_row = QHBoxLayout()
    add_row.addWidget(window.add_files_button)
    add_row.addWidget(window.add_folder_button)
    add_row.addWidget(window.remove_button)
    add_row.addWidget(window.use_file_button)
    add_row.addStretch(1)
    return intro, add_row


def build_file_list(window: MergeDialog) -> QWidget:
    window.model = MergeFilesModel(window)
    window.table = QTableView()
    window.table.setModel(window.model)
    window.table.setAccessibleName(translate("MergeDialog", "Panel files found"))
    window.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    window.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    window.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    window.table.setWordWrap(False)
    window.table.setTextElideMode(Qt.TextElideMode.ElideRight)
    window.table.verticalHeader().setVisible(False)
    header = window.table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    window.table.resizeColumnsToContents()  # empty: every title whole (rows refit it later)
    window.table.selectionModel().selectionChanged.connect(lambda *_: window._update_state())
    remove_action = QAction(translate("MergeDialog", "Remove from list"), window.table)
    remove_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete)])
    remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    remove_action.triggered.connect(window.remove_selected)
    window.table.addAction(remove_action)
    window.help_action = QAction(translate("MergeDialog", "Guide and keys"), window)
    window.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    window.help_action.triggered.connect(window.show_help)
    window.addAction(window.help_action)

    window.summary_label = QLabel()
    window.summary_label.setWordWrap(True)
    window.blocker_label = QLabel()
    window.blocker_label.setWordWrap(True)
    window.blocker_label.setStyleSheet(WARNING_STYLE)
    window.blocker_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.blocker_label.hide()

    top = QWidget()
    top_layout = QVBoxLayout(top)
    top_layout.setContentsMargins(0, 0, 0, 0)
    top_layout.addWidget(window.table, 1)
    top_layout.addWidget(window.summary_label)
    top_layout.addWidget(window.blocker_label)
    return top


def build_report_view(window: MergeDialog) -> QWidget:
    window.report_title = QLabel(translate("MergeDialog", "What the merge decides"))
    emphasise(window.report_title)
    window.report_view = QPlainTextEdit()
    window.report_view.setReadOnly(True)
    window.report_view.setAccessibleName(translate("MergeDialog", "Decisions and report"))
    window.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    window.report_view.setPlaceholderText(
        translate("MergeDialog", "Every decision of the merge is listed here once files are added.")
    )
    window.report_title.setBuddy(window.report_view)
    bottom = QWidget()
    bottom_layout = QVBoxLayout(bottom)
    bottom_layout.setContentsMargins(0, 0, 0, 0)
    bottom_layout.addWidget(window.report_title)
    bottom_layout.addWidget(window.report_view, 1)
    return bottom


def build_output_row(window: MergeDialog) -> QHBoxLayout:
    window.include_drafts_check = QCheckBox(
        translate("MergeDialog", "&Include complete drafts in the official figures")
    )
    window.include_drafts_check.setToolTip(
        translate(
            "MergeDialog",
            "Normally only final (locked) scorecards count. Drafts are listed in the "
            "workbook either way.",
        )
    )
    window.include_drafts_check.toggled.connect(window._options_changed)
    window.hand_copy_check = QCheckBox(
        translate(
            "MergeDialog",
            "Use the files copied by hand without their -wal &anyway (they may lack the last "
            "changes)",
        )
    )
    window.hand_copy_check.setToolTip(
        translate(
            "MergeDialog",
            "Better: ask the judge for a copy made with Export file for the chair. If you go on, "
            "the report and the workbook say so.",
        )
    )
    window.hand_copy_check.toggled.connect(window._options_changed)
    window.hand_copy_check.hide()

    output_label = QLabel(translate("MergeDialog", "&Workbook:"))
    window.output_edit = QLineEdit()
    window.output_edit.setAccessibleName(
        translate("MergeDialog", "Where the merged workbook is written")
    )
    window.output_edit.setPlaceholderText(translate("MergeDialog", "Add panel files first"))
    window.output_edit.setClearButtonEnabled(True)
    window.output_edit.textEdited.connect(window._output_edited)
    output_label.setBuddy(window.output_edit)
    window.choose_output_button = QPushButton(translate("MergeDialog", "C&hoose..."))
    window.choose_output_button.setToolTip(
        translate("MergeDialog", "Choose the workbook's folder and name")
    )
    window.choose_output_button.clicked.connect(window._choose_output)
    output_row = QHBoxLayout()
    output_row.addWidget(output_label)
    output_row.addWidget(window.output_edit, 1)
    output_row.addWidget(window.choose_output_button)
    return output_row


def build_progress_row(window: MergeDialog) -> None:
    window.message_label = QLabel()
    window.message_label.setWordWrap(True)
    window.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.progress_label = QLabel()
    window.progress_label.setWordWrap(True)
    window.progress_bar = QProgressBar()
    window.progress_bar.setAccessibleName(translate("MergeDialog", "Progress"))
    window.progress_bar.setMinimumWidth(220)
    window.progress_bar.hide()
    window.cancel_button = QPushButton(translate("MergeDialog", "Cancel"))
    window.cancel_button.setToolTip(
        translate("MergeDialog", "Stop; nothing half-written is left behind")
    )
    window.cancel_button.clicked.connect(window.cancel)
    window.cancel_button.hide()
    window.progress_row = QWidget()
    status_row = QHBoxLayout(window.progress_row)
    status_row.setContentsMargins(0, 0, 0, 0)
    status_row.addWidget(window.progress_label, 1)
    status_row.addWidget(window.progress_bar)
    status_row.addWidget(window.cancel_button)


def build_buttons(window: MergeDialog) -> QHBoxLayout:
    window.open_workbook_button = QPushButton(translate("MergeDialog", "Open wor&kbook"))
    window.open_workbook_button.clicked.connect(window._open_workbook)
    window.open_folder_button = QPushButton(translate("MergeDialog", "Open fol&der"))
    window.open_folder_button.clicked.connect(window._open_folder)
    window.skip_button = QPushButton(translate("MergeDialog", "&Go on without the refused files"))
    window.skip_button.setToolTip(
        translate(
            "MergeDialog",
            "Write the workbook from the files that passed the checks; the refused files "
            "are listed in it as left out",
        )
    )
    window.skip_button.clicked.connect(lambda: window._start_write(skip_invalid=True))
    window.merge_button = QPushButton(translate("MergeDialog", "&Merge"))
    window.merge_button.setToolTip(translate("MergeDialog", "Write the merged workbook"))
    window.merge_button.clicked.connect(lambda: window._start_write(skip_invalid=False))
    window.merge_button.setDefault(True)
    window.close_button = QPushButton(translate("MergeDialog", "Close"))
    window.close_button.clicked.connect(window.reject)
    button_row = QHBoxLayout()
    button_row.addWidget(window.open_workbook_button)
    button_row.addWidget(window.open_folder_button)
    button_row.addWidget(merge_papers.make_button(window))
    button_row.addWidget(merge_register.make_button(window))
    button_row.addStretch(1)
    button_row.addWidget(window.skip_button)
    button_row.addWidget(window.merge_button)
    button_row.addWidget(window.close_button)
    return button_row


def lay_out(
    window: MergeDialog,
    intro: QLabel,
    add_row: QHBoxLayout,
    output_row: QHBoxLayout,
    button_row: QHBoxLayout,
) -> None:
    layout = QVBoxLayout(window)
    layout.addWidget(intro)
    layout.addLayout(add_row)
    layout.addWidget(window.splitter, 1)
    layout.addWidget(window.include_drafts_check)
    layout.addWidget(window.hand_copy_check)
    layout.addLayout(output_row)
    layout.addWidget(window.progress_row)
    layout.addWidget(window.message_label)
    layout.addLayout(button_row)

    window.setTabOrder(window.add_files_button, window.add_folder_button)
    window.setTabOrder(window.add_folder_button, window.remove_button)
    window.setTabOrder(window.remove_button, window.use_file_button)
    window.setTabOrder(window.use_file_button, window.table)
    window.setTabOrder(window.table, window.report_view)
    window.setTabOrder(window.report_view, window.include_drafts_check)
    window.setTabOrder(window.include_drafts_check, window.hand_copy_check)
    window.setTabOrder(window.hand_copy_check, window.output_edit)
    window.setTabOrder(window.output_edit, window.choose_output_button)
    window.setTabOrder(window.choose_output_button, window.cancel_button)
    window.setTabOrder(window.cancel_button, window.open_workbook_button)
    window.setTabOrder(window.open_workbook_button, window.open_folder_button)
    window.setTabOrder(window.open_folder_button, window.register_button)
    window.setTabOrder(window.register_button, window.skip_button)
    window.setTabOrder(window.skip_button, window.merge_button)
    window.setTabOrder(window.merge_button, window.close_button)


def update_state(window: MergeDialog) -> None:
    plan = window._plan
    facts = PlanFacts(
        has_plan=plan is not None,
        refused=bool(plan and plan.refused),
        can_write=plan is not None and plan.can_write(window.options()),
        can_write_skipping=plan is not None and plan.can_write(window.options(skip_invalid=True)),
        has_output=bool(window.output_edit.text().strip()),
        selected=window.table.selectionModel().hasSelection(),
        choosable=selected_choosable(window) is not None,
        hand_copies=bool(plan and any(f.hand_copy for f in plan.files)),
    )
    buttons = window.state.buttons(facts)
    for widget in (
        window.add_files_button,
        window.add_folder_button,
        window.include_drafts_check,
        window.output_edit,
        window.choose_output_button,
    ):
        widget.setEnabled(buttons.inputs_enabled)
    window.remove_button.setEnabled(buttons.remove_enabled)
    window.use_file_button.setEnabled(buttons.use_file_enabled)
    window.hand_copy_check.setVisible(buttons.hand_copy_visible)
    window.hand_copy_check.setEnabled(buttons.inputs_enabled)
    window.merge_button.setEnabled(buttons.merge_enabled)
    window.skip_button.setVisible(buttons.skip_visible)
    window.skip_button.setEnabled(buttons.skip_enabled)
    for button in (window.open_workbook_button, window.open_folder_button):
        button.setVisible(buttons.open_visible)
        button.setEnabled(buttons.open_enabled)
    merge_papers.update_button(window, buttons)
    window.progress_row.setVisible(buttons.busy_visible)
    window.cancel_button.setVisible(buttons.busy_visible)
    window.cancel_button.setEnabled(buttons.busy_visible)
    if buttons.skip_takes_focus and window.merge_button.hasFocus():
        window.skip_button.setFocus()


def selected_choosable(window: MergeDialog) -> FileFinding | None:
    """The one selected file, when it belongs to a judge with two unrelated files and is not
    the one that stands for that judge yet."""
    rows = {index.row() for index in window.table.selectionModel().selectedRows()}
    plan = window._plan
    if plan is None or len(rows) != 1:
        return None
    finding = window.model.finding(rows.pop())
    return finding if choosable(plan, finding) else None
