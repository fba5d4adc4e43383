"""The interface language: Qt translators, the number and date locale, the error language.

Every UI area ships its own ``resources/i18n/<area>_<lang>.qm``; all of them for the chosen
language are loaded, one ``QTranslator`` each, before the first widget is made. The source
strings are English, so English needs no translation file.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ..domain.errors import set_language
from ..resources import resource
from .settings import LANGUAGE, LANGUAGES, Settings

log = logging.getLogger(__name__)

ENV_LANGUAGE = "PARITRANA_LANG"


def choose_language(requested: str | None, settings: Settings | None) -> str:
    """``--lang`` first, then PARITRANA_LANG, then the saved setting; Indonesian by default."""
    for candidate in (
        requested,
        os.environ.get(ENV_LANGUAGE),
        settings.get(LANGUAGE) if settings else None,
    ):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    return "id"


def ui_locale(language: str) -> QLocale:
    if language == "en":
        # English words with the day-month-year order and 24-hour times used at the venue.
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def install_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load every translation for ``language`` and set the locale; returns the translators."""
    set_language(language)
    QLocale.setDefault(ui_locale(language))
    translators: list[QTranslator] = []
    folder = resource("i18n")
    for qm in sorted(folder.glob(f"*_{language}.qm")) if folder.is_dir() else []:
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            translators.append(translator)
        else:
            log.warning("could not load translation %s", qm)
    return translators


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
