"""What can go wrong with a file that is the user's environment's fault, not the program's."""

from __future__ import annotations

from pathlib import Path

from ..domain.errors import UserError
from ..domain.write_failure import write_failure


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


def cannot_write(path: Path, exc: OSError) -> StorageError:
    """The sentence for a new file at ``path`` that could not be written, after whatever was
    half-made has been removed (``domain.write_failure`` says why in words)."""
    failure = write_failure(path, exc)
    return DiskFullError(failure.text) if failure.disk_full else StorageError(failure.text)
