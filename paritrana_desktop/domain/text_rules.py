"""What text the program keeps: decided once, here, for the event and for a judge's notes.

An event's text (names, codes, places, descriptions, scale labels, the schedule and the panel)
ends up in worksheet cells, in PDF score sheets and in the berita acara, so it may hold what a
worksheet cell holds: any character except the control characters other than tab, line feed
and carriage return, lone surrogates (halves of a character that cannot be saved as UTF-8) and
the non-characters U+FFFE and U+FFFF. Such an event is refused when it is made, naming the field
and the character, instead of failing every merge later. Text that merely looks like Excel's
escapes (``_x001B_``) is ordinary text: the workbook writer escapes it and the read-back check
decodes it the way Excel does.

A judge's notes and reasons may hold anything that can be saved; only a lone surrogate is
refused (the workbook writer replaces a control character there with a visible mark).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from .text import Text

# What a worksheet cell cannot hold: openpyxl's ILLEGAL_CHARACTERS_RE plus what XML 1.0 forbids.
NOT_IN_A_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def character_name(char: str) -> str:
    """``U+001B``: how a sentence names a character that cannot be shown."""
    return f"U+{ord(char):04X}"


def event_text_problem(where: str, value: str, where_en: str | None = None) -> Text | None:
    """None when ``value`` (the text of ``where``, e.g. ``wawancara W01 peserta``) may be in an
    event; else the sentence, naming ``where`` (``where_en`` in English)."""
    found = NOT_IN_A_CELL.search(value)
    if found is None:
        return None
    char = character_name(found.group())
    return Text(
        f"{where}: teks berisi karakter kendali {char} yang tidak dapat disimpan di workbook; "
        "hapus karakter itu (biasanya tidak terlihat, hasil salin-tempel).",
        f"{where_en or where}: the text holds the control character {char}, which a workbook "
        "cannot hold; remove it (it is usually invisible, left by a copy and paste).",
    )


def saved_text_problem(value: str) -> Text | None:
    """None when ``value`` (a note, a reason) can be saved; else why not."""
    found = _SURROGATE.search(value)
    if found is None:
        return None
    char = character_name(found.group())
    return Text(
        f"Teks berisi karakter tidak sah ({char}, separuh karakter) yang tidak dapat disimpan; "
        "hapus karakter itu lalu ketik ulang.",
        f"The text holds an invalid character ({char}, half of a character) that cannot be "
        "saved; remove it and type it again.",
    )


def event_text_problems(event: object) -> list[Text]:
    """Every text of ``event`` (any dataclass, walked field by field, into its tuples of
    dataclasses) that an event may not hold, each naming its field."""
    return [
        problem
        for (where_id, where_en), value in _texts(event, ("", ""))
        if (problem := event_text_problem(where_id, value, where_en)) is not None
    ]


# Field names as the secretariat knows them (the workbook's headings); others are shown as is.
_FIELD_ID = {
    "categories": "kategori",
    "criteria": "kriteria",
    "interviews": "wawancara",
    "judges": "panelis",
    "scale": "skala",
    "levels": "keterangan skala",
    "participant": "peserta",
    "name": "nama",
    "description": "uraian",
    "label": "keterangan",
    "venue": "tempat",
    "room": "ruang",
    "representatives": "perwakilan",
    "institution": "instansi",
    "province": "provinsi",
    "code": "kode",
}


def _texts(item: object, where: tuple[str, str]) -> Iterator[tuple[tuple[str, str], str]]:
    if isinstance(item, str):
        yield where, item
    elif isinstance(item, tuple | list):
        for index, part in enumerate(item, 1):
            label = _label(part, index)
            yield from _texts(part, (f"{where[0]} {label}".strip(), f"{where[1]} {label}".strip()))
    elif dataclasses.is_dataclass(item) and not isinstance(item, type):
        for field in dataclasses.fields(item):
            named = (
                f"{where[0]} {_FIELD_ID.get(field.name, field.name)}".strip(),
                f"{where[1]} {field.name}".strip(),
            )
            yield from _texts(getattr(item, field.name), named)


def _label(part: object, index: int) -> str:
    """``W01`` for an interview, ``REG`` for a criterion, else its position."""
    for attribute in ("id", "code"):
        value = getattr(part, attribute, None)
        if isinstance(value, str) and not NOT_IN_A_CELL.search(value):
            return value
    return str(index)
