"""The audit log: append-only, each entry chained to the one before, and verify() finding an
edit made outside the program."""

from __future__ import annotations

import dataclasses
import itertools
import json
import sqlite3
from pathlib import Path

import pytest

from paritrana_desktop.storage.audit import (
    GENESIS,
    AuditEntry,
    EntryKind,
    chain_problems,
    entry_hash,
    make_entry,
)
from paritrana_desktop.storage.panel_file import PanelFile, Verification
from tests.unit.storage_helpers import filled_panel, tamper

# --- the chain on its own ---------------------------------------------------------------------


def _chain(length: int) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    previous = None
    for n in range(length):
        kind = EntryKind.CREATED if n == 0 else EntryKind.CHANGE
        payload = {"action": "rate", "criterion": "REG", "value": float(n % 5 + 1)}
        previous = make_entry(previous, f"2025-07-28T01:00:{n:02d}", kind, "W01", payload, n)
        entries.append(previous)
    return entries


def test_a_chain_starts_at_genesis_and_links_each_entry_to_the_one_before() -> None:
    entries = _chain(5)
    assert entries[0].prev_hash == GENESIS == "0" * 64
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.hash
    assert len({e.hash for e in entries}) == 5
    assert chain_problems(entries) == []
    assert chain_problems([]) == []


def test_an_entry_hash_covers_every_field() -> None:
    entry = _chain(2)[1]
    base = dict(
        seq=entry.seq,
        at=entry.at,
        kind=entry.kind,
        interview_id=entry.interview_id,
        payload=entry.payload,
        revision=entry.revision,
        prev_hash=entry.prev_hash,
    )
    assert entry_hash(**base) == entry.hash  # type: ignore[arg-type]
    variants = {
        "seq": 3,
        "at": entry.at + "Z",
        "kind": EntryKind.CREATED,
        "interview_id": "W02",
        "payload": {**entry.payload, "value": 2.5},
        "revision": entry.revision + 1,
        "prev_hash": GENESIS,
    }
    for field, value in variants.items():
        assert entry_hash(**{**base, field: value}) != entry.hash, field  # type: ignore[arg-type]


def test_a_row_round_trips() -> None:
    entry = _chain(3)[2]
    assert AuditEntry.from_row(entry.to_row()) == entry


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda es: es.__setitem__(2, dataclasses.replace(es[2], payload={})), "entry 3 was"),
        (lambda es: es.__setitem__(2, dataclasses.replace(es[2], revision=9)), "entry 3 was"),
        (lambda es: es.__setitem__(3, dataclasses.replace(es[3], at="x")), "entry 4 was"),
        (lambda es: es.pop(1), "entry 2 is missing"),
        (lambda es: es.pop(0), "entry 1 is missing"),
        (lambda es: es.reverse(), "entry 1 is missing"),
        (lambda es: es.__setitem__(1, es[2]), "entry 2 is missing"),
        (lambda es: es.__setitem__(1, dataclasses.replace(es[1], prev_hash="f" * 64)), "breaks"),
    ],
)
def test_a_broken_chain_says_where(damage: object, words: str) -> None:
    entries = _chain(5)
    damage(entries)  # type: ignore[operator]
    problems = chain_problems(entries)
    assert len(problems) == 1
    id_text, en_text = problems[0].id, problems[0].en
    assert words in en_text
    assert "log audit" in id_text.lower()


def test_a_rebuilt_entry_without_its_successors_still_breaks_the_chain() -> None:
    """Changing an entry and recomputing its own hash breaks the link to the next entry."""
    entries = _chain(4)
    old = entries[1]
    payload = {**old.payload, "value": 5.0}
    forged = dataclasses.replace(
        old,
        payload=payload,
        hash=entry_hash(old.seq, old.at, old.kind, old.interview_id, payload, 1, old.prev_hash),
    )
    entries[1] = forged
    assert "entry 3" in chain_problems(entries)[0].en


# --- the log in the file is append-only --------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_log SET payload = '{}' WHERE seq = 2",
        "UPDATE audit_log SET at = at WHERE seq = 1",
        "DELETE FROM audit_log WHERE seq = 2",
        "DELETE FROM audit_log",
    ],
)
def test_the_audit_log_refuses_updates_and_deletes(tmp_path: Path, sql: str) -> None:
    path = filled_panel(tmp_path / "j2.paritrana-panel")
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(sql)
        conn.rollback()
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 17
    finally:
        conn.close()
    with PanelFile.open(path, read_only=True) as panel:
        assert panel.verify().ok


# --- verify() finds what was changed outside the program --------------------------------------


def _verify(path: Path) -> Verification:
    with PanelFile.open(path, read_only=True) as panel:
        return panel.verify()


def _refuses(path: Path, *words: str) -> Verification:
    result = _verify(path)
    assert not result.ok
    english = " ".join(p.en for p in result.problems)
    indonesian = " ".join(p.id for p in result.problems)
    for word in words:
        assert word in english, english
    assert path.name in english + indonesian
    return result


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    path = filled_panel(tmp_path / "TEST25_J2.paritrana-panel")
    assert _verify(path).ok
    return path


def test_a_rating_changed_outside_the_program(panel: Path) -> None:
    sql = "UPDATE criterion_scores SET rating = 5 WHERE interview_id = 'W02' AND criterion = 'REG'"
    assert tamper(panel, sql) == 1
    result = _refuses(panel, "stored scores for Kabupaten Paser differ from the audit log")
    assert result.chain_ok and not result.scores_match_log and result.integrity_ok


def test_a_rating_added_outside_the_program(panel: Path) -> None:
    # W02's WAW row holds only a note; give it a rating no change ever recorded.
    sql = "UPDATE criterion_scores SET rating = 5 WHERE interview_id = 'W02' AND criterion = 'WAW'"
    assert tamper(panel, sql) == 1
    _refuses(panel, "differ from the audit log")


def test_a_note_changed_outside_the_program(panel: Path) -> None:
    tamper(panel, "UPDATE criterion_scores SET note = 'Bupati tidak hadir' WHERE note <> ''")
    _refuses(panel, "differ from the audit log")


def test_a_general_note_or_a_status_changed_outside_the_program(
    panel: Path, tmp_path: Path
) -> None:
    tamper(panel, "UPDATE scorecards SET general_note = 'Sangat baik' WHERE interview_id = 'W90'")
    _refuses(panel, "stored scores for PT Contoh differ")


def test_a_final_card_put_back_to_draft_outside_the_program(panel: Path) -> None:
    tamper(
        panel, "UPDATE scorecards SET status = 'draf', finalised_at = NULL WHERE status = 'final'"
    )
    _refuses(panel, "differ from the audit log")


def test_a_scorecard_deleted_outside_the_program(panel: Path) -> None:
    tamper(panel, "DELETE FROM criterion_scores WHERE interview_id = 'W02'")
    tamper(panel, "DELETE FROM scorecards WHERE interview_id = 'W02'")
    _refuses(panel, "differ from the audit log")


def test_an_audit_payload_changed_outside_the_program(panel: Path) -> None:
    sql = (
        "UPDATE audit_log SET payload = replace(payload, '\"value\":2}', '\"value\":5}') "
        "WHERE seq = 12 AND payload LIKE '%\"value\":2}'"
    )
    assert tamper(panel, sql) == 1
    result = _refuses(panel)
    assert not result.chain_ok
    assert any("entry 12 was changed outside the program" in p.en for p in result.problems)


def test_an_audit_payload_made_unreadable(panel: Path) -> None:
    tamper(panel, "UPDATE audit_log SET payload = 'x' || payload WHERE seq = 3")
    result = _refuses(panel, "audit log entry 3 cannot be read")
    assert not result.chain_ok


def test_an_audit_entry_deleted_after_dropping_the_trigger(panel: Path) -> None:
    tamper(panel, "DELETE FROM audit_log WHERE seq = 5")
    result = _refuses(panel, "entry 5 is missing")
    assert not result.chain_ok


def test_the_last_audit_entry_deleted(panel: Path) -> None:
    tamper(panel, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    result = _refuses(panel, "stored scores for PT Contoh differ")
    assert result.chain_ok and not result.scores_match_log


def test_audit_entries_renumbered_after_a_delete(panel: Path) -> None:
    tamper(panel, "DELETE FROM audit_log WHERE seq = 5")
    tamper(panel, "UPDATE audit_log SET seq = seq - 1 WHERE seq > 5")
    _refuses(panel, "breaks at entry 5")


def test_the_rubric_changed_inside_the_panel_file(panel: Path) -> None:
    tamper(panel, "UPDATE criteria SET name = 'Regulasi (lama)' WHERE code = 'REG'")
    result = _refuses(panel, "rubric or schedule", "fingerprint")
    assert not result.fingerprint_ok


def test_the_scale_changed_inside_the_panel_file(panel: Path) -> None:
    tamper(panel, "UPDATE scale_levels SET label = 'Lumayan' WHERE value = 3 AND category = 'PB'")
    assert not _verify(panel).fingerprint_ok


def test_the_schedule_changed_inside_the_panel_file(panel: Path) -> None:
    tamper(panel, "UPDATE interviews SET participant = 'Kabupaten Lain' WHERE id = 'W02'")
    assert not _verify(panel).fingerprint_ok


def test_the_event_fingerprint_of_the_panel_record_changed(panel: Path) -> None:
    tamper(panel, "UPDATE panel SET event_fingerprint = (SELECT fingerprint FROM event) || '0'")
    _refuses(panel, "fingerprint")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE event SET name = 'Paritrana Award Palsu'",
        "UPDATE event SET venue = 'Hotel Lain'",
        "UPDATE event SET start_date = '2025-07-27'",
        "UPDATE event SET is_demo = 1",
        "UPDATE judges SET institution = 'Lain' WHERE id = 'J3'",
        "UPDATE judges SET name = 'Nama Lain' WHERE id = 'J2'",
    ],
)
def test_the_event_data_changed_inside_the_panel_file(panel: Path, sql: str) -> None:
    assert tamper(panel, sql) == 1
    _refuses(panel, "event data inside the file")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE panel SET created_at = '2025-07-01T00:00:00+00:00'",
        "UPDATE panel SET program_version = '9.9.9'",
        "UPDATE panel SET panel_id = 'other'",
        "UPDATE panel SET judge_id = 'J3'",
    ],
)
def test_the_panel_record_changed(panel: Path, sql: str) -> None:
    tamper(panel, sql)
    _refuses(panel, "start of the audit log does not match")


def test_a_whole_audit_log_replaced_by_another_panels(tmp_path: Path, panel: Path) -> None:
    """Entries copied from another judge's file do not fit this file's judge record."""
    other = filled_panel(tmp_path / "TEST25_J3.paritrana-panel", judge_id="J3")
    tamper(panel, "DELETE FROM audit_log")
    conn = sqlite3.connect(panel)
    try:
        conn.execute("ATTACH DATABASE ? AS other", [str(other)])
        conn.execute("INSERT INTO audit_log SELECT * FROM other.audit_log")
        conn.commit()
    finally:
        conn.close()
    _refuses(panel, "start of the audit log does not match")


def test_the_first_entry_keeps_the_whole_event(panel: Path) -> None:
    with PanelFile.open(panel, read_only=True) as opened:
        first = opened.audit_entries()[0]
        assert first.kind == EntryKind.CREATED and first.at == opened.created_at
        assert first.payload["event_digest"] == opened.event.content_digest()
        assert first.payload["event_fingerprint"] == opened.event.fingerprint()
        assert first.payload["judge_id"] == "J2"
        assert json.loads(json.dumps(first.payload)) == first.payload
