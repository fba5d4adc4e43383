"""Which file of the merge window's list the chair may choose to stand for its judge."""

from __future__ import annotations

from ..domain.merge_model import DecisionKind, FileFinding, MergePlan, Outcome


def choosable(plan: MergePlan, finding: FileFinding) -> bool:
    """``finding`` is a file of a judge who handed in two unrelated files (two panel_ids), and
    not yet the one that stands for that judge."""
    judges = {
        d.judge_id
        for d in plan.decisions
        if d.kind in (DecisionKind.TWO_FILES, DecisionKind.FILE_CHOSEN)
    }
    return (
        finding.judge_id in judges
        and finding.judge_id is not None
        and finding.outcome in (Outcome.CONFLICT, Outcome.NOT_CHOSEN)
    )
