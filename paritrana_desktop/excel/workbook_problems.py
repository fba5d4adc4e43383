"""What is wrong in the secretariat's workbook, and opening it without a traceback.

A ``WorkbookProblem`` names the sheet, row and column of one mistake and says in both
languages what to change. ``WorkbookProblems`` carries all of them at once, so the secretary
fixes every mistake in one pass instead of one per attempt.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from ..domain.errors import UserError, current_language
from ..domain.input_file import not_a_regular_file, unreadable_input
from ..domain.text import Text
from .workbook_formulas import Uncalculated, uncalculated_formulas

# A workbook of a few hundred rows is well under a megabyte; this only stops a wrong pick.
MAX_WORKBOOK_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class WorkbookProblem:
    """One mistake: where it is (sheet, row, column) and what to change, in both languages."""

    sheet: str
    row: int | None
    column: int | None
    heading: str
    message: Text

    @property
    def column_letter(self) -> str:
        return get_column_letter(self.column) if self.column else ""

    def location(self, language: str | None = None) -> str:
        english = (language or current_language()) == "en"
        parts = [f"Sheet {self.sheet}" if self.sheet else ""]
        if self.row:
            parts.append(f"{'row' if english else 'baris'} {self.row}")
        if self.column:
            column = f"{'column' if english else 'kolom'} {self.column_letter}"
            if self.heading:
                column += f" ({self.heading})"
            parts.append(column)
        return ", ".join(p for p in parts if p)

    def text(self, language: str | None = None) -> str:
        english = (language or current_language()) == "en"
        message = self.message.pick("en" if english else "id")
        where = self.location("en" if english else "id")
        return f"{where}: {message}" if where else message

    def __str__(self) -> str:
        return self.text()


class WorkbookProblems(UserError):
    """Every problem found in one workbook; no event file is made while there is any."""

    def __init__(self, source: Path, problems: Iterable[WorkbookProblem]) -> None:
        self.source = Path(source)
        self.problems: tuple[WorkbookProblem, ...] = tuple(problems)
        count = len(self.problems)
        id_lines = [
            f"{self.source.name}: {count} masalah ditemukan, berkas kegiatan belum dibuat. "
            "Perbaiki di Excel, simpan, lalu ulangi:"
        ]
        en_lines = [
            f"{self.source.name}: {count} problem(s) found, no event file was made. "
            "Correct them in Excel, save, and try again:"
        ]
        id_lines += [f"- {p.text('id')}" for p in self.problems]
        en_lines += [f"- {p.text('en')}" for p in self.problems]
        super().__init__(Text("\n".join(id_lines), "\n".join(en_lines)))


class WorkbookFileError(UserError):
    """The file is missing, not an .xlsx workbook, damaged or protected with a password."""


def _refuse(path: Path, id_text: str, en_text: str) -> WorkbookFileError:
    return WorkbookFileError(Text(f"{path.name}: {id_text}", f"{path.name}: {en_text}"))


def load_source_workbook(path: Path) -> Workbook:
    """Open the secretariat's workbook, or say in one sentence why it cannot be opened."""
    return load_source(path)[0]


def load_source(path: Path) -> tuple[Workbook, list[Uncalculated]]:
    """The secretariat's workbook (stored values) and its formula cells without a value, or a
    sentence saying why it cannot be opened."""
    path = Path(path)
    try:
        found = os.stat(path)
        if stat.S_ISDIR(found.st_mode):
            raise _refuse(
                path,
                "ini folder, bukan workbook. Pilih berkas .xlsx.",
                "this is a folder, not a workbook. Choose an .xlsx file.",
            )
        special = not_a_regular_file(path, found.st_mode)
        if special is not None:  # a pipe or a device would block the first read forever
            raise WorkbookFileError(special)
        size = found.st_size
        if size > MAX_WORKBOOK_BYTES:
            raise _refuse(
                path,
                "berkas terlalu besar untuk workbook jadwal. Pilih workbook dari template.",
                "the file is too large to be the schedule workbook. Choose the workbook made "
                "from the template.",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise _refuse(
            path,
            "berkas tidak ditemukan. Periksa nama dan foldernya.",
            "the file was not found. Check its name and folder.",
        ) from None
    except PermissionError:
        raise _refuse(
            path,
            "berkas tidak boleh dibaca (izin ditolak). Salin berkas ke folder Anda lalu ulangi.",
            "the file cannot be read (permission denied). Copy it to your own folder and retry.",
        ) from None
    except OSError as exc:
        raise WorkbookFileError(unreadable_input(path, exc)) from None
    _check_signature(path, data)
    try:
        with warnings.catch_warnings():
            # Excel extensions openpyxl does not know (slicers, extended validations) only warn.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken package
        raise _refuse(
            path,
            "workbook rusak dan tidak dapat dibaca. Buka di Excel atau LibreOffice, simpan "
            "ulang sebagai .xlsx, lalu ulangi.",
            "the workbook is damaged and cannot be read. Open it in Excel or LibreOffice, save "
            "it again as .xlsx, and retry.",
        ) from None
    return workbook, uncalculated_formulas(data, workbook)


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_signature(path: Path, data: bytes) -> None:
    if data.startswith(_OLE2):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise _refuse(
                path,
                "workbook dilindungi kata sandi. Buka di Excel, hapus kata sandinya (Info > "
                "Protect Workbook > Encrypt with Password, kosongkan), simpan, lalu ulangi.",
                "the workbook is protected with a password. Open it in Excel, remove the "
                "password (Info > Protect Workbook > Encrypt with Password, leave it empty), "
                "save, and retry.",
            )
        raise _refuse(
            path,
            "ini format Excel lama (.xls). Buka di Excel atau LibreOffice dan simpan sebagai "
            "Excel Workbook (.xlsx), lalu ulangi.",
            "this is the old Excel format (.xls). Open it in Excel or LibreOffice, save it as "
            "an Excel Workbook (.xlsx), and retry.",
        )
    if not data.startswith(b"PK"):
        raise _refuse(
            path,
            "bukan workbook Excel (.xlsx). Simpan jadwal sebagai Excel Workbook (.xlsx), "
            "misalnya dari template 'paritrana event template'.",
            "this is not an Excel workbook (.xlsx). Save the schedule as an Excel Workbook "
            "(.xlsx), for example starting from 'paritrana event template'.",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        raise _refuse(
            path,
            "workbook rusak atau belum tersalin utuh. Salin ulang berkas aslinya, lalu ulangi.",
            "the workbook is damaged or was not copied completely. Copy the original again "
            "and retry.",
        ) from None
    if b"opendocument" in mimetype:
        raise _refuse(
            path,
            "ini spreadsheet OpenDocument (.ods). Di LibreOffice pilih Simpan Sebagai > "
            "Excel 2007-365 (.xlsx), lalu ulangi.",
            "this is an OpenDocument spreadsheet (.ods). In LibreOffice choose Save As > "
            "Excel 2007-365 (.xlsx), and retry.",
        )
    if "xl/workbook.xml" not in names and "[Content_Types].xml" not in names:
        raise _refuse(
            path,
            "bukan workbook Excel (.xlsx), melainkan arsip ZIP lain. Pilih berkas .xlsx.",
            "this is not an Excel workbook (.xlsx) but some other ZIP archive. Choose the "
            ".xlsx file.",
        )
