"""Why a new file could not be written: one explanation for every layer that writes files."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from paritrana_desktop.domain.write_failure import write_failure
from paritrana_desktop.excel.workbook_file import cannot_write_workbook, with_xlsx_suffix
from paritrana_desktop.storage.errors import DiskFullError, StorageError, cannot_write

TARGET = Path("/media/usb/rekap.xlsx")


@pytest.mark.parametrize(
    ("code", "words", "full"),
    [
        (errno.ENOSPC, "The disk is full", True),
        (errno.EFBIG, "The disk is full", True),
        (errno.EROFS, "is read-only", False),
        (errno.EACCES, "no permission to write", False),
        (errno.ENOTDIR, "is not a folder", False),
        (errno.ENOENT, "does not exist", False),
        (errno.EIO, "a read/write error on the disk", False),  # in words, not the system's
    ],
)
def test_each_reason_has_its_sentence(code: int, words: str, full: bool) -> None:
    failure = write_failure(TARGET, OSError(code, "Input/output error"))
    assert words in failure.text.en and failure.disk_full is full
    assert "rekap.xlsx" in failure.text.id and "rekap.xlsx" in failure.text.en
    assert failure.text.id != failure.text.en


def test_storage_and_excel_say_the_same() -> None:
    exc = OSError(errno.ENOSPC, "No space left on device")
    stored = cannot_write(TARGET, exc)
    assert type(stored) is DiskFullError
    assert cannot_write_workbook(TARGET, exc).message == stored.message
    assert type(cannot_write(TARGET, OSError(errno.EROFS, "ro"))) is StorageError


def test_a_name_without_an_extension_becomes_a_workbook() -> None:
    assert with_xlsx_suffix(Path("hasil")) == Path("hasil.xlsx")
    assert with_xlsx_suffix(Path("hasil.xls")) == Path("hasil.xls")  # refused by the caller
    assert with_xlsx_suffix(Path("hasil.XLSX")) == Path("hasil.XLSX")
