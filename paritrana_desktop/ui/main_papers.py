"""Berkas > Cetak lembar penilaian...: the judge's score sheet as a PDF, for a day or every day,
saved where the judge chooses and opened in the system's PDF viewer, which prints it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import UserError
from ..domain.words import date_long
from ..workflows.documents import write_open_score_sheet
from .errors import show_user_error

if TYPE_CHECKING:
    from .main_window import MainWindow

translate = QCoreApplication.translate


class DayDialog(QDialog):
    """Which day's interviews to print: one day, or every day (the first choice)."""

    def __init__(self, days: list[dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreSheetDayDialog")
        self.setWindowTitle(translate("MainWindow", "Print score sheet"))
        self.days = days
        self.combo = QComboBox(self)
        self.combo.setObjectName("scoreSheetDay")
        self.combo.addItem(translate("MainWindow", "Every day"))
        for day in days:
            self.combo.addItem(date_long(day))
        label = QLabel(translate("MainWindow", "Print the score sheets of:"), self)
        label.setBuddy(self.combo)
        note = QLabel(
            translate(
                "MainWindow",
                "The PDF opens in your PDF viewer; print it from there, then sign every page.",
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
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen_day(self) -> dt.date | None:
        index = self.combo.currentIndex()
        return None if index <= 0 else self.days[index - 1]


def ask_day(window: QWidget, days: list[dt.date]) -> tuple[bool, dt.date | None]:
    """(accepted, day or None for every day); tests replace this function."""
    dialog = DayDialog(days, window)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return accepted, dialog.chosen_day()


def make_score_sheet_action(window: MainWindow) -> QAction:
    from .main_menus import new_action

    window.score_sheet_action = new_action(
        window,
        translate("MainWindow", "Print &score sheet..."),
        lambda: print_score_sheet(window),
        "Ctrl+P",
        "scoreSheetAction",
        translate("MainWindow", "Your score sheets as a PDF to print and sign"),
    )
    return window.score_sheet_action


def print_score_sheet(window: MainWindow) -> Path | None:
    """Ask for the day and the file, write the PDF, open it in the system's viewer."""
    panel = window.panel
    if panel is None:
        return None
    accepted, day = ask_day(window, panel.event.days())
    if not accepted:
        return None
    when = day.isoformat() if day else translate("MainWindow", "all days")
    suggested = Path.home() / f"Lembar penilaian {panel.judge.id} {when}.pdf"
    chosen, _filter = QFileDialog.getSaveFileName(
        window,
        translate("MainWindow", "Save the score sheet"),
        str(suggested),
        translate("MainWindow", "PDF (*.pdf)"),
    )
    if not chosen:
        return None
    output = Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pages = write_open_score_sheet(panel, output, day)
    except UserError as error:
        QApplication.restoreOverrideCursor()
        show_user_error(window, error, translate("MainWindow", "The score sheet was not saved."))
        return None
    QApplication.restoreOverrideCursor()
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(output)))
    message = translate(
        "MainWindow", "Saved {path} ({pages} pages). Print it from your PDF viewer."
    ).format(path=output, pages=pages)
    if not opened:
        message = translate(
            "MainWindow", "Saved {path} ({pages} pages); open it with a PDF viewer to print it."
        ).format(path=output, pages=pages)
    window.statusBar().showMessage(message, 15000)
    return output
