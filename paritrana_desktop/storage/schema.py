"""The tables of both kinds of file, and their migration steps (``MIGRATIONS``).

The event tables are the same in the event file and in every panel file (a panel file carries
a copy of the event it was made from), so one function writes them and one reads them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import sqlite_utils

from ..domain.event import (
    Event,
    canonical_json,
    event_from_dict,
    event_header_to_dict,
    interview_to_dict,
    papers_to_dict,
)
from .kinds import FileKind

EVENT_TABLES_SQL = """
CREATE TABLE event (
    code TEXT NOT NULL, name TEXT NOT NULL, level TEXT NOT NULL, province TEXT NOT NULL,
    award_year INTEGER NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL,
    venue TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
    is_demo INTEGER NOT NULL, fingerprint TEXT NOT NULL, rubric_fingerprint TEXT NOT NULL,
    schedule_fingerprint TEXT NOT NULL, roster_fingerprint TEXT NOT NULL
);
CREATE TABLE categories (
    code TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL,
    scale_minimum REAL NOT NULL, scale_maximum REAL NOT NULL, scale_step REAL NOT NULL,
    weights_are_examples INTEGER NOT NULL
);
CREATE TABLE scale_levels (
    category TEXT NOT NULL REFERENCES categories(code), value REAL NOT NULL,
    label TEXT NOT NULL, PRIMARY KEY (category, value)
);
CREATE TABLE criteria (
    category TEXT NOT NULL REFERENCES categories(code), code TEXT NOT NULL,
    position INTEGER NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
    weight REAL NOT NULL, PRIMARY KEY (category, code)
);
CREATE TABLE interviews (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, day TEXT NOT NULL, start TEXT NOT NULL,
    "end" TEXT NOT NULL, room TEXT NOT NULL, participant TEXT NOT NULL,
    category TEXT NOT NULL REFERENCES categories(code), representatives TEXT NOT NULL
);
CREATE TABLE judges (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL,
    institution TEXT NOT NULL, role TEXT NOT NULL
);
"""

# Event format 2: what the papers print (heading, number, place, designations, decimals, NIPs,
# the secretary), one JSON object in one row. A file without this table holds the defaults.
PAPERS_TABLE_SQL = """
CREATE TABLE papers (data TEXT NOT NULL);
"""
PAPERS_TABLE = "papers"

PANEL_TABLES_SQL = """
CREATE TABLE panel (
    panel_id TEXT NOT NULL, judge_id TEXT NOT NULL, event_fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL, program_version TEXT NOT NULL
);
CREATE TABLE scorecards (
    interview_id TEXT PRIMARY KEY REFERENCES interviews(id), judge_id TEXT NOT NULL,
    status TEXT NOT NULL, conflict INTEGER NOT NULL, conflict_reason TEXT NOT NULL,
    general_note TEXT NOT NULL, recommendation TEXT NOT NULL, revision INTEGER NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, finalised_at TEXT
);
CREATE TABLE criterion_scores (
    interview_id TEXT NOT NULL REFERENCES scorecards(interview_id), criterion TEXT NOT NULL,
    rating REAL, note TEXT NOT NULL, PRIMARY KEY (interview_id, criterion)
);
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, interview_id TEXT,
    payload TEXT NOT NULL, revision INTEGER NOT NULL, prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


def _script(db: sqlite_utils.Database, sql: str) -> None:
    for statement in _statements(sql):
        db.execute(statement)


def _statements(sql: str) -> list[str]:
    """Split on ';' but keep trigger bodies (BEGIN ... END;) whole."""
    out: list[str] = []
    current: list[str] = []
    in_trigger = False
    for line in sql.strip().splitlines():
        current.append(line)
        upper = line.upper()
        if upper.startswith("CREATE TRIGGER"):
            in_trigger = True
        if line.rstrip().endswith(";") and (not in_trigger or upper.rstrip().endswith("END;")):
            out.append("\n".join(current))
            current = []
            in_trigger = False
    return out


def _event_v1(db: sqlite_utils.Database) -> None:
    _script(db, EVENT_TABLES_SQL)


def add_papers_table(db: sqlite_utils.Database) -> None:
    """The step that adds the papers' table (event format 2; a panel format may add it too)."""
    _script(db, PAPERS_TABLE_SQL)


def _panel_v1(db: sqlite_utils.Database) -> None:
    _script(db, EVENT_TABLES_SQL)
    _script(db, PANEL_TABLES_SQL)


def _panel_v2(db: sqlite_utils.Database) -> None:
    """Signatures: the key that signs (``panel.public_key``), a signature per audit entry, the
    head's signature (chain length and last hash), and the format the file was made in (an
    earlier file stays unsigned; one made in this format must be signed throughout). Also the
    papers' table of the event copy (heading, NIPs: what event format 2 added), empty in a file
    carried forward, so its fingerprints stay as they were."""
    add_papers_table(db)
    db.execute("ALTER TABLE audit_log ADD COLUMN signature TEXT")
    db.execute("ALTER TABLE panel ADD COLUMN public_key TEXT")
    db.execute("ALTER TABLE panel ADD COLUMN head_signature TEXT")
    db.execute("ALTER TABLE panel ADD COLUMN created_format INTEGER NOT NULL DEFAULT 1")


# A file's format version is the number of migration steps applied to it: step ``n`` (index
# n - 1) takes a file of format version n - 1 to n; step 1 creates the schema in an empty file.
# Whoever opens a file hands its kind's steps to ``database.open_database``.
Migration = Callable[[sqlite_utils.Database], None]
MIGRATIONS: Mapping[FileKind, tuple[Migration, ...]] = {
    FileKind.EVENT: (_event_v1, add_papers_table),
    FileKind.PANEL: (_panel_v1, _panel_v2),
}


def current_version(kind: FileKind) -> int:
    """The newest format version of ``kind`` this program knows (and writes)."""
    return len(MIGRATIONS[kind])


def write_event_tables(db: sqlite_utils.Database, event: Event) -> None:
    """Store ``event`` in the (empty) event tables of an event or panel file."""
    header = event_header_to_dict(event)
    header.update(
        is_demo=int(event.is_demo),
        fingerprint=event.fingerprint(),
        rubric_fingerprint=event.rubric_fingerprint(),
        schedule_fingerprint=event.schedule_fingerprint(),
        roster_fingerprint=event.roster_fingerprint(),
    )
    db.table("event").insert(header)
    for position, category in enumerate(event.categories):
        db.table("categories").insert(
            {
                "code": category.code,
                "position": position,
                "name": category.name,
                "scale_minimum": category.scale.minimum,
                "scale_maximum": category.scale.maximum,
                "scale_step": category.scale.step,
                "weights_are_examples": int(category.weights_are_examples),
            }
        )
        db.table("scale_levels").insert_all(
            {"category": category.code, "value": lv.value, "label": lv.label}
            for lv in category.scale.levels
        )
        db.table("criteria").insert_all(
            {
                "category": category.code,
                "code": c.code,
                "position": i,
                "name": c.name,
                "description": c.description,
                "weight": c.weight,
            }
            for i, c in enumerate(category.criteria)
        )
    db.table("interviews").insert_all(
        {**interview_to_dict(i), "position": n} for n, i in enumerate(event.interviews)
    )
    db.table("judges").insert_all(
        {"id": j.id, "name": j.name, "institution": j.institution, "role": j.role.value}
        | {"position": n}
        for n, j in enumerate(event.judges)
    )
    papers = _papers_row(event)
    # No row for an event without them: nothing stored that no digest would miss if changed.
    if PAPERS_TABLE in db.table_names() and (papers["event"] or papers["judges"]):
        db.table(PAPERS_TABLE).insert({"data": canonical_json(papers)})


def _papers_row(event: Event) -> dict[str, Any]:
    judges = {
        j.id: {k: v for k, v in (("nip", j.nip), ("secretary", j.secretary)) if v}
        for j in event.judges
        if j.nip or j.secretary
    }
    return {"event": papers_to_dict(event), "judges": judges}


def read_event_tables(db: sqlite_utils.Database) -> tuple[Event, dict[str, Any]]:
    """The event stored in a file, and the stored header row (with its fingerprints)."""
    rows = list(db.table("event").rows)
    if len(rows) != 1:
        raise ValueError(f"expected one event row, found {len(rows)}")
    header = rows[0]
    categories = []
    for cat in db.table("categories").rows_where(order_by="position"):
        levels = [
            {"value": r["value"], "label": r["label"]}
            for r in db.table("scale_levels").rows_where(
                "category = ?", [cat["code"]], order_by="rowid"
            )
        ]
        criteria = [
            {k: r[k] for k in ("code", "name", "description", "weight")}
            for r in db.table("criteria").rows_where(
                "category = ?", [cat["code"]], order_by="position"
            )
        ]
        categories.append(
            {
                "code": cat["code"],
                "name": cat["name"],
                "weights_are_examples": bool(cat["weights_are_examples"]),
                "scale": {
                    "minimum": cat["scale_minimum"],
                    "maximum": cat["scale_maximum"],
                    "step": cat["scale_step"],
                    "levels": levels,
                },
                "criteria": criteria,
            }
        )
    data = dict(header)
    data["categories"] = categories
    data["interviews"] = [dict(r) for r in db.table("interviews").rows_where(order_by="position")]
    data["judges"] = [dict(r) for r in db.table("judges").rows_where(order_by="position")]
    if PAPERS_TABLE in db.table_names():
        for row in db.table(PAPERS_TABLE).rows:
            papers = json.loads(row["data"])
            if not isinstance(papers, dict) or canonical_json(papers) != row["data"]:
                raise ValueError("the papers' data is not as the program writes it")
            data["papers"] = papers.get("event") or {}
            extra = papers.get("judges") or {}
            for judge in data["judges"]:
                judge.update(extra.get(judge["id"]) or {})
    return event_from_dict(data), header
