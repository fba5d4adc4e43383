"""Fixtures for the pytest-qt tests, generic enough for every UI area.

- ``data_dir``: the user data folder and the settings file redirected into ``tmp_path``.
- ``settings``: a :class:`Settings` on that folder.
- ``panel_file``: a writable PanelFile on ``tests.factories.small_event`` for judge J2.
- ``clock``: an adjustable wall clock (``clock.now = ...``) to inject into windows.
- ``indonesian`` / ``english``: the program's translators installed for one test.
- ``message_boxes``: the static QMessageBox functions replaced by a recorder.
- ``main_window``: the judge's main window on ``settings`` and ``clock``, shown, no file open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from paritrana_desktop.domain.errors import current_language, set_language
from paritrana_desktop.domain.event import Event
from paritrana_desktop.storage.panel_file import PanelFile
from tests.factories import small_event


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    monkeypatch.setenv("PARITRANA_DATA_DIR", str(folder))
    QStandardPaths.setTestModeEnabled(True)
    yield folder
    QStandardPaths.setTestModeEnabled(False)


@pytest.fixture
def settings(data_dir: Path) -> Any:
    from paritrana_desktop.ui.settings import Settings

    return Settings()


@pytest.fixture
def event() -> Event:
    return small_event()


@pytest.fixture
def panel_file(tmp_path: Path, event: Event) -> Iterator[PanelFile]:
    panel = PanelFile.create(tmp_path / "TEST25_J2.paritrana-panel", event, "J2")
    yield panel
    panel.close()


@dataclass
class Clock:
    """A wall clock a test can set; call it to read it."""

    now: dt.datetime = field(default_factory=lambda: dt.datetime(2025, 7, 28, 9, 10))

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _language(qapp: QApplication, language: str) -> Iterator[None]:
    from paritrana_desktop.ui.i18n import install_language, remove_translators

    before = current_language()
    locale = QLocale()
    translators = install_language(qapp, language)
    yield
    remove_translators(qapp, translators)
    set_language(before)
    QLocale.setDefault(locale)


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    yield from _language(qapp, "id")


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    yield from _language(qapp, "en")


@dataclass
class MessageBoxes:
    """What the static QMessageBox functions were asked to show."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.shown if kind is None or k == kind]


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()

    def recorder(kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
            boxes.shown.append((kind, title, text))
            return boxes.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    return boxes


@pytest.fixture
def main_window(qtbot: Any, settings: Any, clock: Clock) -> Any:
    from paritrana_desktop.ui.main_window import MainWindow

    window = MainWindow(settings, clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
