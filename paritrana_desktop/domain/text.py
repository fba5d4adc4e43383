"""Two-language text: what the layers without Qt say to a user, in Bahasa Indonesia and English.

The domain, storage and excel layers cannot use Qt's ``tr()``, so every sentence that may reach a
user is a :class:`Text` holding both languages. The window and the command line choose the
language once (:func:`set_language`); :meth:`Text.pick` is the one place that reads the choice.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_language = "id"


def set_language(language: str) -> None:
    """Choose the language ``str(text)`` uses: ``"id"`` (default) or ``"en"``."""
    global _language
    _language = "en" if language.lower().startswith("en") else "id"


def current_language() -> str:
    return _language


def language_from_environment() -> str:
    """``en`` when PARITRANA_LANG or LANG asks for English, else ``id``."""
    wanted = os.environ.get("PARITRANA_LANG") or os.environ.get("LANG", "")
    return "en" if wanted.lower().startswith("en") else "id"


@dataclass(frozen=True, slots=True)
class Text:
    """One sentence (or several) in Bahasa Indonesia (``id``) and English (``en``)."""

    id: str
    en: str

    def pick(self, language: str | None = None) -> str:
        """The text in ``language``, or in the language chosen with :func:`set_language`."""
        return self.en if (language or _language) == "en" else self.id

    def __str__(self) -> str:
        return self.pick()

    def __add__(self, other: Text) -> Text:
        return Text(self.id + other.id, self.en + other.en)

    def map(self, change: Callable[[str], str]) -> Text:
        """Both languages passed through ``change`` (e.g. ``str.rstrip``)."""
        return Text(change(self.id), change(self.en))

    @staticmethod
    def same(text: str) -> Text:
        """A text that reads the same in both languages (a name, a number)."""
        return Text(text, text)

    @staticmethod
    def join(separator: str | Text, parts: Iterable[Text]) -> Text:
        sep = Text.same(separator) if isinstance(separator, str) else separator
        items = list(parts)
        return Text(sep.id.join(p.id for p in items), sep.en.join(p.en for p in items))
