"""Property tests of the panel file.

1. Whatever valid changes a judge makes, in any order, with any text in the notes, the file
   gives back exactly the same scorecards and audit entries after it is closed and reopened.
2. Any single real change to any stored row, made outside the program, is found: the file is
   refused on opening with a sentence, or ``verify()`` reports a problem.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, note, settings
from hypothesis import strategies as st

from paritrana_desktop.domain.errors import ValidationError
from paritrana_desktop.domain.event import Scale, canonical_json
from paritrana_desktop.domain.scorecard import Action, Change
from paritrana_desktop.storage.errors import StorageError
from paritrana_desktop.storage.panel_file import PanelFile
from tests.factories import small_event, with_papers
from tests.unit.storage_helpers import TAMPER_PREAMBLE, filled_panel, steady_clock

# Half steps on 0..10 give fractional ratings; PEMKAB has REG/COV/WAW, PB has KEP/CSR.
EVENT = small_event(scale=Scale(0, 10, 0.5))
INTERVIEWS = [i.id for i in EVENT.interviews]

# --- 1. what is written is what is read back --------------------------------------------------

AWKWARD_TEXT = [
    "",
    " ",
    "=SUM(A1:A9)",
    "=1+1",
    "+62 812",
    "@hapus",
    "\"kutip\" 'tunggal'",
    "baris satu\nbaris dua\r\nbaris tiga",
    "\t\ttab",
    "NUL\x00di tengah",
    "\x1b[31mwarna\x1b[0m \x07 \x7f",
    "👩🏽‍⚖️ 🇮🇩 ✅",
    "مرحبا עברית",
    "#N/A",
    "x" * 5000,
]

texts = st.one_of(
    st.sampled_from(AWKWARD_TEXT),
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
)

OTHER_ACTIONS = [
    Action.GENERAL_NOTE,
    Action.RECOMMENDATION,
    Action.FINALISE,
    Action.UNLOCK,
    Action.DECLARE_CONFLICT,
    Action.WITHDRAW_CONFLICT,
]


@st.composite
def changes(draw: st.DrawFn) -> tuple[str, Change]:
    """One edit on one interview; most are ratings, as at the table."""
    interview = draw(st.sampled_from(INTERVIEWS))
    category = EVENT.category_of(interview)
    code = draw(st.sampled_from([c.code for c in category.criteria]))
    action = draw(st.sampled_from([Action.RATE] * 6 + [Action.CRITERION_NOTE] * 2 + OTHER_ACTIONS))
    if action is Action.RATE:
        value = draw(st.none() | st.sampled_from(category.scale.values()))
        return interview, Change(action, code, value)
    if action is Action.CRITERION_NOTE:
        return interview, Change(action, code, draw(texts))
    if action in (Action.GENERAL_NOTE, Action.RECOMMENDATION):
        return interview, Change(action, None, draw(texts))
    return interview, Change(action, reason=draw(texts))


def _expected_note(text: str) -> str | None:
    return text or None


@pytest.fixture(scope="module")
def empty_panel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh panel file to copy for each example (creating one costs more than copying)."""
    path = tmp_path_factory.mktemp("empty") / "empty.paritrana-panel"
    PanelFile.create(path, EVENT, "J2").close()
    return path


@given(steps=st.lists(changes(), max_size=20))
def test_what_is_written_is_what_is_read_back(
    empty_panel: Path, steps: list[tuple[str, Change]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.paritrana-panel"
        shutil.copy(empty_panel, path)
        typed: dict[tuple[str, str], str | None] = {}
        rated: dict[tuple[str, str], float | None] = {}
        accepted = 0
        with PanelFile.open(path, clock=steady_clock()) as panel:
            for interview, change in steps:
                try:
                    card = panel.apply(interview, change)
                except ValidationError:
                    continue
                accepted += 1
                key = (interview, change.criterion or "")
                if change.action is Action.CRITERION_NOTE:
                    typed[key] = _expected_note(str(change.value))
                elif change.action is Action.RATE:
                    rated[key] = None if change.value is None else float(change.value)
                assert panel.scorecard(interview) == card
            cards, entries = panel.scorecards(), panel.audit_entries()
        assert len(entries) == accepted + 1
        with PanelFile.open(path, read_only=True) as again:
            assert again.scorecards() == cards
            assert again.audit_entries() == entries
            for (interview, code), note in typed.items():
                assert again.scorecard(interview).criterion_notes.get(code) == note
            for (interview, code), value in rated.items():
                assert again.scorecard(interview).ratings.get(code) == value
            assert again.verify().ok


# --- 2. any change outside the program is found ------------------------------------------------

BOOLEAN = {("event", "is_demo"), ("categories", "weights_are_examples"), ("scorecards", "conflict")}
DATES = {
    ("event", "period_start"),
    ("event", "period_end"),
    ("event", "start_date"),
    ("event", "end_date"),
    ("interviews", "day"),
}
TIMES = {("interviews", "start"), ("interviews", "end")}
# position orders rows; criteria are ordered within their category.
POSITION_GROUP = {"categories": None, "criteria": "category", "interviews": None, "judges": None}
SUFFIXES = ["x", " ", "0", "'", "é", "🙂", "\n", "A"]


class Table:
    def __init__(self, name: str, columns: list[tuple[str, str]], rows: list[dict[str, Any]]):
        self.name, self.columns, self.rows = name, columns, rows


def _read_tables(path: Path) -> dict[str, Table]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        tables = {}
        for name in names:
            columns = [(r[1], r[2]) for r in conn.execute(f"PRAGMA table_info({name})")]
            rows = [dict(r) for r in conn.execute(f"SELECT rowid AS _rowid, * FROM {name}")]
            if rows:  # an empty table has nothing to change or delete
                tables[name] = Table(name, columns, rows)
        return tables
    finally:
        conn.close()


def _different_text(old: str, rnd: random.Random) -> str:
    choice = rnd.randrange(3)
    if choice == 0 and old:
        return ""
    if choice == 1:
        return old + rnd.choice(SUFFIXES)
    new = "".join(rnd.choice("abcXYZ 19=🙂") for _ in range(rnd.randrange(1, 12)))
    return new if new != old else old + "x"


def _changed_json(old: str, rnd: random.Random) -> str:
    data = json.loads(old)
    if rnd.randrange(4) == 0:
        # No longer an object. (Whitespace around the JSON would not change what it says.)
        return rnd.choice(["x", "{", "[1]", "null"]) + old
    key = rnd.choice(sorted(data))
    value = data[key]
    if isinstance(value, bool) or value is None:
        data[key] = "x" if value is None else not value
    elif isinstance(value, int | float):
        data[key] = value + rnd.choice([0.5, 1, -1, 2])
    else:
        data[key] = _different_text(str(value), rnd)
    return canonical_json(data)


def new_value(table: Table, row: dict[str, Any], column: str, kind: str, rnd: random.Random) -> Any:
    """A value for ``row[column]`` that means something different from the stored one."""
    old = row[column]
    where = (table.name, column)
    if column == "position":
        group_key = POSITION_GROUP[table.name]
        group = [r for r in table.rows if group_key is None or r[group_key] == row[group_key]]
        positions = [r["position"] for r in group]
        assume(len(group) > 1)
        # Move the row to the other end: the order of the group really changes.
        return max(positions) + 1 if old == min(positions) else min(positions) - 1
    if where in BOOLEAN:
        return 1 - int(old)
    if where in DATES:
        shift = rnd.choice([-400, -31, -1, 1, 2, 365])
        return (dt.date.fromisoformat(old) + dt.timedelta(days=shift)).isoformat()
    if where in TIMES:
        while True:
            new = f"{rnd.randrange(24):02d}:{rnd.randrange(60):02d}"
            if new != old:
                return new
    if where == ("audit_log", "payload"):
        return _changed_json(old, rnd)
    if old is None:
        return rnd.choice([0.0, 1.0, 5.0, 2.5]) if kind == "REAL" else _different_text("", rnd)
    if kind == "INTEGER":
        return old + rnd.choice([1, -1, 2, 1000, -1000])
    if kind == "REAL":
        return old + rnd.choice([0.5, -0.5, 1.0, -1.0, 0.25, 10.0])
    return _different_text(str(old), rnd)


def _found(path: Path) -> bool:
    """Refused on opening with a sentence, or verify() reports a problem."""
    try:
        with PanelFile.open(path, read_only=True) as panel:
            result = panel.verify()
    except StorageError as exc:
        assert exc.message.id and exc.message.en and "Traceback" not in exc.message.en
        return True
    for id_text, en_text in ((p.id, p.en) for p in result.problems):
        assert path.name in id_text and path.name in en_text
    return not result.ok


@pytest.fixture(scope="module")
def base_panel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Table]]:
    # An event with the papers' fields set, so that their table is tampered with too.
    event = with_papers(small_event())
    path = filled_panel(tmp_path_factory.mktemp("base") / "base.paritrana-panel", event)
    with PanelFile.open(path, read_only=True) as panel:
        assert panel.verify().ok
    return path, _read_tables(path)


def _apply(path: Path, table: str, rowid: int, column: str | None, value: Any) -> bool:
    """Change one stored row as an outside program would; False when SQLite refuses it (the
    value would duplicate a key), which no tamperer could do either."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(TAMPER_PREAMBLE)
        if column is None:
            changed = conn.execute(f"DELETE FROM {table} WHERE rowid = ?", [rowid]).rowcount
        else:
            changed = conn.execute(
                f'UPDATE {table} SET "{column}" = ? WHERE rowid = ?', [value, rowid]
            ).rowcount
        conn.commit()
    except sqlite3.IntegrityError:
        return False
    finally:
        conn.close()
    assert changed == 1
    return True


def _copy(base: Path, folder: str) -> Path:
    path = Path(folder) / "tampered.paritrana-panel"
    shutil.copy(base, path)
    return path


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_single_change_outside_the_program_is_found(
    base_panel: tuple[Path, dict[str, Table]], data: st.DataObject
) -> None:
    base, tables = base_panel
    table = tables[data.draw(st.sampled_from(sorted(tables)), label="table")]
    row = data.draw(st.sampled_from(table.rows), label="row")
    column, kind = data.draw(st.sampled_from(table.columns), label="column")
    rnd = data.draw(st.randoms(use_true_random=False))
    value = new_value(table, row, column, kind, rnd)
    assert value != row[column]
    note(f"{table.name}.{column}: {row[column]!r} -> {value!r}")
    with tempfile.TemporaryDirectory() as folder:
        path = _copy(base, folder)
        assume(_apply(path, table.name, row["_rowid"], column, value))
        assert _found(path)


@given(data=st.data())
def test_any_single_row_deleted_outside_the_program_is_found(
    base_panel: tuple[Path, dict[str, Table]], data: st.DataObject
) -> None:
    base, tables = base_panel
    table = tables[data.draw(st.sampled_from(sorted(tables)), label="table")]
    row = data.draw(st.sampled_from(table.rows), label="row")
    with tempfile.TemporaryDirectory() as folder:
        path = _copy(base, folder)
        assert _apply(path, table.name, row["_rowid"], None, None)
        assert _found(path)


@pytest.mark.slow
def test_every_stored_value_changed_in_turn_is_found(
    base_panel: tuple[Path, dict[str, Table]],
) -> None:
    """The same check without sampling: every column of every row of every table, in turn."""
    base, tables = base_panel
    rnd = random.Random(2025)
    missed, tried = [], 0
    with tempfile.TemporaryDirectory() as folder:
        for table in tables.values():
            for row in table.rows:
                for column, kind in table.columns:
                    for _attempt in range(3):
                        try:
                            value = new_value(table, row, column, kind, rnd)
                        except Exception:  # assume() outside hypothesis: nothing to change
                            break
                        path = _copy(base, folder)
                        if not _apply(path, table.name, row["_rowid"], column, value):
                            continue
                        tried += 1
                        if not _found(path):
                            missed.append(f"{table.name}.{column}: {row[column]!r} -> {value!r}")
                        break
    assert tried > 300
    assert missed == []
