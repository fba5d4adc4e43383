"""The merge's report for people, rendered in one place from the plan's decisions.

The command line prints it; :class:`~.merge.MergeReport` keeps it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..domain.merge_model import FileFinding, MergeOptions, MergePlan, Outcome
from ..domain.numbers import format_number
from ..domain.text import Text, current_language

_WORDS = {
    "merge": Text("Penggabungan berkas panel: ", "Merge of panel files: "),
    "files": Text("Berkas", "Files"),
    "decisions": Text("Keputusan:", "Decisions:"),
    "ranking": Text("Peringkat:", "Ranking:"),
    "not_written": Text("Tidak ditulis:", "Not written:"),
    "written": Text("Ditulis: ", "Written: "),
}


def report_lines(
    plan: MergePlan,
    options: MergeOptions | None = None,
    language: str | None = None,
    output: Path | None = None,
) -> list[str]:
    """The merge's report: what was found, decided and written (or why not)."""
    options = options or plan.options
    lang = language or current_language()
    lines: list[str] = []
    if plan.event is not None:
        lines.append(_WORDS["merge"].pick(lang) + f"{plan.event.name} ({plan.event.code})")
    counts = Counter(f.outcome for f in plan.files)
    summary = ", ".join(f"{counts[o]} {o.label(lang)}" for o in Outcome if counts[o])
    lines.append(f"{_WORDS['files'].pick(lang)}: {len(plan.files)} ({summary})")
    for finding in plan.files:
        lines.extend(_file_lines(finding, lang))
    lines.extend(f"  {n.pick(lang)}" for n in plan.notices)
    lines.append(_WORDS["decisions"].pick(lang))
    lines.extend(f"  [{d.kind.label(lang)}] {d.text(lang)}" for d in plan.decisions)
    lines.extend(_ranking_lines(plan, lang))
    blockers = plan.blockers(options)
    if blockers:
        lines.append(_WORDS["not_written"].pick(lang))
        lines.extend(f"  {b.text(lang)}" for b in blockers)
    elif output is not None:
        lines.append(_WORDS["written"].pick(lang) + str(output))
    return lines


def _file_lines(finding: FileFinding, lang: str) -> list[str]:
    if finding.judge_name:
        what = finding.judge_name
    elif finding.is_event_file:
        what = Text("berkas kegiatan", "event file").pick(lang)
    else:
        what = Text("jenis tidak dikenal", "unknown kind").pick(lang)
    head = f"  {finding.name} [{what}]: {finding.outcome.label(lang)}"
    if finding.judge_id:
        head += Text(
            f"; {finding.final} final, {finding.drafts} draf, {finding.conflicts} konflik "
            "kepentingan",
            f"; {finding.final} final, {finding.drafts} draft, {finding.conflicts} conflict of "
            "interest",
        ).pick(lang)
    lines = [head]
    if finding.code:
        lines.append(
            "    "
            + Text(f"kode verifikasi {finding.code}", f"verification code {finding.code}").pick(
                lang
            )
        )
    return [*lines, *(f"    - {r.pick(lang)}" for r in finding.reasons)]


def _ranking_lines(plan: MergePlan, lang: str) -> list[str]:
    if not plan.results:
        return []
    lines = [_WORDS["ranking"].pick(lang)]
    for result in plan.results:
        lines.append(f"  {result.category.name}")
        for fig in result.participants:
            rank = str(fig.rank) if fig.rank is not None else "-"
            score = (
                format_number(fig.official, lang, decimals=3) if fig.official is not None else "-"
            )
            lines.append(f"    {rank:>3}. {fig.interview.participant}: {score} (n={fig.n})")
    return lines
