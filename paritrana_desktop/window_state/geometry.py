"""Where a window may go: never larger than the screen's available area, never off it.

Plain numbers in logical pixels, so the rule is tested without a screen; ``ui.window_memory``
hands it the window's geometry, its frame (title bar and borders) and the screen's available
geometry (``QScreen.availableGeometry()``: the screen less its task bars).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """A rectangle: its top-left corner and its size."""

    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True)
class Frame:
    """The window manager's decoration around a window's contents, side by side."""

    left: int = 0
    top: int = 0
    right: int = 0
    bottom: int = 0


def fit_on_screen(window: Box, available: Box, frame: Frame = Frame()) -> Box:
    """``window`` (its contents) moved and shrunk just enough for its frame to lie inside
    ``available``; a window that fits already is returned unchanged."""
    width = max(1, min(window.width, available.width - frame.left - frame.right))
    height = max(1, min(window.height, available.height - frame.top - frame.bottom))
    x = _clamp(
        window.x,
        available.x + frame.left,
        available.x + available.width - frame.right - width,
    )
    y = _clamp(
        window.y,
        available.y + frame.top,
        available.y + available.height - frame.bottom - height,
    )
    return Box(x, y, width, height)


def largest_size(width: int, height: int, available: Box, frame: Frame = Frame()) -> Box:
    """``width`` x ``height``, shrunk to fit ``available`` with its frame (at the top left)."""
    return fit_on_screen(Box(available.x, available.y, width, height), available, frame)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high)) if high >= low else low
