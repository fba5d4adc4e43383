"""The interview timer: the time left in the slot, and a clear mark once it runs over.

It only ever changes its own label: its buttons take no keyboard focus and its ticks never
move the cursor, so the judge can type notes while it runs.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ..window_state.scoring_logic import Stopwatch, fill, format_duration


class InterviewTimer(QWidget):
    """Start, pause and reset a countdown from the slot's length (``minutes``)."""

    overtimeChanged = Signal(bool)

    TICK_MS = 250

    def __init__(
        self,
        minutes: int,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.limit_seconds = max(0, minutes) * 60
        self.stopwatch = Stopwatch(clock)
        self._overtime = False

        self.display = QLabel(self)
        self.display.setObjectName("timerDisplay")
        self.display.setTextFormat(Qt.TextFormat.PlainText)
        self.display.setAccessibleName(self.tr("Time left in the interview"))

        self.start_button = QToolButton(self)
        self.start_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.start_button.clicked.connect(self.toggle)

        self.reset_button = QToolButton(self)
        self.reset_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reset_button.setText(self.tr("Rese&t"))
        self.reset_button.setToolTip(self.tr("Reset the timer (Ctrl+Shift+T)"))
        self.reset_button.setAccessibleName(self.tr("Reset the timer"))
        self.reset_button.clicked.connect(self.reset)

        # Shortcuts that work wherever the focus is in the window, without moving it.
        toggle_key = QShortcut(QKeySequence("Ctrl+T"), self)
        toggle_key.setContext(Qt.ShortcutContext.WindowShortcut)
        toggle_key.activated.connect(self.toggle)
        reset_key = QShortcut(QKeySequence("Ctrl+Shift+T"), self)
        reset_key.setContext(Qt.ShortcutContext.WindowShortcut)
        reset_key.activated.connect(self.reset)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display, 1)
        layout.addWidget(self.start_button)
        layout.addWidget(self.reset_button)

        self._ticker = QTimer(self)
        self._ticker.setInterval(self.TICK_MS)
        self._ticker.timeout.connect(self.refresh)
        self.refresh()

    # --- actions -------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.stopwatch.running:
            self.stopwatch.pause()
            self._ticker.stop()
        else:
            self.stopwatch.start()
            self._ticker.start()
        self.refresh()

    def reset(self) -> None:
        self.stopwatch.reset()
        self._ticker.stop()
        self.refresh()

    def stop(self) -> None:
        """Stop ticking (the dialog is closing); the time so far is kept."""
        self.stopwatch.pause()
        self._ticker.stop()

    def set_clock(self, clock: Callable[[], float]) -> None:
        """Read time from ``clock`` from now on (tests use a fake one)."""
        self.stopwatch = Stopwatch(clock)
        self.refresh()

    # --- reading -------------------------------------------------------------------------
    def remaining(self) -> float:
        """Seconds left in the slot; negative once the interview runs over."""
        return self.limit_seconds - self.stopwatch.elapsed()

    @property
    def overtime(self) -> bool:
        return self.limit_seconds > 0 and self.remaining() < 0

    def refresh(self) -> None:
        if self.stopwatch.running:
            self.start_button.setText(self.tr("&Pause"))
            self.start_button.setToolTip(self.tr("Pause the timer (Ctrl+T)"))
        else:
            self.start_button.setText(
                self.tr("&Start timer") if not self.stopwatch.started else self.tr("Re&sume")
            )
            self.start_button.setToolTip(self.tr("Start the timer (Ctrl+T)"))
        self.start_button.setAccessibleName(self.start_button.toolTip())

        if self.limit_seconds <= 0:
            text = fill(self.tr("Elapsed %1"), format_duration(self.stopwatch.elapsed()))
        elif self.overtime:
            over = format_duration(math.floor(-self.remaining()))
            text = fill(self.tr("Over time +%1"), over)
        else:
            left = format_duration(math.ceil(self.remaining()))
            total = format_duration(self.limit_seconds)
            text = fill(self.tr("%1 left of %2"), left, total)
        if self.display.text() != text:
            self.display.setText(text)

        overtime = self.overtime
        if overtime != self._overtime:
            self._overtime = overtime
            self.display.setStyleSheet(
                "QLabel { color: white; background: #b3261e; padding: 1px 6px;"
                " border-radius: 3px; font-weight: bold; }"
                if overtime
                else ""
            )
            self.overtimeChanged.emit(overtime)
