"""The scoring dialog's rules that need no widget: reading a typed rating, undo, the stopwatch.

Nothing here imports Qt, so each rule is tested on its own; the widgets only call it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..domain.errors import ValidationError
from ..domain.event import Scale
from ..domain.scorecard import Action, Change, Scorecard
from ..domain.text import Text

# One optional sign, digits, and at most one decimal separator, which may be "," or ".":
# Indonesian keyboards and habits give "8,5", English ones "8.5"; both mean eight and a half.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")


def parse_rating(text: str) -> float | None:
    """The rating typed in ``text``: ``None`` for an empty field (clear the rating).

    Raises ``ValidationError`` when the text is not a number. Whether the number fits the
    scale is the rubric's business (``Scale.check``), not this function's.
    """
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if not _NUMBER.fullmatch(cleaned):
        raise ValidationError(
            Text(
                f"“{text.strip()}” bukan angka. Ketik nilai seperti 4 atau 8,5.",
                f"“{text.strip()}” is not a number. Type a rating such as 4 or 8.5.",
            ),
        )
    return float(cleaned.replace(",", "."))


def step_decimals(scale: Scale) -> int:
    """How many decimals the scale's step and minimum need: 1 → 0, 0.5 → 1, 0.25 → 2."""
    places = 0
    for number in (scale.step, scale.minimum):
        exponent = Decimal(repr(float(number))).normalize().as_tuple().exponent
        if isinstance(exponent, int):
            places = max(places, -exponent)
    return min(places, 6)


def rating_decimals(value: float, scale: Scale) -> int:
    """The fewest decimals (at most the scale's) that show ``value`` exactly: 8 → 0, 8.5 → 1."""
    for places in range(step_decimals(scale) + 1):
        if abs(round(value, places) - value) < 1e-9:
            return places
    return step_decimals(scale)


def single_keystroke(scale: Scale) -> bool:
    """True when every rating is one digit (1–5, 0–9): a key press is a whole rating."""
    return all(v == int(v) and 0 <= v <= 9 for v in scale.values())


def inverse_change(before: Scorecard, change: Change) -> Change | None:
    """The change that puts back what ``change`` altered in ``before``; None if not undoable.

    Only the judge's content (ratings and notes) is undone this way; locking, unlocking and
    conflicts of interest have their own, reasoned, way back.
    """
    if change.action is Action.RATE:
        code = change.criterion or ""
        return Change(Action.RATE, code, before.ratings.get(code))
    if change.action is Action.CRITERION_NOTE:
        code = change.criterion or ""
        return Change(Action.CRITERION_NOTE, code, before.criterion_notes.get(code, ""))
    if change.action is Action.GENERAL_NOTE:
        return Change(Action.GENERAL_NOTE, None, before.general_note)
    if change.action is Action.RECOMMENDATION:
        return Change(Action.RECOMMENDATION, None, before.recommendation)
    return None


@dataclass(frozen=True)
class Step:
    """One saved change and the change that takes it back."""

    forward: Change
    inverse: Change


class ChangeHistory:
    """Undo and redo as two stacks of saved changes.

    Undoing never deletes anything: the caller saves ``step.inverse`` as a new change, so the
    audit log stays append-only and says exactly what happened. The caller moves a step with
    :meth:`undone`/:meth:`redone` only once its change is saved, so a failed save leaves the
    history as it was.
    """

    def __init__(self) -> None:
        self._undo: list[Step] = []
        self._redo: list[Step] = []

    def record(self, forward: Change, inverse: Change) -> None:
        self._undo.append(Step(forward, inverse))
        self._redo.clear()

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def next_undo(self) -> Step | None:
        return self._undo[-1] if self._undo else None

    def next_redo(self) -> Step | None:
        return self._redo[-1] if self._redo else None

    def undone(self) -> None:
        self._redo.append(self._undo.pop())

    def redone(self) -> None:
        self._undo.append(self._redo.pop())

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)


class Stopwatch:
    """Elapsed time that can be started, paused and reset, read from an injectable clock."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self._banked = 0.0
        self._since: float | None = None

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def started(self) -> bool:
        return self.running or self._banked > 0

    def start(self) -> None:
        if self._since is None:
            self._since = self.clock()

    def pause(self) -> None:
        if self._since is not None:
            self._banked += max(0.0, self.clock() - self._since)
            self._since = None

    def reset(self) -> None:
        self._banked = 0.0
        self._since = None

    def elapsed(self) -> float:
        if self._since is None:
            return self._banked
        return self._banked + max(0.0, self.clock() - self._since)


def format_duration(seconds: float) -> str:
    """``mm:ss`` (or ``h:mm:ss`` from an hour on) of a duration, whole seconds rounded down."""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


_PLACE_MARKER = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """Put ``values`` into the ``%1``…``%9`` place markers of a translated ``template``.

    PySide's ``tr()`` returns a Python ``str``, which has no ``QString.arg``; the markers stay
    Qt's so that Qt Linguist checks each translation keeps them. One pass, so a value that
    itself contains ``%2`` is never filled in again.
    """

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACE_MARKER.sub(value, template)


# A note's length is shown once it reaches this share of the limit, so the limit never bites
# unannounced (the limit itself: domain.scorecard.MAX_NOTE_LENGTH).
NOTE_COUNTER_FROM = 0.9


def shows_note_counter(length: int, limit: int) -> bool:
    """True when a note of ``length`` characters is near (or over) ``limit``."""
    return length >= limit * NOTE_COUNTER_FROM
