"""The translations ship complete and compiled: every .ts finished, every .qm current, every
tr() string of the main window's modules translated into Indonesian."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts/translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["translations"] = module
    spec.loader.exec_module(module)
    return module


translations = _load_script()
TS_FILES = sorted(I18N.glob("*.ts"))


def _messages(ts: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation text, translation type)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source", ""))] = (
                translation.text or "",
                translation.get("type", ""),
            )
    return found


def test_the_main_and_qt_translations_exist() -> None:
    names = {ts.name for ts in TS_FILES}
    assert {"main_id.ts", "qtbase_extra_id.ts"} <= names


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path) -> None:
    assert translations.unfinished(ts) == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_placeholders_and_one_accelerator(ts: Path) -> None:
    placeholder = re.compile(r"\{[a-z_]+\}|%\d")
    for (context, source), (text, _kind) in _messages(ts).items():
        where = f"{context}: {source!r}"
        assert sorted(placeholder.findall(text)) == sorted(placeholder.findall(source)), where
        accelerators = len(re.findall(r"&(?![&\s]|[a-z]+;|#)", text))
        if re.search(r"&(?![&\s]|[a-z]+;|#)", source):
            assert accelerators == 1, where


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_each_compiled_file_is_up_to_date(ts: Path, tmp_path: Path) -> None:
    committed = ts.with_suffix(".qm")
    assert committed.exists(), f"{committed.name} missing: run scripts/translations.py compile"
    fresh = tmp_path / committed.name
    translations.lrelease(ts, fresh)
    assert fresh.read_bytes() == committed.read_bytes(), (
        f"{committed.name} is older than {ts.name}: run scripts/translations.py compile"
    )


def test_every_string_of_the_main_window_is_translated(tmp_path: Path) -> None:
    sources = translations.area_sources()["main"]
    assert any(p.name == "main_window.py" for p in sources)
    extracted = tmp_path / "main_id.ts"
    translations.lupdate(sources, extracted)
    wanted = _messages(extracted)
    assert len(wanted) > 50  # the extraction really found the window's strings
    committed = _messages(I18N / "main_id.ts")
    missing = [
        f"{context}: {source}"
        for (context, source) in wanted
        if not committed.get((context, source), ("", "unfinished"))[0].strip()
        or committed[(context, source)][1] in ("unfinished", "vanished", "obsolete")
    ]
    assert missing == [], "run scripts/translations.py update main, translate, compile"


def test_the_indonesian_translation_is_loaded_by_qt(qapp: object) -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(I18N / "main_id.qm"))
    assert translator.translate("CardState", "Not scored") == "Belum dinilai"
    qt = QTranslator()
    assert qt.load(str(I18N / "qtbase_extra_id.qm"))
    assert qt.translate("QPlatformTheme", "Cancel") == "Batal"
