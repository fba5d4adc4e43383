"""What the merge window says about the plan: the summary under the files, the warning about
refused files and blockers, the decisions before writing and the report after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..domain.errors import current_language
from ..domain.merge_model import Outcome
from .merge_paths import fill

if TYPE_CHECKING:
    from ..workflows.merge import MergeReport
    from .merge_dialog import MergeDialog

translate = QCoreApplication.translate

ERROR_STYLE = "color: #8a1c12; font-weight: bold;"
SUCCESS_STYLE = "color: #1d5e20; font-weight: bold;"


def decision_line(label: str, text: str) -> str:
    """``• label: text``, without saying the label twice when the text starts with it."""
    if text.casefold().startswith(label.casefold()):
        return f"• {text}"
    return f"• {label}: {text}"


def show_summary(window: MergeDialog) -> None:
    plan = window._plan
    if plan is None:
        window.summary_label.setText("")
        window.blocker_label.hide()
        return
    counts = {outcome: 0 for outcome in Outcome}
    for finding in plan.files:
        counts[finding.outcome] += 1
    summary = fill(
        translate("MergeDialog", "%1 files: %2 used, %3 refused, %4 duplicates or superseded."),
        len(plan.files),
        counts[Outcome.USED],
        counts[Outcome.REFUSED],
        counts[Outcome.DUPLICATE] + counts[Outcome.SUPERSEDED],
    )
    if plan.event is not None:
        event = fill(translate("MergeDialog", "Event: %1 (%2)."), plan.event.name, plan.event.code)
        summary = f"{event} {summary}"
    window.summary_label.setText(summary)

    sentences: list[str] = []
    refused = plan.refused
    if refused:
        sentences.append(
            fill(
                translate(
                    "MergeDialog",
                    "Refused files: %1 (marked in red; the reason is in the row). The "
                    "workbook is not written with refused files: remove them or replace "
                    "them with good copies, or press “Go on without the refused files” "
                    "and they are listed in the workbook as left out.",
                ),
                len(refused),
            )
        )
    language = current_language()
    sentences.extend(b.text(language) for b in plan.blockers(window.options(skip_invalid=True)))
    window.blocker_label.setText("\n".join(sentences))
    window.blocker_label.setVisible(bool(sentences))


def show_decisions(window: MergeDialog) -> None:
    plan = window._plan
    window.report_title.setText(translate("MergeDialog", "What the merge decides"))
    if plan is None:
        window.report_view.setPlainText("")
        return
    language = current_language()
    lines = [decision_line(d.kind.label(language), d.text(language)) for d in plan.decisions]
    lines.extend(f"• {notice.pick(language)}" for notice in plan.notices)
    if not lines:
        lines.append(
            translate("MergeDialog", "Nothing to decide: every scorecard is used as it is.")
        )
    window.report_view.setPlainText("\n".join(lines))


def written_ok(window: MergeDialog, report: MergeReport) -> None:
    window._report = report
    window.state.wrote(report.output)
    window.report_title.setText(translate("MergeDialog", "Report"))
    window.report_view.setPlainText("\n".join(report.lines))
    text = fill(translate("MergeDialog", "The workbook is written: %1"), report.output)
    left_out = len(report.plan.refused) if report.plan.options.skip_invalid else 0
    if left_out:
        text += " " + fill(
            translate(
                "MergeDialog", "Refused files left out: %1; they are listed in the workbook."
            ),
            left_out,
        )
    # The warning about refused files is answered now; the report says what was done.
    window.blocker_label.hide()
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([total // 3, total - total // 3])
    window._show_message(text, success=True)
    window.merged.emit(report)


def show_message(
    window: MergeDialog, text: str, error: bool = False, *, success: bool = False
) -> None:
    window.message_label.setText(text)
    window.message_label.setVisible(bool(text))
    if error:
        window.message_label.setStyleSheet(ERROR_STYLE)
    elif success:
        window.message_label.setStyleSheet(SUCCESS_STYLE)
    else:
        window.message_label.setStyleSheet("")
    window.message_label.setAccessibleDescription(text)
