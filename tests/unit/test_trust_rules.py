"""The pure rules of trust: fingerprints, the register's steps, what the register refuses."""

from __future__ import annotations

from paritrana_desktop.domain.trust import (
    FileTrust,
    KeyChange,
    RegisterView,
    Signing,
    fingerprint,
    normalise_fingerprint,
    register_refusals,
)
from paritrana_desktop.domain.trust_register import Step, apply_step, canonical_code, refusal
from paritrana_desktop.domain.verification_code import make_code

OLD, NEW = "11" * 32, "22" * 32


def test_a_fingerprint_is_four_groups_of_four_and_forgives_how_it_was_typed() -> None:
    fp = fingerprint(OLD)
    assert [len(g) for g in fp.split("-")] == [4, 4, 4, 4] and fp != fingerprint(NEW)
    assert normalise_fingerprint(fp.lower().replace("-", " ")) == fp


def test_a_key_change_not_accepted_is_refused_with_its_reason_then_accepted() -> None:
    change = KeyChange(5, "2025-07-28T09:00", OLD, NEW, "laptop rusak")
    trust = FileTrust(Signing.SIGNED, (OLD, NEW), (change,), ("a" * 64,) * 5)
    view = RegisterView(keys={"J2": fingerprint(OLD)})
    (reason,) = register_refusals("f", "J2", "p", trust, view)
    assert "laptop rusak" in reason.en and "not accepted" in reason.en
    accepted = apply_step(
        view,
        Step.ACCEPT_KEY_CHANGE,
        {"judge_id": "J2", "old": fingerprint(OLD), "new": fingerprint(NEW)},
    )
    assert register_refusals("f", "J2", "p", trust, accepted) == []


def test_the_one_who_typed_a_code_cannot_confirm_it() -> None:
    code = make_code("J2", "p", 3, "b" * 64)
    view = apply_step(RegisterView(), Step.ADD_CODE, {"code": code, "by": "Ani"})
    assert refusal(view, Step.CONFIRM_CODE, {"code": code, "by": " ani "}) is not None
    assert refusal(view, Step.CONFIRM_CODE, {"code": code, "by": "Budi"}) is None
    assert canonical_code(code.lower()) == code and canonical_code(code[:-1] + "#") is None


def test_a_file_older_than_a_confirmed_code_or_off_its_history_is_refused() -> None:
    hashes = tuple(f"{n:064x}" for n in range(1, 6))
    code = make_code("J2", "p", 4, hashes[3])
    view = RegisterView(keys={"J2": fingerprint(OLD)})
    view = apply_step(view, Step.ADD_CODE, {"code": code, "by": "Ani"})
    view = apply_step(view, Step.CONFIRM_CODE, {"code": code, "by": "Budi"})
    newer = FileTrust(Signing.SIGNED, (OLD,), (), hashes)
    assert register_refusals("f", "J2", "p", newer, view) == []
    older = FileTrust(Signing.SIGNED, (OLD,), (), hashes[:3])
    assert "older than code" in register_refusals("f", "J2", "p", older, view)[0].en
    other = FileTrust(Signing.SIGNED, (OLD,), (), (*hashes[:3], "f" * 64, hashes[4]))
    assert "never passed through" in register_refusals("f", "J2", "p", other, view)[0].en
