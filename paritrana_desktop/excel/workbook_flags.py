"""A yes-or-no cell of the secretariat's workbook ("Data demo", "Bobot contoh")."""

from __future__ import annotations

from ..domain.text import Text
from .workbook_values import ValueProblem, normalize_key

_YES = frozenset({"ya", "y", "yes", "true", "benar", "1", "iya"})
_NO = frozenset({"", "tidak", "t", "no", "n", "false", "salah", "0", "bukan"})


def yes_or_no(value: object) -> bool:
    """True for ya/yes, False for tidak/no or an empty cell; ``ValueProblem`` otherwise."""
    if isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    key = normalize_key(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValueProblem(
        Text(
            f"'{text}' bukan ya atau tidak; tulis ya atau tidak.",
            f"'{text}' is not yes or no; write ya (yes) or tidak (no).",
        )
    )
