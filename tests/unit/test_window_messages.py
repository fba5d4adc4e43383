"""The main window's small sentence rules (window_state.messages)."""

from __future__ import annotations

from pathlib import Path

from paritrana_desktop.window_state.messages import file_label, in_parentheses


def test_a_reason_in_parentheses_loses_its_full_stop_only() -> None:
    assert in_parentheses("Saya pernah bekerja di Pemkab Paser. ") == (
        "Saya pernah bekerja di Pemkab Paser"
    )
    assert in_parentheses("kerabat...") == "kerabat..."
    assert in_parentheses("benar?") == "benar?"
    assert in_parentheses("  ") == ""


def test_a_file_is_named_even_without_a_name() -> None:
    assert file_label(Path("/data/J01.paritrana-panel")) == "J01.paritrana-panel"
    assert file_label(Path("/")) == "/"
    assert file_label(Path("..")) == ".."
