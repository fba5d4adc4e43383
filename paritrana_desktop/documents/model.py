"""What the papers print, as plain dataclasses: the workflows fill them, the renderers read them.

Nothing here reads a file or a database; every figure arrives already decided (the merge's ranks,
the official scores rounded with :func:`~paritrana_desktop.domain.words.round_half_up`, the
designations, the verification codes), so the papers print exactly what the workbook holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from paritrana_desktop.domain.scorecard import CardState
from paritrana_desktop.domain.text import Text


class Position(StrEnum):
    """A panel member's position as the berita acara names it."""

    KETUA = "Ketua"
    ANGGOTA = "Anggota"
    SEKRETARIS = "Sekretaris merangkap anggota"


NO_REGISTER = "tidak ada register ketua; tidak dicocokkan"  # FileCode.register without one


@dataclass(frozen=True, slots=True)
class EventInfo:
    heading_lines: tuple[str, ...]  # up to three, e.g. "PEMERINTAH PROVINSI KALIMANTAN TIMUR"
    name: str  # "Paritrana Award Tingkat Provinsi Kalimantan Timur 2025"
    venue: str  # "Hotel Mercure Samarinda"
    first_day: dt.date
    last_day: dt.date
    signing_place: str  # "Samarinda"
    number: str | None = None  # the berita acara's number; None prints dots to fill by hand
    panel_name: str = "Tim Penilai"  # how the opening names the panel

    def __post_init__(self) -> None:
        if len(self.heading_lines) > 3:
            raise ValueError(f"at most three heading lines, got {len(self.heading_lines)}")
        if self.last_day < self.first_day:
            raise ValueError(f"the last day {self.last_day} is before the first {self.first_day}")


@dataclass(frozen=True, slots=True)
class JudgeInfo:
    judge_id: str
    name: str
    institution: str
    position: Position = Position.ANGGOTA
    nip: str | None = None


@dataclass(frozen=True, slots=True)
class CriterionLine:
    """One criterion on a score sheet, with what the judge gave it."""

    name: str
    weight: Decimal  # in percent, e.g. Decimal("30")
    rating: Decimal | None  # None: not rated
    descriptor: str = ""  # the rating's label, e.g. "Baik"
    note: str = ""


@dataclass(frozen=True, slots=True)
class SheetCard:
    """One interview as the judge scored it: a page of the lembar penilaian."""

    interview_id: str
    day: dt.date
    start: dt.time
    end: dt.time
    room: str
    participant: str
    category: str
    state: CardState
    representatives: tuple[str, ...] = ()
    criteria: tuple[CriterionLine, ...] = ()
    total: Decimal | None = None  # the weighted total, already rounded
    general_note: str = ""
    recommendation: str = ""
    conflict_reason: str = ""


@dataclass(frozen=True, slots=True)
class ScoreSheetInput:
    """One judge's lembar penilaian: every interview the judge scored, with the file's code."""

    event: EventInfo
    judge: JudgeInfo
    code: str  # the verification code of the judge's panel file
    cards: tuple[SheetCard, ...]
    signed_on: dt.date | None = None  # the date by the signature; None: the card's day
    key_fingerprint: str | None = None  # the judge's signing key; None: an unsigned file


@dataclass(frozen=True, slots=True)
class RankedLine:
    rank: int | None  # None: no official score
    participant: str
    score: Decimal | None  # the official score, rounded
    designation: str = ""  # "Terbaik I, lanjut ke tingkat nasional", or ""


@dataclass(frozen=True, slots=True)
class CategoryResults:
    name: str
    lines: tuple[RankedLine, ...]


@dataclass(frozen=True, slots=True)
class MatrixRow:
    participant: str
    category: str
    totals: tuple[Decimal | None, ...]  # one per judge of the matrix, None: no total
    official: Decimal | None


@dataclass(frozen=True, slots=True)
class Matrix:
    """Every judge's total per participant: the berita acara's lampiran."""

    judges: tuple[str, ...]  # the judges' IDs, in the columns' order
    rows: tuple[MatrixRow, ...]

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row.totals) != len(self.judges):
                raise ValueError(
                    f"{row.participant}: {len(row.totals)} totals for {len(self.judges)} judges"
                )


@dataclass(frozen=True, slots=True)
class FileCode:
    judge: JudgeInfo
    code: str
    fingerprint: str | None = None  # the key that signs the file; None: unsigned
    register: str = ""  # whether the key was checked against the chair's register, in words


@dataclass(frozen=True, slots=True)
class BeritaAcaraInput:
    event: EventInfo
    panel: tuple[JudgeInfo, ...]
    categories: tuple[CategoryResults, ...]
    codes: tuple[FileCode, ...]
    workbook_sha256: str
    matrix: Matrix
    left_out: tuple[Text | str, ...] = ()
    rules: tuple[Text | str, ...] = ()  # the rounding and designation rules, as printed
    signed_on: dt.date | None = None  # "Ditetapkan ... pada tanggal"; None: the last day
    language: str = "id"
    extra: dict[str, str] = field(default_factory=dict)  # more fields a user's template may use
