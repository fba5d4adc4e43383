"""Text a judge typed, made safe for a worksheet cell: never a formula, never a broken file.

- openpyxl stores any string that starts with ``=`` as a formula and a string equal to an Excel
  error code (``#N/A``) as an error. Such text, and text starting with ``+``, ``-`` or ``@``
  (which Excel turns into a formula when someone edits the cell), is written as a string cell
  with the quote prefix set, so it stays text when opened and when edited.
- Control characters that a worksheet cannot store (and that XML forbids) are replaced with a
  visible mark, U+FFFD, instead of stopping the merge.
- A cell holds at most 32,767 characters: longer text is cut with a visible mark, and
  :func:`split_text` gives the pieces to keep the whole of it elsewhere.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES

from ..domain.text_rules import NOT_IN_A_CELL

CELL_LIMIT = 32_767
REPLACEMENT = "\ufffd"
# What Excel cannot store (openpyxl's ILLEGAL_CHARACTERS_RE) plus what XML 1.0 forbids
# (lone surrogates, U+FFFE, U+FFFF): the domain's rule, the one an event's text obeys.
_ILLEGAL = NOT_IN_A_CELL
_FORMULA_STARTS = ("=", "+", "-", "@")
_ERRORS = frozenset(ERROR_CODES)


def clean(text: str) -> str:
    """``text`` with every character a worksheet cannot hold replaced by U+FFFD."""
    return _ILLEGAL.sub(REPLACEMENT, text)


def needs_guard(text: str) -> bool:
    """True for text that a spreadsheet would take for a formula or an error value."""
    stripped = text.lstrip()
    return stripped.startswith(_FORMULA_STARTS) or text.strip() in _ERRORS


def cut(text: str, mark: str, limit: int = CELL_LIMIT) -> tuple[str, bool]:
    """``text`` cut to fit one cell, ending in ``mark`` when it was cut; and whether it was."""
    if len(text) <= limit:
        return text, False
    return text[: limit - len(mark)] + mark, True


def split_text(text: str, limit: int = CELL_LIMIT) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, in order (one piece when it fits)."""
    if len(text) <= limit:
        return [text]
    return [text[i : i + limit] for i in range(0, len(text), limit)]


def safe_value(ws: Any, text: str, guard: Cell | None = None) -> object:
    """What to append for ``text``: the string itself, or a text cell when it needs a guard.

    ``text`` must already be :func:`clean` and short enough. ``guard``, a cell of ``ws`` that
    is reused row after row, saves creating one per value (append writes it at once).
    """
    if not needs_guard(text):
        return text
    cell = guard if guard is not None else text_cell(ws)
    cell.value = text
    cell.data_type = "s"
    return cell


def text_cell(ws: Any) -> Cell:
    """A cell that keeps its string as text, also when someone edits it in Excel."""
    cell = WriteOnlyCell(ws)
    cell.quotePrefix = True
    return cell
