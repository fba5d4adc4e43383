"""The Help window (F1, and Bantuan in the main window's menu): the guide for the window it is
opened from, read offline from the bundled files, and that window's keys.

The guide is Markdown (``docs/panduan-*.md``, found by ``resources.guide``) shown by a
``QTextBrowser``, with its images relative to it and links between the guides followed inside
the window. The keys are not written twice: they are read from the window's own actions (their
shortcuts) and buttons (their Alt + letter).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import resources
from .window_memory import WindowMemory

DEFAULT_SIZE = (900, 680)
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def plain(text: str) -> str:
    """A label as a sentence: no ``&`` marking its letter, no trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def window_keys(window: QWidget) -> list[tuple[str, str]]:
    """What each key of ``window`` does: its actions' shortcuts, then its buttons' Alt+letter."""
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        shortcuts = [s for s in action.shortcuts() if not s.isEmpty()]
        if not shortcuts or not action.text():
            continue
        keys = " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        rows.append((plain(action.text()), keys))
    for button in window.findChildren(QAbstractButton):
        found = _MNEMONIC.search(button.text())
        if found is None or not button.isVisibleTo(window) or button.window() is not window:
            continue
        rows.append((plain(button.text()), _alt(found.group(1))))
    for label in window.findChildren(QLabel):
        found = _MNEMONIC.search(label.text())
        if found is None or label.buddy() is None or not label.isVisibleTo(window):
            continue
        rows.append((plain(label.text()).rstrip(":"), _alt(found.group(1))))
    unique: list[tuple[str, str]] = []
    for row in rows:
        if row not in unique:
            unique.append(row)
    return unique


def _alt(letter: str) -> str:
    sequence = QKeySequence(f"Alt+{letter.upper()}")
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def keys_html(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
        for what, keys in rows
    )
    return f"<table cellspacing='0' cellpadding='4'>{cells}</table>"


class HelpWindow(QDialog):
    """One guide and one window's keys, in two tabs."""

    def __init__(
        self,
        parent: QWidget,
        guide_name: str,
        keys: list[tuple[str, str]],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Help — Paritrana Desktop"))
        self.setSizeGripEnabled(True)
        self.guide_path = resources.guide(guide_name)

        self.guide_view = QTextBrowser(self)
        self.guide_view.setObjectName("guideView")
        self.guide_view.setAccessibleName(self.tr("Guide"))
        self.guide_view.setOpenExternalLinks(False)  # offline: the web is never opened from here
        if self.guide_path is not None:
            self.guide_view.setSource(
                QUrl.fromLocalFile(str(self.guide_path)),
                QTextDocument.ResourceType.MarkdownResource,
            )
        else:
            self.guide_view.setPlainText(
                self.tr(
                    "The guide %1 is not in this copy of the program, so it cannot be shown "
                    "here. The keys of this window are on the Keys tab."
                ).replace("%1", guide_name)
            )

        self.keys_view = QTextBrowser(self)
        self.keys_view.setObjectName("keysView")
        self.keys_view.setAccessibleName(self.tr("Keys of this window"))
        self.keys_view.setHtml(keys_html(keys))

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.guide_view, self.tr("&Guide"))
        self.tabs.addTab(self.keys_view, self.tr("&Keys"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.memory = WindowMemory(self, None, None, DEFAULT_SIZE)
        self.memory.restore()

    def guide_text(self) -> str:
        return self.guide_view.toPlainText()

    def keys_text(self) -> str:
        return self.keys_view.toPlainText()


def show_help(
    window: QWidget, guide_name: str, extra_keys: list[tuple[str, str]] | None = None
) -> HelpWindow:
    """Open the Help window for ``window`` (not modal: the judge can read while working)."""
    keys = list(extra_keys or []) + window_keys(window)
    help_window = HelpWindow(window, guide_name, keys)
    help_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    help_window.show()
    return help_window
