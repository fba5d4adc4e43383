"""The event: rubric per category (``rubric``), the schedule of interviews and the panel roster."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
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
    "papers_from_dict",
    "papers_to_dict",
    "scale_from_dict",
    "scale_to_dict",
    "without_papers",
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
    # For the papers only (never in a fingerprint): an NIP or another official number, and
    # whether the roster names this member "Sekretaris merangkap anggota".
    nip: str = ""
    secretary: bool = False


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
    # For the papers only (never in a fingerprint; see ``papers_to_dict``).
    heading_lines: tuple[str, ...] = ()  # the issuing office, up to three lines
    minutes_number: str = ""  # the berita acara's number; empty: dots to fill in by hand
    signing_place: str = ""  # "Samarinda"
    winners: int = 3  # designations per category: Terbaik I .. III
    national: int = 1  # how many go on to the national round
    score_decimals: int = 2  # decimals of the official score in the papers, half up

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
        found.extend(self._paper_problems())
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

    def _paper_problems(self) -> list[Text]:
        found: list[Text] = []
        if len(self.heading_lines) > 3:
            found.append(
                Text(
                    f"Kop berita acara paling banyak tiga baris, bukan {len(self.heading_lines)}.",
                    f"The heading has at most three lines, not {len(self.heading_lines)}.",
                )
            )
        if self.winners < 0 or self.national < 0:
            found.append(
                Text(
                    "Jumlah peserta terbaik dan yang lanjut ke tingkat nasional tidak boleh "
                    "negatif.",
                    "The number of winners and of those going on to the national round cannot "
                    "be negative.",
                )
            )
        if not 0 <= self.score_decimals <= 4:
            found.append(
                Text(
                    f"Desimal nilai resmi harus 0 sampai 4, bukan {self.score_decimals}.",
                    f"The official score's decimals must be 0 to 4, not {self.score_decimals}.",
                )
            )
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
            "roster": _digest([_judge_core(j) for j in self.judges]),
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


def _judge_core(judge: Judge) -> dict[str, Any]:
    return {
        "id": judge.id,
        "name": judge.name,
        "institution": judge.institution,
        "role": judge.role.value,
    }


def judge_to_dict(judge: Judge) -> dict[str, Any]:
    """The judge as a dict; the papers' fields only when set, so that the dict (and every
    digest over it) of a judge from before they existed stays what it was."""
    data = _judge_core(judge)
    if judge.nip:
        data["nip"] = judge.nip
    if judge.secretary:
        data["secretary"] = True
    return data


def judge_from_dict(data: dict[str, Any]) -> Judge:
    return Judge(
        id=str(data["id"]),
        name=str(data["name"]),
        institution=str(data["institution"]),
        role=Role(str(data["role"])),
        nip=str(data.get("nip") or ""),
        secretary=bool(data.get("secretary", False)),
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


_PAPER_DEFAULTS: dict[str, Any] = {
    "heading_lines": [],
    "minutes_number": "",
    "signing_place": "",
    "winners": 3,
    "national": 1,
    "score_decimals": 2,
}


def papers_to_dict(event: Event) -> dict[str, Any]:
    """The event's fields for the papers that differ from their defaults (an event made before
    they existed gives ``{}``, so its digests stay what they were)."""
    data = {
        "heading_lines": list(event.heading_lines),
        "minutes_number": event.minutes_number,
        "signing_place": event.signing_place,
        "winners": event.winners,
        "national": event.national,
        "score_decimals": event.score_decimals,
    }
    return {k: v for k, v in data.items() if v != _PAPER_DEFAULTS[k]}


def papers_from_dict(data: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments of ``Event`` from ``papers_to_dict``'s form; missing keys: defaults."""
    merged = {**_PAPER_DEFAULTS, **data}
    return {
        "heading_lines": tuple(str(line) for line in merged["heading_lines"]),
        "minutes_number": str(merged["minutes_number"] or ""),
        "signing_place": str(merged["signing_place"] or ""),
        "winners": int(merged["winners"]),
        "national": int(merged["national"]),
        "score_decimals": int(merged["score_decimals"]),
    }


def without_papers(event: Event) -> Event:
    """``event`` with the papers' fields at their defaults (what a file without them holds)."""
    return replace(
        event,
        judges=tuple(replace(j, nip="", secretary=False) for j in event.judges),
        **papers_from_dict({}),
    )


def event_to_dict(event: Event) -> dict[str, Any]:
    data = event_header_to_dict(event)
    papers = papers_to_dict(event)
    if papers:
        data["papers"] = papers
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
        **papers_from_dict(data.get("papers") or {}),
    )


def canonical_json(data: Any) -> str:
    """The one serialisation every hash in the program is taken over."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _digest(data: Any) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()
