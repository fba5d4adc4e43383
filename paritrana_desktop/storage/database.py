"""The one place that opens our SQLite files, sets their pragmas, checks and migrates them.

Each file identifies itself in its header: ``PRAGMA application_id`` says which kind of
Paritrana file it is, ``PRAGMA user_version`` which format version. Older versions are migrated
forward, newer ones refused, and foreign files get a sentence instead of a traceback.

The steps of each format are not registered here: whoever opens a file hands its kind's steps
(``schema.MIGRATIONS``) to :func:`open_database`. SQLite's failures are told apart by their
result code (:func:`sqlite_failure`), never by the words of the message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..domain.errors import ValidationError
from ..domain.text import Text
from .disk import no_room
from .errors import (
    DamagedFileError,
    DiskFullError,
    FileExistsError_,
    FileLockedError,
    NewerFormatError,
    NotOurFileError,
    StorageError,
    WrongKindError,
    cannot_write,
)
from .kinds import FileKind
from .schema import Migration, current_version

__all__ = [
    "SQLITE_MAGIC",
    "FileKind",
    "Header",
    "Migration",
    "begin_partial",
    "check_header",
    "current_version",
    "header_may_be_in_wal",
    "integrity_problems",
    "invalid_content",
    "open_database",
    "read_header",
    "refuse_existing",
    "remove_partial",
    "sqlite_failure",
    "sqlite_result",
    "translate_errors",
]

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Header:
    """What a file's first 100 bytes say about it, read without opening it as a database."""

    size: int
    is_sqlite: bool
    application_id: int
    user_version: int

    @property
    def kind(self) -> FileKind | None:
        for kind in FileKind:
            if kind.value == self.application_id:
                return kind
        return None


def read_header(path: Path) -> Header:
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        raise StorageError(
            Text(
                f"Berkas {path} tidak ditemukan. Periksa nama dan foldernya.",
                f"{path} was not found. Check the name and the folder.",
            ),
        ) from None
    except IsADirectoryError:
        raise StorageError(
            Text(f"{path} adalah folder, bukan berkas.", f"{path} is a folder, not a file.")
        ) from None
    except PermissionError:
        raise StorageError(
            Text(f"Tidak ada izin membaca {path}.", f"No permission to read {path}.")
        ) from None
    is_sqlite = len(head) == 100 and head.startswith(SQLITE_MAGIC)
    return Header(
        size=path.stat().st_size,
        is_sqlite=is_sqlite,
        application_id=int.from_bytes(head[68:72], "big") if is_sqlite else 0,
        user_version=int.from_bytes(head[60:64], "big") if is_sqlite else 0,
    )


def header_may_be_in_wal(path: Path, header: Header) -> bool:
    """A SQLite file whose header does not say what it is yet, beside a non-empty WAL: a file
    open in the program (or left so by a crash) may still hold its header change in its WAL, so
    only SQLite, opening it, can tell what it is (or say it is locked)."""
    if not header.is_sqlite or header.kind is not None:
        return False
    wal = Path(f"{path}-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def check_header(path: Path, kind: FileKind, newest: int | None = None) -> Header:
    """Refuse a file that is not ours, not of ``kind`` or newer than format ``newest`` (by
    default the newest this program knows, ``schema.current_version``)."""
    newest = current_version(kind) if newest is None else newest
    header = read_header(path)
    if header.size == 0:
        raise NotOurFileError(
            Text(
                f"{path.name} kosong (0 byte): bukan {kind.name_id} Paritrana. Salin ulang "
                "berkasnya.",
                f"{path.name} is empty (0 bytes): not a Paritrana {kind.name_en}. Copy it again.",
            ),
        )
    if not header.is_sqlite:
        raise NotOurFileError(
            Text(
                f"{path.name} bukan berkas yang dibuat Paritrana Desktop (mungkin rusak, atau "
                "berkas jenis lain). ",
                f"{path.name} is not a file made by Paritrana Desktop (it may be damaged, or "
                "another kind of file). ",
            )
            + _advice_for_foreign(path, kind),
        )
    if header.kind is None:
        raise NotOurFileError(
            Text(
                f"{path.name} adalah basis data program lain, bukan {kind.name_id} Paritrana.",
                f"{path.name} is another program's database, not a Paritrana {kind.name_en}.",
            ),
        )
    if header.kind is not kind:
        other = header.kind
        raise WrongKindError(
            Text(
                f"{path.name} adalah {other.name_id}, bukan {kind.name_id}.",
                f"{path.name} is an {other.name_en}, not a {kind.name_en}."
                if other is FileKind.EVENT
                else f"{path.name} is a {other.name_en}, not an {kind.name_en}.",
            ),
        )
    if header.user_version > newest:
        raise NewerFormatError(
            Text(
                f"{path.name} dibuat oleh versi Paritrana Desktop yang lebih baru (format "
                f"{header.user_version}, program ini membaca sampai format {newest}). Perbarui "
                "program ini.",
                f"{path.name} was written by a newer Paritrana Desktop (format "
                f"{header.user_version}; this program reads up to format {newest}). "
                "Update this program.",
            ),
        )
    return header


def _advice_for_foreign(path: Path, kind: FileKind) -> Text:
    if not path.name.endswith(kind.extension):
        article = "an" if kind is FileKind.EVENT else "a"
        return Text(
            f"Pilih {kind.name_id} berakhiran {kind.extension}.",
            f"Choose {article} {kind.name_en} ending in {kind.extension}.",
        )
    # the right name on the wrong content
    if kind is FileKind.PANEL:
        return Text(
            "Minta panelisnya mengekspor ulang berkas panelnya.",
            "Ask the judge to export the panel file again.",
        )
    return Text(
        "Minta sekretariat mengirim ulang berkas kegiatannya.",
        "Ask the secretariat to send the event file again.",
    )


def refuse_existing(path: Path) -> None:
    """``FileExistsError_`` when ``path`` holds something (an empty file may be reused)."""
    if path.exists() and path.stat().st_size > 0:
        raise FileExistsError_(
            Text(
                f"{path} sudah ada; program tidak menimpanya. Pilih nama lain atau hapus dulu.",
                f"{path} already exists and will not be overwritten. Choose another name.",
            ),
        )


def begin_partial(path: Path, partial: Path) -> None:
    """Clear what an earlier attempt left and create the empty hidden file ``partial`` in which
    the new file ``path`` is built. A folder that is read-only, missing or full is a sentence
    naming ``path``, and nothing is left behind."""
    try:
        remove_partial(partial)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        remove_partial(partial)
        raise cannot_write(path, exc) from None


def remove_partial(partial: Path) -> None:
    """Remove ``partial`` and SQLite's side files; never raises (a read-only folder refuses
    even the removal of a file that is not there)."""
    for leftover in (partial, *(Path(f"{partial}{s}") for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(OSError):
            leftover.unlink()


def open_database(
    path: Path,
    kind: FileKind,
    *,
    migrations: Sequence[Migration],
    create: bool = False,
    read_only: bool = False,
    exclusive: bool = True,
    shown_as: Path | None = None,
) -> sqlite_utils.Database:
    """Open (or create) one of our files, ready to use.

    Writable files are opened in WAL mode with ``synchronous=FULL`` and, when ``exclusive``,
    with ``locking_mode=EXCLUSIVE`` so that a second copy of the program is refused.
    ``migrations`` are the steps of ``kind``'s formats (``schema.MIGRATIONS[kind]``): an older
    file is carried forward through them, a newer one refused. ``shown_as`` is the name
    messages use instead of ``path`` (a file built under a hidden name is named as the user's
    file).
    """
    path = Path(path)
    shown = Path(shown_as) if shown_as is not None else path
    if create:
        refuse_existing(path)
        if not path.parent.is_dir():
            raise StorageError(
                Text(
                    f"Folder {path.parent} tidak ada.", f"The folder {path.parent} does not exist."
                )
            )
    else:
        # A live file may still hold its header change in its WAL: then SQLite is asked below
        # (and says "locked" when another copy of the program has it open).
        if not header_may_be_in_wal(path, read_header(path)):
            check_header(path, kind, len(migrations))

    with translate_errors(shown, kind):
        if read_only:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
        else:
            conn = sqlite3.connect(str(path), timeout=1.0)
        db = sqlite_utils.Database(conn, execute_plugins=False)
        try:
            if exclusive and not read_only:
                db.execute("PRAGMA locking_mode=EXCLUSIVE")
            if not read_only:
                with db.ensure_autocommit_on():
                    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StorageError(
                        Text(
                            f"{shown.name} tidak dapat dibuka dalam mode WAL (mode: {mode}). "
                            "Salin berkas ke disk laptop, bukan flashdisk atau folder jaringan.",
                            f"{shown.name} cannot use WAL mode (got {mode}). Copy it to the "
                            "laptop's own disk, not a USB stick or a network folder.",
                        ),
                    )
                db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            if create:
                db.execute(f"PRAGMA application_id={kind.value}")
            # With locking_mode=EXCLUSIVE the switch to WAL above already took the lock, so a
            # second copy of the program is refused on opening, not at its first save.
            if not create:
                _check_identity(db, path, kind)
            _migrate(db, path, migrations, read_only)
            if create and not read_only:
                # Put the header (application_id, user_version) into the main file at once, so
                # that the file says what it is even while it is open.
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except BaseException:
            conn.close()
            raise
    return db


def _check_identity(db: sqlite_utils.Database, path: Path, kind: FileKind) -> None:
    app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    if app_id != kind.value:
        header = Header(size=1, is_sqlite=True, application_id=app_id, user_version=0)
        if header.kind is None:
            raise NotOurFileError(
                Text(
                    f"{path.name} adalah basis data program lain, bukan {kind.name_id} Paritrana.",
                    f"{path.name} is another program's database, not a Paritrana {kind.name_en}.",
                ),
            )
        raise WrongKindError(
            Text(
                f"{path.name} adalah {header.kind.name_id}, bukan {kind.name_id}.",
                f"{path.name} is the wrong kind of file: a {header.kind.name_en}, not a "
                f"{kind.name_en}.",
            ),
        )


def _migrate(
    db: sqlite_utils.Database, path: Path, migrations: Sequence[Migration], read_only: bool
) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    target = len(migrations)
    if version > target:  # checked on the header already, but a file can change underneath
        raise NewerFormatError(
            Text(
                f"{path.name} dibuat oleh versi program yang lebih baru. Perbarui program ini.",
                f"{path.name} was written by a newer version of the program. Update this program.",
            ),
        )
    if version == target:
        return
    if read_only:
        raise StorageError(
            Text(
                f"{path.name} memakai format lama ({version}) dan perlu diperbarui, tetapi dibuka "
                "hanya-baca. Buka sekali dengan Paritrana Desktop untuk memperbaruinya.",
                f"{path.name} uses an older format ({version}) and needs updating, but it was "
                "opened read-only. Open it once in Paritrana Desktop to update it.",
            ),
        )
    with db.atomic():
        for step in migrations[version:]:
            step(db)
        db.execute(f"PRAGMA user_version={target}")


@contextlib.contextmanager
def translate_errors(path: Path, kind: FileKind | None = None) -> Iterator[None]:
    """Turn SQLite's and the OS's failures into sentences the user can act on.

    SQLite's failures are told apart by their result code (``sqlite_errorcode``), never by the
    words of the message; a code that is not the user's environment (a misuse, a constraint)
    is a bug and goes on unchanged.
    """
    try:
        yield
    except sqlite3.Error as exc:
        error = sqlite_failure(exc, path, kind)
        if error is None:
            raise
        raise error from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFullError(
                Text(
                    f"Disk penuh saat menulis {path.name}. Kosongkan ruang disk lalu coba lagi.",
                    f"The disk filled up while writing {path.name}. Free some space and try again.",
                ),
            ) from None
        raise


def sqlite_result(exc: sqlite3.Error) -> int | None:
    """SQLite's primary result code for ``exc`` (``sqlite3.SQLITE_BUSY``, ...), or ``None``
    for a failure raised by Python's module itself (a misuse, never the user's)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def sqlite_failure(
    exc: sqlite3.Error, path: Path, kind: FileKind | None = None
) -> StorageError | None:
    """The sentence for a SQLite failure that is the user's environment's fault (another
    program holds the file, the disk is full, read-only or failing, the file is damaged), by
    its primary result code; ``None`` for any other failure (a bug)."""
    primary = sqlite_result(exc)
    if primary is None:
        return None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return FileLockedError(
            Text(
                f"{path.name} sedang dibuka oleh program lain (mungkin Paritrana Desktop di "
                "jendela lain). Tutup program itu dulu, lalu coba lagi.",
                f"{path.name} is open in another program (perhaps Paritrana Desktop in another "
                "window). Close that program first, then try again.",
            ),
        )
    if primary == sqlite3.SQLITE_FULL:
        return DiskFullError(
            Text(
                f"Disk penuh: {path.name} tidak dapat disimpan. Kosongkan ruang disk; yang "
                "sudah tersimpan tetap aman.",
                f"The disk is full: {path.name} could not be saved. Free some space; what was "
                "saved before is safe.",
            ),
        )
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return StorageError(
            Text(
                f"{path.name} tidak dapat ditulis (hanya-baca atau tidak ada izin). Salin ke "
                "folder yang dapat ditulis.",
                f"{path.name} cannot be written (read-only or no permission). Copy it to a "
                "folder you can write to.",
            ),
        )
    if primary == sqlite3.SQLITE_IOERR:
        return _io_failure(path)
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        what = Text(kind.name_id, kind.name_en) if kind else Text("berkas", "file")
        return DamagedFileError(
            Text(
                f"{path.name} rusak ({what.id} tidak dapat dibaca). Minta salinan baru dari "
                "pemiliknya.",
                f"{path.name} is damaged (the {what.en} cannot be read). Ask its owner for a "
                "fresh copy.",
            ),
        )
    return None


def _io_failure(path: Path) -> StorageError:
    if no_room(path.parent):
        # Opening a WAL file needs a little room for its side files; a full disk says
        # "disk I/O error" then, not "full".
        return DiskFullError(
            Text(
                f"Disk penuh: {path.name} tidak dapat dibuka atau disimpan. Kosongkan ruang "
                "disk; yang sudah tersimpan tetap aman.",
                f"The disk is full: {path.name} cannot be opened or saved. Free some space; "
                "what was saved before is safe.",
            ),
        )
    return StorageError(
        Text(
            f"Kesalahan baca/tulis disk pada {path.name}. Periksa flashdisk atau disknya.",
            f"A disk read/write error on {path.name}. Check the USB stick or the disk.",
        ),
    )


@contextlib.contextmanager
def invalid_content(path: Path, kind: FileKind) -> Iterator[None]:
    """Turn stored rows that do not make sense (a missing event row, an unknown status, weights
    that no longer add up to 100) into a sentence, as when the file was edited outside the
    program or its creation was cut off."""
    try:
        yield
    except ValidationError as exc:
        why = exc.message.map(lambda text: text.rstrip("."))
        raise DamagedFileError(
            Text(
                f"{path.name}: isi {kind.name_id} tidak sah ({why.id}); berkas diubah di luar "
                "program atau tidak lengkap. Minta salinan baru dari pemiliknya.",
                f"{path.name}: the {kind.name_en}'s content is not valid ({why.en}); the file was "
                "changed outside the program or is incomplete. Ask its owner for a fresh copy.",
            ),
        ) from None
    except (ValueError, KeyError, TypeError):
        raise DamagedFileError(
            Text(
                f"{path.name}: isi {kind.name_id} tidak sah atau tidak lengkap (diubah di luar "
                "program, atau pembuatannya terputus). Minta salinan baru dari pemiliknya.",
                f"{path.name}: the {kind.name_en}'s content is not valid or incomplete (changed "
                "outside the program, or its creation was cut off). Ask its owner for a fresh "
                "copy.",
            ),
        ) from None


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """SQLite's own integrity check: an empty list when the file is sound."""
    rows = [str(r[0]) for r in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows
