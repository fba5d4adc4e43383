"""Reading the files handed to the chair's merge, one at a time, without changing them.

Each input is first copied into a private temporary folder (with its ``-wal`` file, when a
copy was taken while the judge's program had it open) and opened read-only there: the merge
never writes beside the originals (no ``-shm``/``-wal`` on the USB stick), never holds a lock on
them, and works on a write-protected stick.

What is checked here is what one file can say about itself: is it SQLite, ours, a panel file,
not too new, sound (``PRAGMA integrity_check``), its audit chain whole, its stored scores equal
to the replayed log, its event fingerprint its own. Comparing files with each other is the
merge's rules' job (``domain.merge_rules``). The records are ``domain.merge_records``'s.
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from dataclasses import replace
from pathlib import Path

from ..domain.errors import UserError
from ..domain.merge_records import PanelSource, SourceFile
from ..domain.text import Text
from ..storage.database import FileKind, header_says_wal, read_header
from ..storage.event_file import read_event_file
from ..storage.panel_file import PanelFile

_CHUNK = 1 << 20


def _copy_with_digest(source: Path, target: Path) -> str:
    """Copy ``source`` to ``target``; the SHA-256 of what was copied."""
    digest = hashlib.sha256()
    with source.open("rb") as src, target.open("wb") as dst:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
    return digest.hexdigest()


def read_source(path: Path, scratch: Path | None = None) -> SourceFile:
    """Read and check one input file; a user's problem comes back in ``error``, never raised."""
    path = Path(path)
    try:
        header = read_header(path)
    except UserError as exc:
        return SourceFile(path, None, None, None, error=exc)
    except OSError as exc:
        return SourceFile(
            path,
            None,
            None,
            None,
            error=UserError(
                Text(
                    f"{path.name} tidak dapat dibaca: {exc.strerror or exc}.",
                    f"{path.name} cannot be read: {exc.strerror or exc}.",
                ),
            ),
        )
    wal = Path(f"{path}-wal")
    with_wal = header.is_sqlite and wal.is_file() and wal.stat().st_size > 0
    hand_copy = is_hand_copy(path, header.kind)
    version = header.user_version if header.is_sqlite else None
    with tempfile.TemporaryDirectory(prefix="paritrana-merge-", dir=scratch) as tmp:
        copy = Path(tmp) / path.name
        try:
            sha = _copy_with_digest(path, copy)  # one read for both
            identity = sha
            if with_wal:
                wal_sha = _copy_with_digest(wal, Path(f"{copy}-wal"))
                identity = hashlib.sha256(f"{sha}:{wal_sha}".encode()).hexdigest()
        except OSError as exc:
            return SourceFile(
                path,
                None,
                None,
                version,
                error=UserError(
                    Text(
                        f"{path.name} tidak dapat dibaca: {exc.strerror or exc}.",
                        f"{path.name} cannot be read: {exc.strerror or exc}.",
                    ),
                ),
            )
        base = SourceFile(path, sha, identity, version, with_wal=with_wal, hand_copy=hand_copy)
        try:
            if header.kind is FileKind.EVENT:
                return replace(base, event=read_event_file(copy))
            return replace(base, panel=_read_panel(copy))
        except UserError as exc:
            return _with_error(base, exc)
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            # A file damaged in a way SQLite only notices halfway through, or rows that do not
            # make sense: the file cannot be trusted, whatever the detail.
            return _with_error(
                base,
                UserError(
                    Text(
                        f"{path.name} rusak atau tidak lengkap dan tidak dapat dibaca ({exc}). "
                        "Minta salinan baru dari panelisnya.",
                        f"{path.name} is damaged or incomplete and cannot be read ({exc}). Ask the "
                        "judge for a fresh copy.",
                    ),
                ),
            )


def _read_panel(copy: Path) -> PanelSource:
    with PanelFile.open(copy, read_only=True) as panel:
        result = panel.verify()
        return PanelSource(
            panel_id=panel.panel_id,
            judge=panel.judge,
            event=panel.event,
            stored_fingerprint=panel.stored_event_fingerprint,
            cards=tuple(panel.scorecards()),
            problems=tuple(UserError(problem) for problem in result.problems),
            created_at=panel.created_at,
        )


def is_hand_copy(path: Path, kind: FileKind | None) -> bool:
    """A panel file in WAL mode that came without its ``-wal``: copied by hand from the judge's
    data folder, so its last changes may be missing (an export for the chair is never in WAL
    mode)."""
    return kind is FileKind.PANEL and header_says_wal(path) and not Path(f"{path}-wal").exists()


def _with_error(base: SourceFile, error: UserError) -> SourceFile:
    return replace(base, error=error)
