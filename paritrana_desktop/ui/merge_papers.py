"""The merge window's "Make berita acara and score sheets...": after the workbook is written,
the berita acara and one lembar per judge from the same plan, into a folder the chair chooses
(with the secretariat's own template if there is one), written off the UI thread, then the
folder opened."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..window_state.merge_state import MergeButtons, MergeTask
from ..workflows.merge_documents import write_documents_after
from .tasks import TaskContext

if TYPE_CHECKING:
    from ..workflows.merge import MergeReport
    from .merge_dialog import MergeDialog

translate = QCoreApplication.translate


@dataclass(frozen=True)
class PapersChoice:
    folder: Path
    template: Path | None  # None: the template that ships with the program
    replace: bool


class PapersDialog(QDialog):
    """The folder for the papers, the berita acara's template, and whether to replace."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("papersDialog")
        self.setWindowTitle(translate("MergeDialog", "Berita acara and score sheets"))
        self.folder_edit = QLineEdit(str(folder), self)
        self.folder_edit.setObjectName("papersFolder")
        self.template_edit = QLineEdit(self)
        self.template_edit.setObjectName("papersTemplate")
        self.template_edit.setPlaceholderText(
            translate("MergeDialog", "Empty: the template that ships with the program")
        )
        self.replace_check = QCheckBox(
            translate("MergeDialog", "&Replace papers already in the folder"), self
        )
        form = QFormLayout()
        form.addRow(
            translate("MergeDialog", "&Folder:"),
            self._with_button(self.folder_edit, self._choose_folder),
        )
        form.addRow(
            translate("MergeDialog", "&Template:"),
            self._with_button(self.template_edit, self._choose_template),
        )
        note = QLabel(
            translate(
                "MergeDialog",
                "The berita acara (Word) and one score sheet (PDF) per judge, from the files "
                "of this merge. All are written, or none.",
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.replace_check)
        layout.addWidget(buttons)

    def _with_button(self, edit: QLineEdit, slot: object) -> QWidget:
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        button = QPushButton(translate("MergeDialog", "Choose..."), row)
        button.clicked.connect(slot)
        box.addWidget(button)
        return row

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("MergeDialog", "Folder for the papers"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    def _choose_template(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            translate("MergeDialog", "Berita acara template"),
            self.template_edit.text(),
            translate("MergeDialog", "Word document (*.docx)"),
        )
        if chosen:
            self.template_edit.setText(chosen)

    def choice(self) -> PapersChoice:
        template = self.template_edit.text().strip()
        return PapersChoice(
            Path(self.folder_edit.text().strip()),
            Path(template) if template else None,
            self.replace_check.isChecked(),
        )


def ask_papers(window: QWidget, folder: Path) -> PapersChoice | None:
    """The chair's choice, or None when cancelled; tests replace this function."""
    dialog = PapersDialog(folder, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()


def make_button(window: MergeDialog) -> QPushButton:
    window.papers_button = QPushButton(
        translate("MergeDialog", "Make &berita acara and score sheets...")
    )
    window.papers_button.setObjectName("papersButton")
    window.papers_button.setToolTip(
        translate("MergeDialog", "The papers the panel signs, from the workbook just written")
    )
    window.papers_button.clicked.connect(lambda: make_papers(window))
    return window.papers_button


def update_button(window: MergeDialog, buttons: MergeButtons) -> None:
    window.papers_button.setVisible(buttons.open_visible)
    window.papers_button.setEnabled(buttons.open_enabled and window.report() is not None)


def make_papers(window: MergeDialog) -> None:
    report = window.report()
    if report is None or window.is_busy():
        return
    choice = ask_papers(window, report.output.parent / f"Dokumen {report.output.stem}")
    if choice is None:
        return

    def work(ctx: TaskContext) -> tuple[Path, ...]:
        return write_documents_after(
            report, choice.folder, choice.template, replace=choice.replace, progress=ctx.progress
        )

    def done(files: tuple[Path, ...]) -> None:
        _written(window, report, choice.folder, files)

    window._run(MergeTask.PAPERS, work, translate("MergeDialog", "Writing the papers..."), done)


def _written(
    window: MergeDialog, report: MergeReport, folder: Path, files: tuple[Path, ...]
) -> None:
    text = translate(
        "MergeDialog",
        "{count} papers written to {folder}: the berita acara and {sheets} score sheets.",
    ).format(count=len(files), folder=folder, sheets=len(files) - 1)
    window._show_message(text, success=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
