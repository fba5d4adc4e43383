"""The chair's merge, end to end: every judge's panel file into one workbook the secretariat
can trust.

Two steps, both without Qt so that the command line, the dialog (in a worker thread) and the
tests share them:

1. :func:`inspect_inputs` finds the files, reads and checks each one (:mod:`.merge_inputs`) and
   hands the records to the merge's rules (``domain.merge_rules``, ``domain.merge_plan``). Nothing
   is written. The result, a :class:`MergePlan`, holds every decision in both languages.
2. :func:`write_merge` writes the workbook under a temporary name, reads it back, compares its
   totals with the computed ones and only then renames it to the chosen name.

The merge is honest: no score is counted twice, none is dropped silently and no version is
picked by chance. Every decision is in :attr:`MergePlan.decisions`, in the report and in the
workbook.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import secrets
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..domain.errors import Cancelled, UserError
from ..domain.merge_model import (
    Decision,
    DecisionKind,
    FileFinding,
    MergeOptions,
    MergePlan,
    Outcome,
)
from ..domain.merge_plan import plan as plan_selection
from ..domain.merge_reasons import os_reason
from ..domain.merge_rules import select
from ..domain.merge_trust import trust_step
from ..domain.text import Text
from ..domain.trust import RegisterView
from ..storage.database import FileKind
from ..storage.errors import cannot_write
from .merge_inputs import read_source
from .merge_report import report_lines
from .paths import absolute, output_path

__all__ = [
    "Decision",
    "DecisionKind",
    "FileFinding",
    "MergeCancelled",
    "MergeOptions",
    "MergePlan",
    "MergeRefused",
    "MergeReport",
    "Outcome",
    "find_panel_files",
    "inspect_inputs",
    "output_path",
    "plan_with_options",
    "report_lines",
    "write_merge",
]

PANEL_EXTENSION = FileKind.PANEL.extension
EVENT_EXTENSION = FileKind.EVENT.extension
Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]
Clock = Callable[[], dt.datetime]


class MergeRefused(UserError):
    """The workbook is not written: files were refused or scorecards are in conflict."""

    def __init__(self, reasons: Sequence[UserError]) -> None:
        super().__init__(
            Text("Workbook tidak ditulis. ", "The workbook was not written. ")
            + Text.join(" ", (r.message for r in reasons))
        )
        self.reasons = tuple(reasons)


class MergeCancelled(Cancelled):
    """The user cancelled; nothing was written and no earlier workbook was touched."""

    message = Text(
        "Penggabungan dibatalkan; tidak ada berkas yang ditulis.",
        "The merge was cancelled; nothing was written.",
    )

    def __init__(self) -> None:
        super().__init__(self.message.id)


@dataclass(frozen=True)
class MergeReport:
    """What :func:`write_merge` wrote."""

    output: Path
    plan: MergePlan
    lines: tuple[str, ...]  # the report, in the current language
    participants: int  # participants with an official score
    scorecards_used: int  # scorecards counted in the official figures
    judges: int  # judges with at least one used file
    detail_rows: int  # rows in "Data rinci"
    merged_at: dt.datetime


# --- finding the files ---------------------------------------------------------------------


def find_panel_files(inputs: Sequence[Path]) -> list[Path]:
    """The files to merge: folders are searched (with their subfolders) for panel files, and
    for the event file (``.paritrana-kegiatan``), which the merge then takes as its reference.

    A file named on its own is taken whatever its extension (the checks will say what it is).
    A missing path or a folder without any panel file is a ``UserError``.
    """
    if not inputs:
        raise UserError(
            Text(
                "Pilih sedikitnya satu berkas panel atau folder.",
                "Choose at least one panel file or folder.",
            ),
        )
    found: list[Path] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            found.extend(_panel_files_in(path))
        elif path.exists() or path.is_symlink():  # a loop of links is named by the checks
            found.append(path)
        else:
            raise UserError(
                Text(
                    f"{path} tidak ditemukan. Periksa nama dan foldernya.",
                    f"{path} was not found. Check the name and the folder.",
                ),
            )
    return found


def _panel_files_in(folder: Path) -> list[Path]:
    """Every panel file under ``folder``; a folder that cannot be read, or an entry named as a
    panel file that is not a regular file (a link that loops, a pipe), is a ``UserError``:
    never skipped without a word."""
    inside: list[Path] = []

    def refuse(exc: OSError) -> None:
        raise _folder_unreadable(Path(exc.filename or folder), exc)

    for root, _dirs, names in os.walk(folder, onerror=refuse):
        for name in names:
            path = Path(root) / name
            if name.startswith(".") or not name.lower().endswith(
                (PANEL_EXTENSION, EVENT_EXTENSION)
            ):
                continue
            # Not only regular files: a pipe or a loop of links with a panel file's name is
            # read as one and refused in the report with what it is, never skipped.
            inside.append(path)
    if not any(p.name.lower().endswith(PANEL_EXTENSION) for p in inside):
        raise UserError(
            Text(
                f"Folder {folder} tidak berisi berkas panel ({PANEL_EXTENSION}).",
                f"The folder {folder} holds no panel files ({PANEL_EXTENSION}).",
            ),
        )
    return sorted(inside)


def _folder_unreadable(folder: Path, exc: OSError) -> UserError:
    why = os_reason(exc)
    return UserError(
        Text(
            f"Folder {folder} tidak dapat dibaca ({why.id}), jadi berkas panel di dalamnya tidak "
            "dapat dicari. Periksa izin foldernya atau salin berkasnya ke folder lain.",
            f"The folder {folder} cannot be read ({why.en}), so the panel files in it cannot be "
            "found. Check the folder's permissions or copy the files to another folder.",
        ),
    )


# --- inspecting ----------------------------------------------------------------------------


def inspect_inputs(
    inputs: Sequence[Path],
    options: MergeOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    register: RegisterView | None = None,
) -> MergePlan:
    """Read and check every input and decide what the merge does; nothing is written.

    With the chair's ``register`` (``workflows.register.register_view``) the files' keys and
    codes are checked against it; without one the report says they were not.

    Raises ``UserError`` for a missing path or an empty folder, ``MergeCancelled`` when
    ``cancelled()`` turns true. Every problem with a file is in the plan, not raised.
    """
    options = options or MergeOptions()
    resolved = Counter(absolute(p) for p in find_panel_files(inputs))
    named = {absolute(p) for p in inputs}
    notices = tuple(
        Text(
            f"{p} disebut {count} kali; dibaca sekali.",
            f"{p} was given {count} times; it was read once.",
        )
        for p, count in sorted(resolved.items())
        if count > 1
    ) + tuple(
        Text(
            f"Berkas kegiatan {p.name} ditemukan di folder {p.parent} dan dipakai sebagai acuan.",
            f"The event file {p.name} was found in the folder {p.parent} and is used as the "
            "reference.",
        )
        for p in sorted(resolved)
        if p.name.lower().endswith(EVENT_EXTENSION) and p not in named
    )
    ordered = sorted(resolved, key=str)
    total = len(ordered)
    sources = []
    for done, path in enumerate(ordered):
        if cancelled is not None and cancelled():
            raise MergeCancelled()
        if progress is not None:
            progress(done, total, Text(f"Memeriksa {path.name}", f"Checking {path.name}").pick())
        sources.append(read_source(path))
    if progress is not None:
        progress(total, total, Text("Berkas sudah diperiksa", "Files checked").pick())
    sources, trust_lines = trust_step(sources, register)
    return plan_selection(select(sources, (*notices, *trust_lines), options), options)


def plan_with_options(plan: MergePlan, options: MergeOptions) -> MergePlan:
    """The same inspection with other options (the dialog's check boxes); no file is read."""
    if options == plan.options:
        return plan
    selection = plan.selection
    if selection is None:
        raise ValueError("this plan was not made by inspect_inputs")
    if not options.same_selection(selection.options):
        # The chair chose another file for a judge, or to go on with hand copies: the rules run
        # again on what was read (no file is read again).
        selection = select(selection.sources, selection.notices, options)
    return plan_selection(selection, options)


# --- writing -------------------------------------------------------------------------------


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def write_merge(
    plan: MergePlan,
    output: Path,
    options: MergeOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    clock: Clock = _utc_now,
) -> MergeReport:
    """Write the workbook for ``plan`` to ``output``, complete or not at all.

    Raises ``MergeRefused`` when the plan cannot be written with ``options`` (refused files
    without ``skip_invalid``, version conflicts, nothing usable), ``MergeCancelled`` when
    ``cancelled()`` turns true, and ``UserError`` for an output that cannot be written. In
    every one of those cases nothing is left behind and an existing workbook is untouched.
    """
    options = options or plan.options
    plan = plan_with_options(plan, options)
    blockers = plan.blockers(options)
    if blockers:
        raise MergeRefused(blockers)
    output = output_path(Path(output))
    merged_at = clock()
    detail_rows = _write_atomically(plan, output, merged_at, progress, cancelled)
    return MergeReport(
        output=output,
        plan=plan,
        lines=tuple(report_lines(plan, options, output=output)),
        participants=sum(1 for r in plan.results for f in r.participants if f.n),
        scorecards_used=sum(1 for c in plan.cards if c.counted),
        judges=len(plan.selection.judges_with_files) if plan.selection is not None else 0,
        detail_rows=detail_rows,
        merged_at=merged_at,
    )


def _write_atomically(
    plan: MergePlan,
    output: Path,
    merged_at: dt.datetime,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> int:
    """Write under a hidden name, check it, rename it; on any failure remove the part file."""
    from ..excel.rekap import check_rekap, write_rekap

    partial = output.with_name(f".{output.stem}.{secrets.token_hex(4)}.part.xlsx")
    try:
        detail_rows = write_rekap(
            plan,
            partial,
            merged_at=merged_at,
            program_version=__version__,
            progress=progress,
            cancelled=cancelled,
            cancel_error=MergeCancelled,
        )
        if cancelled is not None and cancelled():
            raise MergeCancelled()
        check_rekap(plan, partial)
        _replace(partial, output)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise _workbook_not_written(output, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return detail_rows


_EXPLAINED = {
    errno.ENOSPC,
    errno.EFBIG,
    getattr(errno, "EDQUOT", errno.ENOSPC),
    errno.EROFS,
    errno.EACCES,
    errno.EPERM,
    errno.ENOTDIR,
    errno.ENOENT,
}


def _workbook_not_written(output: Path, exc: OSError) -> UserError:
    """``storage.errors.cannot_write``'s sentence where it has one; otherwise the error's class
    in words (never the system's English text inside an Indonesian sentence)."""
    if exc.errno in _EXPLAINED:
        return cannot_write(output, exc)
    why = os_reason(exc)
    return UserError(
        Text(
            f"{output.name} tidak dapat ditulis di {output.parent} ({why.id}). Pilih folder "
            "lain; tidak ada berkas setengah jadi yang tertinggal.",
            f"{output.name} could not be written in {output.parent} ({why.en}). Choose another "
            "folder; no half-written file was left.",
        ),
    )


def _replace(partial: Path, output: Path) -> None:
    try:
        os.replace(partial, output)
    except PermissionError:
        raise UserError(
            Text(
                f"{output.name} tidak dapat ditimpa; mungkin sedang dibuka di Excel. Tutup dulu, "
                "lalu coba lagi.",
                f"{output.name} cannot be replaced; it may be open in Excel. Close it, then try "
                "again.",
            ),
        ) from None
