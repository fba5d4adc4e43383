"""Reading the values a secretary types by hand: text, numbers, dates and times.

Every parser takes what openpyxl gives for a cell (a string, a number, a ``datetime``, a
``time``) and either returns a clean Python value or raises ``ValueProblem`` with one sentence
in Bahasa Indonesia and one in English saying what was found and how to write it instead. The
sheet readers add the sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

from ..domain.numbers import format_number
from ..domain.text import Text

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agust": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "senin": 0, "sen": 0, "monday": 0, "mon": 0,
    "selasa": 1, "sel": 1, "tuesday": 1, "tue": 1, "tues": 1,
    "rabu": 2, "rab": 2, "wednesday": 2, "wed": 2,
    "kamis": 3, "kam": 3, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "jumat": 4, "jum": 4, "friday": 4, "fri": 4,
    "sabtu": 5, "sab": 5, "saturday": 5, "sat": 5,
    "minggu": 6, "ahad": 6, "sunday": 6, "sun": 6,
}  # fmt: skip

MONTH_NAMES_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTH_NAMES_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
WEEKDAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

DATE_HINT_ID = "tulis seperti 28/07/2025, 28-07-2025 atau Senin, 28 Juli 2025"
DATE_HINT_EN = "write it like 28/07/2025, 28-07-2025 or Senin, 28 Juli 2025"
TIME_HINT_ID = "tulis seperti 08.00, 08:00 atau 08.00 - 08.45"
TIME_HINT_EN = "write it like 08.00, 08:00 or 08.00 - 08.45"

# Excel's serial day numbers for 1954..2119: a plain number in a date column is read as one.
_SERIAL_MIN, _SERIAL_MAX = 20_000, 80_000
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class ValueProblem(Exception):
    """A cell's value cannot be read; the two sentences say why and what to write."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.id)
        self.message = message


# --- text ----------------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b]+")
_ALL_SPACE = re.compile(r"\s+")


def normalize_key(text: str) -> str:
    """Lower case letters and digits only: ``"Nama  Peserta:"`` -> ``"namapeserta"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


def cell_text(value: object, *, multiline: bool = False) -> str:
    """The text in a cell, stray spaces removed; a whole number is shown without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        text = format_number(value)
    elif isinstance(value, dt.datetime):
        text = value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.isoformat(" ")
    elif isinstance(value, dt.date):
        text = value.strftime("%d/%m/%Y")
    elif isinstance(value, dt.time):
        text = value.strftime("%H.%M")
    else:
        text = str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        return _ALL_SPACE.sub(" ", _SPACES.sub(" ", text)).strip()
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not cell_text(value))


# --- numbers -------------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(value: object, number_format: str = "General") -> tuple[float, bool]:
    """A number typed as ``30``, ``"30"``, ``"30%"``, ``"12,5"`` or a cell formatted as percent.

    Returns the number and whether it was given as a percentage; a percent-formatted cell
    holding 0.3 gives ``(30.0, True)``, so does the text ``"30%"``.
    """
    if isinstance(value, bool):
        raise _not_a_number(value)
    if isinstance(value, int | float):
        number = float(value)
        if not math.isfinite(number):
            raise _not_a_number(value)
        if "%" in number_format:
            return _tidy(number * 100.0), True
        return number, False
    text = cell_text(value).replace(" ", "")
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    if not _NUMBER.match(text):
        raise _not_a_number(value)
    text = text.replace(",", ".")
    return float(text), percent


def _tidy(number: float) -> float:
    return float(round(number, 9))


def _not_a_number(value: object) -> ValueProblem:
    shown = cell_text(value)
    return ValueProblem(
        Text(
            f"'{shown}' bukan angka; tulis angka saja, misalnya 30 atau 12,5.",
            f"'{shown}' is not a number; enter just a number, for example 30 or 12.5.",
        ),
    )


def parse_whole_number(value: object) -> int:
    if isinstance(value, dt.date):
        return value.year
    number, _ = parse_number(value)
    if not number.is_integer():
        raise _not_a_number(value)
    return int(number)


# --- dates ---------------------------------------------------------------------------------

_DMY = re.compile(r"^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$")
_YMD = re.compile(r"^(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:[ t]\d{1,2}[:.]\d{2}.*)?$")
_D_MONTH_Y = re.compile(r"^(\d{1,2})\s*[-\s]\s*([a-z]+)\.?\s*[-\s]\s*(\d{4}|\d{2})$")
_MONTH_D_Y = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})$")
_LEADING_WORD = re.compile(r"^([a-z]+)\.?\s*,?\s*")


@dataclass(frozen=True)
class _Parts:
    day: int | None
    month: int | None
    year: int | None


def _clean_date_text(value: object) -> str:
    text = cell_text(value).casefold()
    for quote in ("'", "’", "`", "‘"):
        text = text.replace(quote, "")
    return text.strip(" ,.")


def _split_weekday(text: str) -> tuple[int | None, str]:
    """``"senin, 28 juli 2025"`` -> ``(0, "28 juli 2025")``."""
    match = _LEADING_WORD.match(text)
    if match and match.group(1) in WEEKDAYS and match.group(1) not in MONTHS:
        rest = text[match.end() :].strip()
        if rest:
            return WEEKDAYS[match.group(1)], rest
    return None, text


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _date_parts(text: str) -> _Parts | None:
    """Day, month and year from one written date; a part may be missing (``"28 juli"``)."""
    if m := _DMY.match(text):
        return _Parts(int(m.group(1)), int(m.group(3)), _year(m.group(4)))
    if m := _YMD.match(text):
        return _Parts(int(m.group(4)), int(m.group(3)), int(m.group(1)))
    if (m := _D_MONTH_Y.match(text)) and m.group(2) in MONTHS:
        return _Parts(int(m.group(1)), MONTHS[m.group(2)], _year(m.group(3)))
    if (m := _MONTH_D_Y.match(text)) and m.group(1) in MONTHS:
        return _Parts(int(m.group(2)), MONTHS[m.group(1)], int(m.group(3)))
    words = text.replace(".", " ").replace(",", " ").split()
    if len(words) == 2 and words[0].isdigit() and words[1] in MONTHS:  # "28 juli"
        return _Parts(int(words[0]), MONTHS[words[1]], None)
    if len(words) == 2 and words[0] in MONTHS and re.fullmatch(r"\d{4}", words[1]):
        return _Parts(None, MONTHS[words[0]], int(words[1]))  # "desember 2024"
    if len(words) == 1 and words[0] in MONTHS:
        return _Parts(None, MONTHS[words[0]], None)
    if len(words) == 1 and re.fullmatch(r"\d{1,2}", words[0]):
        return _Parts(int(words[0]), None, None)
    if len(words) == 1 and re.fullmatch(r"\d{4}", words[0]):
        return _Parts(None, None, int(words[0]))
    return None


def _bad_date(shown: str) -> ValueProblem:
    return ValueProblem(
        Text(
            f"'{shown}' bukan tanggal yang dikenali; {DATE_HINT_ID}.",
            f"'{shown}' is not a date this program understands; {DATE_HINT_EN}.",
        ),
    )


def _make_date(parts: _Parts, shown: str) -> dt.date:
    assert parts.day is not None and parts.month is not None and parts.year is not None
    if parts.month > 12 and parts.day <= 12:
        raise ValueProblem(
            Text(
                f"'{shown}': bulan {parts.month} tidak ada; tulis tanggal lebih dulu, baru bulan "
                f"(hari/bulan/tahun, misalnya 28/07/2025).",
                f"'{shown}': there is no month {parts.month}; write the day first, then the month "
                f"(day/month/year, for example 28/07/2025).",
            ),
        )
    try:
        return dt.date(parts.year, parts.month, parts.day)
    except ValueError:
        raise ValueProblem(
            Text(
                f"'{shown}': tanggal itu tidak ada di kalender; periksa hari dan bulannya.",
                f"'{shown}': that date does not exist; check the day and the month.",
            ),
        ) from None


def _check_weekday(date: dt.date, weekday: int | None, shown: str) -> dt.date:
    if weekday is not None and date.weekday() != weekday:
        raise ValueProblem(
            Text(
                f"'{shown}': {format_date_id(date, weekday=False)} jatuh pada hari "
                f"{WEEKDAY_NAMES_ID[date.weekday()]}, bukan {WEEKDAY_NAMES_ID[weekday]}; "
                "perbaiki nama hari atau tanggalnya.",
                f"'{shown}': {date:%d/%m/%Y} is a {WEEKDAY_NAMES_EN[date.weekday()]}, not a "
                f"{WEEKDAY_NAMES_EN[weekday]}; correct the day name or the date.",
            ),
        )
    return date


def _date_from_object(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_MIN <= value < _SERIAL_MAX and float(value).is_integer():
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise _bad_date(cell_text(value))
    return None


def parse_date(value: object) -> dt.date:
    """One date: an Excel date, ``28/07/2025``, ``28-07-2025``, ``Senin, 28 Juli 2025``..."""
    known = _date_from_object(value)
    if known is not None:
        return known
    shown = cell_text(value)
    weekday, text = _split_weekday(_clean_date_text(value))
    parts = _date_parts(text)
    if parts is None or parts.day is None or parts.month is None or parts.year is None:
        raise _bad_date(shown)
    return _check_weekday(_make_date(parts, shown), weekday, shown)


_RANGE_SPLIT = re.compile(
    r"\s+[-–—]\s+|\s*[–—]\s*|\s+(?:s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga|to|until)\s+"
)
_TIGHT_RANGE = re.compile(r"^(.*\d{4})\s*-\s*(\d.*)$")


def parse_date_range(value: object) -> tuple[dt.date, dt.date]:
    """Two dates in one cell: ``28 - 29 Juli 2025``, ``1 Januari - 31 Desember 2024``,
    ``Januari - Desember 2024``, ``01/01/2024 s.d. 31/12/2024``; a year alone (``2024``) is
    the whole calendar year and a single date is a one-day range."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 1900 <= value <= 2200:
        year = int(value)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    known = _date_from_object(value)
    if known is not None:
        return known, known
    shown = cell_text(value)
    text = _clean_date_text(value)
    pieces = _RANGE_SPLIT.split(text, maxsplit=1)
    if len(pieces) == 1 and (m := _TIGHT_RANGE.match(text)):
        pieces = [m.group(1), m.group(2)]
    if len(pieces) == 1 and (m := re.match(r"^(\d{1,2})\s*-\s*(\d{1,2})(\s+[a-z].*)$", text)):
        pieces = [m.group(1), m.group(2) + m.group(3)]
    if len(pieces) == 1:
        _, single = _split_weekday(text)
        parts = _date_parts(single)
        if parts and parts.year is not None and parts.day is None and parts.month is None:
            return dt.date(parts.year, 1, 1), dt.date(parts.year, 12, 31)
        date = parse_date(value)
        return date, date
    left_weekday, left_text = _split_weekday(pieces[0].strip(" ,"))
    right_weekday, right_text = _split_weekday(pieces[1].strip(" ,"))
    right = _date_parts(right_text)
    left = _date_parts(left_text)
    if right is None or left is None or right.year is None or right.month is None:
        raise _bad_date(shown)
    if right.day is None:  # "Desember 2024": the last day of the month
        following = dt.date(right.year + right.month // 12, right.month % 12 + 1, 1)
        right = _Parts((following - dt.timedelta(days=1)).day, right.month, right.year)
    left = _Parts(
        left.day if left.day is not None else 1,
        left.month if left.month is not None else right.month,
        left.year if left.year is not None else right.year,
    )
    start = _check_weekday(_make_date(left, shown), left_weekday, shown)
    end = _check_weekday(_make_date(right, shown), right_weekday, shown)
    return start, end


_DAY_NUMBER = re.compile(r"^(?:hari|day)\s*(?:ke)?\s*-?\s*([0-9]+|[ivx]+)$")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9}


def parse_day_reference(value: object, event_days: list[dt.date]) -> dt.date | None:
    """``Hari 1``, ``Hari ke-2``, ``Day 2``, ``Hari II`` or a day name alone (``Senin``),
    resolved against the event's own dates; ``None`` when the text is none of these."""
    if not isinstance(value, str):
        return None
    text = _clean_date_text(value)
    shown = cell_text(value)
    if m := _DAY_NUMBER.match(text):
        token = m.group(1)
        number = int(token) if token.isdigit() else _ROMAN.get(token, 0)
        if not event_days or not 1 <= number <= len(event_days):
            raise ValueProblem(
                Text(
                    f"'{shown}': kegiatan hanya {len(event_days)} hari; tulis tanggalnya, "
                    "misalnya 28/07/2025.",
                    f"'{shown}': the event lasts {len(event_days)} day(s); write the date, "
                    "for example 28/07/2025.",
                ),
            )
        return event_days[number - 1]
    if text in WEEKDAYS:
        matching = [d for d in event_days if d.weekday() == WEEKDAYS[text]]
        if len(matching) != 1:
            raise ValueProblem(
                Text(
                    f"'{shown}': nama hari saja tidak cukup untuk menentukan tanggal; tulis "
                    "tanggalnya, misalnya Senin, 28 Juli 2025.",
                    f"'{shown}': a day name alone does not say which date; write the date, for "
                    "example Senin, 28 Juli 2025.",
                ),
            )
        return matching[0]
    return None


def find_date_in_text(text: str) -> dt.date | None:
    """A date written somewhere inside a banner such as ``HARI I: SENIN, 28 JULI 2025``."""
    lowered = _clean_date_text(text)
    patterns = (
        r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}",
        r"\d{1,2}\s+[a-z]+\.?\s+\d{4}",
        r"[a-z]+\.?\s+\d{1,2},?\s+\d{4}",
    )
    for pattern in patterns:
        for match in re.finditer(pattern, lowered):
            try:
                return parse_date(match.group(0))
            except ValueProblem:
                continue
    return None


def format_date_id(date: dt.date, *, weekday: bool = True) -> str:
    """``Senin, 28 Juli 2025`` (or ``28 Juli 2025``)."""
    text = f"{date.day} {MONTH_NAMES_ID[date.month - 1]} {date.year}"
    return f"{WEEKDAY_NAMES_ID[date.weekday()]}, {text}" if weekday else text


# --- times ---------------------------------------------------------------------------------

_ZONE = re.compile(r"\b(?:wib|wita|wit|local|waktu\s+setempat)\b\.?")
_TIME_PREFIX = re.compile(r"^(?:pukul|pkl\.?|pk\.|jam|at)\s*")
_TIME_SPLIT = re.compile(
    r"\s*(?:[-–—~]|\bs\.?\s?d\b\.?|\bs/d\b|\bsampai(?:\s+dengan)?\b|\bhingga\b|\bto\b|\buntil\b)\s*"
)
_ONE_TIME = re.compile(r"^(\d{1,2})(?:\s*[.:h]\s*(\d{2}))?\s*(am|pm|a\.m\.?|p\.m\.?)?$")
_FOUR_DIGITS = re.compile(r"^(\d{2})(\d{2})$")


def _bad_time(shown: str) -> ValueProblem:
    return ValueProblem(
        Text(
            f"'{shown}' bukan jam yang dikenali; {TIME_HINT_ID}.",
            f"'{shown}' is not a time this program understands; {TIME_HINT_EN}.",
        ),
    )


def _time_of(hour: int, minute: int, shown: str) -> dt.time:
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueProblem(
            Text(
                f"'{shown}': jam harus 00.00 sampai 23.59; {TIME_HINT_ID}.",
                f"'{shown}': a time runs from 00.00 to 23.59; {TIME_HINT_EN}.",
            ),
        )
    return dt.time(hour, minute)


def _time_from_number(number: float, shown: str) -> dt.time:
    if 0 <= number < 1:  # Excel's fraction of a day
        minutes = round(number * 24 * 60)
        return _time_of(minutes // 60 % 24, minutes % 60, shown)
    if 1 <= number < 24:  # "08.30" typed where the point is a decimal point: 8.3
        hour = int(number)
        return _time_of(hour, round((number - hour) * 100), shown)
    if float(number).is_integer() and 100 <= number <= 2359:  # "0830" read as 830
        whole = int(number)
        return _time_of(whole // 100, whole % 100, shown)
    raise _bad_time(shown)


def _one_time(text: str, shown: str) -> dt.time:
    text = text.strip(" .")
    if m := _FOUR_DIGITS.match(text):
        return _time_of(int(m.group(1)), int(m.group(2)), shown)
    m = _ONE_TIME.match(text)
    if not m:
        raise _bad_time(shown)
    hour = int(m.group(1))
    minute = int(m.group(2) or 0)
    suffix = (m.group(3) or "").replace(".", "")
    if suffix:
        if not 1 <= hour <= 12:
            raise _bad_time(shown)
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    return _time_of(hour, minute, shown)


def parse_time_range(value: object) -> tuple[dt.time, dt.time | None]:
    """A start time and, when the cell holds a range (``08.00 - 08.45 WITA``), an end time."""
    shown = cell_text(value)
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0), None
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0), None
    if isinstance(value, dt.timedelta):
        if dt.timedelta(0) <= value < dt.timedelta(days=1):
            minutes = round(value.total_seconds() / 60)
            return _time_of(minutes // 60, minutes % 60, shown), None
        raise _bad_time(shown)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _time_from_number(float(value), shown), None
    text = _ZONE.sub(" ", cell_text(value).casefold())
    text = _TIME_PREFIX.sub("", text.strip()).strip(" ,;")
    if not text:
        raise _bad_time(shown)
    pieces = [p for p in _TIME_SPLIT.split(text, maxsplit=1)]
    if len(pieces) == 1:
        return _one_time(pieces[0], shown), None
    start = _one_time(_TIME_PREFIX.sub("", pieces[0].strip()), shown)
    end_text = _TIME_PREFIX.sub("", pieces[1].strip()).strip(" .")
    if normalize_key(end_text) in {"selesai", "finish", "end", "done", "habis"}:
        return start, None
    return start, _one_time(end_text, shown)


def format_time(time: dt.time) -> str:
    """``08.00``: how Indonesian schedules write a time."""
    return f"{time.hour:02d}.{time.minute:02d}"
