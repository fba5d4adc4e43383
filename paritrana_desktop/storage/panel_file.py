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
from types import MappingProxyType
from typing import Any

import sqlite_utils

from .. import __version__
from ..domain.errors import ValidationError
from ..domain.event import Event, Judge
from ..domain.scorecard import (
    Action,
    Change,
    Scorecard,
    Status,
    apply_change,
    new_scorecard,
)
from ..domain.text import Text
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
from .panel_checks import (
    Verification,
    chain_sentences,
    event_data_holds,
    fingerprints_hold,
    readable_entries,
    replay_mismatch,
    start_matches,
)
from .schema import MIGRATIONS, read_event_tables, write_event_tables

EXTENSION = FileKind.PANEL.extension

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


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
    ) -> PanelFile:
        """A new, empty panel file for ``judge_id`` on ``event``.

        ``panel_id`` is a fresh uuid4 unless given (the demo passes a seeded one).
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
            }
            with translate_errors(path, FileKind.PANEL), db.atomic():
                write_event_tables(db, event)
                stored, _header = read_event_tables(db)
                db.table("panel").insert(panel_row)
                payload = {
                    k: panel_row[k]
                    for k in ("panel_id", "judge_id", "event_fingerprint", "program_version")
                }
                # The whole event as stored (names, venue, roster), so verify() finds an edit
                # that the fingerprint (rubric and schedule) does not cover.
                payload["event_digest"] = stored.content_digest()
                entry = make_entry(None, now, EntryKind.CREATED, None, payload, 0)
                db.table("audit_log").insert(entry.to_row())
            with translate_errors(path, FileKind.PANEL):
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                db.close()
                os.replace(partial, path)
                sync_folder(path.parent)
        except OSError as exc:
            db.close()
            remove_partial(partial)
            raise cannot_write(path, exc) from None
        except BaseException:
            db.close()
            remove_partial(partial)
            raise
        return cls.open(path, clock=clock)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, clock: Clock = utc_now) -> PanelFile:
        """An existing panel file; ``read_only`` for checking and merging copies."""
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
                return cls(path, db, event, header, rows[0], read_only=read_only, clock=clock)
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
    def apply(self, interview_id: str, change: Change) -> Scorecard:
        """Apply one change and commit it, with its audit entry, in one transaction."""
        if self.read_only:
            raise StorageError(
                Text(f"{self.path.name} dibuka hanya-baca.", f"{self.path.name} is open read-only.")
            )
        before = self.scorecard(interview_id)
        at = timestamp(self._clock())
        after = apply_change(self.event, before, change, at)
        entry = make_entry(
            self._last_entry, at, EntryKind.CHANGE, interview_id, change.to_dict(), after.revision
        )
        with translate_errors(self.path, FileKind.PANEL), self._db.atomic():
            self._store_card(after)
            self._db.table("audit_log").insert(entry.to_row())
        self._cards[interview_id] = after
        self._last_entry = entry
        return after

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
        if not chain:
            mismatch = replay_mismatch(name, self.event, self.judge.id, entries, self._load_cards())
            if mismatch:
                problems.append(mismatch)
        return Verification(
            problems=problems,
            integrity_ok=not sqlite_problems,
            chain_ok=not chain,
            scores_match_log=mismatch is None,
            fingerprint_ok=fingerprint_ok,
            entries=len(entries),
        )

    # --- rows ----------------------------------------------------------------------------
    def _store_card(self, card: Scorecard) -> None:
        self._db.table("scorecards").upsert(
            {
                "interview_id": card.interview_id,
                "judge_id": card.judge_id,
                "status": card.status.value,
                "conflict": int(card.conflict),
                "conflict_reason": card.conflict_reason,
                "general_note": card.general_note,
                "recommendation": card.recommendation,
                "revision": card.revision,
                "created_at": card.created_at,
                "updated_at": card.updated_at,
                "finalised_at": card.finalised_at,
            },
            pk="interview_id",
        )
        self._db.execute("DELETE FROM criterion_scores WHERE interview_id = ?", [card.interview_id])
        codes = sorted(set(card.ratings) | set(card.criterion_notes))
        self._db.table("criterion_scores").insert_all(
            {
                "interview_id": card.interview_id,
                "criterion": code,
                "rating": card.ratings.get(code),
                "note": card.criterion_notes.get(code, ""),
            }
            for code in codes
        )

    def _load_cards(self) -> dict[str, Scorecard]:
        with translate_errors(self.path, FileKind.PANEL):
            scores: dict[str, list[dict[str, Any]]] = {}
            for row in self._db.table("criterion_scores").rows:
                scores.setdefault(row["interview_id"], []).append(row)
            cards: dict[str, Scorecard] = {}
            for row in self._db.table("scorecards").rows:
                iid = row["interview_id"]
                rows = scores.get(iid, [])
                cards[iid] = Scorecard(
                    interview_id=iid,
                    judge_id=row["judge_id"],
                    ratings=MappingProxyType(
                        {
                            r["criterion"]: float(r["rating"])
                            for r in rows
                            if r["rating"] is not None
                        }
                    ),
                    criterion_notes=MappingProxyType(
                        {r["criterion"]: r["note"] for r in rows if r["note"]}
                    ),
                    general_note=row["general_note"],
                    recommendation=row["recommendation"],
                    status=Status(row["status"]),
                    conflict=bool(row["conflict"]),
                    conflict_reason=row["conflict_reason"],
                    revision=int(row["revision"]),
                    created_at=row["created_at"],
                    updated_at=row["updated_at"],
                    finalised_at=row["finalised_at"],
                )
        return cards

    def _load_last_entry(self) -> AuditEntry | None:
        rows = list(self._db.table("audit_log").rows_where(order_by="seq desc", limit=1))
        return AuditEntry.from_row(rows[0]) if rows else None

    # --- copies --------------------------------------------------------------------------
    @contextlib.contextmanager
    def connection_for_backup(self) -> Iterator[Any]:
        """The open SQLite connection, for ``sqlite3.Connection.backup`` (copies.py)."""
        yield self._db.conn
