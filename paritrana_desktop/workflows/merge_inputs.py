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

import errno
import sqlite3
from dataclasses import replace
from pathlib import Path

from ..domain.errors import UserError
from ..domain.merge_reasons import os_reason
from ..domain.merge_records import PanelSource, SourceFile
from ..domain.text import Text
from ..storage.database import FileKind, read_header
from ..storage.errors import DiskFullError
from ..storage.event_file import read_event_file
from ..storage.journal import header_says_wal, looks_cut_short
from ..storage.panel_file import PanelFile
from .codes import panel_code
from .older_files import carry_forward, is_earlier_panel_format
from .private_copy import SourceUnreadable, private_copy, scratch_failure


def read_source(path: Path, scratch: Path | None = None) -> SourceFile:
    """Read and check one input file; a user's problem comes back in ``error``, never raised.

    A temporary folder that cannot take the private copy is raised (``UserError``): it is not
    the file's fault, and no file can be checked then.
    """
    path = Path(path)
    try:
        header = read_header(path)
    except UserError as exc:
        return SourceFile(path, None, None, None, error=exc)
    except OSError as exc:
        return SourceFile(path, None, None, None, error=cannot_read(path, exc))
    version = header.user_version if header.is_sqlite else None
    if looks_cut_short(path):
        return SourceFile(path, None, None, version, error=cut_short(path))
    hand_copy = is_hand_copy(path, header.kind)
    try:
        with private_copy(path, scratch) as copy:
            base = SourceFile(
                path,
                copy.sha256,
                copy.identity,
                version,
                with_wal=copy.with_wal and header.is_sqlite,
                hand_copy=hand_copy,
            )
            try:
                return _read_copy(base, copy.path, header.kind)
            except DiskFullError as exc:  # SQLite's side files in the temporary folder
                where = copy.path.parent.parent
                raise scratch_failure(where, OSError(errno.ENOSPC, str(exc))) from None
    except SourceUnreadable as exc:
        return SourceFile(path, None, None, version, error=cannot_read(path, exc.error))


def cut_short(path: Path) -> UserError:
    return UserError(
        Text(
            f"{path.name} rusak atau tidak lengkap tersalin: ukurannya lebih kecil daripada isi "
            "yang tercatat di dalamnya (terpotong). Salin ulang berkasnya, atau minta salinan "
            "baru dari pemiliknya.",
            f"{path.name} is damaged or was copied incompletely: it is shorter than the content "
            "it records (cut off). Copy it again, or ask its owner for a fresh copy.",
        ),
    )


def cannot_read(path: Path, exc: OSError) -> UserError:
    why = os_reason(exc)
    return UserError(
        Text(
            f"{path.name} tidak dapat dibaca ({why.id}).",
            f"{path.name} cannot be read ({why.en}).",
        ),
    )


def _read_copy(base: SourceFile, copy: Path, kind: FileKind | None) -> SourceFile:
    name = base.path.name
    try:
        if kind is FileKind.EVENT:
            return replace(base, event=read_event_file(copy))
        if is_earlier_panel_format(base.format_version):
            carry_forward(copy)  # the private copy only: an earlier file stays unsigned
        return replace(base, panel=_read_panel(copy))
    except DiskFullError:
        raise
    except UserError as exc:
        return _with_error(base, exc)
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        # A file damaged in a way SQLite only notices halfway through, or rows that do not
        # make sense: the file cannot be trusted, whatever the detail.
        return _with_error(
            base,
            UserError(
                Text(
                    f"{name} rusak atau tidak lengkap tersalin dan tidak dapat dibaca. Minta "
                    "salinan baru dari panelisnya.",
                    f"{name} is damaged or was copied incompletely and cannot be read. Ask the "
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
            trust=result.trust,
            code=panel_code(panel),
            created_at=panel.created_at,
        )


def is_hand_copy(path: Path, kind: FileKind | None) -> bool:
    """A panel file in WAL mode that came without its ``-wal``: copied by hand from the judge's
    data folder, so its last changes may be missing (an export for the chair is never in WAL
    mode)."""
    return kind is FileKind.PANEL and header_says_wal(path) and not Path(f"{path}-wal").exists()


def _with_error(base: SourceFile, error: UserError) -> SourceFile:
    return replace(base, error=error)
