"""Reading a panel file of an earlier format without touching it: a private copy is carried
forward to the current format (the migration adds the signature columns, empty) and read there.

An earlier file stays what it was: unsigned, and named so by ``verify`` and the merge.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..storage.database import FileKind, current_version
from ..storage.panel_file import PanelFile


def is_earlier_panel_format(version: int | None) -> bool:
    return version is not None and version < current_version(FileKind.PANEL)


def carry_forward(copy: Path) -> None:
    """Migrate ``copy`` (a private copy in a scratch folder) to the current format."""
    PanelFile.open(copy).close()


def carried_forward_copy(path: Path, folder: Path) -> Path:
    """A copy of ``path`` (and its ``-wal``) in ``folder``, carried forward; its path."""
    copy = folder / path.name
    shutil.copyfile(path, copy)
    wal = Path(f"{path}-wal")
    if wal.is_file():
        shutil.copyfile(wal, Path(f"{copy}-wal"))
    carry_forward(copy)
    return copy
