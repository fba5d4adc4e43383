"""The rubric: rating scales, criteria and weights, and the event's own checks."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest

from paritrana_desktop.domain.errors import UserError, ValidationError
from paritrana_desktop.domain.event import (
    Category,
    Criterion,
    Event,
    Interview,
    Judge,
    Scale,
    ScaleLevel,
    event_from_dict,
    event_to_dict,
)
from paritrana_desktop.domain.numbers import format_number
from tests.factories import FIVE_LEVELS, small_event


@contextlib.contextmanager
def refused(words: str) -> Iterator[None]:
    """A ``ValidationError`` whose Indonesian or English sentence says ``words``."""
    with pytest.raises(ValidationError) as caught:
        yield
    error = caught.value
    assert words in error.message.id or words in error.message.en, error.message
    assert error.message.id and error.message.en and error.message.id != error.message.en


# --- the scale --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scale", "value"),
    [
        (Scale(1, 5, 1), 1),
        (Scale(1, 5, 1), 5),
        (Scale(1, 5, 1), 3.0),
        (Scale(0, 100, 5), 0),
        (Scale(0, 100, 5), 85),
        (Scale(0, 100, 5), 100),
        (Scale(0, 10, 0.5), 8.5),
        (Scale(0, 10, 0.5), 0.5),
        (Scale(0, 10, 0.5), 10),
        (Scale(1, 4, 0.5), 3.5),
        (Scale(0, 1, 0.1), 0.1 + 0.2),  # 0.30000000000000004
        (Scale(0, 1, 0.1), 0.7),
        (Scale(0, 3, 0.1), 2.9),
        (Scale(-2, 2, 1), -2),
    ],
)
def test_a_value_on_the_scale_passes(scale: Scale, value: float) -> None:
    scale.check(value)


@pytest.mark.parametrize(
    ("scale", "value"),
    [
        (Scale(1, 5, 1), 0),
        (Scale(1, 5, 1), 6),
        (Scale(1, 5, 1), 5.000001),
        (Scale(1, 5, 1), -1),
        (Scale(0, 100, 5), 105),
        (Scale(0, 100, 5), -5),
        (Scale(1, 5, 1), float("inf")),
        (Scale(1, 5, 1), float("-inf")),
        (Scale(1, 5, 1), float("nan")),
    ],
)
def test_a_value_outside_the_scale_is_refused_with_its_range(scale: Scale, value: float) -> None:
    with pytest.raises(ValidationError) as caught:
        scale.check(value)
    assert f"{scale.minimum:g}" in caught.value.message.id
    assert f"{scale.maximum:g}" in caught.value.message.id
    assert "outside the scale" in caught.value.message.en


@pytest.mark.parametrize(
    ("scale", "value"),
    [
        (Scale(1, 5, 1), 2.5),
        (Scale(1, 5, 1), 4.0001),
        (Scale(0, 100, 5), 7),
        (Scale(0, 100, 5), 99),
        (Scale(0, 100, 5), 2.5),
        (Scale(0, 10, 0.5), 8.25),
        (Scale(0, 10, 0.5), 8.4),
        (Scale(0, 1, 0.1), 0.35),
        (Scale(1, 4, 0.5), 1.25),
    ],
)
def test_a_value_off_the_step_is_refused_naming_the_step(scale: Scale, value: float) -> None:
    with pytest.raises(ValidationError) as caught:
        scale.check(value)
    assert f"kelipatan {format_number(scale.step, 'id')}" in caught.value.message.id
    assert f"steps of {scale.step:g}" in caught.value.message.en


def test_numbers_in_messages_have_a_decimal_comma_in_indonesian_only() -> None:
    with pytest.raises(ValidationError) as caught:
        Scale(0, 10, 0.5).check(8.25)
    assert caught.value.message.id == (
        "Nilai 8,25 tidak sesuai langkah skala: gunakan kelipatan 0,5 mulai dari 0."
    )
    assert caught.value.message.en == "8.25 is off the scale's step: use steps of 0.5 from 0."
    with pytest.raises(ValidationError) as caught:
        Scale(1.5, 4.5, 0.5).check(8.5)
    assert caught.value.message.id == "Nilai 8,5 di luar skala: isi antara 1,5 dan 4,5."
    assert caught.value.message.en == "8.5 is outside the scale: enter a value from 1.5 to 4.5."
    with pytest.raises(ValidationError) as caught:
        Scale(0, 1, 0.3)
    assert "dari 0 ke 1 tidak habis dibagi langkah 0,3" in caught.value.message.id
    assert "0 to 1 is not a whole number of steps of 0.3" in caught.value.message.en
    with pytest.raises(ValidationError) as caught:
        _category(60, 39.5)
    assert "jumlah bobot 99,5," in caught.value.message.id
    assert "add up to 99.5," in caught.value.message.en
    with pytest.raises(ValidationError) as caught:
        doubled = (
            ScaleLevel(1.5, "Kurang"),
            ScaleLevel(1.5, "Cukup"),
            *2 * [ScaleLevel(2, "Baik")],
        )
        Scale(1, 3, 0.5, doubled)
    assert caught.value.message.id.endswith("nilai 1,5; 2.")
    assert caught.value.message.en.endswith("for 1.5, 2.")


@pytest.mark.parametrize(
    ("value", "language", "decimals", "text"),
    [
        (30.0, "id", None, "30"),
        (12.5, "en", None, "12.5"),
        (12.5, "id", None, "12,5"),
        (0.1 + 0.2, "en", None, "0.30000000000000004"),  # exact: not rounded away
        (-2.25, "id", None, "-2,25"),
        (3.75, "id", 3, "3,750"),
        (3.75, "en", 3, "3.750"),
        (1234.5, "id", None, "1234,5"),  # no thousands separator to misread
    ],
)
def test_format_number(value: float, language: str, decimals: int | None, text: str) -> None:
    assert format_number(value, language, decimals=decimals) == text


def test_scale_values_are_clean_numbers() -> None:
    assert Scale(1, 5, 1).values() == [1, 2, 3, 4, 5]
    assert Scale(0, 100, 5).values() == [float(v) for v in range(0, 101, 5)]
    assert len(Scale(0, 100, 5).values()) == 21
    tenths = Scale(0, 1, 0.1).values()
    assert tenths[3] == 0.3  # not 0.30000000000000004
    assert tenths == [round(i / 10, 1) for i in range(11)]
    assert Scale(0, 10, 0.5).values()[17] == 8.5


@pytest.mark.parametrize(
    ("minimum", "maximum", "step", "words"),
    [
        (5, 1, 1, "greater than"),
        (1, 1, 1, "greater than"),
        (1, 5, 0, "more than 0"),
        (1, 5, -1, "more than 0"),
        (0, 10, 3, "whole number of steps"),
        (0, 1, 0.3, "whole number of steps"),
    ],
)
def test_an_impossible_scale_is_refused(
    minimum: float, maximum: float, step: float, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Scale(minimum, maximum, step)
    assert words in caught.value.message.en
    assert caught.value.message.id.startswith("Skala tidak sah")


def test_scale_levels_must_be_distinct_and_on_the_scale() -> None:
    with refused("ganda"):
        Scale(1, 3, 1, (ScaleLevel(1, "Kurang"), ScaleLevel(1, "Sangat kurang")))
    with pytest.raises(ValidationError):
        Scale(1, 3, 1, (ScaleLevel(7, "Luar biasa"),))
    with pytest.raises(ValidationError):
        Scale(1, 3, 1, (ScaleLevel(1.5, "Setengah"),))


def test_label_for_a_value() -> None:
    assert FIVE_LEVELS.label_for(1) == "Sangat kurang"
    assert FIVE_LEVELS.label_for(5.0) == "Sangat baik"
    assert FIVE_LEVELS.label_for(2.5) == ""
    assert Scale(0, 100, 5).label_for(50) == ""


# --- criteria and weights ---------------------------------------------------------------------


def _category(*weights: float, codes: tuple[str, ...] | None = None) -> Category:
    codes = codes or tuple(f"K{n}" for n in range(len(weights)))
    return Category(
        "C",
        "Kategori Uji",
        tuple(
            Criterion(code, f"Kriteria {code}", "", w)
            for code, w in zip(codes, weights, strict=True)
        ),
        FIVE_LEVELS,
    )


@pytest.mark.parametrize(
    "weights",
    [(100,), (30, 40, 30), (33.3, 33.3, 33.4), (12.5,) * 8, (0.1,) * 1000, (100 / 3,) * 3],
)
def test_weights_adding_up_to_100_pass(weights: tuple[float, ...]) -> None:
    assert len(_category(*weights).criteria) == len(weights)


@pytest.mark.parametrize("weights", [(30, 40, 29), (50, 60), (99.99,), (100, 1)])
def test_weights_must_add_up_to_100(weights: tuple[float, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        _category(*weights)
    assert "seharusnya 100" in caught.value.message.id
    assert f"{sum(weights):g}" in caught.value.message.en


@pytest.mark.parametrize("weights", [(0, 100), (-10, 110)])
def test_each_weight_must_be_above_zero(weights: tuple[float, ...]) -> None:
    with refused("harus lebih dari 0"):
        _category(*weights)


def test_duplicate_criterion_codes_are_named() -> None:
    with pytest.raises(ValidationError) as caught:
        _category(30, 30, 40, codes=("REG", "COV", "REG"))
    assert "REG" in caught.value.message.en
    assert "duplicate" in caught.value.message.en


def test_a_category_needs_criteria() -> None:
    with refused("belum punya kriteria"):
        Category("C", "Kosong", (), FIVE_LEVELS)


def test_criteria_by_weight_keeps_rubric_order_for_ties() -> None:
    category = _category(20, 40, 20, 20, codes=("A", "B", "C", "D"))
    assert [c.code for c in category.criteria_by_weight()] == ["B", "A", "C", "D"]
    assert category.criterion("C").weight == 20
    with pytest.raises(KeyError):
        category.criterion("Z")


# --- the event --------------------------------------------------------------------------------


def test_a_sound_event_indexes_its_parts() -> None:
    event = small_event()
    assert event.has_interview("W01") and not event.has_interview("W99")
    assert event.category_of("W90").code == "PB"
    assert event.judge("J1").role.value == "ketua"
    assert event.days() == [dt.date(2025, 7, 28), dt.date(2025, 7, 29)]
    assert event.interview("W01").minutes() == 45


def test_a_copy_made_with_replace_keeps_the_original_lookups_whole() -> None:
    original = small_event()
    ids = [i.id for i in original.interviews]
    assert original.has_interview(ids[1])
    before = (original.fingerprint(), original.schedule_fingerprint())
    copy = dataclasses.replace(original, interviews=original.interviews[:1])
    assert copy.has_interview(ids[0]) and not copy.has_interview(ids[1])
    assert original.has_interview(ids[1]), "the copy overwrote the original's lookups"
    assert original.interview(ids[1]).id == ids[1]
    assert (original.fingerprint(), original.schedule_fingerprint()) == before
    assert copy.schedule_fingerprint() != original.schedule_fingerprint()


def test_an_event_computes_its_fingerprint_once() -> None:
    event = small_event()
    assert event.fingerprint() is event.fingerprint()
    assert event.content_digest() == event_from_dict(event_to_dict(event)).content_digest()


def test_event_round_trips_through_its_dict_form() -> None:
    event = small_event()
    again = event_from_dict(event_to_dict(event))
    assert again == event
    assert again.fingerprint() == event.fingerprint()
    assert again.content_digest() == event.content_digest()


def _event_with(**changes: object) -> Event:
    base = small_event()
    fields = {f.name: getattr(base, f.name) for f in dataclasses.fields(base) if f.init}
    fields.update(changes)
    return Event(**fields)


def test_event_problems_are_all_reported_at_once() -> None:
    base = small_event()
    twice = (*base.interviews, base.interviews[0])
    stray = Interview(
        "W77", base.start_date, dt.time(10), dt.time(11), "R", "Desa Uji", "DESA", "Kades"
    )
    with pytest.raises(ValidationError) as caught:
        _event_with(
            code="  ",
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2024, 1, 1),
            end_date=base.start_date - dt.timedelta(days=1),
            interviews=(*twice, stray),
            judges=(*base.judges, Judge("J2", "Kembar", "X")),
        )
    text = caught.value.message.en
    for words in (
        "event code is empty",
        "assessment period ends before it starts",
        "event ends before it starts",
        "Duplicate interview ids: W01",
        "Duplicate judge ids: J2",
        "category DESA is not in the rubric",
    ):
        assert words in text
    assert "Kode kegiatan kosong" in caught.value.message.id


def test_event_refuses_duplicate_categories() -> None:
    base = small_event()
    with refused("Kode kategori ganda: PB"):
        _event_with(categories=(*base.categories, base.categories[1]))


def test_fingerprint_follows_rubric_and_schedule_but_not_the_venue() -> None:
    base = small_event()
    assert _event_with(venue="Hotel Lain").fingerprint() == base.fingerprint()
    assert _event_with(venue="Hotel Lain").content_digest() != base.content_digest()
    reordered = _event_with(interviews=tuple(reversed(base.interviews)))
    assert reordered.fingerprint() != base.fingerprint()
    heavier = dataclasses.replace(
        base.categories[1],
        criteria=(
            Criterion("KEP", "Kepatuhan", "Semua pekerja terdaftar", 50),
            Criterion("CSR", "CSR", "Perlindungan pekerja rentan", 50),
        ),
    )
    assert _event_with(categories=(base.categories[0], heavier)).fingerprint() != (
        base.fingerprint()
    )
    assert small_event(scale=Scale(0, 100, 5)).fingerprint() != base.fingerprint()


def test_validation_error_is_a_user_error_in_both_languages() -> None:
    with pytest.raises(UserError) as caught:
        _category(50, 60)
    assert caught.value.text("id") != caught.value.text("en")
    assert caught.value.text("id") == caught.value.message.id
    assert caught.value.text("en") == caught.value.message.en
