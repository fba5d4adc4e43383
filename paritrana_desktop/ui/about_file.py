"""Help > About my file ("Tentang berkas saya"): the judge's file, its panel ID, the fingerprint
of the key that signs it (large, in four groups, to read aloud to the chair), whether that key
is on this laptop, and the verification code of the file's state; a button copies the
fingerprint. What is shown comes from ``workflows.file_facts``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..workflows.file_facts import AboutFile, about_file

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate


def _value(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutFileDialog(QDialog):
    """What the judge reads aloud to the chair, and the code that names the file's state."""

    def __init__(self, facts: AboutFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutFileDialog")
        self.setWindowTitle(translate("AboutFile", "About my file"))
        self.facts = facts
        judge = f"{facts.judge_name} ({facts.judge_id})"
        self.path_label = _value(str(facts.path), self, "aboutPath")
        self.judge_label = _value(judge, self, "aboutJudge")
        self.panel_label = _value(facts.panel_id, self, "aboutPanel")
        self.code_label = _value(facts.code, self, "aboutCode")
        self.fingerprint_label = _value(
            facts.fingerprint
            or translate("AboutFile", "none: a file of the earlier, unsigned format"),
            self,
            "aboutFingerprint",
        )
        if facts.fingerprint:
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            font.setPointSizeF(max(font.pointSizeF(), 10.0) * 2)
            font.setWeight(QFont.Weight.Bold)
            self.fingerprint_label.setFont(font)
            self.fingerprint_label.setAccessibleName(translate("AboutFile", "Key fingerprint"))
        if facts.key_here:
            here = translate("AboutFile", "Yes: this laptop signs every change to the file.")
        elif facts.fingerprint:
            here = translate(
                "AboutFile",
                "No: the key is not on this laptop, so the file cannot be changed here.",
            )
        else:
            here = translate("AboutFile", "No key: the file is unsigned.")
        self.key_here_label = _value(here, self, "aboutKeyHere")

        form = QFormLayout()
        form.addRow(translate("AboutFile", "File:"), self.path_label)
        form.addRow(translate("AboutFile", "Judge:"), self.judge_label)
        form.addRow(translate("AboutFile", "Panel ID:"), self.panel_label)
        form.addRow(translate("AboutFile", "Key fingerprint:"), self.fingerprint_label)
        form.addRow(translate("AboutFile", "Key on this laptop:"), self.key_here_label)
        form.addRow(translate("AboutFile", "Verification code:"), self.code_label)
        note = QLabel(
            translate(
                "AboutFile",
                "Read the fingerprint aloud to the chair, or compare it with the one printed "
                "on your signed score sheet. The signature is an uncertified electronic "
                "signature (tanda tangan elektronik tidak tersertifikasi); the signed papers "
                "remain the official record.",
            ),
            self,
        )
        note.setWordWrap(True)

        self.copy_button = QPushButton(translate("AboutFile", "&Copy fingerprint"), self)
        self.copy_button.setObjectName("copyFingerprint")
        self.copy_button.setEnabled(bool(facts.fingerprint))
        self.copy_button.clicked.connect(self.copy_fingerprint)
        self.copied_label = _value("", self, "aboutCopied")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.copied_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.copy_button.setFocus()

    def copy_fingerprint(self) -> None:
        if self.facts.fingerprint:
            QGuiApplication.clipboard().setText(self.facts.fingerprint)
            self.copied_label.setText(translate("AboutFile", "The fingerprint was copied."))


def show_about_file(window: MainWindow) -> AboutFileDialog | None:
    """Help > About my file: shown (not modal) for the open file; a sentence in the status bar
    when no file is open."""
    panel = window.panel
    if panel is None:
        window.statusBar().showMessage(
            translate("AboutFile", "Open your panel file first (File > Open)."), 8000
        )
        return None
    dialog = AboutFileDialog(about_file(panel), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
