"""The disk under our files: making a rename durable, and telling a full disk from others."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

# Below this much free space, a failed write was the disk filling up (SQLite then says only
# "disk I/O error").
LOW_SPACE = 64 * 1024


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut.

    POSIX only: a folder is opened and flushed like a file there; Windows has no handle for a
    folder to flush (and makes the rename durable itself).
    """
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # some file systems (FAT over FUSE) refuse it
            os.fsync(fd)
    finally:
        os.close(fd)


def no_room(folder: Path) -> bool:
    """Less than ``LOW_SPACE`` free in ``folder`` (``False`` when that cannot be told)."""
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False
