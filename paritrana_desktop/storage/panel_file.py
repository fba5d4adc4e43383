"""One judge's panel file: a copy of the event, the judge, the scorecards and the audit log.

Every change is one transaction that stores the new scorecard and appends its audit entry; it
is on disk (WAL, ``synchronous=FULL``) before the call returns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from .. import __version__
from ..domain.errors import ValidationError
from ..domain.event import Event, Judge
from ..domain.scorecard import (
    Action,
    Change,
    Scorecard,
    apply_change,
    new_scorecard,
)
from ..domain.text import Text
from ..domain.trust import FileTrust, Signing, fingerprint
from .audit import AuditEntry, EntryKind, make_entry
from .database import (
    FileKind,
    begin_partial,
    integrity_problems,
    invalid_content,
    open_database,
    refuse_existing,
    remove_partial,
    translate_errors,
)
from .disk import sync_folder
from .errors import DamagedFileError, StorageError, cannot_write
from .keys import SigningKey, default_key_folder, new_key, remove_key, save_key
from .panel_chain import ChainState, chain_heads, chain_state, last_entry
from .panel_checks import (
    Verification,
    chain_sentences,
    event_data_holds,
    fingerprints_hold,
    readable_entries,
    replay_mismatch,
    signature_check,
    start_matches,
)
from .panel_rows import load_cards, store_card
from .panel_signing import Signer
from .schema import MIGRATIONS, current_version, read_event_tables, write_event_tables

EXTENSION = FileKind.PANEL.extension

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _write_first_rows(
    db: sqlite_utils.Database,
    event: Event,
    panel_row: dict[str, Any],
    signer: Signer,
    key: SigningKey,
) -> None:
    """The event, the judge record and the first audit entry of a new file, signed with
    ``key`` (inside the caller's transaction)."""
    write_event_tables(db, event)
    stored, _header = read_event_tables(db)
    db.table("panel").insert(panel_row)
    payload = {
        k: panel_row[k] for k in ("panel_id", "judge_id", "event_fingerprint", "program_version")
    }
    # The whole event as stored (names, venue, roster), so verify() finds an edit that the
    # fingerprint (rubric and schedule) does not cover; and the key that signs the file.
    payload["event_digest"] = stored.content_digest()
    payload["public_key"] = key.public_hex
    payload["format"] = panel_row["created_format"]
    signer.use(key)
    entry = make_entry(None, str(panel_row["created_at"]), EntryKind.CREATED, None, payload, 0)
    entry, head = signer.sign(entry, str(panel_row["panel_id"]), str(panel_row["judge_id"]))
    signer.store(db, entry, head)


class PanelFile:
    """A judge's scorecards for one event, stored in one SQLite file.

    Open it with :meth:`create` or :meth:`open`; use it as a context manager or call
    :meth:`close`. Opened for writing, it holds an exclusive lock: a second copy of the program
    opening the same file gets ``FileLockedError``.
    """

    def __init__(
        self,
        path: Path,
        db: sqlite_utils.Database,
        event: Event,
        header: dict[str, Any],
        panel_row: dict[str, Any],
        *,
        read_only: bool,
        clock: Clock,
        key_folder: Path | None = None,
    ) -> None:
        self.path = path
        self._db = db
        self.event = event
        self.event_header = header
        self.panel_id: str = str(panel_row["panel_id"])
        self.judge: Judge = event.judge(str(panel_row["judge_id"]))
        self.created_at: str = str(panel_row["created_at"])
        self.program_version: str = str(panel_row["program_version"])
        self.stored_event_fingerprint: str = str(panel_row["event_fingerprint"])
        self.read_only = read_only
        self._clock = clock
        self._cards: dict[str, Scorecard] = self._load_cards()
        self._last_entry: AuditEntry | None = self._load_last_entry()
        self._panel_row = panel_row
        self._signer = Signer(
            panel_row.get("public_key"), key_folder or default_key_folder(), path.name
        )

    # --- opening -----------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path,
        event: Event,
        judge_id: str,
        *,
        clock: Clock = utc_now,
        panel_id: str | None = None,
        key: SigningKey | None = None,
        key_folder: Path | None = None,
    ) -> PanelFile:
        """A new, empty panel file for ``judge_id`` on ``event``, signed with ``key``.

        ``panel_id`` is a fresh uuid4 unless given (the demo passes a seeded one). Without
        ``key`` a new one is made and saved in ``key_folder`` (by default the user's key folder,
        ``keys.default_key_folder``) once the file is whole, just before it takes its name.
        """
        path = Path(path)
        if not event.has_judge(judge_id):
            raise ValidationError(
                Text(
                    f"Panelis {judge_id!r} tidak ada dalam daftar panel kegiatan ini.",
                    f"Judge {judge_id!r} is not on this event's panel roster.",
                ),
            )
        # Built under a hidden name and renamed when complete: a creation cut off (killed, power
        # cut) leaves either no file at ``path`` or a whole one, never a half-made one.
        refuse_existing(path)
        folder = key_folder or default_key_folder()
        made_key = key is None
        key = key or new_key()
        saved: Path | None = None
        partial = path.with_name(f".{path.name}.part")
        begin_partial(path, partial)
        try:
            db = open_database(
                partial,
                FileKind.PANEL,
                migrations=MIGRATIONS[FileKind.PANEL],
                create=True,
                shown_as=path,
            )
        except BaseException:
            remove_partial(partial)
            raise
        try:
            now = timestamp(clock())
            panel_row = {
                "panel_id": panel_id or str(uuid.uuid4()),
                "judge_id": judge_id,
                "event_fingerprint": event.fingerprint(),
                "created_at": now,
                "program_version": __version__,
                "public_key": key.public_hex,
                "created_format": current_version(FileKind.PANEL),
            }
            with translate_errors(path, FileKind.PANEL), db.atomic():
                _write_first_rows(db, event, panel_row, Signer(None, folder, path.name), key)
            with translate_errors(path, FileKind.PANEL):
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                db.close()
                if made_key:
                    saved = save_key(key, folder)
                os.replace(partial, path)
                sync_folder(path.parent)
        except OSError as exc:
            db.close()
            remove_partial(partial)
            remove_key(saved)
            raise cannot_write(path, exc) from None
        except BaseException:
            db.close()
            remove_partial(partial)
            remove_key(saved)
            raise
        return cls.open(path, clock=clock, key_folder=folder)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        read_only: bool = False,
        clock: Clock = utc_now,
        key_folder: Path | None = None,
    ) -> PanelFile:
        """An existing panel file; ``read_only`` for checking and merging copies. Its changes
        are signed with the key in ``key_folder`` (the user's key folder by default)."""
        path = Path(path)
        db = open_database(
            path,
            FileKind.PANEL,
            migrations=MIGRATIONS[FileKind.PANEL],
            read_only=read_only,
            exclusive=not read_only,
        )
        try:
            with translate_errors(path, FileKind.PANEL), invalid_content(path, FileKind.PANEL):
                event, header = read_event_tables(db)
                rows = list(db.table("panel").rows)
            if len(rows) != 1 or not event.has_judge(str(rows[0]["judge_id"])):
                raise StorageError(
                    Text(
                        f"{path.name} tidak lengkap: data panelisnya hilang. Minta salinan baru.",
                        f"{path.name} is incomplete: its judge record is missing. Ask for a new "
                        "copy.",
                    ),
                )
            with invalid_content(path, FileKind.PANEL):
                return cls(
                    path,
                    db,
                    event,
                    header,
                    rows[0],
                    read_only=read_only,
                    clock=clock,
                    key_folder=key_folder,
                )
        except BaseException:
            db.close()
            raise

    def close(self) -> None:
        """Close the file, left self-contained (``journal_mode=DELETE``, its WAL folded in and
        removed), so that a WAL-mode file without its ``-wal`` can only be a copy taken while the
        program had it open (storage.journal). Opening switches it back to WAL. When that fails
        (a full disk), the file stays in WAL mode with its ``-wal``: nothing is lost."""
        if not self.read_only:
            with contextlib.suppress(sqlite3.Error, OSError):
                self._db.execute("PRAGMA journal_mode=DELETE")
        self._db.close()

    def __enter__(self) -> PanelFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -------------------------------------------------------------------------
    @property
    def event_fingerprint(self) -> str:
        return self.stored_event_fingerprint

    def scorecard(self, interview_id: str) -> Scorecard:
        """The judge's scorecard for ``interview_id`` (empty if nothing was recorded yet)."""
        if not self.event.has_interview(interview_id):
            raise ValidationError(
                Text(
                    f"Wawancara {interview_id!r} tidak ada di jadwal.",
                    f"Interview {interview_id!r} is not in the schedule.",
                ),
            )
        return self._cards.get(interview_id) or new_scorecard(interview_id, self.judge.id)

    def scorecards(self) -> list[Scorecard]:
        """Every scorecard with at least one recorded change, in schedule order."""
        order = {i.id: n for n, i in enumerate(self.event.interviews)}
        return sorted(self._cards.values(), key=lambda c: order.get(c.interview_id, 1 << 30))

    def audit_entries(self) -> list[AuditEntry]:
        return [
            AuditEntry.from_row(r) for r in self._db.table("audit_log").rows_where(order_by="seq")
        ]

    # --- changing ------------------------------------------------------------------------
    def chain_state(self) -> ChainState:
        """The audit chain's length and head, read from the file (nothing is written)."""
        with translate_errors(self.path, FileKind.PANEL):
            return chain_state(self._db)

    def chain_heads(self) -> dict[int, str]:
        """For every earlier length of the chain, its head hash then (1: the first entry's)."""
        with translate_errors(self.path, FileKind.PANEL):
            return chain_heads(self._db)

    def apply(self, interview_id: str, change: Change) -> Scorecard:
        """Apply one change and commit it, with its audit entry, in one transaction."""
        self._writable()
        before = self.scorecard(interview_id)
        at = timestamp(self._clock())
        after = apply_change(self.event, before, change, at)
        entry = make_entry(
            self._last_entry, at, EntryKind.CHANGE, interview_id, change.to_dict(), after.revision
        )
        entry, head = self._signer.sign(entry, self.panel_id, self.judge.id)
        with translate_errors(self.path, FileKind.PANEL), self._db.atomic():
            self._store_card(after)
            self._signer.store(self._db, entry, head)
        self._cards[interview_id] = after
        self._last_entry = entry
        return after

    def change_key(self, key: SigningKey, reason: str) -> None:
        """Sign from now on with ``key`` (a new laptop), recorded in the chain: the old and the
        new key, the time and the judge's ``reason``. The entry is signed with the new key."""
        self._writable()
        old = self._signer.public_hex
        payload = {"old_key": old, "new_key": key.public_hex, "reason": reason}
        at = timestamp(self._clock())
        entry = make_entry(self._last_entry, at, EntryKind.KEY_CHANGE, None, payload, 0)
        signer = Signer(old, self._signer.key_folder, self.path.name)
        signer.use(key)
        entry, head = signer.sign(entry, self.panel_id, self.judge.id)
        with translate_errors(self.path, FileKind.PANEL), self._db.atomic():
            signer.store(self._db, entry, head)
        self._signer = signer
        self._last_entry = entry

    def _writable(self) -> None:
        if self.read_only:
            raise StorageError(
                Text(f"{self.path.name} dibuka hanya-baca.", f"{self.path.name} is open read-only.")
            )

    @property
    def public_key(self) -> str | None:
        """The public half (hex) of the key that signs this file now; None for a file of the
        earlier, unsigned format."""
        return self._signer.public_hex

    @property
    def key_fingerprint(self) -> str | None:
        """The key's fingerprint to read aloud (``XXXX-XXXX-XXXX-XXXX``), for "Tentang berkas
        saya" and the papers; None when the file is unsigned."""
        return fingerprint(self.public_key) if self.public_key else None

    def rate(self, interview_id: str, criterion: str, value: float | None) -> Scorecard:
        return self.apply(interview_id, Change(Action.RATE, criterion, value))

    def note(self, interview_id: str, criterion: str, text: str) -> Scorecard:
        return self.apply(interview_id, Change(Action.CRITERION_NOTE, criterion, text))

    def set_general_note(self, interview_id: str, text: str) -> Scorecard:
        return self.apply(interview_id, Change(Action.GENERAL_NOTE, None, text))

    def set_recommendation(self, interview_id: str, text: str) -> Scorecard:
        return self.apply(interview_id, Change(Action.RECOMMENDATION, None, text))

    def finalise(self, interview_id: str) -> Scorecard:
        return self.apply(interview_id, Change(Action.FINALISE))

    def unlock(self, interview_id: str, reason: str) -> Scorecard:
        return self.apply(interview_id, Change(Action.UNLOCK, reason=reason))

    def declare_conflict(self, interview_id: str, reason: str) -> Scorecard:
        return self.apply(interview_id, Change(Action.DECLARE_CONFLICT, reason=reason))

    def withdraw_conflict(self, interview_id: str, reason: str) -> Scorecard:
        return self.apply(interview_id, Change(Action.WITHDRAW_CONFLICT, reason=reason))

    # --- checking ------------------------------------------------------------------------
    def verify(self) -> Verification:
        """Integrity, the event's fingerprint, the audit chain, and stored scores against it.

        A file too damaged for SQLite to check gives a ``Verification`` saying so, not an error.
        """
        try:
            with translate_errors(self.path, FileKind.PANEL):
                return self._verify()
        except DamagedFileError as exc:
            return Verification(
                problems=[exc.message],
                integrity_ok=False,
                chain_ok=False,
                scores_match_log=False,
                fingerprint_ok=False,
            )

    def _verify(self) -> Verification:
        problems: list[Text] = []
        name = self.path.name
        with translate_errors(self.path, FileKind.PANEL):
            sqlite_problems = integrity_problems(self._db)
        if sqlite_problems:
            problems.append(
                Text(
                    f"{name} rusak menurut pemeriksaan SQLite: {sqlite_problems[0]}",
                    f"{name} is damaged according to SQLite's check: {sqlite_problems[0]}",
                )
            )
        fingerprint_ok = fingerprints_hold(
            self.event, self.event_header, self.stored_event_fingerprint
        )
        if not fingerprint_ok:
            problems.append(
                Text(
                    f"{name}: rubrik atau jadwal di dalam berkas diubah di luar program (sidik "
                    "jari tidak cocok).",
                    f"{name}: the rubric or schedule inside the file was changed outside the "
                    "program (fingerprint mismatch).",
                )
            )
        rows = self._db.table("audit_log").rows_where(order_by="seq")
        entries, unreadable = readable_entries(rows, name)
        if not event_data_holds(
            self.event, self.event_header, entries[0].payload if entries else {}
        ):
            problems.append(
                Text(
                    f"{name}: data kegiatan di dalam berkas (nama, tanggal, tempat atau daftar "
                    "panelis) diubah di luar program.",
                    f"{name}: the event data inside the file (name, dates, venue or panel "
                    "roster) was changed outside the program.",
                )
            )
        chain = unreadable or chain_sentences(name, entries)
        if not chain and not start_matches(
            entries,
            created_at=self.created_at,
            panel_id=self.panel_id,
            judge_id=self.judge.id,
            stored_fingerprint=self.stored_event_fingerprint,
            program_version=self.program_version,
        ):
            chain = [
                Text(
                    f"{name}: awal log audit tidak cocok dengan data panelis di berkas.",
                    f"{name}: the start of the audit log does not match the file's judge record.",
                )
            ]
        problems.extend(chain)
        mismatch = None
        trust = FileTrust(Signing.BROKEN)
        if not chain:
            mismatch = replay_mismatch(name, self.event, self.judge.id, entries, self._load_cards())
            if mismatch:
                problems.append(mismatch)
            row = next(iter(self._db.table("panel").rows), {})
            trust, signature_problems = signature_check(name, entries, row)
            problems.extend(signature_problems)
        return Verification(
            problems=problems,
            integrity_ok=not sqlite_problems,
            chain_ok=not chain,
            scores_match_log=mismatch is None,
            fingerprint_ok=fingerprint_ok,
            entries=len(entries),
            trust=trust,
        )

    # --- rows ----------------------------------------------------------------------------
    def _store_card(self, card: Scorecard) -> None:
        store_card(self._db, card)

    def _load_cards(self) -> dict[str, Scorecard]:
        with translate_errors(self.path, FileKind.PANEL):
            return load_cards(self._db)

    def _load_last_entry(self) -> AuditEntry | None:
        return last_entry(self._db)

    # --- copies --------------------------------------------------------------------------
    @contextlib.contextmanager
    def connection_for_backup(self) -> Iterator[Any]:
        """The open SQLite connection, for ``sqlite3.Connection.backup`` (copies.py)."""
        yield self._db.conn
