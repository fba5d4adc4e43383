"""Numbers and dates in Indonesian words, against a table checked by hand."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paritrana_desktop.domain.words import (
    date_in_words,
    date_long,
    day_name,
    format_decimal,
    month_name,
    number_with_words,
    round_half_up,
    rounding_rule,
    spell_decimal,
    spell_integer,
)

INTEGERS = {
    0: "nol",
    1: "satu",
    10: "sepuluh",
    11: "sebelas",
    12: "dua belas",
    19: "sembilan belas",
    20: "dua puluh",
    21: "dua puluh satu",
    99: "sembilan puluh sembilan",
    100: "seratus",
    101: "seratus satu",
    111: "seratus sebelas",
    200: "dua ratus",
    999: "sembilan ratus sembilan puluh sembilan",
    1000: "seribu",
    1001: "seribu satu",
    1100: "seribu seratus",
    2025: "dua ribu dua puluh lima",
    11000: "sebelas ribu",
    100000: "seratus ribu",
    101010: "seratus satu ribu sepuluh",
    1000000: "satu juta",
    2500000: "dua juta lima ratus ribu",
    1234567: "satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh",
}

DECIMALS = {
    "3.45": "tiga koma empat lima",
    "70.00": "tujuh puluh koma nol nol",
    "4.05": "empat koma nol lima",
    "85.50": "delapan puluh lima koma lima nol",
    "0.5": "nol koma lima",
    "100": "seratus",
}


@pytest.mark.parametrize(("number", "words"), INTEGERS.items())
def test_integers_in_words(number: int, words: str) -> None:
    assert spell_integer(number) == words


@pytest.mark.parametrize(("number", "words"), DECIMALS.items())
def test_decimals_in_words(number: str, words: str) -> None:
    assert spell_decimal(Decimal(number)) == words


def test_number_with_words_uses_a_decimal_comma_and_a_thousands_point() -> None:
    assert number_with_words(Decimal("85.50")) == "85,50 (delapan puluh lima koma lima nol)"
    assert format_decimal(Decimal("1234.5")) == "1.234,5"
    assert format_decimal(Decimal("1234567")) == "1.234.567"
    assert format_decimal(Decimal("0.00")) == "0,00"
    assert format_decimal(Decimal("-2.5")) == "-2,5"


def test_rounding_is_half_up_from_the_number_as_written() -> None:
    # 2.345 as a float is 2.34499999...; rounding must follow what the person saw.
    assert round_half_up(2.345, 2) == Decimal("2.35")
    assert round_half_up(Decimal("2.345"), 2) == Decimal("2.35")
    assert round_half_up(2.344, 2) == Decimal("2.34")
    assert round_half_up(Decimal("85.5"), 2) == Decimal("85.50")
    assert round_half_up(0.125, 2) == Decimal("0.13")
    assert round_half_up(7, 0) == Decimal("7")
    assert str(round_half_up(70, 2)) == "70.00"


def test_rounding_refuses_what_cannot_be_a_score() -> None:
    with pytest.raises(ValueError):
        round_half_up(float("nan"), 2)
    with pytest.raises(ValueError):
        round_half_up(1.0, -1)


def test_one_thousand_inside_a_larger_number() -> None:
    assert spell_integer(1761000) == "satu juta tujuh ratus enam puluh satu ribu"
    assert spell_integer(1001000) == "satu juta seribu"
    assert spell_integer(21000) == "dua puluh satu ribu"


def test_too_large_a_number_is_a_bug_not_words() -> None:
    with pytest.raises(ValueError):
        spell_integer(10**15)
    assert spell_integer(-3) == "minus tiga"


def test_days_and_months() -> None:
    monday = dt.date(2025, 7, 28)
    assert day_name(monday) == "Senin"
    assert day_name(dt.date(2025, 8, 3)) == "Minggu"
    assert day_name(dt.date(2025, 8, 1)) == "Jumat"
    assert month_name(monday) == "Juli"
    assert month_name(dt.date(2025, 2, 1)) == "Februari"
    assert date_long(monday) == "28 Juli 2025"
    assert date_long(dt.date(2026, 1, 5)) == "5 Januari 2026"


def test_one_day_in_words() -> None:
    assert date_in_words(dt.date(2025, 7, 28)) == (
        "Senin tanggal dua puluh delapan bulan Juli tahun dua ribu dua puluh lima"
    )
    same = dt.date(2025, 7, 28)
    assert date_in_words(same, same) == date_in_words(same)


def test_two_days_in_words() -> None:
    assert date_in_words(dt.date(2025, 7, 28), dt.date(2025, 7, 29)) == (
        "Senin sampai dengan Selasa tanggal dua puluh delapan sampai dengan dua puluh sembilan"
        " bulan Juli tahun dua ribu dua puluh lima"
    )


def test_days_across_a_month_and_a_year() -> None:
    assert date_in_words(dt.date(2025, 7, 31), dt.date(2025, 8, 1)) == (
        "Kamis sampai dengan Jumat tanggal tiga puluh satu bulan Juli sampai dengan satu"
        " bulan Agustus tahun dua ribu dua puluh lima"
    )
    assert date_in_words(dt.date(2025, 12, 31), dt.date(2026, 1, 1)) == (
        "Rabu sampai dengan Kamis tanggal tiga puluh satu bulan Desember tahun dua ribu dua"
        " puluh lima sampai dengan satu bulan Januari tahun dua ribu dua puluh enam"
    )
    with pytest.raises(ValueError):
        date_in_words(dt.date(2025, 7, 29), dt.date(2025, 7, 28))


_WORD_VALUES = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}


def _read_back(words: str) -> int:
    """An independent reader of the words, to check spell_integer by a round trip."""
    total = 0
    group = 0
    current = 0
    for word in words.split():
        if word in _WORD_VALUES:
            current = _WORD_VALUES[word]
        elif word == "sepuluh":
            current = 10
        elif word == "sebelas":
            current = 11
        elif word == "seratus":
            group += 100
        elif word == "seribu":
            total += 1000
        elif word == "belas":
            current += 10
        elif word == "puluh":
            group += current * 10
            current = 0
        elif word == "ratus":
            group += current * 100
            current = 0
        else:
            scale = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}[word]
            total += (group + current) * scale
            group = current = 0
    return total + group + current


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_words_read_back_to_the_number(n: int) -> None:
    words = spell_integer(n)
    assert _read_back(words) == n
    tokens = words.split()
    pairs = list(itertools.pairwise(tokens))
    assert ("satu", "ratus") not in pairs  # always "seratus"
    assert ("satu", "puluh") not in pairs and ("satu", "belas") not in pairs
    for i, pair in enumerate(pairs):
        if pair == ("satu", "ribu"):  # only inside a group: "dua puluh satu ribu", never alone
            assert i > 0 and tokens[i - 1] not in ("juta", "miliar", "triliun")
    assert "  " not in words


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_decimal_words_follow_each_digit(whole: int, hundredths: int) -> None:
    value = Decimal(whole) + Decimal(hundredths).scaleb(-2)
    value = value.quantize(Decimal("0.01"))
    head, _, tail = spell_decimal(value).partition(" koma ")
    assert head == spell_integer(whole)
    assert tail.split() == [spell_integer(int(c)) for c in f"{hundredths:02d}"]
    digits = number_with_words(value).split(" (")[0]
    assert Decimal(digits.replace(".", "").replace(",", ".")) == value


@given(st.integers(min_value=0, max_value=10**6))
def test_a_half_always_rounds_up(n: int) -> None:
    half = Decimal(n) / 1000 + Decimal("0.0005")  # x.xxx5
    assert round_half_up(half, 3) == (Decimal(n) / 1000 + Decimal("0.001")).quantize(
        Decimal("0.001")
    )
    as_float = float(f"{n // 1000}.{n % 1000:03d}5")
    assert round_half_up(as_float, 3) == round_half_up(Decimal(repr(as_float)), 3)


def test_the_rounding_rule_is_stated() -> None:
    rule = rounding_rule()
    assert "dua angka di belakang koma, setengah ke atas" in rule.id
    assert "2,345 menjadi 2,35" in rule.id
    assert "2 decimals, half up" in rule.en
    assert "tiga angka" in rounding_rule(3).id and "2,345" not in rounding_rule(3).id
