"""The chair's register page of the merge window, driven with keys and clicks on the demo: make
a register, register a judge's key from the fingerprint on the lembar (refused when it
differs), type a code and have someone else confirm it, accept a key change after a move to
another laptop; the merge checks its files against the register all along."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from paritrana_desktop.domain.merge_model import Outcome
from paritrana_desktop.storage import copies
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.ui import tasks
from paritrana_desktop.ui.merge_dialog import MergeDialog
from paritrana_desktop.ui.merge_register import RegisterWindow, open_register
from paritrana_desktop.ui.settings import MERGE_REGISTER, Settings
from paritrana_desktop.window_state.register_state import KeyState
from paritrana_desktop.workflows import register as reg
from paritrana_desktop.workflows import session
from paritrana_desktop.workflows.codes import panel_code
from paritrana_desktop.workflows.demo import write_demo

WAIT_MS = 20_000
SHOTS = Path("/tmp/paritrana-shots")


@pytest.fixture(scope="module")
def demo_originals(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_demo(tmp_path_factory.mktemp("demo"))[1:]


@pytest.fixture
def inbox(tmp_path: Path, demo_originals: list[Path]) -> Path:
    folder = tmp_path / "dari flashdisk"
    folder.mkdir()
    for original in demo_originals:
        shutil.copyfile(original, folder / original.name)
    return folder


@pytest.fixture
def window(qtbot: QtBot, settings: Settings) -> Iterator[MergeDialog]:
    dialog = MergeDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
    assert tasks.wait_for_tasks(WAIT_MS)


def settle(qtbot: QtBot, window: MergeDialog) -> None:
    page = window.register_window

    def idle() -> bool:
        return not window.is_busy() and (page is None or not page.is_busy())

    qtbot.waitUntil(idle, timeout=WAIT_MS)


def add_folder(
    qtbot: QtBot, window: MergeDialog, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(folder))
    )
    qtbot.mouseClick(window.add_folder_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)


def open_page(qtbot: QtBot, window: MergeDialog) -> RegisterWindow:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Chair's regi&ster
    qtbot.waitUntil(lambda: window.register_window is not None, timeout=WAIT_MS)
    page = window.register_window
    assert page is not None
    qtbot.waitExposed(page)
    settle(qtbot, window)
    return page


def select_judge(qtbot: QtBot, page: RegisterWindow, judge_id: str) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(page.model.rowCount() + 1):
        current = page.selected_row()
        if current is not None and current.judge_id == judge_id:
            return
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    raise AssertionError(f"no row for {judge_id}")


def rows(page: RegisterWindow) -> dict[str, KeyState]:
    return {
        page.model.row_at(r).judge_id: page.model.row_at(r).state
        for r in range(page.model.rowCount())
    }


def mnemonics(window: QWidget) -> dict[str, str]:
    found: dict[str, str] = {}
    for widget in window.findChildren(QWidget):
        if widget.window() is not window:
            continue
        text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
        match = re.search(r"(?<!&)&([^&\s])", text)
        if match:
            letter = match.group(1).lower()
            assert letter not in found, f"Alt+{letter}: {found[letter]!r} and {text!r}"
            found[letter] = text
    return found


def test_the_chair_registers_keys_and_codes_from_the_papers(
    qtbot: QtBot,
    english: None,
    window: MergeDialog,
    inbox: Path,
    tmp_path: Path,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_folder(qtbot, window, inbox, monkeypatch)
    page = open_page(qtbot, window)
    assert not page.add_code_button.isEnabled()  # no register yet
    assert set(rows(page).values()) == {KeyState.NOT_REGISTERED}

    target = tmp_path / "ketua" / "Register Kaltim"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    made = target.with_name(target.name + reg.EXTENSION)
    assert made.is_file() and window.register_path == made
    assert settings.get(MERGE_REGISTER) == str(made)  # remembered
    assert page.path_edit.text() == str(made)
    again = MergeDialog(settings=settings)
    qtbot.addWidget(again)
    assert again.register_path == made  # the next merge window starts with it

    panel_path = next(p for p in inbox.iterdir() if p.name.endswith(".paritrana-panel"))
    with PanelFile.open(panel_path, read_only=True) as panel:
        judge, on_paper, code = panel.judge.id, panel.key_fingerprint, panel_code(panel)
    assert on_paper is not None
    select_judge(qtbot, page, judge)
    assert page.register_key_button.isEnabled()

    # a fingerprint that differs from the file's is refused in a sentence; nothing registered
    qtbot.keyClicks(page.fingerprint_edit, "AAAA-BBBB-CCCC-DDDD")
    qtbot.mouseClick(page.register_key_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "differs from the one on the paper" in page.message_label.text()
    assert reg.register_view(made) is not None and reg.register_view(made).keys == {}  # type: ignore[union-attr]

    # typed as read aloud, lower case with spaces: Enter registers it
    page.fingerprint_edit.clear()
    qtbot.keyClicks(page.fingerprint_edit, on_paper.lower().replace("-", " "))
    qtbot.keyClick(page.fingerprint_edit, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert "is registered" in page.message_label.text()
    assert rows(page)[judge] is KeyState.MATCHES
    assert on_paper in page.register_text.toPlainText()

    # a code typed by Andi; Andi cannot confirm it, Budi can
    qtbot.keyClicks(page.code_edit, code)
    qtbot.keyClicks(page.name_edit, "Andi")
    qtbot.keyClick(page.add_code_button, Qt.Key.Key_Space)
    settle(qtbot, window)
    assert "recorded" in page.message_label.text()
    qtbot.keyClicks(page.code_edit, code)
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "someone else must confirm" in page.message_label.text()
    page.name_edit.clear()
    qtbot.keyClicks(page.name_edit, "Budi")
    qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "confirmed" in page.message_label.text()
    view = reg.register_view(made)
    assert view is not None and view.confirmed_codes(judge) == [code]

    # the merge was checked against the register: the file is as new as its code, so used
    plan = window.plan()
    assert plan is not None and not plan.refused
    mnemonics(page)  # every Alt letter of the page once
    SHOTS.mkdir(exist_ok=True)
    page.grab().save(str(SHOTS / "register-page.png"))


def test_a_key_change_is_refused_until_the_chair_accepts_it(
    qtbot: QtBot,
    english: None,
    window: MergeDialog,
    demo_originals: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = demo_originals[0]
    made = reg.init_register(tmp_path / "Register")
    with PanelFile.open(original, read_only=True) as panel:
        judge, fingerprint = panel.judge.id, panel.key_fingerprint
        usb = tmp_path / "usb"
        usb.mkdir()
        copy = copies.export_copy(panel, usb)
    reg.add_key(made, original, str(fingerprint))
    with PanelFile.open(copy, read_only=True) as opened:
        moved = session.continue_from_copy(
            opened, tmp_path / "laptop baru", reason="Laptop lama rusak", key_folder=tmp_path / "k"
        )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(moved, inbox / moved.name)

    window.register_path = made
    add_folder(qtbot, window, inbox, monkeypatch)
    plan = window.plan()
    assert plan is not None
    (finding,) = plan.files
    assert finding.outcome is Outcome.REFUSED
    assert "has not accepted the change" in " ".join(r.pick("en") for r in finding.reasons)
    assert "has not accepted the change" in window.report_view.toPlainText()

    page = open_register(window)
    settle(qtbot, window)
    assert rows(page)[judge] is KeyState.CHANGE_PENDING
    select_judge(qtbot, page, judge)
    assert "Laptop lama rusak" in page.change_label.text()  # the judge's reason, shown
    assert page.accept_button.isEnabled()
    page.accept_button.setFocus()
    qtbot.keyClick(page.accept_button, Qt.Key.Key_Space)
    settle(qtbot, window)
    assert "accepted" in page.message_label.text()
    assert rows(page)[judge] is KeyState.MATCHES
    plan = window.plan()
    assert plan is not None and plan.files[0].outcome is not Outcome.REFUSED


def test_a_register_edited_outside_the_program_is_refused(
    qtbot: QtBot,
    english: None,
    window: MergeDialog,
    inbox: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sqlite3

    made = reg.init_register(tmp_path / "Register")
    connection = sqlite3.connect(made)  # a key slipped in with sqlite3, the chain extended
    (last,) = connection.execute("select hash from register_log order by seq desc").fetchone()
    connection.execute(
        "insert into register_log (at, kind, payload, prev_hash, hash, signature) "
        "values ('2025-01-01T00:00:00+00:00', 'add_key', ?, ?, ?, '00')",
        ('{"judge_id": "J1", "fingerprint": "AAAA-BBBB-CCCC-DDDD", "file": "x"}', last, "0" * 64),
    )
    connection.commit()
    connection.close()
    add_folder(qtbot, window, inbox, monkeypatch)
    page = open_page(qtbot, window)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(made), ""))
    )
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.register_path is None  # not taken
    assert page.message_label.text()  # one sentence says why


def test_the_register_page_model_and_alt_letters(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    request: pytest.FixtureRequest,
    window: MergeDialog,
    inbox: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_folder(qtbot, window, inbox, monkeypatch)
    page = open_page(qtbot, window)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() >= 3
    mnemonics(page)
    mnemonics(window)


@pytest.mark.parametrize("language", ["indonesian", "english"])
def test_alt_letters_are_distinct_in_both_languages(
    qtbot: QtBot, request: pytest.FixtureRequest, language: str, settings: Settings
) -> None:
    request.getfixturevalue(language)
    dialog = MergeDialog(settings=settings)
    qtbot.addWidget(dialog)
    page = RegisterWindow(dialog)
    mnemonics(dialog)
    mnemonics(page)
    assert "s" in mnemonics(dialog)  # the register's own letter in the merge window


def test_a_register_chosen_while_the_window_is_busy_is_used_once_the_work_is_done(
    qtbot: QtBot,
    english: None,
    window: MergeDialog,
    demo_originals: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from paritrana_desktop.ui.merge_register import use_register
    from paritrana_desktop.window_state.merge_state import MergeTask

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(demo_originals[0], inbox / demo_originals[0].name)
    add_folder(qtbot, window, inbox, monkeypatch)
    plan = window.plan()
    assert plan is not None and "not checked against the fingerprints" in " ".join(
        n.pick("en") for n in plan.notices
    )
    made = reg.init_register(tmp_path / "Register")
    with PanelFile.open(demo_originals[0], read_only=True) as panel:
        reg.add_key(made, demo_originals[0], str(panel.key_fingerprint))
    release = threading.Event()
    window._run(MergeTask.INSPECT, lambda _ctx: release.wait(10), "busy", lambda _r: None)
    use_register(window, made)  # while the window works
    release.set()
    qtbot.waitUntil(lambda: window.plan() is not plan and not window.is_busy(), timeout=WAIT_MS)
    rechecked = window.plan()
    assert rechecked is not None
    said = " ".join(n.pick("en") for n in rechecked.notices)
    assert "checked against the register" in said and "not checked" not in said
