"""Small rules about what the main window says, without Qt."""

from __future__ import annotations

from pathlib import Path

from ..domain.text import Text

# Shown right after the language was changed: the new one is not loaded yet, so both are shown.
LANGUAGE_AFTER_RESTART = Text(
    "Bahasa baru dipakai mulai Paritrana Desktop dibuka lagi. Tutup program, lalu buka lagi.",
    "The new language is used from the next start of Paritrana Desktop. Close the program and "
    "start it again.",
)
LANGUAGE_TITLE = Text("Bahasa", "Language")


def in_both_languages(text: Text, first: str = "id") -> str:
    """``text`` in the given language first, then in the other, a blank line between."""
    second = "en" if first == "id" else "id"
    return f"{text.pick(first)}\n\n{text.pick(second)}"


def file_label(path: Path) -> str:
    """How a file is named in a sentence: its name, or the whole path when it has no name
    (``/``, ``C:\\``, ``..``), so a sentence never begins with nothing."""
    path = Path(path)
    if path.name and path.name not in (".", ".."):
        return path.name
    return str(path) or "."


def in_parentheses(reason: str) -> str:
    """A reason the judge typed, fit to stand in parentheses inside a sentence: no trailing
    spaces or full stop (``(...Paser.).`` reads badly); an ellipsis or ``?``/``!`` is kept."""
    text = reason.strip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text
