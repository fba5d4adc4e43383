"""Where the program keeps the judge's files: one module, from QStandardPaths, redirectable.

    data folder   panel files (panels/), the log (logs/) and the settings (settings.ini)

The data folder is Qt's ``AppDataLocation`` (on Windows ``%APPDATA%/Paritrana/Paritrana
Desktop``, on Linux ``~/.local/share/Paritrana/Paritrana Desktop``). The environment variable
``PARITRANA_DATA_DIR`` moves all of it elsewhere: tests use it, and so can a judge who wants the
files on another internal disk.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

ORGANISATION = "Paritrana"
APPLICATION = "Paritrana Desktop"
ENV_DATA_DIR = "PARITRANA_DATA_DIR"


def data_dir() -> Path:
    """The judge's data folder, created on first use."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        folder = Path(override).expanduser()
    else:
        if not QCoreApplication.organizationName():
            QCoreApplication.setOrganizationName(ORGANISATION)
        if not QCoreApplication.applicationName():
            QCoreApplication.setApplicationName(APPLICATION)
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        folder = Path(location) if location else Path.home() / ".paritrana-desktop"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def panels_dir() -> Path:
    """Where the judge's own panel files live (the live files, on the laptop's disk)."""
    folder = data_dir() / "panels"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def logs_dir() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_file() -> Path:
    return logs_dir() / "paritrana-desktop.log"


def settings_file() -> Path:
    return data_dir() / "settings.ini"
