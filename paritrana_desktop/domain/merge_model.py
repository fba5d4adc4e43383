"""What the chair's merge found and decided, as plain data (no Qt, no files opened here).

The merge's rules (``merge_rules``, ``merge_plan``) fill these in; the workbook writer
(``excel/rekap.py``), the command line and the merge dialog read them. Every sentence a user may
see is a :class:`~.text.Text` in Bahasa Indonesia and English, so that each layer picks the
language it shows; only the reasons a workbook cannot be written (:meth:`MergePlan.blockers`)
are ``UserError``, since they are raised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from .aggregation import CategoryResult
from .errors import UserError
from .event import Event
from .scorecard import CardState, Scorecard
from .scoring import Total
from .text import Text

if TYPE_CHECKING:
    from .merge_records import SourceFile


class KeyCheck(StrEnum):
    """Whether a file's signing key was checked against the chair's register (the workbook's
    words; :func:`key_check_text` gives both languages)."""

    CHECKED = "ya"
    NOT_REGISTERED = "tidak terdaftar di register"
    NO_REGISTER = "tidak ada register"
    UNSIGNED = "tidak bertanda tangan"


_KEY_CHECK_EN = {
    KeyCheck.CHECKED: "yes",
    KeyCheck.NOT_REGISTERED: "not in the register",
    KeyCheck.NO_REGISTER: "no register",
    KeyCheck.UNSIGNED: "unsigned",
}


def key_check_text(check: KeyCheck) -> Text:
    return Text(check.value, _KEY_CHECK_EN[check])


class Outcome(StrEnum):
    """What became of one input file."""

    USED = "dipakai"
    SUPERSEDED = "digantikan"  # every scorecard in it is in a newer file of the same judge
    DUPLICATE = "duplikat"  # byte-identical to another input file, counted once
    CONFLICT = "konflik versi"  # holds a scorecard that differs from another file at one revision
    REFUSED = "ditolak"
    REFERENCE = "acuan"  # an event file named as the reference for the event
    NOT_CHOSEN = "tidak dipilih"  # another file of the same judge was chosen by the chair

    @property
    def label_en(self) -> str:
        return {
            Outcome.USED: "used",
            Outcome.SUPERSEDED: "superseded",
            Outcome.DUPLICATE: "duplicate",
            Outcome.CONFLICT: "version conflict",
            Outcome.REFUSED: "refused",
            Outcome.REFERENCE: "reference",
            Outcome.NOT_CHOSEN: "not chosen",
        }[self]

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.value


@dataclass(frozen=True)
class MergeOptions:
    include_drafts: bool = False  # count complete drafts in the official figures
    skip_invalid: bool = False  # write the workbook without the refused files
    # the files the chair chose to stand for a judge who handed in two unrelated files
    use_files: frozenset[Path] = frozenset()
    # go on with panel files copied by hand without their -wal (they may lack the last changes)
    accept_hand_copies: bool = False

    def same_selection(self, other: MergeOptions) -> bool:
        """Whether ``other`` needs no new selection (only the plan's options differ)."""
        return (self.use_files, self.accept_hand_copies) == (
            other.use_files,
            other.accept_hand_copies,
        )


@dataclass(frozen=True)
class FileFinding:
    """One input file: what it is, what it holds, and what the merge did with it.

    ``final``, ``drafts`` and ``conflicts`` count the file's own scorecards: final ones, drafts,
    and those where the judge declared a conflict of interest (recusals). ``version_conflicts``
    counts its scorecards that clash with another file of the same judge at the same revision.
    """

    path: Path
    sha256: str | None
    judge_id: str | None
    judge_name: str | None
    format_version: int | None
    fingerprint: str | None
    final: int
    drafts: int
    conflicts: int
    outcome: Outcome
    reasons: tuple[Text, ...] = ()
    institution: str | None = None
    panel_id: str | None = None
    event_code: str | None = None
    event_name: str | None = None
    version_conflicts: int = 0
    used_cards: int = 0
    superseded_cards: int = 0
    code: str | None = None  # the panel file's verification code, as the papers print it
    hand_copy: bool = False  # WAL mode without its -wal: copied by hand, may lack changes
    is_event_file: bool = False
    key_fingerprint: str | None = None  # the fingerprint of the key that signs the file now
    key_check: KeyCheck | None = None  # None: not a panel file, or not read

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def refused(self) -> bool:
        return self.outcome is Outcome.REFUSED

    def reason_text(self, language: str) -> str:
        return " ".join(r.pick(language) for r in self.reasons)


class DecisionKind(StrEnum):
    """Every kind of decision the merge takes; the value is the Indonesian label."""

    REFERENCE = "acuan kegiatan"
    REFUSED = "berkas ditolak"
    SKIPPED = "berkas dilewati"
    DUPLICATE = "berkas duplikat"
    SUPERSEDED = "revisi lebih baru dipakai"
    VERSION_CONFLICT = "konflik versi"
    DRAFT_LEFT_OUT = "draf tidak dihitung"
    DRAFT_COUNTED = "draf dihitung"
    RECUSED = "konflik kepentingan"
    NO_FILE = "panelis tanpa berkas"
    NOT_SCORED = "belum dinilai"
    TWO_FILES = "dua berkas panelis tak berkaitan"
    FILE_CHOSEN = "berkas dipilih ketua"
    HAND_COPY = "salinan manual dipakai"

    @property
    def label_en(self) -> str:
        return {
            DecisionKind.REFERENCE: "event reference",
            DecisionKind.REFUSED: "file refused",
            DecisionKind.SKIPPED: "file left out",
            DecisionKind.DUPLICATE: "duplicate file",
            DecisionKind.SUPERSEDED: "newer revision used",
            DecisionKind.VERSION_CONFLICT: "version conflict",
            DecisionKind.DRAFT_LEFT_OUT: "draft not counted",
            DecisionKind.DRAFT_COUNTED: "draft counted",
            DecisionKind.RECUSED: "conflict of interest",
            DecisionKind.NO_FILE: "judge without a file",
            DecisionKind.NOT_SCORED: "not scored",
            DecisionKind.TWO_FILES: "two unrelated files of one judge",
            DecisionKind.FILE_CHOSEN: "file chosen by the chair",
            DecisionKind.HAND_COPY: "hand copy used",
        }[self]

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.value


@dataclass(frozen=True)
class Decision:
    """One thing the merge decided, about a file or a scorecard, in both languages."""

    kind: DecisionKind
    message: Text
    path: Path | None = None
    judge_id: str | None = None
    interview_id: str | None = None

    def text(self, language: str | None = None) -> str:
        return self.message.pick(language)


@dataclass(frozen=True)
class UsedCard:
    """The revision of one judge's scorecard that the merge uses, and where it came from."""

    card: Scorecard
    source: Path
    status: CardState
    counted: bool
    total: Total | None


@dataclass(frozen=True)
class Selection:
    """What the checks decided, before the options (drafts, refused files) are applied.

    ``files`` are in the report's order; ``chosen`` maps (interview, judge) to the revision used
    and the file it came from.
    """

    files: tuple[FileFinding, ...]
    event: Event | None
    chosen: Mapping[tuple[str, str], tuple[Scorecard, Path]]
    decisions: tuple[Decision, ...]  # file-level and revision decisions, in order
    conflicts: frozenset[tuple[str, str]]
    judges_with_files: frozenset[str]
    notices: tuple[Text, ...]
    sources: tuple[SourceFile, ...] = ()  # what was read, for another choice of files
    options: MergeOptions = MergeOptions()  # the choices of files this selection was made with


@dataclass(frozen=True)
class MergePlan:
    """Everything found in the inputs, before anything is written."""

    files: tuple[FileFinding, ...]
    event: Event | None
    decisions: tuple[Decision, ...]
    options: MergeOptions = MergeOptions()
    results: tuple[CategoryResult, ...] = ()
    cards: tuple[UsedCard, ...] = ()  # schedule order, then roster order
    notices: tuple[Text, ...] = ()  # for the report only (e.g. a path given twice)
    # what the checks decided, kept so that other options need no second reading of the files
    selection: Selection | None = field(default=None, compare=False, repr=False)

    @property
    def refused(self) -> tuple[FileFinding, ...]:
        return tuple(f for f in self.files if f.outcome is Outcome.REFUSED)

    @property
    def used(self) -> tuple[FileFinding, ...]:
        return tuple(f for f in self.files if f.outcome is Outcome.USED)

    @property
    def version_conflicts(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.kind is DecisionKind.VERSION_CONFLICT)

    def blockers(self, options: MergeOptions | None = None) -> list[UserError]:
        """Why the workbook cannot be written with ``options``; empty when it can."""
        options = options or self.options
        found: list[UserError] = []
        if self.event is None:
            found.append(
                UserError(
                    Text(
                        "Tidak ada berkas panel yang dapat dipakai, jadi kegiatannya tidak "
                        "diketahui.",
                        "No usable panel file, so the event is unknown.",
                    ),
                )
            )
        two_files = [d for d in self.decisions if d.kind is DecisionKind.TWO_FILES]
        if two_files:
            found.append(
                UserError(
                    Text(
                        f"{len(two_files)} panelis menyerahkan dua berkas yang tidak berkaitan. "
                        "Pilih berkas yang berlaku untuk panelis itu (di jendela: pilih baris "
                        "berkasnya, lalu Tetapkan berkas ini untuk panelisnya; di baris perintah: "
                        "--use BERKAS).",
                        f"{len(two_files)} judges handed in two unrelated files. Choose the file "
                        "that stands for that judge (in the window: select its row, then Use this "
                        "file for its judge; on the command line: --use FILE).",
                    ),
                )
            )
        hand_copies = [f for f in self.refused if f.hand_copy]
        if hand_copies and not options.skip_invalid:
            found.append(
                UserError(
                    Text(
                        f"{len(hand_copies)} berkas disalin manual tanpa berkas -wal-nya dan "
                        "mungkin tidak memuat perubahan terakhir. Minta panelis mengekspor "
                        "salinan dari laptopnya dengan Ekspor berkas untuk ketua, atau pilih "
                        "tetap memakainya (di jendela: Tetap pakai berkas yang disalin manual; "
                        "di baris perintah: --accept-hand-copy).",
                        f"{len(hand_copies)} files were copied by hand without their -wal file "
                        "and may lack the last changes. Ask the judge to export a copy on the "
                        "laptop with Export file for the chair, or choose to use them anyway "
                        "(in the window: Use the files copied by hand; on the command line: "
                        "--accept-hand-copy).",
                    ),
                )
            )
        conflicts = self.version_conflicts
        if conflicts:
            found.append(
                UserError(
                    Text(
                        f"{len(conflicts)} lembar nilai ada dalam dua versi berbeda dengan revisi "
                        "yang sama. Keluarkan salah satu berkas panelis itu, lalu gabungkan lagi.",
                        f"{len(conflicts)} scorecards exist in two different versions with the "
                        "same revision. Leave out one of that judge's files and merge again.",
                    ),
                )
            )
        refused = self.refused
        if refused and not options.skip_invalid:
            found.append(
                UserError(
                    Text(
                        f"{len(refused)} berkas ditolak. Perbaiki atau keluarkan berkas itu, atau "
                        "pilih lanjut tanpa berkas yang ditolak (--skip-invalid).",
                        f"{len(refused)} files were refused. Fix or remove them, or choose to go "
                        "on without the refused files (--skip-invalid).",
                    ),
                )
            )
        if self.event is not None and not self.used and not conflicts:
            found.append(
                UserError(
                    Text("Tidak ada berkas panel yang dapat dipakai.", "No panel file can be used.")
                )
            )
        return found

    def can_write(self, options: MergeOptions | None = None) -> bool:
        return not self.blockers(options)
