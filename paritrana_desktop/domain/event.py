"""The event: rubric per category, the schedule of interviews and the panel roster."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Any

from .errors import ValidationError
from .numbers import format_number
from .text import Text

WEIGHT_TOTAL = 100.0
_EPS = 1e-9


class Level(StrEnum):
    PROVINSI = "provinsi"
    NASIONAL = "nasional"


class Role(StrEnum):
    KETUA = "ketua"
    ANGGOTA = "anggota"


@dataclass(frozen=True)
class ScaleLevel:
    """One named level of a rating scale, e.g. 1 = "Sangat kurang"."""

    value: float
    label: str


@dataclass(frozen=True)
class Scale:
    """Ratings run from ``minimum`` to ``maximum`` in steps of ``step``."""

    minimum: float
    maximum: float
    step: float
    levels: tuple[ScaleLevel, ...] = ()

    def __post_init__(self) -> None:
        if not self.maximum > self.minimum:
            low_id, high_id, _ = self._numbers("id")
            low, high, _ = self._numbers("en")
            raise ValidationError(
                Text(
                    f"Skala tidak sah: maksimum ({high_id}) harus lebih besar dari minimum "
                    f"({low_id}).",
                    f"Invalid scale: the maximum ({high}) must be greater than the minimum "
                    f"({low}).",
                ),
            )
        if not self.step > 0:
            raise ValidationError(
                Text(
                    f"Skala tidak sah: langkah harus lebih dari 0, bukan "
                    f"{format_number(self.step, 'id')}.",
                    f"Invalid scale: the step must be more than 0, not {format_number(self.step)}.",
                ),
            )
        if not _is_multiple(self.maximum - self.minimum, self.step):
            low_id, high_id, step_id = self._numbers("id")
            low, high, step = self._numbers("en")
            raise ValidationError(
                Text(
                    f"Skala tidak sah: dari {low_id} ke {high_id} tidak habis dibagi langkah "
                    f"{step_id}.",
                    f"Invalid scale: {low} to {high} is not a whole number of steps of {step}.",
                ),
            )
        values = [level.value for level in self.levels]
        doubled = sorted({v for v in values if values.count(v) > 1})
        if doubled:
            # "1,5; 2" in Indonesian: a comma there is the decimal separator
            listed_id = "; ".join(format_number(v, "id") for v in doubled)
            listed = ", ".join(format_number(v) for v in doubled)
            raise ValidationError(
                Text(
                    f"Skala tidak sah: keterangan ganda untuk nilai {listed_id}.",
                    f"Invalid scale: more than one descriptor for {listed}.",
                ),
            )
        for level in self.levels:
            self.check(level.value)

    def _numbers(self, language: str) -> tuple[str, str, str]:
        """The minimum, the maximum and the step as ``language`` writes them."""
        return (
            format_number(self.minimum, language),
            format_number(self.maximum, language),
            format_number(self.step, language),
        )

    def check(self, value: float) -> None:
        """Raise ``ValidationError`` saying why ``value`` is not a rating on this scale."""
        outside = value != value or value < self.minimum - _EPS or value > self.maximum + _EPS
        if not outside and _is_multiple(value - self.minimum, self.step):
            return
        low_id, high_id, step_id = self._numbers("id")
        low, high, step = self._numbers("en")
        value_id, value_en = format_number(value, "id"), format_number(value)
        if outside:
            raise ValidationError(
                Text(
                    f"Nilai {value_id} di luar skala: isi antara {low_id} dan {high_id}.",
                    f"{value_en} is outside the scale: enter a value from {low} to {high}.",
                ),
            )
        raise ValidationError(
            Text(
                f"Nilai {value_id} tidak sesuai langkah skala: gunakan kelipatan {step_id} mulai "
                f"dari {low_id}.",
                f"{value_en} is off the scale's step: use steps of {step} from {low}.",
            ),
        )

    def values(self) -> list[float]:
        """Every rating the scale allows, lowest first."""
        count = round((self.maximum - self.minimum) / self.step)
        return [_clean(self.minimum + i * self.step) for i in range(count + 1)]

    def label_for(self, value: float) -> str:
        for level in self.levels:
            if abs(level.value - value) < _EPS:
                return level.label
        return ""


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    description: str
    weight: float


@dataclass(frozen=True)
class Category:
    """A category of participants and the rubric its judges score with."""

    code: str
    name: str
    criteria: tuple[Criterion, ...]
    scale: Scale
    weights_are_examples: bool = False

    def __post_init__(self) -> None:
        if not self.criteria:
            raise ValidationError(
                Text(
                    f"Kategori {self.name} belum punya kriteria.",
                    f"Category {self.name} has no criteria.",
                ),
            )
        codes = [c.code for c in self.criteria]
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        if duplicates:
            raise ValidationError(
                Text(
                    f"Kategori {self.name}: kode kriteria ganda {', '.join(duplicates)}.",
                    f"Category {self.name}: duplicate criterion codes {', '.join(duplicates)}.",
                ),
            )
        for criterion in self.criteria:
            if not criterion.weight > 0:
                raise ValidationError(
                    Text(
                        f"Kategori {self.name}: bobot kriteria {criterion.code} harus lebih dari "
                        "0.",
                        f"Category {self.name}: the weight of {criterion.code} must be above 0.",
                    ),
                )
        total = sum(c.weight for c in self.criteria)
        if abs(total - WEIGHT_TOTAL) > 1e-6:
            raise ValidationError(
                Text(
                    f"Kategori {self.name}: jumlah bobot {format_number(round(total, 6), 'id')}, "
                    "seharusnya 100.",
                    f"Category {self.name}: the weights add up to "
                    f"{format_number(round(total, 6))}, not 100.",
                ),
            )

    def criterion(self, code: str) -> Criterion:
        for c in self.criteria:
            if c.code == code:
                return c
        raise KeyError(code)

    def criteria_by_weight(self) -> list[Criterion]:
        """Highest weight first; equal weights keep the rubric's order (used to break ties)."""
        return sorted(self.criteria, key=lambda c: -c.weight)


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


def _is_multiple(value: float, step: float) -> bool:
    quotient = Decimal(repr(value)) / Decimal(repr(step))
    return abs(quotient - round(quotient)) < Decimal("1e-6")


def _clean(value: float) -> float:
    return float(round(value, 9))
