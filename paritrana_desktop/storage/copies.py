"""The copy of a judge's panel file that goes to the chair (for example on a USB stick).

A live panel file is in WAL mode and may be mid-write, so it is never copied as a file.
:func:`export_copy` takes a consistent snapshot through SQLite's backup API from the program's
own open connection into a local temporary file and turns it into one self-contained file
(``journal_mode=DELETE``, no ``-wal``): :func:`take_snapshot`, quick, on the thread that owns
the panel file. :func:`deliver` then writes it into the target folder under a temporary name,
flushes it to the device, renames it, and opens the copy read-only to check it: SQLite's
integrity, the audit chain, and the same scorecards as the original. Either a checked copy is
there, or nothing is. ``deliver`` may run in a worker thread, so a slow USB stick does not
freeze the window.

No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.errors import UserError
from ..domain.text import Text
from .database import sqlite_result
from .disk import no_room, sync_folder
from .errors import DiskFullError, StorageError
from .panel_file import EXTENSION, PanelFile

_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL_RESULTS = {sqlite3.SQLITE_FULL, sqlite3.SQLITE_TOOBIG}
_DENIED_RESULTS = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}


def copy_name(panel: PanelFile, now: dt.datetime) -> str:
    """``KALTIM25-DEMO_J03_Yudha-Prasetya-Nugraha_20250728-1705.paritrana-panel`` for judge J03
    "Yudha Prasetya Nugraha, S.H." at 17.05 on 28 July 2025."""
    judge = panel.judge
    name = _slug(_without_titles(judge.name))[:32].strip("-")
    parts = [_slug(panel.event.code), _slug(judge.id)]
    if name:
        parts.append(name)
    parts.append(now.strftime("%Y%m%d-%H%M"))
    return "_".join(parts) + EXTENSION


@dataclass(frozen=True)
class Snapshot:
    """A consistent, self-contained copy of a panel file in a local temporary folder, and what
    the chair's copy made from it must contain."""

    path: Path
    name: str
    panel_id: str
    judge_id: str
    scorecards: tuple[dict[str, Any], ...]
    audit_entries: int


def export_copy(panel: PanelFile, folder: Path, *, now: dt.datetime | None = None) -> Path:
    """Write a checked, self-contained copy of ``panel`` into ``folder``; returns its path."""
    folder = Path(folder)
    if not folder.is_dir():
        raise _vanished(folder)
    snapshot = take_snapshot(panel, now=now)
    try:
        return deliver(snapshot, folder)
    finally:
        discard(snapshot)


def take_snapshot(panel: PanelFile, *, now: dt.datetime | None = None) -> Snapshot:
    """Step 1, on the thread that owns ``panel``: SQLite's backup from the open connection into a
    local temporary file, made self-contained (``journal_mode=DELETE``) and checked. Fast: it
    never touches the USB stick."""
    try:
        work = Path(tempfile.mkdtemp(prefix="paritrana-copy-"))
    except OSError as exc:  # the temporary folder is full or cannot be written
        raise _explain(Path(tempfile.gettempdir()), exc) from None
    path = work / "snapshot.paritrana-panel"
    try:
        _backup(panel, path)
    except (sqlite3.Error, OSError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise _explain(work, exc) from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Snapshot(
        path=path,
        name=copy_name(panel, now or dt.datetime.now()),
        panel_id=panel.panel_id,
        judge_id=panel.judge.id,
        scorecards=tuple(c.to_dict() for c in panel.scorecards()),
        audit_entries=len(panel.audit_entries()),
    )


def deliver(snapshot: Snapshot, folder: Path) -> Path:
    """Step 2, on any thread: write the snapshot into ``folder`` under a temporary name, flush
    it to the device, rename it, then open it read-only and check it. Either a checked copy is
    there, or nothing is."""
    folder = Path(folder)
    if not folder.is_dir():
        raise _vanished(folder)
    return _deliver_to(snapshot, _free_name(folder / snapshot.name))


def deliver_as(snapshot: Snapshot, target: Path) -> Path:
    """Like :func:`deliver`, but under exactly ``target``, never overwritten: a judge who moved
    to another laptop continues scoring from a copy, which becomes their panel file there."""
    target = Path(target)
    if not target.parent.is_dir():
        raise _vanished(target.parent)
    if target.exists():
        raise StorageError(
            Text(
                f"{target} sudah ada; berkas itu tidak ditimpa.",
                f"{target} already exists; it was not overwritten.",
            ),
        )
    return _deliver_to(snapshot, target)


def _deliver_to(snapshot: Snapshot, target: Path) -> Path:
    folder = target.parent
    partial = folder / f".{target.name}.part"
    try:
        _write_copy(snapshot.path, partial)
        os.replace(partial, target)
        sync_folder(folder)
    except (sqlite3.Error, OSError) as exc:
        _remove(partial)
        raise _explain(folder, exc) from None
    except BaseException:
        _remove(partial)
        raise
    try:
        _check_copy(snapshot, target)
    except BaseException:
        _remove(target)
        raise
    return target


def discard(snapshot: Snapshot) -> None:
    """Remove the snapshot's temporary folder."""
    shutil.rmtree(snapshot.path.parent, ignore_errors=True)


def _backup(panel: PanelFile, path: Path) -> None:
    destination = sqlite3.connect(str(path), isolation_level=None)
    try:
        with panel.connection_for_backup() as source:
            source.backup(destination)
        mode = destination.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise sqlite3.OperationalError(f"could not leave WAL mode (got {mode})")
        problems = destination.execute("PRAGMA quick_check").fetchall()
        if [str(row[0]) for row in problems] != ["ok"]:
            raise sqlite3.DatabaseError(f"the snapshot fails quick_check: {problems[0][0]}")
    finally:
        destination.close()


def _write_copy(source: Path, partial: Path) -> None:
    """Copy the snapshot's bytes to ``partial`` and force them onto the device."""
    _remove(partial)
    with source.open("rb") as reading, partial.open("xb") as writing:
        shutil.copyfileobj(reading, writing, 1 << 20)
        writing.flush()
        os.fsync(writing.fileno())


def _check_copy(snapshot: Snapshot, copy_path: Path) -> None:
    """Open the copy read-only: it must be sound and hold exactly the snapshot's scorecards."""
    try:
        with PanelFile.open(copy_path, read_only=True) as copy:
            result = copy.verify()
            same = (
                copy.panel_id == snapshot.panel_id
                and copy.judge.id == snapshot.judge_id
                and tuple(c.to_dict() for c in copy.scorecards()) == snapshot.scorecards
                and len(copy.audit_entries()) == snapshot.audit_entries
            )
    except UserError as exc:
        raise StorageError(
            Text(
                f"Salinan di {copy_path.parent} tidak dapat dibaca kembali ({exc.text('id')}). "
                "Salinan dihapus; coba lagi atau pakai flashdisk lain.",
                f"The copy in {copy_path.parent} could not be read back ({exc.text('en')}). It was "
                "removed; try again or use another USB stick.",
            ),
        ) from None
    if not result.ok or not same:
        detail = (
            result.problems[0]
            if result.problems
            else Text("isi berbeda dari aslinya", "its content differs")
        )
        raise StorageError(
            Text(
                f"Salinan di {copy_path.parent} gagal diperiksa ({detail.id}). Salinan dihapus; "
                "coba lagi atau pakai flashdisk lain. Berkas asli Anda tidak berubah.",
                f"The copy in {copy_path.parent} failed its check ({detail.en}). It was removed; "
                "try again or use another USB stick. Your own file is unchanged.",
            ),
        )


def _free_name(path: Path) -> Path:
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def _without_titles(name: str) -> str:
    """``Drs. Haryo Permadi Lesmana, M.Si.`` -> ``Haryo Permadi Lesmana``: degrees follow a comma,
    titles before the name end in a full stop."""
    words = name.split(",")[0].split()
    while len(words) > 1 and words[0].endswith("."):
        words.pop(0)
    return " ".join(words) or name


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def _remove(path: Path) -> None:
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _vanished(folder: Path) -> StorageError:
    return StorageError(
        Text(
            f"Folder {folder} tidak ada (lagi). Apakah flashdisk dicabut? Pasang kembali atau "
            "pilih folder lain. Berkas asli Anda tidak berubah.",
            f"The folder {folder} is not there (any more). Was the USB stick pulled out? Plug it "
            "in again or choose another folder. Your own file is unchanged.",
        ),
    )


def _explain(folder: Path, exc: BaseException) -> StorageError:
    """One sentence for why writing into ``folder`` failed."""
    code = exc.errno if isinstance(exc, OSError) else None
    result = sqlite_result(exc) if isinstance(exc, sqlite3.Error) else None
    if not folder.is_dir():
        return _vanished(folder)
    if code in _FULL_ERRNOS or result in _FULL_RESULTS or no_room(folder):
        return DiskFullError(
            Text(
                f"Tidak cukup ruang di {folder} untuk salinan. Kosongkan ruang atau pakai "
                "flashdisk lain. Tidak ada berkas setengah jadi yang tertinggal; berkas asli Anda "
                "tidak berubah.",
                f"There is not enough space in {folder} for the copy. Free some space or use "
                "another USB stick. No half-written file was left; your own file is unchanged.",
            ),
        )
    if code in _DENIED_ERRNOS or result in _DENIED_RESULTS or not os.access(folder, os.W_OK):
        return StorageError(
            Text(
                f"Folder {folder} tidak dapat ditulisi (hanya-baca atau tanpa izin). Pilih folder "
                "lain, atau periksa apakah flashdisk dikunci. Berkas asli Anda tidak berubah.",
                f"The folder {folder} cannot be written to (read-only or no permission). Choose "
                "another folder, or check whether the USB stick is locked. Your own file is "
                "unchanged.",
            ),
        )
    return StorageError(
        Text(
            f"Salinan tidak dapat ditulis ke {folder} ({exc}). Periksa flashdisk atau pilih folder "
            "lain. Tidak ada berkas setengah jadi yang tertinggal; berkas asli Anda tidak berubah.",
            f"The copy could not be written to {folder} ({exc}). Check the USB stick or choose "
            "another folder. No half-written file was left; your own file is unchanged.",
        ),
    )
