"""A private copy of a file to check, so that checking never writes beside the original.

Opening a WAL-mode SQLite file, even read-only, makes SQLite write a ``-shm`` (and ``-wal``)
beside it, and fails on a write-protected stick or a read-only folder. ``verify`` and the merge
therefore copy the file (with its ``-wal``, when a copy was taken while the judge's program had
it open) into a private temporary folder, read it there, and remove the folder: the folder they
were given is left as they found it.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import UserError
from ..domain.merge_reasons import os_reason
from ..domain.text import Text

__all__ = ["PrivateCopy", "SourceUnreadable", "private_copy", "scratch_failure"]

_CHUNK = 1 << 20


@dataclass(frozen=True)
class PrivateCopy:
    """The copy of one file in a private temporary folder, and what was copied."""

    path: Path
    sha256: str  # of the file's bytes
    identity: str  # of the file and its -wal together: equal identity, the same copy
    with_wal: bool  # a non-empty -wal lay beside the file and was copied with it


class SourceUnreadable(Exception):
    """The original (or its -wal) could not be read; ``error`` says why."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def scratch_failure(folder: Path, exc: OSError) -> UserError:
    """The temporary folder, not the user's file, failed (full, read-only, no permission)."""
    why = os_reason(exc)
    return UserError(
        Text(
            f"Folder sementara {folder} tidak dapat dipakai ({why.id}), jadi berkas tidak dapat "
            "diperiksa. Kosongkan ruang disk di sana, atau arahkan TMPDIR (di Windows: TEMP) ke "
            "folder lain, lalu coba lagi. Berkas yang diberikan tidak diubah.",
            f"The temporary folder {folder} cannot be used ({why.en}), so the files cannot be "
            "checked. Free some space there, or point TMPDIR (on Windows: TEMP) to another "
            "folder, then try again. The files given were not changed.",
        ),
    )


@contextlib.contextmanager
def private_copy(source: Path, scratch: Path | None = None) -> Iterator[PrivateCopy]:
    """A copy of ``source`` (and its non-empty ``-wal``) in a new private folder under
    ``scratch`` (the system's temporary folder by default), removed afterwards.

    Raises :class:`SourceUnreadable` when the original cannot be read, and the
    :func:`scratch_failure` ``UserError`` when the temporary folder cannot take the copy.
    """
    source = Path(source)
    wal = Path(f"{source}-wal")
    try:
        with_wal = wal.is_file() and wal.stat().st_size > 0
    except OSError as exc:
        raise SourceUnreadable(exc) from None
    where = Path(scratch) if scratch is not None else Path(tempfile.gettempdir())
    try:
        folder = tempfile.TemporaryDirectory(prefix="paritrana-check-", dir=scratch)
    except OSError as exc:
        raise scratch_failure(where, exc) from None
    with folder as tmp:
        copy = Path(tmp) / source.name
        sha = _copy(source, copy, where)
        identity = sha
        if with_wal:
            wal_sha = _copy(wal, Path(f"{copy}-wal"), where)
            identity = hashlib.sha256(f"{sha}:{wal_sha}".encode()).hexdigest()
        yield PrivateCopy(copy, sha, identity, with_wal)


def _copy(source: Path, target: Path, scratch: Path) -> str:
    """Copy ``source`` to ``target``; the SHA-256 of what was copied. A failure to read is the
    source's, a failure to write the temporary folder's."""
    digest = hashlib.sha256()
    try:
        src = source.open("rb")
    except OSError as exc:
        raise SourceUnreadable(exc) from None
    with src:
        try:
            with target.open("wb") as dst:
                while True:
                    try:
                        chunk = src.read(_CHUNK)
                    except OSError as exc:
                        raise SourceUnreadable(exc) from None
                    if not chunk:
                        break
                    digest.update(chunk)
                    dst.write(chunk)
        except OSError as exc:  # opening, writing or closing the copy (a full disk at close)
            raise scratch_failure(scratch, exc) from None
    return digest.hexdigest()
