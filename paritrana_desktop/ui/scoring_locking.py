"""Locking a scorecard, unlocking it, declaring or withdrawing a conflict of interest: each
asks the judge first (a confirmation or a reason) and is saved as one change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ..domain.errors import ValidationError
from ..domain.scorecard import Action, Change, apply_change
from ..window_state.scoring_logic import fill
from .scoring_reason import ReasonDialog

if TYPE_CHECKING:
    from .scoring_dialog import ScoringDialog

translate = QCoreApplication.translate


def finalise(window: ScoringDialog) -> None:
    """Lock the scores once every criterion is rated and the judge confirms."""
    if window._card.is_final or window.panel.read_only or not window.save_now():
        return
    try:  # the rubric's own rule and sentence, checked before asking anything
        apply_change(window.panel.event, window._card, Change(Action.FINALISE), "")
    except ValidationError as error:
        window._show_problem(error, unsaved=False)  # every rating typed is saved: say so still
        missing = window._card.missing_criteria(window.category)
        for card in window.cards:
            if card.criterion.code in missing:
                card.rating.flag(translate("ScoringDialog", "Not rated yet"))
        window._focus_rating(
            next(i for i, c in enumerate(window.cards) if c.criterion.code in missing)
            if missing
            else 0
        )
        return
    if window._card.conflict:
        question = translate(
            "ScoringDialog",
            "Lock your scorecard for %1 with its conflict of interest? It stays out of every "
            "average; the declaration and your notes cannot be changed unless you unlock them "
            "and give a reason.",
        )
    else:
        question = translate(
            "ScoringDialog",
            "Lock the scores for %1? Once locked they cannot be changed unless you unlock "
            "them and give a reason.",
        )
    answer = QMessageBox.question(
        window,
        translate("ScoringDialog", "Lock scores"),
        fill(question, window.interview.participant),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    apply_state_change(window, Change(Action.FINALISE))
    window.close_button.setFocus()


def unlock(window: ScoringDialog) -> None:
    """Make a final scorecard a draft again; the reason goes into the audit log."""
    if not window._card.is_final or window.panel.read_only:
        return
    reason = ask_reason(
        window,
        translate("ScoringDialog", "Unlock"),
        fill(
            translate(
                "ScoringDialog",
                "Why are you unlocking the scores for %1? The reason is kept in the audit log.",
            ),
            window.interview.participant,
        ),
    )
    if reason is not None:
        apply_state_change(window, Change(Action.UNLOCK, reason=reason))
        window._focus_first_rating()


def declare_conflict(window: ScoringDialog) -> None:
    """Declare a conflict of interest: ratings off, left out of every average."""
    if window._card.is_final or window._card.conflict or window.panel.read_only:
        return
    if not window.save_now():
        return
    reason = ask_reason(
        window,
        translate("ScoringDialog", "Conflict of interest"),
        fill(
            translate(
                "ScoringDialog",
                "Why do you have a conflict of interest with %1? Your scorecard will be left "
                "out of every average. The reason is kept in the audit log.",
            ),
            window.interview.participant,
        ),
    )
    if reason is not None:
        apply_state_change(window, Change(Action.DECLARE_CONFLICT, reason=reason))


def withdraw_conflict(window: ScoringDialog) -> None:
    """Withdraw a declared conflict of interest, with a reason."""
    if window._card.is_final or not window._card.conflict or window.panel.read_only:
        return
    reason = ask_reason(
        window,
        translate("ScoringDialog", "Withdraw conflict of interest"),
        translate(
            "ScoringDialog",
            "Why are you withdrawing the conflict of interest? The reason is kept in the "
            "audit log.",
        ),
    )
    if reason is not None:
        apply_state_change(window, Change(Action.WITHDRAW_CONFLICT, reason=reason))


def toggle_conflict(window: ScoringDialog) -> None:
    if window._card.conflict:
        window.withdraw_conflict()
    else:
        window.declare_conflict()


def apply_state_change(window: ScoringDialog, change: Change) -> None:
    error = window._apply(change, record=False)
    if error is None:
        window.history.clear()  # undo stops at a lock, an unlock or a conflict
        window._show_card()
    elif isinstance(error, ValidationError):
        window._show_problem(error)


def ask_reason(window: ScoringDialog, title: str, question: str) -> str | None:
    """The reason typed (required), or None when the judge cancels."""
    return ReasonDialog.ask(window, title, question)
