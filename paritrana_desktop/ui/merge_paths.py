"""Where the merge window reads from and writes to: the panel files the chair adds (file
dialogs, drag and drop) and the workbook's path (suggested, typed or chosen)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from ..domain.merge_model import MergePlan
from ..workflows.merge_names import workbook_name_for

if TYPE_CHECKING:
    from .merge_dialog import MergeDialog

translate = QCoreApplication.translate
WORKBOOK_SUFFIX = ".xlsx"


def fill(text: str, *values: object) -> str:
    """Put ``values`` in place of ``%1``, ``%2``... in one pass (Qt's ``arg()``, for str)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return re.sub(r"%(\d)", value, text)


def default_workbook_name(plan: MergePlan, today: dt.date) -> str:
    """``REKAP_<event code>_<yyyymmdd>.xlsx``, as the command line and the guides name it."""
    return workbook_name_for(plan, today)


def with_workbook_suffix(path: Path) -> Path:
    if path.suffix.lower() != WORKBOOK_SUFFIX:
        return path.with_name(path.name + WORKBOOK_SUFFIX)
    return path


def free_path(path: Path) -> Path:
    """``path`` itself, or ``name_2.xlsx``, ``name_3.xlsx``... whichever does not exist yet."""
    if not path.exists():
        return path
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}_{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def local_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def suggest_output(window: MergeDialog, plan: MergePlan) -> None:
    folder = documents_folder()
    if window._files:
        beside = window._files[0].parent
        if beside.is_dir() and os.access(beside, os.W_OK):
            folder = beside
    path = free_path(folder / default_workbook_name(plan, dt.date.today()))
    window.output_edit.setText(str(path))


def choose_output(window: MergeDialog) -> None:
    start = window.output_edit.text().strip() or str(window._last_folder)
    chosen, _filter = QFileDialog.getSaveFileName(
        window,
        translate("MergeDialog", "Save the merged workbook"),
        start,
        translate("MergeDialog", "Excel workbook (*.xlsx)"),
    )
    if not chosen:
        return
    path = Path(chosen)
    path = with_workbook_suffix(path)
    window.output_edit.setText(str(path))
    window.state.output_picked(path, exists=path.exists())
    window._update_state()


def output_path(window: MergeDialog) -> Path | None:
    text = window.output_edit.text().strip()
    if not text:
        return None
    path = Path(text).expanduser()
    path = with_workbook_suffix(path)
    return path


def choose_files(window: MergeDialog) -> None:
    chosen, _filter = QFileDialog.getOpenFileNames(
        window,
        translate("MergeDialog", "Add panel files"),
        str(window._last_folder),
        translate(
            "MergeDialog",
            "Panel and event files (*.paritrana-panel *.paritrana-kegiatan);;"
            "Panel files (*.paritrana-panel);;All files (*)",
        ),
    )
    if chosen:
        window.add_paths([Path(p) for p in chosen])


def choose_folder(window: MergeDialog) -> None:
    chosen = QFileDialog.getExistingDirectory(
        window, translate("MergeDialog", "Add a folder of panel files"), str(window._last_folder)
    )
    if chosen:
        window.add_paths([Path(chosen)])
