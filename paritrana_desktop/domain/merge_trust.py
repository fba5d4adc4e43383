"""The merge's step for trust: the register's refusals added to the files' records, and the
report's lines about signatures. It runs on the records before the merge's rules
(``merge_rules.select``): a file the register refuses carries the reason among its problems,
and the rules refuse it as they refuse any file whose own check failed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .errors import UserError
from .merge_records import SourceFile
from .text import Text
from .trust import FileTrust, RegisterView, register_refusals, trust_notices


def trust_step(
    sources: Sequence[SourceFile], view: RegisterView | None
) -> tuple[list[SourceFile], list[Text]]:
    """``sources`` with the register's refusals added, and the lines for the report."""
    out: list[SourceFile] = []
    seen: list[tuple[str, str, FileTrust]] = []
    for source in sources:
        panel = source.panel
        if panel is None or panel.trust is None or panel.problems:
            out.append(source)
            continue
        name, judge_id = source.path.name, panel.judge.id
        reasons = (
            register_refusals(name, judge_id, panel.panel_id, panel.trust, view) if view else []
        )
        if reasons:
            refused = panel.problems + tuple(UserError(r) for r in reasons)
            source = replace(source, panel=replace(panel, problems=refused))
        seen.append((name, judge_id, panel.trust))
        out.append(source)
    return out, trust_notices(seen, view)
