"""Numbers and dates written the way Indonesian official text writes them.

A value that matters is printed as its digits (decimal comma, thousands point) followed by the
words in brackets: ``85,50 (delapan puluh lima koma lima nol)``. Every figure is first rounded
half up (:func:`round_half_up`) from its exact decimal value, so the words follow the digits and
never a float's noise. After "koma" each digit is read alone, as officials read them aloud.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from paritrana_desktop.domain.text import Text

_UNITS = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
)
# Each scale with its name and the word used for exactly one of it ("seribu", not "satu ribu").
_SCALES = (
    (10**12, "triliun", "satu triliun"),
    (10**9, "miliar", "satu miliar"),
    (10**6, "juta", "satu juta"),
    (1000, "ribu", "seribu"),
)
_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_LIMIT = 10**15


def round_half_up(value: float | int | Decimal, decimals: int) -> Decimal:
    """``value`` rounded to ``decimals`` places, a half always going up (2,345 -> 2,35).

    A float is read from its shortest repr ("2.345"), the number a person typed or saw,
    not from its binary expansion (2.34499999...)."""
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not exact.is_finite():
        raise ValueError(f"cannot round {value!r}")
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_UNITS[hundreds], "ratus"]
    if rest == 0:
        return words
    if rest < 10:
        words.append(_UNITS[rest])
    elif rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif rest < 20:
        words += [_UNITS[rest - 10], "belas"]
    else:
        tens, units = divmod(rest, 10)
        words += [_UNITS[tens], "puluh"]
        if units:
            words.append(_UNITS[units])
    return words


def spell_integer(n: int) -> str:
    """``n`` in Indonesian words: 2025 -> "dua ribu dua puluh lima", -5 -> "minus lima"."""
    if n < 0:
        return "minus " + spell_integer(-n)
    if n >= _LIMIT:
        raise ValueError(f"{n} is too large to write in words")
    if n == 0:
        return "nol"
    words: list[str] = []
    rest = n
    for size, name, one in _SCALES:
        count, rest = divmod(rest, size)
        if count == 1:
            words.append(one)
        elif count:
            words += [*_below_thousand(count), name]
    words += _below_thousand(rest)
    return " ".join(words)


def _digits(d: Decimal) -> tuple[bool, str, str]:
    """(negative, integer digits, fraction digits) of ``d`` as written, trailing zeros kept."""
    if not d.is_finite():
        raise ValueError(f"cannot write {d!r} in words")
    sign, digits, exponent = d.as_tuple()
    text = "".join(str(x) for x in digits)
    exp = int(exponent)
    if exp >= 0:
        return bool(sign), (text + "0" * exp).lstrip("0") or "0", ""
    text = text.rjust(-exp + 1, "0")
    return bool(sign), text[:exp].lstrip("0") or "0", text[exp:]


def spell_decimal(d: Decimal) -> str:
    """``d`` in words, each digit after "koma" alone: 4,05 -> "empat koma nol lima"."""
    negative, whole, fraction = _digits(d)
    words = spell_integer(int(whole))
    if fraction:
        words += " koma " + " ".join(_UNITS[int(c)] for c in fraction)
    if negative and (int(whole) or fraction.strip("0")):
        words = "minus " + words
    return words


def format_decimal(d: Decimal) -> str:
    """``d`` with a decimal comma and a thousands point: 1234.5 -> "1.234,5"."""
    negative, whole, fraction = _digits(d)
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join(groups)
    if fraction:
        text += "," + fraction
    is_zero = not (text.strip("0.,"))
    return ("-" if negative and not is_zero else "") + text


def number_with_words(d: Decimal) -> str:
    """Digits then words in brackets: "85,50 (delapan puluh lima koma lima nol)"."""
    return f"{format_decimal(d)} ({spell_decimal(d)})"


def day_name(day: dt.date) -> str:
    """The Indonesian name of ``day``'s weekday: "Senin" ... "Minggu"."""
    return _DAYS[day.weekday()]


def month_name(day: dt.date) -> str:
    """The Indonesian name of ``day``'s month: "Januari" ... "Desember"."""
    return _MONTHS[day.month - 1]


def date_long(day: dt.date) -> str:
    """The date as a heading or a signature line writes it: "28 Juli 2025"."""
    return f"{day.day} {month_name(day)} {day.year}"


def _date_part(day: dt.date, *, month: bool, year: bool) -> str:
    text = spell_integer(day.day)
    if month:
        text += f" bulan {month_name(day)}"
    if year:
        text += f" tahun {spell_integer(day.year)}"
    return text


def date_in_words(day: dt.date, last: dt.date | None = None) -> str:
    """The day (or days, ``day`` to ``last``) as the opening of a berita acara writes them.

    "Senin tanggal dua puluh delapan bulan Juli tahun dua ribu dua puluh lima"; for two days
    "Senin sampai dengan Selasa tanggal dua puluh delapan sampai dengan dua puluh sembilan bulan
    Juli tahun ..."; the month (and the year) is named on both sides when they differ."""
    if last is None or last == day:
        return f"{day_name(day)} tanggal {_date_part(day, month=True, year=True)}"
    if last < day:
        raise ValueError(f"the last day {last} is before the first {day}")
    same_year = day.year == last.year
    same_month = same_year and day.month == last.month
    first = _date_part(day, month=not same_month, year=not same_year)
    final = _date_part(last, month=True, year=True)
    return f"{day_name(day)} sampai dengan {day_name(last)} tanggal {first} sampai dengan {final}"


def rounding_rule(decimals: int = 2) -> Text:
    """The rounding rule as printed in the workbook's Metode and the berita acara."""
    example = round_half_up(Decimal("2.345"), 2) if decimals == 2 else None
    places_id = spell_integer(decimals)
    tail_id = " (contoh: 2,345 menjadi 2,35)" if example is not None else ""
    tail_en = " (for example 2.345 becomes 2.35)" if example is not None else ""
    return Text(
        f"Nilai resmi dalam dokumen dibulatkan {places_id} angka di belakang koma, setengah ke "
        f"atas{tail_id}, dari nilai tepatnya; nilai tepat tetap tercantum di rekapitulasi.",
        f"Official scores in the documents are rounded to {decimals} decimals, half up"
        f"{tail_en}, from their exact value; the exact value stays in the workbook.",
    )
