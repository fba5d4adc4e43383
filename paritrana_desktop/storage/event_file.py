"""The event file the secretariat writes: the event, its rubrics, schedule and roster."""

from __future__ import annotations

import os
from pathlib import Path

from ..domain.event import Event
from ..domain.text import Text
from .database import (
    FileKind,
    begin_partial,
    invalid_content,
    open_database,
    read_header,
    remove_partial,
    translate_errors,
)
from .errors import StorageError, TamperedError, cannot_write
from .schema import MIGRATIONS, Migration, read_event_tables, write_event_tables

EXTENSION = FileKind.EVENT.extension


def write_event_file(path: Path, event: Event, *, overwrite: bool = False) -> Path:
    """Write ``event`` to a new event file, complete or not at all."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise StorageError(
            Text(
                f"{path} sudah ada; berkas itu dibiarkan utuh, tidak ada yang ditimpa. "
                "Pilih nama lain.",
                f"{path} already exists; it was left as it was and nothing was overwritten. "
                "Choose another name.",
            ),
        )
    partial = path.with_name(f".{path.name}.part")
    begin_partial(path, partial)
    try:
        db = open_database(
            partial,
            FileKind.EVENT,
            migrations=MIGRATIONS[FileKind.EVENT],
            create=True,
            shown_as=path,
        )
        try:
            with translate_errors(path, FileKind.EVENT), db.atomic():
                write_event_tables(db, event)
            with translate_errors(path, FileKind.EVENT), db.ensure_autocommit_on():
                # A self-contained single file: safe to copy, to mail, to open read-only.
                db.conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            db.close()
        with translate_errors(path, FileKind.EVENT):
            os.replace(partial, path)
    except OSError as exc:
        remove_partial(partial)
        raise cannot_write(path, exc) from None
    except BaseException:
        remove_partial(partial)
        raise
    return path


def _readable_steps(path: Path) -> tuple[Migration, ...]:
    """The migration steps to open ``path`` read-only with: an older event file is read in its
    own format, since every step after format 1 adds only what the reader treats as optional
    (format 2: the papers' table). Nothing is written to a file opened to be read."""
    steps = MIGRATIONS[FileKind.EVENT]
    try:
        version = read_header(path).user_version
    except (StorageError, OSError):
        return steps  # open_database says what is wrong with it
    return steps[:version] if 1 <= version < len(steps) else steps


def read_event_file(path: Path) -> Event:
    """The event in an event file, checked against its own fingerprint."""
    path = Path(path)
    db = open_database(
        path,
        FileKind.EVENT,
        migrations=_readable_steps(path),
        read_only=True,
        exclusive=False,
    )
    try:
        with translate_errors(path, FileKind.EVENT), invalid_content(path, FileKind.EVENT):
            event, header = read_event_tables(db)
    finally:
        db.close()
    stored = (
        header["fingerprint"],
        header["rubric_fingerprint"],
        header["schedule_fingerprint"],
        header["roster_fingerprint"],
    )
    recomputed = (
        event.fingerprint(),
        event.rubric_fingerprint(),
        event.schedule_fingerprint(),
        event.roster_fingerprint(),
    )
    if stored != recomputed:
        raise TamperedError(
            Text(
                f"{path.name}: isi rubrik, jadwal atau daftar panelis tidak cocok dengan sidik "
                "jarinya; berkas diubah di luar program. Minta berkas kegiatan asli dari "
                "sekretariat.",
                f"{path.name}: the rubric, schedule or panel roster does not match its "
                "fingerprint; the file was changed outside the program. Ask the secretariat for "
                "the original event file.",
            ),
        )
    return event
