"""The rows of a panel file's scorecards: storing one, loading all of them."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import sqlite_utils

from ..domain.scorecard import Scorecard, Status


def store_card(db: sqlite_utils.Database, card: Scorecard) -> None:
    """Store ``card`` in its rows (inside the caller's transaction)."""
    db.table("scorecards").upsert(
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
    db.execute("DELETE FROM criterion_scores WHERE interview_id = ?", [card.interview_id])
    codes = sorted(set(card.ratings) | set(card.criterion_notes))
    db.table("criterion_scores").insert_all(
        {
            "interview_id": card.interview_id,
            "criterion": code,
            "rating": card.ratings.get(code),
            "note": card.criterion_notes.get(code, ""),
        }
        for code in codes
    )


def load_cards(db: sqlite_utils.Database) -> dict[str, Scorecard]:
    """Every stored scorecard, by interview."""
    scores: dict[str, list[dict[str, Any]]] = {}
    for row in db.table("criterion_scores").rows:
        scores.setdefault(row["interview_id"], []).append(row)
    cards: dict[str, Scorecard] = {}
    for row in db.table("scorecards").rows:
        iid = row["interview_id"]
        rows = scores.get(iid, [])
        cards[iid] = Scorecard(
            interview_id=iid,
            judge_id=row["judge_id"],
            ratings=MappingProxyType(
                {r["criterion"]: float(r["rating"]) for r in rows if r["rating"] is not None}
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
