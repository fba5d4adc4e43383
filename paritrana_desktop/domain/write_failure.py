"""Why a new file could not be written, in words the user can act on.

Every layer that writes a file (the panel and event files, the template, the merged workbook)
explains an ``OSError`` the same way; this module only reads the error number, it touches no
file.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from .text import Text


@dataclass(frozen=True)
class WriteFailure:
    """The sentence for a failed write, and whether the disk was full."""

    text: Text
    disk_full: bool = False


_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM}


def write_failure(path: Path, exc: OSError) -> WriteFailure:
    """Why a new file at ``path`` could not be written, after whatever was half-made has been
    removed: it names the user's file (never the hidden ``.part`` one), says why in words and
    what to do."""
    name, folder = path.name, path.parent
    code = exc.errno
    if code in _FULL_ERRNOS:
        return WriteFailure(
            Text(
                f"Disk penuh: {name} tidak dapat ditulis di {folder}. Kosongkan ruang disk atau "
                "pilih folder lain; tidak ada berkas setengah jadi yang tertinggal.",
                f"The disk is full: {name} could not be written in {folder}. Free some space or "
                "choose another folder; no half-written file was left.",
            ),
            disk_full=True,
        )
    if code == errno.EROFS:
        return WriteFailure(
            Text(
                f"{name} tidak dapat dibuat: folder {folder} hanya-baca (misalnya flashdisk yang "
                "dikunci). Pilih folder lain.",
                f"{name} could not be created: the folder {folder} is read-only (a locked USB "
                "stick, for example). Choose another folder.",
            ),
        )
    if code in _DENIED_ERRNOS:
        return WriteFailure(
            Text(
                f"{name} tidak dapat dibuat: tidak ada izin menulis di folder {folder}. Pilih "
                "folder lain.",
                f"{name} could not be created: no permission to write in the folder {folder}. "
                "Choose another folder.",
            ),
        )
    if code == errno.ENOTDIR:
        return WriteFailure(
            Text(
                f"{name} tidak dapat dibuat: {folder} bukan folder. Pilih folder lain.",
                f"{name} could not be created: {folder} is not a folder. Choose another folder.",
            ),
        )
    if code == errno.ENOENT:
        return WriteFailure(
            Text(
                f"{name} tidak dapat dibuat: folder {folder} tidak ada. Periksa nama foldernya "
                "atau pilih folder lain.",
                f"{name} could not be created: the folder {folder} does not exist. Check the "
                "folder name or choose another folder.",
            ),
        )
    from .merge_reasons import os_reason  # the error in words, never the system's English

    reason = os_reason(exc)
    return WriteFailure(
        Text(
            f"{name} tidak dapat ditulis di {folder} ({reason.id}). Pilih folder lain; tidak ada "
            "berkas setengah jadi yang tertinggal.",
            f"{name} could not be written in {folder} ({reason.en}). Choose another folder; no "
            "half-written file was left.",
        ),
    )
