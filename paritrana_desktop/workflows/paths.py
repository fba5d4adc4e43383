"""Small rules about the paths a user gives: one place for each, so they cannot drift."""

from __future__ import annotations

import os
from pathlib import Path

from ..domain.errors import UserError
from ..domain.text import Text

WORKBOOK_SUFFIX = ".xlsx"


def with_xlsx_suffix(path: Path) -> Path:
    """``rekap`` -> ``rekap.xlsx``; a name that already ends in ``.xlsx`` (any case) is kept."""
    path = Path(path)
    if path.suffix.lower() == WORKBOOK_SUFFIX:
        return path
    return path.with_name(path.name + WORKBOOK_SUFFIX)


def absolute(path: Path) -> Path:
    """``path`` resolved (links followed), or made absolute when it cannot be resolved."""
    try:
        return Path(path).resolve()
    except OSError:
        return Path(path).absolute()


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
    output = with_xlsx_suffix(output)
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
