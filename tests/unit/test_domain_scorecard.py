"""How a scorecard changes: ``apply_change`` is the only way, and it keeps the rules."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from paritrana_desktop.domain.errors import ValidationError
from paritrana_desktop.domain.event import Event, Scale
from paritrana_desktop.domain.scorecard import (
    MAX_NOTE_LENGTH,
    Action,
    Change,
    Scorecard,
    Status,
    apply_change,
    new_scorecard,
)
from tests.factories import small_event

EVENT = small_event()
T1, T2, T3 = "2025-07-28T01:00:00+00:00", "2025-07-28T01:05:00+00:00", "2025-07-28T01:09:00+00:00"


@contextlib.contextmanager
def refused(words: str) -> Iterator[None]:
    """A ``ValidationError`` whose English sentence says ``words`` (and has an Indonesian one)."""
    with pytest.raises(ValidationError) as caught:
        yield
    assert words in caught.value.message.en, caught.value.message.en
    assert caught.value.message.id and caught.value.message.id != caught.value.message.en


def _apply(card: Scorecard, *changes: Change, event: Event = EVENT, at: str = T1) -> Scorecard:
    for change in changes:
        card = apply_change(event, card, change, at)
    return card


def _rate(code: str, value: float | None) -> Change:
    return Change(Action.RATE, code, value)


def _full(event: Event = EVENT, interview: str = "W01") -> Scorecard:
    card = new_scorecard(interview, "J2")
    codes = [c.code for c in event.category_of(interview).criteria]
    return _apply(card, *(_rate(code, 4) for code in codes), event=event)


def test_a_new_scorecard_is_an_empty_draft() -> None:
    card = new_scorecard("W01", "J2")
    assert card.is_empty and not card.is_final and card.status is Status.DRAFT
    assert card.revision == 0 and dict(card.ratings) == {}
    assert card.missing_criteria(EVENT.category("PEMKAB")) == ["REG", "COV", "WAW"]


def test_rating_records_the_value_and_counts_revisions_and_times() -> None:
    card = new_scorecard("W01", "J2")
    first = apply_change(EVENT, card, _rate("REG", 4), T1)
    second = apply_change(EVENT, first, _rate("COV", 3), T2)
    third = apply_change(EVENT, second, _rate("REG", 5), T3)
    assert [c.revision for c in (first, second, third)] == [1, 2, 3]
    assert dict(third.ratings) == {"REG": 5.0, "COV": 3.0}
    assert third.created_at == T1 and third.updated_at == T3
    assert card.revision == 0 and dict(card.ratings) == {}  # the old card is untouched
    assert dict(first.ratings) == {"REG": 4.0}


def test_a_rating_can_be_cleared() -> None:
    card = _apply(new_scorecard("W01", "J2"), _rate("REG", 4), _rate("REG", None))
    assert dict(card.ratings) == {} and card.revision == 2


def test_ratings_are_read_only_mappings() -> None:
    card = _apply(new_scorecard("W01", "J2"), _rate("REG", 4))
    with pytest.raises(TypeError):
        card.ratings["REG"] = 1  # type: ignore[index]


@pytest.mark.parametrize(("value", "why"), [(6, "outside"), (0, "outside"), (2.5, "step")])
def test_a_rating_off_the_scale_is_refused(value: float, why: str) -> None:
    with refused(why):
        apply_change(EVENT, new_scorecard("W01", "J2"), _rate("REG", value), T1)


def test_a_rating_must_be_a_number() -> None:
    with refused("must be a number"):
        apply_change(EVENT, new_scorecard("W01", "J2"), Change(Action.RATE, "REG", "4"), T1)


def test_a_rating_in_float_noise_is_stored_as_the_scale_value() -> None:
    tenths = small_event(scale=Scale(0, 10, 0.1))
    card = apply_change(tenths, new_scorecard("W01", "J2"), _rate("REG", 0.1 + 0.2), T1)
    assert card.ratings["REG"] == 0.3
    card = apply_change(tenths, card, _rate("COV", 8.5), T1)
    assert card.ratings["COV"] == 8.5
    hundred = small_event(scale=Scale(0, 100, 5))
    card = apply_change(hundred, new_scorecard("W01", "J2"), _rate("REG", 100 + 1e-10), T1)
    assert card.ratings["REG"] == 100.0


def test_an_unknown_criterion_is_refused_with_the_category() -> None:
    with pytest.raises(ValidationError) as caught:
        apply_change(EVENT, new_scorecard("W01", "J2"), _rate("KEP", 4), T1)
    english = caught.value.message.en
    assert "'KEP'" in english and "Pemerintah Kabupaten/Kota" in english
    with pytest.raises(ValidationError):
        apply_change(EVENT, new_scorecard("W01", "J2"), Change(Action.CRITERION_NOTE), T1)


def test_notes_are_kept_as_typed_and_cleared_by_empty_text() -> None:
    text = '=SUM(A1)\n"kutipan" \t🙂 akhir'
    card = _apply(
        new_scorecard("W01", "J2"),
        Change(Action.CRITERION_NOTE, "REG", text),
        Change(Action.GENERAL_NOTE, None, "Umum"),
        Change(Action.RECOMMENDATION, None, "Lanjut ke nasional"),
    )
    assert card.criterion_notes["REG"] == text
    assert (card.general_note, card.recommendation) == ("Umum", "Lanjut ke nasional")
    card = _apply(card, Change(Action.CRITERION_NOTE, "REG", ""))
    assert "REG" not in card.criterion_notes
    card = _apply(card, Change(Action.GENERAL_NOTE, None, None))
    assert card.general_note == "" and card.revision == 5


def test_a_note_over_the_limit_is_refused() -> None:
    card = _apply(new_scorecard("W01", "J2"), Change(Action.GENERAL_NOTE, None, "x" * 20_000))
    assert len(card.general_note) == MAX_NOTE_LENGTH
    with refused("20001"):
        _apply(card, Change(Action.GENERAL_NOTE, None, "x" * 20_001))


def test_finalise_needs_every_criterion_rated_and_names_the_missing() -> None:
    card = _apply(new_scorecard("W01", "J2"), _rate("REG", 4))
    with pytest.raises(ValidationError) as caught:
        _apply(card, Change(Action.FINALISE))
    assert "Cakupan kepesertaan" in caught.value.message.id
    assert "Wawancara" in caught.value.message.id and "Regulasi" not in caught.value.message.id
    final = apply_change(EVENT, _full(), Change(Action.FINALISE), T2)
    assert final.is_final and final.finalised_at == T2 and final.revision == 4


@pytest.mark.parametrize(
    "change",
    [
        _rate("REG", 5),
        _rate("REG", None),
        Change(Action.CRITERION_NOTE, "REG", "lagi"),
        Change(Action.GENERAL_NOTE, None, "lagi"),
        Change(Action.RECOMMENDATION, None, "lagi"),
        Change(Action.FINALISE),
        Change(Action.DECLARE_CONFLICT, reason="saudara"),
        Change(Action.WITHDRAW_CONFLICT, reason="salah"),
    ],
)
def test_a_locked_card_refuses_every_change_but_unlock(change: Change) -> None:
    final = _apply(_full(), Change(Action.FINALISE))
    with refused("locked"):
        _apply(final, change)


def test_unlock_needs_a_reason_and_a_locked_card() -> None:
    final = _apply(_full(), Change(Action.FINALISE), at=T2)
    for blank in ("", "   ", "\n\t"):
        with refused("reason"):
            _apply(final, Change(Action.UNLOCK, reason=blank))
    opened = apply_change(EVENT, final, Change(Action.UNLOCK, reason="Salah ketik"), T3)
    assert opened.status is Status.DRAFT and opened.finalised_at is None
    assert opened.revision == final.revision + 1
    assert dict(opened.ratings) == dict(final.ratings)
    with refused("not locked"):
        _apply(opened, Change(Action.UNLOCK, reason="lagi"))
    assert _apply(opened, _rate("REG", 2)).ratings["REG"] == 2.0


def test_conflict_disables_rating_and_allows_finalising_without_ratings() -> None:
    card = _apply(new_scorecard("W01", "J2"), _rate("REG", 4))
    with refused("reason"):
        _apply(card, Change(Action.DECLARE_CONFLICT, reason=" "))
    conflicted = _apply(card, Change(Action.DECLARE_CONFLICT, reason="  Kerabat peserta  "))
    assert conflicted.conflict and conflicted.conflict_reason == "Kerabat peserta"
    for change in (_rate("COV", 3), _rate("REG", None)):
        with refused("conflict of interest"):
            _apply(conflicted, change)
    noted = _apply(conflicted, Change(Action.GENERAL_NOTE, None, "Tidak menilai"))
    final = _apply(noted, Change(Action.FINALISE))
    assert final.is_final and final.missing_criteria(EVENT.category("PEMKAB"))


def test_withdrawing_a_conflict_needs_one_and_a_reason() -> None:
    card = new_scorecard("W01", "J2")
    with refused("No conflict"):
        _apply(card, Change(Action.WITHDRAW_CONFLICT, reason="x"))
    conflicted = _apply(card, Change(Action.DECLARE_CONFLICT, reason="Kerabat"))
    with refused("reason"):
        _apply(conflicted, Change(Action.WITHDRAW_CONFLICT))
    back = _apply(conflicted, Change(Action.WITHDRAW_CONFLICT, reason="Salah pilih peserta"))
    assert not back.conflict and back.conflict_reason == ""
    assert _apply(back, _rate("REG", 3)).ratings["REG"] == 3.0


def test_content_leaves_out_revision_and_times() -> None:
    a = apply_change(EVENT, new_scorecard("W01", "J2"), _rate("REG", 4), T1)
    b = apply_change(
        EVENT, _apply(new_scorecard("W01", "J2"), _rate("REG", 1)), _rate("REG", 4), T3
    )
    assert a.content() == b.content()
    assert a.to_dict() != b.to_dict()


@pytest.mark.parametrize(
    "change",
    [
        _rate("REG", 4.5),
        _rate("REG", None),
        Change(Action.CRITERION_NOTE, "REG", "teks"),
        Change(Action.UNLOCK, reason="alasan"),
        Change(Action.FINALISE),
    ],
)
def test_a_change_survives_its_dict_form(change: Change) -> None:
    again = Change.from_dict(change.to_dict())
    assert again == change


def test_an_integer_rating_in_a_change_reads_back_as_a_float() -> None:
    again = Change.from_dict({"action": "rate", "criterion": "REG", "value": 4})
    assert again.value == 4.0 and isinstance(again.value, float)
