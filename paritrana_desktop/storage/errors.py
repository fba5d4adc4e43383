"""What can go wrong with a file that is the user's environment's fault, not the program's."""

from __future__ import annotations

import errno
from pathlib import Path

from ..domain.errors import UserError
from ..domain.text import Text


class StorageError(UserError):
    """A file could not be read or written for a reason the user can act on."""


class FileLockedError(StorageError):
    """Another copy of the program (or another program) holds the file."""


class NotOurFileError(StorageError):
    """Not a SQLite file, or a SQLite file of another program."""


class WrongKindError(StorageError):
    """One of our files, but not the kind asked for (an event file where a panel file is needed)."""


class NewerFormatError(StorageError):
    """Written by a newer version of the program."""


class DamagedFileError(StorageError):
    """The file fails SQLite's integrity check or cannot be read."""


class TamperedError(StorageError):
    """The audit chain or the fingerprint does not match: edited outside the program."""


class DiskFullError(StorageError):
    """The disk (or the USB stick) is full or refused the write."""


class FileExistsError_(StorageError):
    """Refusing to overwrite a file that is already there."""


_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM}


def cannot_write(path: Path, exc: OSError) -> StorageError:
    """The sentence for a new file at ``path`` that could not be written, after whatever was
    half-made has been removed: it names the user's file (never the hidden ``.part`` one), says
    why in words and what to do."""
    name, folder = path.name, path.parent
    code = exc.errno
    if code in _FULL_ERRNOS:
        return DiskFullError(
            Text(
                f"Disk penuh: {name} tidak dapat ditulis di {folder}. Kosongkan ruang disk atau "
                "pilih folder lain; tidak ada berkas setengah jadi yang tertinggal.",
                f"The disk is full: {name} could not be written in {folder}. Free some space or "
                "choose another folder; no half-written file was left.",
            ),
        )
    if code == errno.EROFS:
        return StorageError(
            Text(
                f"{name} tidak dapat dibuat: folder {folder} hanya-baca (misalnya flashdisk yang "
                "dikunci). Pilih folder lain.",
                f"{name} could not be created: the folder {folder} is read-only (a locked USB "
                "stick, for example). Choose another folder.",
            ),
        )
    if code in _DENIED_ERRNOS:
        return StorageError(
            Text(
                f"{name} tidak dapat dibuat: tidak ada izin menulis di folder {folder}. Pilih "
                "folder lain.",
                f"{name} could not be created: no permission to write in the folder {folder}. "
                "Choose another folder.",
            ),
        )
    if code == errno.ENOTDIR:
        return StorageError(
            Text(
                f"{name} tidak dapat dibuat: {folder} bukan folder. Pilih folder lain.",
                f"{name} could not be created: {folder} is not a folder. Choose another folder.",
            ),
        )
    if code == errno.ENOENT:
        return StorageError(
            Text(
                f"{name} tidak dapat dibuat: folder {folder} tidak ada. Periksa nama foldernya "
                "atau pilih folder lain.",
                f"{name} could not be created: the folder {folder} does not exist. Check the "
                "folder name or choose another folder.",
            ),
        )
    reason = exc.strerror or str(exc)
    return StorageError(
        Text(
            f"{name} tidak dapat ditulis di {folder} ({reason}). Pilih folder lain; tidak ada "
            "berkas setengah jadi yang tertinggal.",
            f"{name} could not be written in {folder} ({reason}). Choose another folder; no "
            "half-written file was left.",
        ),
    )
