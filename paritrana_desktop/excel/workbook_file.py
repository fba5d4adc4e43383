"""Saving an openpyxl workbook so that a failed write closes everything it opened, and the
names and sentences of workbook files.

openpyxl saves through a ``ZipFile`` on the target file and does not close it when a write
fails (a full disk, a USB stick pulled out): the garbage collector closes it later, writes
again, fails again and prints ``Exception ignored in: ZipFile.__del__`` with a traceback after
the user's sentence. So openpyxl writes into memory (a merged workbook is a few MB at most)
and the bytes reach the disk through a file this module owns and always closes.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from openpyxl import Workbook

from ..domain.errors import UserError
from ..domain.write_failure import write_failure

XLSX = ".xlsx"


def with_xlsx_suffix(path: Path) -> Path:
    """``path``, with ``.xlsx`` added when the name has no extension at all."""
    return path.with_suffix(XLSX) if path.suffix == "" else path


def cannot_write_workbook(path: Path, exc: OSError) -> UserError:
    """The sentence for a workbook that could not be written at ``path`` (half-made file
    already removed)."""
    return UserError(write_failure(path, exc).text)


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save ``workbook`` to ``path`` and force it onto the device.

    An ``OSError`` leaves at most a half-written ``path``, closed; the caller (which writes to a
    hidden temporary name) removes it.
    """
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getbuffer()
    try:
        with open(path, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    finally:
        data.release()
