"""Where the program keeps the judge's files: one module, from QStandardPaths, redirectable.

    data folder   panel files (panels/), the log (logs/) and the settings (settings.ini)

The data folder is Qt's ``AppDataLocation`` (on Windows ``%APPDATA%/Paritrana/Paritrana
Desktop``, on Linux ``~/.local/share/Paritrana/Paritrana Desktop``). The environment variable
``PARITRANA_DATA_DIR`` moves all of it elsewhere: tests use it, and so can a judge who wants the
files on another internal disk.

A folder that cannot be used raises :class:`~paritrana_desktop.window_state.data_folder.
DataFolderError` naming it (the rules are in ``window_state.data_folder``); without
``PARITRANA_DATA_DIR`` an unset or missing ``HOME`` is refused before Qt guesses a folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from ..window_state.data_folder import ENV_DATA_DIR, check_home, ensure_folder

__all__ = ["ENV_DATA_DIR", "check_folders", "data_dir", "log_file", "panels_dir"]

ORGANISATION = "Paritrana"
APPLICATION = "Paritrana Desktop"


def data_dir() -> Path:
    """The judge's data folder, created on first use (``DataFolderError`` when it cannot be)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        folder = Path(override).expanduser()
    else:
        check_home(os.environ)
        if not QCoreApplication.organizationName():
            QCoreApplication.setOrganizationName(ORGANISATION)
        if not QCoreApplication.applicationName():
            QCoreApplication.setApplicationName(APPLICATION)
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        folder = Path(location) if location else Path.home() / ".paritrana-desktop"
    return ensure_folder(folder)


def panels_dir() -> Path:
    """Where the judge's own panel files live (the live files, on the laptop's disk)."""
    return ensure_folder(data_dir() / "panels")


def logs_dir() -> Path:
    return ensure_folder(data_dir() / "logs")


def check_folders() -> None:
    """At start, before anything is written: the data folder, its panel files' folder and its
    log folder can be used (raises ``DataFolderError`` naming the first that cannot)."""
    panels_dir()
    logs_dir()


def log_file() -> Path:
    return logs_dir() / "paritrana-desktop.log"


def settings_file() -> Path:
    return data_dir() / "settings.ini"
