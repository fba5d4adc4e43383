"""Small rules about the paths a user gives: one place for each, so they cannot drift."""

from __future__ import annotations

import os
from pathlib import Path

from ..domain.errors import UserError
from ..domain.input_file import output_name_problem
from ..domain.text import Text

WORKBOOK_SUFFIX = ".xlsx"


def with_xlsx_suffix(path: Path) -> Path:
    """``rekap`` -> ``rekap.xlsx``; a name that already ends in ``.xlsx`` (any case) is kept."""
    path = Path(path)
    if path.suffix.lower() == WORKBOOK_SUFFIX:
        return path
    return path.with_name(path.name + WORKBOOK_SUFFIX)


def absolute(path: Path) -> Path:
    """``path`` resolved (links followed), or made absolute when it cannot be resolved: a loop
    of links, or a link to nothing (then the name the user gave is the one to report)."""
    try:
        resolved = Path(path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop of links before Python 3.13
        return Path(path).absolute()
    if os.path.islink(path) and not resolved.exists():
        return Path(path).absolute()
    return resolved


def path_key(path: Path) -> str:
    """What two names of the same file have in common: resolved, case-folded where the system
    ignores case (Windows)."""
    return os.path.normcase(str(absolute(path)))


def same_path(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name the same place."""
    return path_key(a) == path_key(b)


def output_path(output: Path) -> Path:
    """The workbook the merge writes for the name a user gave: ``.xlsx`` added, and a folder or
    a missing folder refused with a ``UserError``."""
    check_output_name(output)
    output = with_xlsx_suffix(output)
    check_output_name(output)
    if output.is_dir():
        raise UserError(
            Text(
                f"{output} adalah folder; tuliskan nama berkas workbook, misalnya rekap.xlsx.",
                f"{output} is a folder; give a workbook file name such as rekap.xlsx.",
            ),
        )
    if not output.parent.is_dir():
        raise UserError(
            Text(
                f"Folder {output.parent} tidak ada.", f"The folder {output.parent} does not exist."
            )
        )
    return output


def check_output_name(path: Path | str) -> None:
    """A ``UserError`` when the last part of ``path`` cannot name a new file: empty (``''``,
    ``.``), or longer than the file system allows once the hidden name it is built under is
    added. Checked before anything is read or written."""
    text = os.fspath(path)
    problem = output_name_problem(Path(text).name if text else "")
    if problem is not None:
        raise UserError(problem)
