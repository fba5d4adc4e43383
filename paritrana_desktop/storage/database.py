"""The one place that opens our SQLite files, sets their pragmas, checks and migrates them.

Each file identifies itself in its header: ``PRAGMA application_id`` says which kind of
Paritrana file it is, ``PRAGMA user_version`` which format version. Older versions are migrated
forward, newer ones refused, and foreign files get a sentence instead of a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import sqlite_utils

from ..domain.errors import ValidationError
from ..domain.text import Text
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

SQLITE_MAGIC = b"SQLite format 3\x00"


class FileKind(Enum):
    """Our kinds of file; the value is the ``application_id`` in the header."""

    EVENT = 0x50544556  # "PTEV"
    PANEL = 0x5054504E  # "PTPN"

    @property
    def extension(self) -> str:
        return ".paritrana-kegiatan" if self is FileKind.EVENT else ".paritrana-panel"

    @property
    def name_id(self) -> str:
        return "berkas kegiatan" if self is FileKind.EVENT else "berkas panel"

    @property
    def name_en(self) -> str:
        return "event file" if self is FileKind.EVENT else "panel file"


# One list of migration steps per kind. Step ``n`` (index n - 1) takes a file of format
# version n - 1 to n; step 1 creates the schema in an empty file. A file's format version is
# the number of steps applied to it.
Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: dict[FileKind, list[Migration]] = {FileKind.EVENT: [], FileKind.PANEL: []}


def current_version(kind: FileKind) -> int:
    return len(MIGRATIONS[kind])


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


def check_header(path: Path, kind: FileKind) -> Header:
    """Refuse a file that is not ours, not of ``kind`` or newer than this program."""
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
        if path.name.endswith(kind.extension):  # the right name on the wrong content
            advice_id, advice_en = (
                (
                    "Minta panelisnya mengekspor ulang berkas panelnya.",
                    "Ask the judge to export the panel file again.",
                )
                if kind is FileKind.PANEL
                else (
                    "Minta sekretariat mengirim ulang berkas kegiatannya.",
                    "Ask the secretariat to send the event file again.",
                )
            )
        else:
            advice_id = f"Pilih {kind.name_id} berakhiran {kind.extension}."
            article = "an" if kind is FileKind.EVENT else "a"
            advice_en = f"Choose {article} {kind.name_en} ending in {kind.extension}."
        raise NotOurFileError(
            Text(
                f"{path.name} bukan berkas yang dibuat Paritrana Desktop (mungkin rusak, atau "
                f"berkas jenis lain). {advice_id}",
                f"{path.name} is not a file made by Paritrana Desktop (it may be damaged, or "
                f"another kind of file). {advice_en}",
            ),
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
    if header.user_version > current_version(kind):
        raise NewerFormatError(
            Text(
                f"{path.name} dibuat oleh versi Paritrana Desktop yang lebih baru (format "
                f"{header.user_version}, program ini membaca sampai format "
                f"{current_version(kind)}). Perbarui program ini.",
                f"{path.name} was written by a newer Paritrana Desktop (format "
                f"{header.user_version}; this program reads up to format {current_version(kind)}). "
                "Update this program.",
            ),
        )
    return header


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
    create: bool = False,
    read_only: bool = False,
    exclusive: bool = True,
    shown_as: Path | None = None,
) -> sqlite_utils.Database:
    """Open (or create) one of our files, ready to use.

    Writable files are opened in WAL mode with ``synchronous=FULL`` and, when ``exclusive``,
    with ``locking_mode=EXCLUSIVE`` so that a second copy of the program is refused.
    ``shown_as`` is the name messages use instead of ``path`` (a file built under a hidden
    name is named as the user's file).
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
        header = read_header(path)
        wal = Path(f"{path}-wal")
        live = header.is_sqlite and header.kind is None and wal.exists() and wal.stat().st_size
        # A live file may still hold its header change in its WAL: then SQLite is asked below
        # (and says "locked" when another copy of the program has it open).
        if not live:
            check_header(path, kind)

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
            _migrate(db, path, kind, read_only)
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


def _migrate(db: sqlite_utils.Database, path: Path, kind: FileKind, read_only: bool) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    target = current_version(kind)
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
        for step in MIGRATIONS[kind][version:]:
            step(db)
        db.execute(f"PRAGMA user_version={target}")


@contextlib.contextmanager
def translate_errors(path: Path, kind: FileKind | None = None) -> Iterator[None]:
    """Turn SQLite's and the OS's failures into sentences the user can act on."""
    what_id = kind.name_id if kind else "berkas"
    what_en = kind.name_en if kind else "file"
    try:
        yield
    except sqlite3.OperationalError as exc:
        message = str(exc).lower()
        if "locked" in message or "busy" in message:
            raise FileLockedError(
                Text(
                    f"{path.name} sedang dibuka oleh program lain (mungkin Paritrana Desktop di "
                    "jendela lain). Tutup program itu dulu, lalu coba lagi.",
                    f"{path.name} is open in another program (perhaps Paritrana Desktop in another "
                    "window). Close that program first, then try again.",
                ),
            ) from None
        if "full" in message:
            raise DiskFullError(
                Text(
                    f"Disk penuh: {path.name} tidak dapat disimpan. Kosongkan ruang disk; yang "
                    "sudah tersimpan tetap aman.",
                    f"The disk is full: {path.name} could not be saved. Free some space; what was "
                    "saved before is safe.",
                ),
            ) from None
        if "readonly" in message or "read-only" in message or "unable to open" in message:
            raise StorageError(
                Text(
                    f"{path.name} tidak dapat ditulis (hanya-baca atau tidak ada izin). Salin ke "
                    "folder yang dapat ditulis.",
                    f"{path.name} cannot be written (read-only or no permission). Copy it to a "
                    "folder you can write to.",
                ),
            ) from None
        if "disk i/o" in message and _no_room(path):
            # Opening a WAL file needs a little room for its side files; a full disk says
            # "disk I/O error" then, not "full".
            raise DiskFullError(
                Text(
                    f"Disk penuh: {path.name} tidak dapat dibuka atau disimpan. Kosongkan ruang "
                    "disk; yang sudah tersimpan tetap aman.",
                    f"The disk is full: {path.name} cannot be opened or saved. Free some space; "
                    "what was saved before is safe.",
                ),
            ) from None
        if "disk i/o" in message:
            raise StorageError(
                Text(
                    f"Kesalahan baca/tulis disk pada {path.name}. Periksa flashdisk atau disknya.",
                    f"A disk read/write error on {path.name}. Check the USB stick or the disk.",
                ),
            ) from None
        raise
    except sqlite3.DatabaseError as exc:
        message = str(exc).lower()
        if "malformed" in message or "not a database" in message or "corrupt" in message:
            raise DamagedFileError(
                Text(
                    f"{path.name} rusak ({what_id} tidak dapat dibaca). Minta salinan baru dari "
                    "pemiliknya.",
                    f"{path.name} is damaged (the {what_en} cannot be read). Ask its owner for a "
                    "fresh copy.",
                ),
            ) from None
        raise
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFullError(
                Text(
                    f"Disk penuh saat menulis {path.name}. Kosongkan ruang disk lalu coba lagi.",
                    f"The disk filled up while writing {path.name}. Free some space and try again.",
                ),
            ) from None
        raise


@contextlib.contextmanager
def invalid_content(path: Path, kind: FileKind) -> Iterator[None]:
    """Turn stored rows that do not make sense (a missing event row, an unknown status, weights
    that no longer add up to 100) into a sentence, as when the file was edited outside the
    program or its creation was cut off."""
    try:
        yield
    except ValidationError as exc:
        why_id, why_en = exc.message.id.rstrip("."), exc.message.en.rstrip(".")
        raise DamagedFileError(
            Text(
                f"{path.name}: isi {kind.name_id} tidak sah ({why_id}); berkas diubah di luar "
                "program atau tidak lengkap. Minta salinan baru dari pemiliknya.",
                f"{path.name}: the {kind.name_en}'s content is not valid ({why_en}); the file was "
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


def _no_room(path: Path) -> bool:
    """Less than 64 KiB free beside ``path``: a failed write there was the disk filling up."""
    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """SQLite's own integrity check: an empty list when the file is sound."""
    rows = [str(r[0]) for r in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows
