"""The box that asks for a reason (unlocking, declaring or withdrawing a conflict of interest).

Made for the keyboard: Enter starts a new line (a reason may have several), Tab and Shift+Tab
move to the buttons and back, Ctrl+Enter saves, Esc cancels. A blank reason is not accepted:
the box says so and keeps the cursor in the text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #8c1d18;"


class ReasonDialog(QDialog):
    """A multi-line reason, required; ``reason()`` is the text without surrounding blanks."""

    def __init__(self, title: str, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)

        self.question_label = QLabel(question, self)
        self.question_label.setObjectName("reasonQuestion")
        self.question_label.setTextFormat(Qt.TextFormat.PlainText)
        self.question_label.setWordWrap(True)

        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("reasonText")
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.tr("Reason"))
        self.edit.setAccessibleDescription(question)
        self.question_label.setBuddy(self.edit)
        self.edit.textChanged.connect(self._hide_error)

        self.keys_hint = QLabel(
            self.tr("Ctrl+Enter: OK · Enter: new line · Tab: to the buttons · Esc: cancel"), self
        )
        self.keys_hint.setObjectName("reasonKeys")
        self.keys_hint.setStyleSheet("color: palette(placeholder-text);")
        self.keys_hint.setWordWrap(True)

        self.error_label = QLabel(self.tr("A reason is required."), self)
        self.error_label.setObjectName("reasonRequired")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setToolTip(self.tr("Save the reason (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # Ctrl+Return is the main keyboard's Enter key, Ctrl+Enter the keypad's.
        self.accept_action = QAction(self)
        self.accept_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.accept_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.accept_action.triggered.connect(self.accept)
        self.addAction(self.accept_action)

        layout = QVBoxLayout(self)
        layout.addWidget(self.question_label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.keys_hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.edit.setFocus()

    def reason(self) -> str:
        return self.edit.toPlainText().strip()

    def accept(self) -> None:
        """Close with the reason; a blank one is refused with a sentence."""
        if not self.reason():
            self.error_label.show()
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def _hide_error(self) -> None:
        if self.reason():
            self.error_label.hide()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, question: str) -> str | None:
        """The reason typed, or None when the judge cancels."""
        dialog = cls(title, question, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.reason()
            return None
        finally:
            dialog.deleteLater()
