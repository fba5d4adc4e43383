"""The chair's register as pure rules: what each entry of its log means, and when one is refused.

The register's log (``storage.register``) is a list of entries ``(kind, payload)``; replayed in
order they give a :class:`~.trust.RegisterView`. Each step is checked against the view before it:
a fingerprint registered twice differently, a code confirmed by the person who typed it, a key
change accepted from a key that is not registered are refused, in both languages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from .text import Text
from .trust import RegisteredCode, RegisterView, allowed_fingerprints, normalise_fingerprint
from .verification_code import parse_code


class Step:
    CREATED = "created"
    ADD_KEY = "add_key"  # {judge_id, fingerprint, file}
    ACCEPT_KEY_CHANGE = "accept_key_change"  # {judge_id, old, new, reason}
    ADD_CODE = "add_code"  # {code, by}
    CONFIRM_CODE = "confirm_code"  # {code, by}


def canonical_code(text: str) -> str | None:
    """A typed code in its printed form, or None when mistyped."""
    parsed = parse_code(text)
    if parsed is None:
        return None
    tail = "".join(text.split()).upper().rpartition("-")[2]
    tail = tail.translate(str.maketrans("OIL", "011"))
    return f"{parsed.judge_id}-{parsed.entries:04d}-{tail}"


def _who(by: str) -> str:
    return " ".join(by.split()).casefold()


def refusal(view: RegisterView, kind: str, payload: Mapping[str, Any]) -> Text | None:
    """Why the step ``kind`` with ``payload`` cannot be taken on ``view``; None when it can."""
    if kind == Step.ADD_KEY:
        judge, fp = str(payload["judge_id"]), str(payload["fingerprint"])
        known = view.keys.get(judge)
        if known is not None and known != fp:
            return Text(
                f"Panelis {judge} sudah terdaftar dengan kunci {known}. Kunci baru hanya dapat "
                "diterima sebagai pergantian kunci (accept-key-change).",
                f"Judge {judge} is registered with key {known} already. A new key can only be "
                "accepted as a key change (accept-key-change).",
            )
    elif kind == Step.ACCEPT_KEY_CHANGE:
        judge, old = str(payload["judge_id"]), str(payload["old"])
        if old not in allowed_fingerprints(judge, view):
            return Text(
                f"Kunci lama {old} bukan kunci terdaftar panelis {judge}; daftarkan kuncinya "
                "lebih dahulu (add-key).",
                f"The old key {old} is not a registered key of judge {judge}; register the key "
                "first (add-key).",
            )
    elif kind in (Step.ADD_CODE, Step.CONFIRM_CODE):
        return _code_refusal(view, kind, str(payload["code"]), str(payload["by"]))
    return None


def _code_refusal(view: RegisterView, kind: str, code: str, by: str) -> Text | None:
    if not _who(by):
        return Text(
            "Tuliskan nama orang yang mengetik kode (--by).",
            "Give the name of who typed it (--by).",
        )
    found = next((c for c in view.codes if c.code == code), None)
    if kind == Step.ADD_CODE:
        if found is not None:
            return Text(f"Kode {code} sudah ada di register.", f"Code {code} is in the register.")
        return None
    if found is None:
        return Text(
            f"Kode {code} belum diketik ke register (add-code).",
            f"Code {code} has not been typed into the register (add-code).",
        )
    if _who(found.typed_by) == _who(by):
        return Text(
            f"Kode {code} diketik oleh {found.typed_by}; orang lain yang harus mengonfirmasi.",
            f"Code {code} was typed by {found.typed_by}; someone else must confirm it.",
        )
    return None


def apply_step(view: RegisterView, kind: str, payload: Mapping[str, Any]) -> RegisterView:
    """The register after the step (already checked with :func:`refusal`)."""
    if kind == Step.ADD_KEY:
        keys = {**view.keys, str(payload["judge_id"]): str(payload["fingerprint"])}
        return replace(view, keys=keys)
    if kind == Step.ACCEPT_KEY_CHANGE:
        change = (str(payload["judge_id"]), str(payload["old"]), str(payload["new"]))
        return replace(view, accepted_changes=view.accepted_changes | {change})
    if kind == Step.ADD_CODE:
        code = RegisteredCode(str(payload["code"]), str(payload["by"]), None)
        return replace(view, codes=(*view.codes, code))
    if kind == Step.CONFIRM_CODE:
        codes = tuple(
            replace(c, confirmed_by=str(payload["by"])) if c.code == payload["code"] else c
            for c in view.codes
        )
        return replace(view, codes=codes)
    return view


def replay(steps: Iterable[tuple[str, Mapping[str, Any]]]) -> RegisterView:
    view = RegisterView()
    for kind, payload in steps:
        view = apply_step(view, kind, payload)
    return view


def key_payload(judge_id: str, fingerprint: str, file_name: str) -> dict[str, Any]:
    return {
        "judge_id": judge_id,
        "fingerprint": normalise_fingerprint(fingerprint),
        "file": file_name,
    }


def show_lines(view: RegisterView) -> list[Text]:
    """The register as ``paritrana register show`` prints it."""
    lines: list[Text] = []
    for judge, fp in sorted(view.keys.items()):
        lines.append(Text(f"panelis {judge}: kunci {fp}", f"judge {judge}: key {fp}"))
    for judge, old, new in sorted(view.accepted_changes):
        lines.append(
            Text(
                f"panelis {judge}: pergantian kunci {old} -> {new} diterima",
                f"judge {judge}: key change {old} -> {new} accepted",
            )
        )
    for c in view.codes:
        state = (
            Text(f"dikonfirmasi oleh {c.confirmed_by}", f"confirmed by {c.confirmed_by}")
            if c.confirmed_by
            else Text("belum dikonfirmasi", "not confirmed yet")
        )
        lines.append(
            Text(
                f"kode {c.code}: diketik oleh {c.typed_by}, ",
                f"code {c.code}: typed by {c.typed_by}, ",
            )
            + state
        )
    if not lines:
        lines.append(Text("register masih kosong", "the register is empty"))
    return lines
