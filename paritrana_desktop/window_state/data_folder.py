"""Can the window use its data folder? The rules, without Qt.

The data folder holds the judge's panel files, the log and the settings. When it cannot be used
(``PARITRANA_DATA_DIR`` names a file or a read-only place, a folder the user may not write, no
home folder) the window says which folder and what to do, once, before anything is written, and
writes nothing anywhere else (not under ``/.local/share`` when ``HOME`` is unset).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sys
from collections.abc import Mapping
from pathlib import Path

from ..domain.errors import UserError
from ..domain.text import Text

ENV_DATA_DIR = "PARITRANA_DATA_DIR"


class DataFolderError(UserError):
    """The data folder cannot be used; the sentence names it and says what to do."""


def _what_to_do(variable: str) -> Text:
    return Text(
        f" Perbaiki izin folder itu, atau atur {variable} ke folder yang dapat ditulis, lalu "
        "buka program lagi.",
        f" Fix the folder's permissions, or set {variable} to a folder you can write, then start "
        "the program again.",
    )


def check_home(environ: Mapping[str, str], platform: str = sys.platform) -> None:
    """Without ``PARITRANA_DATA_DIR`` the data folder lies under the home folder: on POSIX
    ``HOME`` must name a folder that exists (raises :class:`DataFolderError`)."""
    if environ.get(ENV_DATA_DIR) or platform.startswith("win"):
        return
    home = environ.get("HOME", "")
    if not home:
        raise DataFolderError(
            Text(
                "Folder rumah (HOME) tidak diatur, jadi folder data program tidak diketahui. "
                f"Atur HOME ke folder rumah Anda, atau {ENV_DATA_DIR} ke folder yang dapat "
                "ditulis, lalu buka program lagi.",
                "The home folder (HOME) is not set, so the program's data folder is unknown. Set "
                f"HOME to your home folder, or {ENV_DATA_DIR} to a folder you can write, then "
                "start the program again.",
            )
        )
    if not Path(home).is_dir():
        raise DataFolderError(
            Text(
                f"Folder rumah {home} (HOME) tidak ada, jadi folder data program tidak dapat "
                f"dibuat. Atur HOME ke folder rumah Anda, atau {ENV_DATA_DIR} ke folder yang "
                "dapat ditulis, lalu buka program lagi.",
                f"The home folder {home} (HOME) does not exist, so the program's data folder "
                f"cannot be made. Set HOME to your home folder, or {ENV_DATA_DIR} to a folder "
                "you can write, then start the program again.",
            )
        )


def _reason(exc: OSError) -> Text:
    if exc.errno == errno.EROFS:
        return Text("ada di disk yang hanya dapat dibaca", "is on a read-only disk")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Text("tidak boleh ditulis oleh pengguna ini", "may not be written by this user")
    if exc.errno == errno.ENOSPC:
        return Text("ada di disk yang penuh", "is on a full disk")
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return Text("adalah berkas, bukan folder", "is a file, not a folder")
    return Text("tidak dapat dipakai", "cannot be used")


def ensure_folder(folder: Path, variable: str = ENV_DATA_DIR) -> Path:
    """Make ``folder`` (and its parents) and check that a file can be written in it; a folder
    that cannot be used raises :class:`DataFolderError` naming it. The check leaves nothing."""
    try:
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".paritrana-write-check-{secrets.token_hex(4)}"
        try:
            descriptor = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(descriptor)
        finally:
            with contextlib.suppress(OSError):
                probe.unlink()
    except OSError as exc:
        reason = _reason(exc)
        raise DataFolderError(
            Text(
                f"Folder data program {folder} {reason.id}; nilai dan catatan tidak dapat "
                "disimpan di sana.",
                f"The program's data folder {folder} {reason.en}; scores and notes cannot be "
                "saved there.",
            )
            + _what_to_do(variable)
        ) from None
    return folder
