"""The event: rubric per category (``rubric``), the schedule of interviews and the panel roster."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from .errors import ValidationError
from .rubric import WEIGHT_TOTAL, Category, Criterion, Scale, ScaleLevel
from .text import Text
from .text_rules import event_text_problems

__all__ = [
    "WEIGHT_TOTAL",
    "Category",
    "Criterion",
    "Event",
    "Interview",
    "Judge",
    "Level",
    "Role",
    "Scale",
    "ScaleLevel",
    "canonical_json",
    "category_from_dict",
    "category_to_dict",
    "event_from_dict",
    "event_header_to_dict",
    "event_to_dict",
    "interview_from_dict",
    "interview_to_dict",
    "judge_from_dict",
    "judge_to_dict",
    "scale_from_dict",
    "scale_to_dict",
]


class Level(StrEnum):
    PROVINSI = "provinsi"
    NASIONAL = "nasional"


class Role(StrEnum):
    KETUA = "ketua"
    ANGGOTA = "anggota"


@dataclass(frozen=True)
class Interview:
    """One scheduled slot: a participant presents to the panel."""

    id: str
    day: dt.date
    start: dt.time
    end: dt.time
    room: str
    participant: str
    category: str
    representatives: str = ""

    def minutes(self) -> int:
        start = dt.datetime.combine(self.day, self.start)
        end = dt.datetime.combine(self.day, self.end)
        return max(0, int((end - start).total_seconds() // 60))


@dataclass(frozen=True)
class Judge:
    id: str
    name: str
    institution: str
    role: Role = Role.ANGGOTA


@dataclass(frozen=True)
class Event:
    """Everything the secretariat prepares before the interviews."""

    code: str
    name: str
    level: Level
    province: str
    award_year: int
    period_start: dt.date
    period_end: dt.date
    venue: str
    start_date: dt.date
    end_date: dt.date
    categories: tuple[Category, ...]
    interviews: tuple[Interview, ...]
    judges: tuple[Judge, ...]
    is_demo: bool = False

    # The lookups and fingerprints below are cached per instance (``cached_property`` writes
    # to this instance's ``__dict__``), never constructor fields: a copy made with
    # ``dataclasses.replace`` computes its own and leaves the original's alone.

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise ValidationError(Text.join(" ", problems))

    def problems(self) -> list[Text]:
        found: list[Text] = []
        if not self.code.strip():
            found.append(Text("Kode kegiatan kosong.", "The event code is empty."))
        if self.period_end < self.period_start:
            found.append(
                Text(
                    "Periode penilaian berakhir sebelum dimulai.",
                    "The assessment period ends before it starts.",
                )
            )
        if self.end_date < self.start_date:
            found.append(
                Text(
                    "Tanggal kegiatan berakhir sebelum dimulai.", "The event ends before it starts."
                )
            )
        for kind_id, kind_en, items in (
            ("kategori", "category", [c.code for c in self.categories]),
            ("wawancara", "interview", [i.id for i in self.interviews]),
            ("panelis", "judge", [j.id for j in self.judges]),
        ):
            dupes = sorted({x for x in items if items.count(x) > 1})
            if dupes:
                found.append(
                    Text(
                        f"Kode {kind_id} ganda: {', '.join(dupes)}.",
                        f"Duplicate {kind_en} ids: {', '.join(dupes)}.",
                    )
                )
        codes = {c.code for c in self.categories}
        for interview in self.interviews:
            if interview.category not in codes:
                found.append(
                    Text(
                        f"Wawancara {interview.id} ({interview.participant}): kategori "
                        f"{interview.category} tidak ada di rubrik.",
                        f"Interview {interview.id} ({interview.participant}): category "
                        f"{interview.category} is not in the rubric.",
                    )
                )
        found.extend(event_text_problems(self))  # what text an event may hold: text_rules
        return found

    @cached_property
    def _categories_by_code(self) -> dict[str, Category]:
        return {c.code: c for c in self.categories}

    @cached_property
    def _interviews_by_id(self) -> dict[str, Interview]:
        return {i.id: i for i in self.interviews}

    @cached_property
    def _judges_by_id(self) -> dict[str, Judge]:
        return {j.id: j for j in self.judges}

    def category(self, code: str) -> Category:
        return self._categories_by_code[code]

    def interview(self, interview_id: str) -> Interview:
        return self._interviews_by_id[interview_id]

    def has_interview(self, interview_id: str) -> bool:
        return interview_id in self._interviews_by_id

    def judge(self, judge_id: str) -> Judge:
        return self._judges_by_id[judge_id]

    def has_judge(self, judge_id: str) -> bool:
        return judge_id in self._judges_by_id

    def category_of(self, interview_id: str) -> Category:
        return self.category(self.interview(interview_id).category)

    def days(self) -> list[dt.date]:
        return sorted({i.day for i in self.interviews})

    # --- fingerprints -------------------------------------------------------------------
    def rubric_fingerprint(self) -> str:
        return self._fingerprints["rubric"]

    def schedule_fingerprint(self) -> str:
        return self._fingerprints["schedule"]

    def roster_fingerprint(self) -> str:
        return self._fingerprints["roster"]

    def content_digest(self) -> str:
        """One hash of everything in the event (names, dates, venue, roster too): equal means
        "the same file content"; ``fingerprint`` is what a merge compares."""
        return self._fingerprints["content"]

    def fingerprint(self) -> str:
        """One hash of the event's identity, rubric and schedule: equal means "same event"."""
        return self._fingerprints["event"]

    @cached_property
    def _fingerprints(self) -> dict[str, str]:
        """Every hash of this instance, computed once on first use."""
        rubric = _digest([category_to_dict(c) for c in self.categories])
        schedule = _digest([interview_to_dict(i) for i in self.interviews])
        identity = {
            "code": self.code,
            "award_year": self.award_year,
            "rubric": rubric,
            "schedule": schedule,
        }
        return {
            "rubric": rubric,
            "schedule": schedule,
            "roster": _digest([judge_to_dict(j) for j in self.judges]),
            "content": _digest(event_to_dict(self)),
            "event": _digest(identity),
        }


# --- plain dict form, used by the files and the fingerprints --------------------------------


def scale_to_dict(scale: Scale) -> dict[str, Any]:
    return {
        "minimum": float(scale.minimum),
        "maximum": float(scale.maximum),
        "step": float(scale.step),
        "levels": [{"value": float(lv.value), "label": lv.label} for lv in scale.levels],
    }


def scale_from_dict(data: dict[str, Any]) -> Scale:
    return Scale(
        minimum=float(data["minimum"]),
        maximum=float(data["maximum"]),
        step=float(data["step"]),
        levels=tuple(ScaleLevel(float(lv["value"]), str(lv["label"])) for lv in data["levels"]),
    )


def category_to_dict(category: Category) -> dict[str, Any]:
    return {
        "code": category.code,
        "name": category.name,
        "weights_are_examples": category.weights_are_examples,
        "scale": scale_to_dict(category.scale),
        "criteria": [
            {
                "code": c.code,
                "name": c.name,
                "description": c.description,
                "weight": float(c.weight),
            }
            for c in category.criteria
        ],
    }


def category_from_dict(data: dict[str, Any]) -> Category:
    return Category(
        code=str(data["code"]),
        name=str(data["name"]),
        weights_are_examples=bool(data.get("weights_are_examples", False)),
        scale=scale_from_dict(data["scale"]),
        criteria=tuple(
            Criterion(str(c["code"]), str(c["name"]), str(c["description"]), float(c["weight"]))
            for c in data["criteria"]
        ),
    )


def interview_to_dict(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.id,
        "day": interview.day.isoformat(),
        "start": interview.start.strftime("%H:%M"),
        "end": interview.end.strftime("%H:%M"),
        "room": interview.room,
        "participant": interview.participant,
        "category": interview.category,
        "representatives": interview.representatives,
    }


def interview_from_dict(data: dict[str, Any]) -> Interview:
    return Interview(
        id=str(data["id"]),
        day=dt.date.fromisoformat(str(data["day"])),
        start=dt.time.fromisoformat(str(data["start"])),
        end=dt.time.fromisoformat(str(data["end"])),
        room=str(data["room"]),
        participant=str(data["participant"]),
        category=str(data["category"]),
        representatives=str(data.get("representatives") or ""),
    )


def judge_to_dict(judge: Judge) -> dict[str, Any]:
    return {
        "id": judge.id,
        "name": judge.name,
        "institution": judge.institution,
        "role": judge.role.value,
    }


def judge_from_dict(data: dict[str, Any]) -> Judge:
    return Judge(
        id=str(data["id"]),
        name=str(data["name"]),
        institution=str(data["institution"]),
        role=Role(str(data["role"])),
    )


def event_header_to_dict(event: Event) -> dict[str, Any]:
    return {
        "code": event.code,
        "name": event.name,
        "level": event.level.value,
        "province": event.province,
        "award_year": event.award_year,
        "period_start": event.period_start.isoformat(),
        "period_end": event.period_end.isoformat(),
        "venue": event.venue,
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat(),
        "is_demo": event.is_demo,
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    data = event_header_to_dict(event)
    data["categories"] = [category_to_dict(c) for c in event.categories]
    data["interviews"] = [interview_to_dict(i) for i in event.interviews]
    data["judges"] = [judge_to_dict(j) for j in event.judges]
    return data


def event_from_dict(data: dict[str, Any]) -> Event:
    return Event(
        code=str(data["code"]),
        name=str(data["name"]),
        level=Level(str(data["level"])),
        province=str(data["province"]),
        award_year=int(data["award_year"]),
        period_start=dt.date.fromisoformat(str(data["period_start"])),
        period_end=dt.date.fromisoformat(str(data["period_end"])),
        venue=str(data["venue"]),
        start_date=dt.date.fromisoformat(str(data["start_date"])),
        end_date=dt.date.fromisoformat(str(data["end_date"])),
        is_demo=bool(data.get("is_demo", False)),
        categories=tuple(category_from_dict(c) for c in data["categories"]),
        interviews=tuple(interview_from_dict(i) for i in data["interviews"]),
        judges=tuple(judge_from_dict(j) for j in data["judges"]),
    )


def canonical_json(data: Any) -> str:
    """The one serialisation every hash in the program is taken over."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _digest(data: Any) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()
