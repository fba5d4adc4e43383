"""What can go wrong with a file that is the user's environment's fault, not the program's."""

from __future__ import annotations

from ..domain.errors import UserError


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
