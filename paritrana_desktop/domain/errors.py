"""Errors that are the user's to fix, each with one clear sentence in both languages.

The lower layers (domain, storage, excel) cannot use Qt's ``tr()``, so a message that reaches a
user carries its Bahasa Indonesia and English text side by side. The UI and the command line
pick the language; a bug is never a ``UserError``.
"""

from __future__ import annotations

import os

_language = "id"


def set_language(language: str) -> None:
    """Choose the language ``str(error)`` uses: ``"id"`` (default) or ``"en"``."""
    global _language
    _language = "en" if language.lower().startswith("en") else "id"


def current_language() -> str:
    return _language


def language_from_environment() -> str:
    """``en`` when PARITRANA_LANG or LANG asks for English, else ``id``."""
    wanted = os.environ.get("PARITRANA_LANG") or os.environ.get("LANG", "")
    return "en" if wanted.lower().startswith("en") else "id"


class UserError(Exception):
    """Something the user can put right: a wrong, damaged, locked or foreign file, bad input."""

    def __init__(self, id_text: str, en_text: str) -> None:
        super().__init__(id_text)
        self.id_text = id_text
        self.en_text = en_text

    def text(self, language: str | None = None) -> str:
        lang = language or _language
        return self.en_text if lang == "en" else self.id_text

    def __str__(self) -> str:
        return self.text()


class ValidationError(UserError):
    """Input that breaks a rule of the rubric, the schedule or the scorecard."""
