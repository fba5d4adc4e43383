"""Which paths a user may give as an input file, and the sentence when one cannot be used.

Only a regular file is read: a named pipe (FIFO), a device or a socket would block the program
forever on its first read, and a loop of symbolic links can never be followed. The layers that
read files (the event and panel files, the secretariat's workbook) look at a path's ``stat``
first and ask this module what to say; the module reads no file itself.
"""

from __future__ import annotations

import errno
import stat
from pathlib import Path

from .text import Text

# The longest file name the program writes: most file systems allow 255 bytes, and the hidden
# name a file is built under first (``.NAME.1a2b3c4d.part.xlsx``) is some 20 bytes longer.
MAX_NAME_BYTES = 200


def unreadable_input(path: Path, exc: OSError) -> Text:
    """Why ``stat`` or ``open`` of the input ``path`` failed, in words the user can act on."""
    code = exc.errno
    if code == errno.ENOENT:
        return Text(
            f"Berkas {path} tidak ditemukan. Periksa nama dan foldernya.",
            f"{path} was not found. Check the name and the folder.",
        )
    if code == errno.ELOOP:
        return Text(
            f"{path} adalah tautan (symlink) yang berputar ke dirinya sendiri, bukan berkas. "
            "Pilih berkas aslinya.",
            f"{path} is a link (symlink) that loops back on itself, not a file. Choose the "
            "file itself.",
        )
    if code == errno.ENAMETOOLONG:
        return Text(
            f"Nama {path} terlalu panjang untuk sistem berkas. Pilih nama yang lebih pendek.",
            f"The name {path} is too long for the file system. Choose a shorter name.",
        )
    if code in (errno.EACCES, errno.EPERM):
        return Text(f"Tidak ada izin membaca {path}.", f"No permission to read {path}.")
    if code == errno.ENOTDIR:
        return Text(
            f"{path} tidak ditemukan: salah satu folder di jalurnya adalah berkas.",
            f"{path} was not found: one of the folders on its path is a file.",
        )
    return Text(
        f"{path} tidak dapat dibaca (kode kesalahan sistem {code}).",
        f"{path} cannot be read (system error code {code}).",
    )


def not_a_regular_file(path: Path, mode: int) -> Text | None:
    """None when ``mode`` (a ``stat`` result's ``st_mode``) is a regular file; else why the
    program will not read ``path``."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return Text(f"{path} adalah folder, bukan berkas.", f"{path} is a folder, not a file.")
    kind_id, kind_en = _special_kind(mode)
    return Text(
        f"{path} bukan berkas biasa melainkan {kind_id}; program hanya membaca berkas biasa. "
        "Pilih berkas yang disalin dari program atau dari sekretariat.",
        f"{path} is not a regular file but {kind_en}; the program reads regular files only. "
        "Choose a file copied from the program or from the secretariat.",
    )


def _special_kind(mode: int) -> tuple[str, str]:
    if stat.S_ISFIFO(mode):
        return "pipa bernama (FIFO)", "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "soket", "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "perangkat", "a device"
    return "berkas khusus", "a special file"


def output_name_problem(name: str) -> Text | None:
    """None when ``name`` (the last part of an output path) can be written; else why not."""
    if not name or name in (".", ".."):
        return Text(
            "Nama berkas keluaran kosong. Tuliskan nama berkas, misalnya rekap.xlsx.",
            "The output file name is empty. Give a file name such as rekap.xlsx.",
        )
    size = len(name.encode("utf-8", "surrogateescape"))
    if size > MAX_NAME_BYTES:
        return Text(
            f"Nama berkas keluaran terlalu panjang ({size} byte; paling banyak "
            f"{MAX_NAME_BYTES}). Pilih nama yang lebih pendek; tidak ada yang ditulis.",
            f"The output file name is too long ({size} bytes; at most {MAX_NAME_BYTES}). "
            "Choose a shorter name; nothing was written.",
        )
    return None
