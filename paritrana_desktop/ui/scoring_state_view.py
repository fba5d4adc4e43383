"""What the scoring window shows of the card's state: the banner (read-only, final, conflict of
interest), the state badge (``CardState``, mapped to a colour and a label), which of lock,
unlock and conflict are on, the keys hint, undo and redo, and the weighted total."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit

from ..domain.scoring import weighted_total
from ..window_state.messages import in_parentheses
from ..window_state.scoring_logic import fill
from .card_state_view import BADGE_COLOURS, state_label
from .scoring_widgets import format_rating

if TYPE_CHECKING:
    from .scoring_dialog import ScoringDialog

translate = QCoreApplication.translate

BANNER_FINAL = (
    "QLabel { background: #e3f1e6; color: #1d5a2c; border: 1px solid #7fb58d;"
    " border-radius: 4px; padding: 6px; }"
)
BANNER_CONFLICT = (
    "QLabel { background: #fdecea; color: #8c1d18; border: 1px solid #e6a39e;"
    " border-radius: 4px; padding: 6px; }"
)
BANNER_READ_ONLY = (
    "QLabel { background: #eef0f3; color: #333; border: 1px solid #b8bec7;"
    " border-radius: 4px; padding: 6px; }"
)
BADGE_STYLE = (
    "QLabel {{ background: {bg}; color: white; font-weight: bold; padding: 2px 8px;"
    " border-radius: 3px; }}"
)


def show_state(window: ScoringDialog) -> None:
    card = window._card
    read_only = window.panel.read_only
    final = card.is_final
    editable = not final and not read_only
    for widget in window.cards:
        widget.rating.setEnabled(editable and not card.conflict)
        widget.note.setReadOnly(not editable)
    for field in window._notes:
        if isinstance(field.widget, QPlainTextEdit):
            field.widget.setReadOnly(not editable)
    show_banner(window)
    show_badge(window)
    show_state_buttons(window)
    show_keys_hint(window)
    window._show_undo_state()


def show_banner(window: ScoringDialog) -> None:
    """Read-only, final or a conflict of interest: said above the criteria."""
    card = window._card
    read_only = window.panel.read_only
    final = card.is_final
    if read_only:
        window.banner.setText(
            translate("ScoringDialog", "This file is open read-only: nothing can be changed.")
        )
        window.banner.setStyleSheet(BANNER_READ_ONLY)
    elif final:
        when = window._local_time_text(card.finalised_at, with_date=True)
        today = when == window._local_time_text(card.finalised_at, with_date=False)
        text = (
            translate(
                "ScoringDialog",
                "FINAL: the scores were locked at %1. To change them, unlock them first.",
            )
            if today  # only the time: "at 19:22"; another day: "on 30/11/2026 19:22"
            else translate(
                "ScoringDialog",
                "FINAL: the scores were locked on %1. To change them, unlock them first.",
            )
        )
        window.banner.setText(fill(text, when))
        window.banner.setStyleSheet(BANNER_FINAL)
    elif card.conflict:
        text = translate(
            "ScoringDialog",
            "Conflict of interest declared (%1). Ratings are off and this scorecard is left "
            "out of every average.",
        )
        window.banner.setText(fill(text, in_parentheses(card.conflict_reason)))
        window.banner.setStyleSheet(BANNER_CONFLICT)
    window.banner.setVisible(read_only or final or card.conflict)
    if final and card.conflict:
        window.banner.setText(
            window.banner.text()
            + " "
            + translate(
                "ScoringDialog",
                "This scorecard is left out of every average (conflict of interest).",
            )
        )


def show_badge(window: ScoringDialog) -> None:
    card = window._card
    badge = state_label(card.state)
    window.status_badge.setText(badge)
    window.status_badge.setStyleSheet(BADGE_STYLE.format(bg=BADGE_COLOURS[card.state]))
    window.status_badge.setAccessibleName(fill(translate("ScoringDialog", "Status: %1"), badge))


def show_state_buttons(window: ScoringDialog) -> None:
    """Lock or unlock, declare or withdraw a conflict: which is shown, which is on."""
    card = window._card
    read_only = window.panel.read_only
    final = card.is_final
    editable = not final and not read_only
    # The rubric lets a conflict of interest be locked too (apply_change): the declaration
    # and the notes become final, there are no ratings to check.
    window.lock_button.setVisible(not final)
    window.lock_button.setEnabled(editable)
    window.lock_button.setToolTip(
        translate(
            "ScoringDialog",
            "Lock this scorecard as it is: the conflict of interest and your notes become "
            "final; there are no ratings to check (Ctrl+L)",
        )
        if card.conflict
        else translate(
            "ScoringDialog",
            "Lock the scores: check every criterion is rated, then make them final (Ctrl+L)",
        )
    )
    window.lock_action.setEnabled(editable)
    window.unlock_button.setVisible(final)
    window.unlock_button.setEnabled(final and not read_only)
    window.unlock_action.setEnabled(final and not read_only)
    if card.conflict:
        window.conflict_button.setText(translate("ScoringDialog", "&Withdraw conflict…"))
        window.conflict_button.setToolTip(
            translate(
                "ScoringDialog",
                "Withdraw the declared conflict of interest; a reason is required (Ctrl+Shift+K)",
            )
        )
    else:
        window.conflict_button.setText(translate("ScoringDialog", "Conflict of &interest…"))
        window.conflict_button.setToolTip(
            translate(
                "ScoringDialog",
                "Declare a conflict of interest with this participant; a reason is "
                "required (Ctrl+Shift+K)",
            )
        )
    window.conflict_button.setEnabled(editable)
    window.conflict_action.setEnabled(editable)


def show_keys_hint(window: ScoringDialog) -> None:
    """What the keys do on the criteria, or why they do nothing there now."""
    card = window._card
    if window.panel.read_only:
        hint = ""  # the banner says it
    elif card.is_final:
        hint = translate(
            "ScoringDialog", "Locked: the ratings can be read, not changed · Ctrl+Shift+L: unlock"
        )
    elif card.conflict:
        hint = translate(
            "ScoringDialog", "Ratings are off (conflict of interest); notes can still be written"
        )
    else:
        hint = translate("ScoringDialog", "Type a rating or click a level · Enter: next criterion")
    window.keys_hint.setText(hint)
    window.keys_hint.setVisible(bool(hint))


def show_undo_state(window: ScoringDialog) -> None:
    editable = not window._card.is_final and not window.panel.read_only
    window.undo_button.setEnabled(editable and window.history.can_undo)
    window.redo_button.setEnabled(editable and window.history.can_redo)


def show_total(window: ScoringDialog) -> None:
    card = window._card
    scale = window.category.scale
    rated = sum(1 for c in window.category.criteria if c.code in card.ratings)
    count = len(window.category.criteria)
    maximum = format_rating(scale.maximum, scale, window._locale)
    total = None if card.conflict else weighted_total(window.category, card)
    if total is None:
        window.total_label.setFont(window._words_font)
        window.total_label.setText(
            translate("ScoringDialog", "Not counted (conflict of interest)")
            if card.conflict
            else fill(translate("ScoringDialog", "No rating yet (maximum %1)"), maximum)
        )
        window.total_detail.setText("")
    else:
        value = window._locale.toString(total.value, "f", 2)
        percent = window._locale.toString(total.percent, "f", 1)
        window.total_label.setFont(window._number_font)
        window.total_label.setText(value)
        window.total_detail.setText(
            fill(translate("ScoringDialog", "of %1 (%2%)"), maximum, percent)
        )
    window.total_detail.setVisible(total is not None)
    if rated == count:
        window.completeness.setText(
            fill(translate("ScoringDialog", "All %1 criteria rated"), count)
        )
    else:
        window.completeness.setText(
            fill(translate("ScoringDialog", "%1 of %2 criteria rated"), rated, count)
        )
    window.completeness.setVisible(not card.conflict)  # ratings are off: nothing to count
    window.total_label.setAccessibleName(
        fill(
            translate("ScoringDialog", "Weighted total: %1 %2"),
            window.total_label.text(),
            window.total_detail.text(),
        ).strip()
    )
