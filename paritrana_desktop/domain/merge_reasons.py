"""Why the operating system refused to read or write, in the user's language.

The system's own text (``No space left on device``) is English whatever the user's language, so
the merge, its collection of files and ``verify`` never put it inside a sentence: they name the
class of the error number here instead.
"""

from __future__ import annotations

import errno

from .text import Text

__all__ = ["is_full", "os_reason"]

_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}

_REASONS: dict[int, Text] = {
    errno.EACCES: Text("tidak ada izin", "no permission"),
    errno.EPERM: Text("tidak ada izin", "no permission"),
    errno.EROFS: Text("hanya-baca", "read-only"),
    errno.ENOENT: Text("tidak ada lagi", "no longer there"),
    errno.ENOTDIR: Text("bagian jalurnya bukan folder", "part of its path is not a folder"),
    errno.EISDIR: Text("itu folder, bukan berkas", "it is a folder, not a file"),
    errno.ELOOP: Text("tautan yang berputar", "a link that loops"),
    errno.ENAMETOOLONG: Text("namanya terlalu panjang", "its name is too long"),
    errno.EIO: Text(
        "kesalahan baca/tulis pada disk atau flashdisk", "a read/write error on the disk or stick"
    ),
    errno.EBUSY: Text("sedang dipakai program lain", "in use by another program"),
    errno.EMFILE: Text("terlalu banyak berkas terbuka", "too many open files"),
    errno.ENXIO: Text("perangkatnya tidak ada", "the device is not there"),
    errno.ENODEV: Text("perangkatnya tidak ada", "the device is not there"),
    errno.ETIMEDOUT: Text("waktu habis", "it timed out"),
}


def is_full(exc: OSError) -> bool:
    """Whether ``exc`` says the disk (or a quota) is full."""
    return exc.errno in _FULL


def os_reason(exc: OSError) -> Text:
    """``disk penuh`` / ``the disk is full``, ``tidak ada izin`` / ``no permission``, ...: the
    class of ``exc``'s error number, never the system's English text."""
    if exc.errno in _FULL:
        return Text("disk penuh", "the disk is full")
    found = _REASONS.get(exc.errno or -1)
    if found is not None:
        return found
    number = exc.errno if exc.errno is not None else "?"
    return Text(f"kesalahan sistem nomor {number}", f"system error number {number}")
