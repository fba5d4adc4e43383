"""Telling the judge what went wrong in their environment, and what to do about it.

Lower layers raise :class:`UserError` with an Indonesian and an English sentence; here the
sentence is shown in the interface language, with a short next step for the common kinds.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.errors import UserError, current_language
from ..storage.errors import (
    DamagedFileError,
    DiskFullError,
    FileLockedError,
    NewerFormatError,
    NotOurFileError,
    WrongKindError,
)

translate = QCoreApplication.translate


def error_title(error: UserError) -> str:
    if isinstance(error, FileLockedError):
        return translate("ErrorDialog", "The file is already open")
    if isinstance(error, DiskFullError):
        return translate("ErrorDialog", "The disk is full")
    if isinstance(error, NotOurFileError | WrongKindError):
        return translate("ErrorDialog", "Not a file this program can open")
    if isinstance(error, NewerFormatError):
        return translate("ErrorDialog", "Made by a newer version")
    if isinstance(error, DamagedFileError):
        return translate("ErrorDialog", "The file is damaged")
    return translate("ErrorDialog", "Cannot continue")


def error_advice(error: UserError) -> str:
    if isinstance(error, FileLockedError):
        return translate(
            "ErrorDialog",
            "Paritrana Desktop may already be running in another window: switch to it, or close "
            "it and open the file again.",
        )
    if isinstance(error, DiskFullError):
        return translate(
            "ErrorDialog",
            "Everything saved before is safe. Delete or move some files to free space, then try "
            "again.",
        )
    if isinstance(error, NotOurFileError | WrongKindError):
        return translate(
            "ErrorDialog",
            "Open an event file (.paritrana-kegiatan) from the secretariat or your own panel "
            "file (.paritrana-panel).",
        )
    if isinstance(error, NewerFormatError):
        return translate(
            "ErrorDialog", "Install the newest Paritrana Desktop, then open the file again."
        )
    return ""


def show_user_error(parent: QWidget | None, error: UserError, doing: str = "") -> None:
    """A warning dialog with the error's sentence in the interface language."""
    text = error.text(current_language())
    if doing:
        text = f"{doing}\n\n{text}"
    advice = error_advice(error)
    if advice:
        text = f"{text}\n\n{advice}"
    QMessageBox.warning(parent, error_title(error), text)
