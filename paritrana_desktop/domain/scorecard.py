"""One judge's scorecard for one interview, and the changes that make it.

Every edit a judge makes is a ``Change``; ``apply_change`` is the only way a scorecard moves
from one state to the next. The panel file stores the resulting scorecard *and* the change in
its audit log, so replaying the log with the same function must give back exactly what is
stored: that is how an edit made outside the program is found.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from .errors import ValidationError
from .event import Category, Event
from .text import Text
from .text_rules import saved_text_problem

MAX_NOTE_LENGTH = 20_000


class Status(StrEnum):
    DRAFT = "draf"
    FINAL = "final"


class CardState(StrEnum):
    """Where a judge stands for one participant: decided here once, shown by every window."""

    NOT_SCORED = "belum dinilai"
    DRAFT = "draf"
    FINAL = "final"
    CONFLICT = "konflik kepentingan"

    @property
    def label_en(self) -> str:
        return {
            CardState.NOT_SCORED: "not scored",
            CardState.DRAFT: "draft",
            CardState.FINAL: "final",
            CardState.CONFLICT: "conflict of interest",
        }[self]

    @property
    def text(self) -> Text:
        return Text(self.value, self.label_en)


class Action(StrEnum):
    RATE = "rate"  # criterion, value (float or None to clear)
    CRITERION_NOTE = "criterion_note"  # criterion, value (str)
    GENERAL_NOTE = "general_note"  # value (str)
    RECOMMENDATION = "recommendation"  # value (str)
    FINALISE = "finalise"
    UNLOCK = "unlock"  # reason
    DECLARE_CONFLICT = "declare_conflict"  # reason
    WITHDRAW_CONFLICT = "withdraw_conflict"  # reason


@dataclass(frozen=True)
class Change:
    action: Action
    criterion: str | None = None
    value: float | str | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action.value,
            "criterion": self.criterion,
            "value": self.value,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        value = data.get("value")
        return cls(
            action=Action(str(data["action"])),
            criterion=data.get("criterion"),
            value=value if value is None or isinstance(value, str) else float(value),
            reason=str(data.get("reason") or ""),
        )


def _frozen(mapping: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Scorecard:
    """What one judge recorded for one interview."""

    interview_id: str
    judge_id: str
    ratings: Mapping[str, float] = field(default_factory=_frozen)
    criterion_notes: Mapping[str, str] = field(default_factory=_frozen)
    general_note: str = ""
    recommendation: str = ""
    status: Status = Status.DRAFT
    conflict: bool = False
    conflict_reason: str = ""
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""
    finalised_at: str | None = None

    @property
    def is_final(self) -> bool:
        return self.status is Status.FINAL

    @property
    def is_empty(self) -> bool:
        return self.revision == 0

    @property
    def state(self) -> CardState:
        """Not scored (nothing recorded yet), draft, final, or a declared conflict of interest."""
        if self.conflict:
            return CardState.CONFLICT
        if self.is_final:
            return CardState.FINAL
        return CardState.NOT_SCORED if self.is_empty else CardState.DRAFT

    def missing_criteria(self, category: Category) -> list[str]:
        return [c.code for c in category.criteria if c.code not in self.ratings]

    def to_dict(self) -> dict[str, Any]:
        return {
            "interview_id": self.interview_id,
            "judge_id": self.judge_id,
            "ratings": dict(sorted(self.ratings.items())),
            "criterion_notes": dict(sorted(self.criterion_notes.items())),
            "general_note": self.general_note,
            "recommendation": self.recommendation,
            "status": self.status.value,
            "conflict": self.conflict,
            "conflict_reason": self.conflict_reason,
            "revision": self.revision,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "finalised_at": self.finalised_at,
        }

    def content(self) -> dict[str, Any]:
        """What the judge decided, without revision and times: equal content, same scorecard."""
        data = self.to_dict()
        for key in ("revision", "created_at", "updated_at", "finalised_at"):
            del data[key]
        return data


def new_scorecard(interview_id: str, judge_id: str) -> Scorecard:
    return Scorecard(interview_id=interview_id, judge_id=judge_id)


def apply_change(event: Event, card: Scorecard, change: Change, at: str) -> Scorecard:
    """The scorecard after ``change``, or ``ValidationError`` saying why it is not allowed."""
    if card.is_final and change.action is not Action.UNLOCK:
        raise ValidationError(
            Text(
                "Penilaian ini sudah dikunci. Buka kunci dulu (dengan alasan) untuk mengubahnya.",
                "This scorecard is locked. Unlock it first (with a reason) to change it.",
            ),
        )
    category = event.category_of(card.interview_id)
    updates = _RULES[change.action](card, category, change, at)
    return replace(
        card,
        **updates,
        revision=card.revision + 1,
        created_at=card.created_at or at,
        updated_at=at,
    )


_Updates = dict[str, Any]


def _rate(card: Scorecard, category: Category, change: Change, at: str) -> _Updates:
    code = _criterion_code(category, change)
    if card.conflict:
        raise ValidationError(
            Text(
                "Anda menyatakan konflik kepentingan untuk peserta ini; nilai tidak dapat diisi.",
                "You declared a conflict of interest for this participant; ratings are off.",
            ),
        )
    ratings = dict(card.ratings)
    if change.value is None:
        ratings.pop(code, None)
    else:
        if isinstance(change.value, str):
            raise ValidationError(Text("Nilai harus berupa angka.", "A rating must be a number."))
        value = float(change.value)
        scale = category.scale
        scale.check(value)
        # check() allows float noise (0.1 + 0.2 on a 0.1 step); store the scale's own value.
        steps = round((value - scale.minimum) / scale.step)
        ratings[code] = float(round(scale.minimum + steps * scale.step, 9))
    return {"ratings": _frozen(ratings)}


def _criterion_note(card: Scorecard, category: Category, change: Change, at: str) -> _Updates:
    code = _criterion_code(category, change)
    notes = dict(card.criterion_notes)
    text = _text(change.value)
    if text:
        notes[code] = text
    else:
        notes.pop(code, None)
    return {"criterion_notes": _frozen(notes)}


def _general_note(card: Scorecard, category: Category, change: Change, at: str) -> _Updates:
    return {"general_note": _text(change.value)}


def _recommendation(card: Scorecard, category: Category, change: Change, at: str) -> _Updates:
    return {"recommendation": _text(change.value)}


def _finalise(card: Scorecard, category: Category, change: Change, at: str) -> _Updates:
    missing = [] if card.conflict else card.missing_criteria(category)
    if missing:
        names = ", ".join(category.criterion(code).name for code in missing)
        raise ValidationError(
            Text(
                f"Belum semua kriteria dinilai: {names}. Lengkapi dulu sebelum mengunci.",
                f"Not every criterion is rated yet: {names}. Rate them before locking.",
            ),
        )
    return {"status": Status.FINAL, "finalised_at": at}


def _unlock(card: Scorecard, category: Category, change: Change, at: str) -> _Updates:
    if not card.is_final:
        raise ValidationError(Text("Penilaian ini belum dikunci.", "This scorecard is not locked."))
    _require_reason(change, "membuka kunci", "unlocking")
    return {"status": Status.DRAFT, "finalised_at": None}


def _declare_conflict(card: Scorecard, category: Category, change: Change, at: str) -> _Updates:
    _require_reason(change, "menyatakan konflik kepentingan", "declaring a conflict")
    return {"conflict": True, "conflict_reason": change.reason.strip()}


def _withdraw_conflict(card: Scorecard, category: Category, change: Change, at: str) -> _Updates:
    if not card.conflict:
        raise ValidationError(
            Text("Tidak ada konflik kepentingan yang dinyatakan.", "No conflict was declared.")
        )
    _require_reason(change, "mencabut konflik kepentingan", "withdrawing a conflict")
    return {"conflict": False, "conflict_reason": ""}


_RULES: dict[Action, Callable[[Scorecard, Category, Change, str], _Updates]] = {
    Action.RATE: _rate,
    Action.CRITERION_NOTE: _criterion_note,
    Action.GENERAL_NOTE: _general_note,
    Action.RECOMMENDATION: _recommendation,
    Action.FINALISE: _finalise,
    Action.UNLOCK: _unlock,
    Action.DECLARE_CONFLICT: _declare_conflict,
    Action.WITHDRAW_CONFLICT: _withdraw_conflict,
}


def _criterion_code(category: Category, change: Change) -> str:
    code = change.criterion or ""
    if code not in {c.code for c in category.criteria}:
        raise ValidationError(
            Text(
                f"Kriteria {code!r} tidak ada di rubrik kategori {category.name}.",
                f"Criterion {code!r} is not in the rubric of {category.name}.",
            ),
        )
    return code


def _text(value: float | str | None) -> str:
    text = "" if value is None else str(value)
    unsaved = saved_text_problem(text)
    if unsaved is not None:
        raise ValidationError(unsaved)
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(
            Text(
                f"Catatan terlalu panjang ({len(text)} karakter); batasnya {MAX_NOTE_LENGTH}.",
                f"The note is too long ({len(text)} characters); the limit is {MAX_NOTE_LENGTH}.",
            ),
        )
    return text


def _require_reason(change: Change, what_id: str, what_en: str) -> None:
    unsaved = saved_text_problem(change.reason)
    if unsaved is not None:
        raise ValidationError(unsaved)
    if not change.reason.strip():
        raise ValidationError(
            Text(f"Tuliskan alasan untuk {what_id}.", f"Give a reason for {what_en}.")
        )
