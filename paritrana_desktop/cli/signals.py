"""The command line stops cleanly when it is asked to: SIGINT (Ctrl+C), SIGTERM (``kill``, a
shutdown) and SIGHUP (the terminal closed).

Python's default for SIGTERM and SIGHUP ends the process at once, so the hidden part file of a
merge, the copies of the panel files in the temporary folder and a half-written demo would stay
behind. While :func:`stopping_on_signals` is active each of the three raises
:class:`StopRequested` in the main thread instead: a ``BaseException`` that ``except Exception``
does not catch, so it travels through the same ``except BaseException``/``finally`` clean-ups a
Ctrl+C already used. The command then exits with 128 + the signal's number, as a shell expects.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType
from typing import Any


class StopRequested(KeyboardInterrupt):
    """A stop signal arrived; ``number`` is the signal. A ``KeyboardInterrupt``, so every place
    that already cleans up after Ctrl+C cleans up after it too."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number

    @property
    def exit_status(self) -> int:
        return 128 + self.number


def stop_signals() -> list[signal.Signals]:
    """The signals that mean "stop" on this system (SIGHUP does not exist on Windows)."""
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    return [getattr(signal, name) for name in names if hasattr(signal, name)]


def _raise_stop(number: int, _frame: FrameType | None) -> None:
    raise StopRequested(number)


@contextlib.contextmanager
def stopping_on_signals() -> Iterator[None]:
    """Within the block, a stop signal raises :class:`StopRequested`; a signal the process was
    started with ignored (``nohup``) stays ignored. The previous handlers come back after."""
    previous: dict[signal.Signals, Any] = {}
    for number in stop_signals():
        try:
            if signal.getsignal(number) is signal.SIG_IGN:
                continue
            previous[number] = signal.signal(number, _raise_stop)
        except ValueError:  # not the main thread: leave the signals as they are
            break
    try:
        yield
    finally:
        for number, handler in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(number, handler if handler is not None else signal.SIG_DFL)
