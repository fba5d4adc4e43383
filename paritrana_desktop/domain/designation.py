"""The designation a ranked participant earns: "Terbaik I", ..., "lanjut ke tingkat nasional".

The rule, one for every category (and stated by :func:`rule_text` wherever results are printed):
- a participant ranked r with r <= ``winners`` is "Terbaik" followed by r in Roman numerals;
- a participant ranked r with r <= ``national`` goes on to the national round;
- ranks are the merge's: equal official scores share a rank and the next rank is skipped
  (1, 2, 2, 4), so a tie shares the designation and the next one is skipped the same way
  (Terbaik I, Terbaik II, Terbaik II, no Terbaik III), and a tie across a cut names all tied;
- a participant without an official score (no rank) gets no designation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from paritrana_desktop.domain.text import Text

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(n: int) -> str:
    """``n`` (1 or more) in Roman numerals: 1 -> "I", 4 -> "IV", 12 -> "XII"."""
    if n < 1:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class DesignationSettings:
    """How many places a category names and how many go on to the national round."""

    winners: int = 3
    national: int = 1
    title_id: str = "Terbaik"
    title_en: str = "Best"

    def __post_init__(self) -> None:
        if self.winners < 0 or self.national < 0:
            raise ValueError(f"winners and national must be >= 0: {self}")


@dataclass(frozen=True, slots=True)
class Designation:
    """What one participant is named: a place among the winners, the national round, or both."""

    place: int | None  # 1 for Terbaik I; None when not among the winners
    national: bool
    title_id: str = "Terbaik"
    title_en: str = "Best"

    def text(self) -> Text:
        """E.g. "Terbaik I, lanjut ke tingkat nasional" (English: "Best I, goes on to ...")."""
        parts: list[Text] = []
        if self.place is not None:
            numeral = roman(self.place)
            parts.append(Text(f"{self.title_id} {numeral}", f"{self.title_en} {numeral}"))
        if self.national:
            parts.append(Text("lanjut ke tingkat nasional", "goes on to the national round"))
        return Text.join(", ", parts)

    def __str__(self) -> str:
        return str(self.text())


def designation_for(
    rank: int | None, settings: DesignationSettings = DesignationSettings()
) -> Designation | None:
    """The designation of one rank (``None``: no official score), or ``None`` when it has none."""
    if rank is None:
        return None
    if rank < 1:
        raise ValueError(f"a rank starts at 1, got {rank}")
    place = rank if rank <= settings.winners else None
    national = rank <= settings.national
    if place is None and not national:
        return None
    return Designation(place, national, settings.title_id, settings.title_en)


def designate(
    ranked: Iterable[tuple[str, int | None]], settings: DesignationSettings = DesignationSettings()
) -> Mapping[str, Designation | None]:
    """Each participant's designation from ``(participant_id, rank)`` pairs of one category.

    Ranks must be the merge's competition ranking (1, 2, 2, 4): a rank shared by n participants
    is followed by the rank n places further on. Anything else is a bug upstream (ValueError)."""
    pairs = list(ranked)
    ranks = sorted(r for _, r in pairs if r is not None)
    for r in ranks:
        if ranks.index(r) + 1 != r:  # r must be 1 + the number ranked strictly above it
            raise ValueError(f"ranks are not a competition ranking (1, 2, 2, 4): {ranks}")
    seen: set[str] = set()
    for pid, _ in pairs:
        if pid in seen:
            raise ValueError(f"participant {pid} is ranked twice")
        seen.add(pid)
    return {pid: designation_for(r, settings) for pid, r in pairs}


def rule_text(settings: DesignationSettings = DesignationSettings()) -> Text:
    """The designation rule as one paragraph, for the workbook's Metode and the berita acara."""
    w, n = settings.winners, settings.national
    t_id, t_en = settings.title_id, settings.title_en
    if w >= 1:
        first_id = (
            f"Dalam setiap kategori, peserta peringkat 1 sampai {w} mendapat sebutan "
            f"{t_id} {roman(1)} sampai {t_id} {roman(w)} sesuai peringkatnya"
            if w > 1
            else f"Dalam setiap kategori, peserta peringkat 1 mendapat sebutan {t_id} {roman(1)}"
        )
        first_en = (
            f"In every category the participants ranked 1 to {w} are named "
            f"{t_en} {roman(1)} to {t_en} {roman(w)} by their rank"
            if w > 1
            else f"In every category the participant ranked 1 is named {t_en} {roman(1)}"
        )
    else:
        first_id = "Kategori tidak menyebut peserta terbaik"
        first_en = "Categories name no best participants"
    if n >= 1:
        upto_id = "peringkat 1" if n == 1 else f"peringkat 1 sampai {n}"
        upto_en = "ranked 1" if n == 1 else f"ranked 1 to {n}"
        second_id = f"; peserta {upto_id} lanjut ke tingkat nasional."
        second_en = f"; the participants {upto_en} go on to the national round."
    else:
        second_id, second_en = ".", "."
    tie_id = (
        " Peserta dengan nilai resmi yang sama berbagi peringkat dan sebutan yang sama, dan "
        "sebutan berikutnya dilewati (dua peserta peringkat 2 sama-sama mendapat sebutan "
        f"{t_id} {roman(2)}, lalu peserta berikutnya berperingkat 4). Bila peserta dengan nilai "
        "sama berada tepat di batas, semuanya mendapat sebutan itu, termasuk lanjut ke tingkat "
        "nasional. Peserta tanpa nilai resmi tidak mendapat peringkat maupun sebutan."
    )
    tie_en = (
        " Participants with the same official score share the rank and the designation, and the "
        f"next designation is skipped (two participants ranked 2 are both {t_en} {roman(2)}, and "
        "the next is ranked 4). When participants with the same score stand at a cut, all of "
        "them receive that designation, the national round included. A participant without an "
        "official score gets neither a rank nor a designation."
    )
    return Text(first_id + second_id + tie_id, first_en + second_en + tie_en)
