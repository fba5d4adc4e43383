"""Matching a category as the secretary wrote it (``Pemkab``, ``UMKM``, ``PB``) to the rubric.

A cell matches a category by its code or name (ignoring case, spaces and punctuation), else
by family: ``Pemkab``, ``Pemkot``, ``Kabupaten/Kota`` are all the regency and city governments,
``UKM``, ``UMKM``, ``Usaha Kecil dan Mikro`` the small businesses, and so on. A family that
fits two of the rubric's categories (companies split by sector) is not guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.text import Text
from .workbook_values import ValueProblem, normalize_key

# Checked in this order: "Usaha Mikro Kecil dan Menengah" is UMKM, not a medium company.
_FAMILIES: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = (
    (
        "desa",
        frozenset({"desa", "pemdes", "kelurahan", "village", "villages"}),
        ("pemerintahdesa", "desakelurahan"),
    ),
    (
        "provinsi",
        frozenset({"pemprov", "provinsi", "prov", "province", "provincial"}),
        ("pemerintahprovinsi",),
    ),
    (
        "kabkota",
        frozenset(
            {"pemkab", "pemkot", "pemkabkot", "pemkabkota", "kabupaten", "kota", "kab",
             "kabkota", "kabkot", "regency", "regencies", "city", "cities", "municipality"}
        ),
        ("pemerintahkabupaten", "pemerintahkota", "pemerintahkab"),
    ),
    (
        "pelayanan",
        frozenset({"yanlik", "pelayananpublik"}),
        ("pelayananpublik", "publicservice", "layananpublik"),
    ),
    (
        "umkm",
        frozenset({"umkm", "ukm", "umk", "mikro", "kecil", "msme", "msmes", "sme", "smes",
                   "small", "micro"}),
        ("usahakecil", "usahamikro"),
    ),
    (
        "pm",
        frozenset({"pm", "menengah", "medium", "midsize"}),
        ("perusahaanmenengah", "usahamenengah"),
    ),
    (
        "pb",
        frozenset({"pb", "besar", "large", "big"}),
        ("perusahaanbesar", "usahabesar"),
    ),
)  # fmt: skip

STANDARD_CODES = {
    "desa": "PEMDES",
    "provinsi": "PEMPROV",
    "kabkota": "PEMKAB",
    "pelayanan": "PP",
    "umkm": "UMKM",
    "pm": "PM",
    "pb": "PB",
}


def family(text: str) -> str | None:
    """The kind of category a text names, or None when it names none this module knows."""
    words = {normalize_key(w) for w in re.split(r"[^0-9A-Za-z]+", text) if w}
    joined = normalize_key(text)
    for name, tokens, phrases in _FAMILIES:
        if words & tokens or any(p in joined for p in phrases):
            return name
    return None


def suggested_code(name: str, taken: set[str]) -> str:
    """A code for a category row whose code cell was left empty."""
    kind = family(name)
    if kind is not None:
        base = STANDARD_CODES[kind]
    else:
        words = [w for w in re.split(r"[^0-9A-Za-z]+", name) if w]
        base = "".join(w[0] for w in words).upper() if len(words) > 1 else name[:6].upper()
        base = base or "KAT"
    code, counter = base, 2
    while normalize_key(code) in {normalize_key(t) for t in taken}:
        code, counter = f"{base}{counter}", counter + 1
    return code


@dataclass(frozen=True)
class KnownCategory:
    code: str
    name: str


class CategoryMatcher:
    def __init__(self, categories: list[KnownCategory]) -> None:
        self.categories = categories

    def choices(self) -> str:
        return ", ".join(c.code for c in self.categories) or "-"

    def match(self, text: str) -> str:
        """The code of the category ``text`` names; ``ValueProblem`` saying why not."""
        for category in self.categories:
            if text == category.code:
                return category.code
        key = normalize_key(text)
        for attribute in ("code", "name"):
            hits = [c for c in self.categories if normalize_key(getattr(c, attribute)) == key]
            if len(hits) == 1:
                return hits[0].code
        kind = family(text)
        if kind is not None:
            hits = [c for c in self.categories if kind in {family(c.code), family(c.name)}]
            if len(hits) == 1:
                return hits[0].code
            if len(hits) > 1:
                listed = ", ".join(c.code for c in hits)
                raise ValueProblem(
                    Text(
                        f"kategori '{text}' bisa berarti {listed}; tulis kode kategorinya.",
                        f"category '{text}' could mean {listed}; write the category code.",
                    ),
                )
        raise ValueProblem(
            Text(
                f"kategori '{text}' tidak ada di sheet Kategori; pilih salah satu: "
                f"{self.choices()}.",
                f"category '{text}' is not in the Kategori sheet; choose one of: {self.choices()}.",
            ),
        )
