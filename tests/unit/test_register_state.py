"""The register page's rows, without Qt: what the register holds beside what the files carry."""

from __future__ import annotations

from pathlib import Path

import pytest

from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.trust import KeyChange, RegisterView, Signing, fingerprint
from paritrana_desktop.window_state.register_state import (
    KeyState,
    check_fingerprint_typed,
    check_name,
    judge_rows,
)
from paritrana_desktop.workflows.file_facts import OfferedKey

OLD, NEW, OTHER = "11" * 32, "22" * 32, "33" * 32


def offer(
    judge: str, key: str | None, *changes: KeyChange, signing: Signing = Signing.SIGNED
) -> OfferedKey:
    fp = fingerprint(key) if key else None
    return OfferedKey(Path(f"{judge}.paritrana-panel"), judge, fp, signing, changes)


def test_each_judge_gets_the_state_the_merge_would_find() -> None:
    change = KeyChange(9, "2025-05-02T08:00:00+00:00", OLD, NEW, "laptop rusak")
    view = RegisterView(
        keys={
            "J1": fingerprint(OLD),
            "J2": fingerprint(OLD),
            "J3": fingerprint(OLD),
            "J9": fingerprint(OLD),
        }
    )
    rows = judge_rows(
        view,
        [
            offer("J1", OLD),
            offer("J2", NEW, change),
            offer("J3", OTHER),
            offer("J4", OTHER),
            offer("J5", None, signing=Signing.UNSIGNED_EARLIER),
            OfferedKey(Path("rusak.paritrana-panel"), None, None, None),
        ],
    )
    states = {r.judge_id: r.state for r in rows}
    assert states == {
        "J1": KeyState.MATCHES,
        "J2": KeyState.CHANGE_PENDING,
        "J3": KeyState.DIFFERS,
        "J4": KeyState.NOT_REGISTERED,
        "J5": KeyState.UNSIGNED,
        "J9": KeyState.NO_FILE,
    }
    by_judge = {r.judge_id: r for r in rows}
    assert by_judge["J2"].change == change and by_judge["J2"].can_accept
    assert by_judge["J4"].can_register and not by_judge["J9"].can_register
    accepted = RegisterView(
        keys=view.keys, accepted_changes=frozenset({("J2", fingerprint(OLD), fingerprint(NEW))})
    )
    again = {r.judge_id: r.state for r in judge_rows(accepted, [offer("J2", NEW, change)])}
    assert again["J2"] is KeyState.MATCHES


def test_a_blank_name_or_fingerprint_is_one_sentence() -> None:
    with pytest.raises(UserError) as blank_name:
        check_name("   ")
    assert "Name box" in blank_name.value.text("en") and "Nama" in blank_name.value.text("id")
    with pytest.raises(UserError) as blank_print:
        check_fingerprint_typed("")
    assert "fingerprint printed" in blank_print.value.text("en")
    check_name("Andi")
    check_fingerprint_typed("AAAA")
