"""Why a panel file's event is not the merge's reference event, naming what differs.

Two files for the same event (same code and year) can still differ in the rubric or the
schedule (the secretariat changed the workbook after some judges took their file); the chair
needs to know which: a category, a scale, a weight, an interview's time.
"""

from __future__ import annotations

from .errors import UserError
from .event import Category, Event, Scale, category_to_dict, interview_to_dict
from .merge_records import EventPrints
from .numbers import format_number
from .text import Text

MAX_DIFFERENCES = 6

_INTERVIEW_FIELDS = {
    "participant": Text("peserta", "participant"),
    "category": Text("kategori", "category"),
    "day": Text("tanggal", "date"),
    "start": Text("jam mulai", "start time"),
    "end": Text("jam selesai", "end time"),
    "room": Text("ruang", "room"),
    "representatives": Text("perwakilan", "representatives"),
}


def event_differences(
    ref: Event, other: Event, ref_prints: EventPrints, other_prints: EventPrints
) -> list[UserError]:
    """Why ``other`` is not ``ref``; empty when their fingerprints agree."""
    if other_prints.event == ref_prints.event:
        return []
    if other.code != ref.code or other.award_year != ref.award_year:
        return [
            UserError(
                Text(
                    f"Berkas untuk kegiatan lain: {other.name} ({other.code}, {other.award_year}); "
                    f"penggabungan ini untuk {ref.name} ({ref.code}, {ref.award_year}).",
                    f"A file for another event: {other.name} ({other.code}, {other.award_year}); "
                    f"this merge is for {ref.name} ({ref.code}, {ref.award_year}).",
                ),
            )
        ]
    out: list[UserError] = []
    if other_prints.rubric != ref_prints.rubric:
        head = Text(
            "Kegiatan sama tetapi rubriknya berbeda: ", "Same event but a different rubric: "
        )
        out.append(_listing(head, rubric_differences(ref, other)))
    if other_prints.schedule != ref_prints.schedule:
        head = Text(
            "Kegiatan sama tetapi jadwalnya berbeda: ", "Same event but a different schedule: "
        )
        out.append(_listing(head, schedule_differences(ref, other)))
    return out


def _listing(head: Text, parts: list[Text]) -> UserError:
    return UserError(head + Text.join("; ", parts) + Text.same("."))


def _limited(parts: list[Text]) -> list[Text]:
    if len(parts) <= MAX_DIFFERENCES:
        return parts
    rest = len(parts) - MAX_DIFFERENCES
    return [*parts[:MAX_DIFFERENCES], Text(f"dan {rest} perbedaan lain", f"and {rest} more")]


def rubric_differences(ref: Event, other: Event) -> list[Text]:
    """What differs between two rubrics, at most :data:`MAX_DIFFERENCES` items and a count."""
    parts: list[Text] = []
    ref_cats = {c.code: c for c in ref.categories}
    other_cats = {c.code: c for c in other.categories}
    for code in sorted(ref_cats.keys() - other_cats.keys()):
        parts.append(Text(f"kategori {code} tidak ada", f"category {code} is missing"))
    for code in sorted(other_cats.keys() - ref_cats.keys()):
        parts.append(Text(f"kategori tambahan {code}", f"an extra category {code}"))
    for code in sorted(ref_cats.keys() & other_cats.keys()):
        parts.extend(_category_differences(ref_cats[code], other_cats[code]))
    if not parts:  # same content, different order
        parts.append(Text("urutan kategori", "the order of the categories"))
    return _limited(parts)


def _category_differences(a: Category, b: Category) -> list[Text]:
    parts: list[Text] = []
    if a.name != b.name:
        parts.append(
            Text(
                f"nama kategori {a.code}: {b.name!r}", f"the name of category {a.code}: {b.name!r}"
            )
        )
    parts.extend(_scale_differences(a, b))
    crit_a = {c.code: c for c in a.criteria}
    crit_b = {c.code: c for c in b.criteria}
    for code in sorted(crit_a.keys() - crit_b.keys()):
        parts.append(
            Text(f"kriteria {a.code}/{code} tidak ada", f"criterion {a.code}/{code} missing")
        )
    for code in sorted(crit_b.keys() - crit_a.keys()):
        parts.append(
            Text(f"kriteria tambahan {a.code}/{code}", f"an extra criterion {a.code}/{code}")
        )
    for code in [c.code for c in a.criteria if c.code in crit_b]:
        x, y = crit_a[code], crit_b[code]
        if x.weight != y.weight:
            parts.append(
                Text(
                    f"bobot {a.code}/{code}: {format_number(y.weight, 'id')}, bukan "
                    f"{format_number(x.weight, 'id')}",
                    f"the weight of {a.code}/{code}: {format_number(y.weight, 'en')}, not "
                    f"{format_number(x.weight, 'en')}",
                )
            )
        if x.name != y.name or x.description != y.description:
            parts.append(
                Text(
                    f"uraian kriteria {a.code}/{code}", f"the wording of criterion {a.code}/{code}"
                )
            )
    if a.weights_are_examples != b.weights_are_examples:
        said = (
            ("hanya contoh", "examples only") if b.weights_are_examples else ("resmi", "official")
        )
        parts.append(Text(f"bobot {a.code}: {said[0]}", f"the weights of {a.code}: {said[1]}"))
    if not parts and category_to_dict(a) != category_to_dict(b):
        if [c.code for c in a.criteria] != [c.code for c in b.criteria]:
            parts.append(
                Text(f"urutan kriteria {a.code}", f"the order of the criteria of {a.code}")
            )
        else:  # never a false reason: a field this list does not name yet
            parts.append(Text(f"rincian lain kategori {a.code}", f"other details of {a.code}"))
    return parts


def _scale_differences(a: Category, b: Category) -> list[Text]:
    ours, theirs = a.scale, b.scale
    if (ours.minimum, ours.maximum, ours.step) != (theirs.minimum, theirs.maximum, theirs.step):
        return [
            Text(
                f"skala {a.code}: {_scale_text(theirs, 'id')}, bukan {_scale_text(ours, 'id')}",
                f"the scale of {a.code}: {_scale_text(theirs, 'en')}, not "
                f"{_scale_text(ours, 'en')}",
            )
        ]
    if ours.levels != theirs.levels:
        return [Text(f"label skala {a.code}", f"the scale labels of {a.code}")]
    return []


def _scale_text(scale: Scale, language: str) -> str:
    """``1-5 (langkah 0,5)`` / ``1-5 (step 0.5)``."""
    step = "step" if language == "en" else "langkah"
    return (
        f"{format_number(scale.minimum, language)}-{format_number(scale.maximum, language)} "
        f"({step} {format_number(scale.step, language)})"
    )


def schedule_differences(ref: Event, other: Event) -> list[Text]:
    """What differs between two schedules, at most :data:`MAX_DIFFERENCES` items and a count."""
    parts: list[Text] = []
    a = {i.id: i for i in ref.interviews}
    b = {i.id: i for i in other.interviews}
    for iid in sorted(a.keys() - b.keys()):
        parts.append(
            Text(
                f"wawancara {iid} ({a[iid].participant}) tidak ada",
                f"interview {iid} ({a[iid].participant}) is missing",
            )
        )
    for iid in sorted(b.keys() - a.keys()):
        parts.append(
            Text(
                f"wawancara tambahan {iid} ({b[iid].participant})",
                f"an extra interview {iid} ({b[iid].participant})",
            )
        )
    for iid in [i.id for i in ref.interviews if i.id in b]:
        x, y = interview_to_dict(a[iid]), interview_to_dict(b[iid])
        changed = Text.join(", ", (t for k, t in _INTERVIEW_FIELDS.items() if x[k] != y[k]))
        if changed.id:
            parts.append(
                Text(
                    f"wawancara {iid}: {changed.id} berbeda",
                    f"interview {iid}: different {changed.en}",
                )
            )
    if not parts:
        parts.append(Text("urutan wawancara", "the order of the interviews"))
    return _limited(parts)
