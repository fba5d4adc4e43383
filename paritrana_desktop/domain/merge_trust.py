"""The merge's step for trust: the register's refusals added to the files' records, and the
report's lines about signatures. It runs on the records before the merge's rules
(``merge_rules.select``): a file the register refuses carries the reason among its problems,
and the rules refuse it as they refuse any file whose own check failed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .errors import UserError
from .merge_model import KeyCheck
from .merge_records import SourceFile
from .text import Text
from .trust import (
    FileTrust,
    RegisterView,
    Signing,
    allowed_fingerprints,
    register_refusals,
    trust_notices,
)


def trust_step(
    sources: Sequence[SourceFile], view: RegisterView | None
) -> tuple[list[SourceFile], list[Text]]:
    """``sources`` with the register's refusals added, and the lines for the report."""
    out: list[SourceFile] = []
    seen: list[tuple[str, str, FileTrust]] = []
    for source in sources:
        panel = source.panel
        if panel is None or panel.trust is None:
            out.append(source)
            continue
        trust = panel.trust
        panel = replace(panel, key_check=key_check(panel.judge.id, trust, view))
        source = replace(source, panel=panel)
        if panel.problems:
            out.append(source)
            continue
        name, judge_id = source.path.name, panel.judge.id
        reasons = register_refusals(name, judge_id, panel.panel_id, trust, view) if view else []
        if reasons:
            refused = panel.problems + tuple(UserError(r) for r in reasons)
            source = replace(source, panel=replace(panel, problems=refused))
        seen.append((name, judge_id, trust))
        out.append(source)
    return out, trust_notices(seen, view)


def key_check(judge_id: str, trust: FileTrust, view: RegisterView | None) -> KeyCheck:
    """Whether the key signing a file was checked against the register, as the papers and the
    workbook say it."""
    if trust.signing is not Signing.SIGNED:
        return KeyCheck.UNSIGNED
    if view is None:
        return KeyCheck.NO_REGISTER
    if trust.current_fingerprint in allowed_fingerprints(judge_id, view):
        return KeyCheck.CHECKED
    return KeyCheck.NOT_REGISTERED
