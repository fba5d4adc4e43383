"""Errors that are the user's to fix, each with one clear sentence in both languages.

A ``UserError`` carries a :class:`~paritrana_desktop.domain.text.Text`; the UI and the command
line pick the language. A bug is never a ``UserError``: it reaches the crash handler.
"""

from __future__ import annotations

from .text import Text, current_language, language_from_environment, set_language

__all__ = [
    "Cancelled",
    "Text",
    "UserError",
    "ValidationError",
    "current_language",
    "language_from_environment",
    "set_language",
]


class UserError(Exception):
    """Something the user can put right: a wrong, damaged, locked or foreign file, bad input."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.id)
        self.message = message

    def text(self, language: str | None = None) -> str:
        return self.message.pick(language)

    def __str__(self) -> str:
        return self.text()


class ValidationError(UserError):
    """Input that breaks a rule of the rubric, the schedule or the scorecard."""


class Cancelled(Exception):
    """The user asked long work to stop; neither a bug nor a mistake of theirs."""
