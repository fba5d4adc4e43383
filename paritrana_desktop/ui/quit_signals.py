"""Quit cleanly when the system asks: SIGTERM (a shutdown, a log-out, ``kill``), SIGINT
(Ctrl+C in a terminal), SIGHUP (the terminal closed) and, on Windows, SIGBREAK.

Python runs a signal handler only between two bytecodes of the main thread, and while Qt's
event loop waits inside C++ no bytecode runs: left alone, the program would not notice the
signal until the judge moved the mouse, and by then the system may have killed it. So:

- on POSIX the C-level handler Python installs also writes the signal number to a socket
  (``signal.set_wakeup_fd``); a QSocketNotifier on the other end wakes the event loop, and the
  Python handler then runs;
- where that cannot be used (Windows, where the notifier does not see that socket reliably), a
  timer lets Python run every ``POLL_MS``.

The handler only schedules :meth:`QuitOnSignals.quit_now` on the event loop. That calls
``close`` (the main window's close: it saves the note being typed and closes the panel file) and
then ends every event loop with status 0, even one a message box is waiting in.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Signal

log = logging.getLogger(__name__)

POLL_MS = 250


def quit_signals() -> list[signal.Signals]:
    """The signals that mean "please stop" on this system."""
    names = ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK")
    return [getattr(signal, name) for name in names if hasattr(signal, name)]


class QuitOnSignals(QObject):
    """While installed, a quit signal calls ``close`` once, then ``exit(0)``: by default
    ``QCoreApplication.exit``, which ends every running event loop (a test passes its own)."""

    received = Signal(int)

    def __init__(
        self,
        close: Callable[[], object],
        parent: QObject | None = None,
        *,
        exit: Callable[[int], object] = QCoreApplication.exit,
    ) -> None:
        super().__init__(parent)
        self._close = close
        self._exit = exit
        self._previous: dict[signal.Signals, Any] = {}
        self._previous_wakeup_fd: int | None = None
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self._timer: QTimer | None = None
        self.quitting = False

    def install(self) -> None:
        """Take over the quit signals (from the main thread)."""
        for number in quit_signals():
            if signal.getsignal(number) is signal.SIG_IGN:
                continue  # started with the signal ignored (nohup): keep it so
            self._previous[number] = signal.signal(number, self._handle)
        if not sys.platform.startswith("win"):
            reader, writer = socket.socketpair()
            reader.setblocking(False)
            writer.setblocking(False)
            try:
                self._previous_wakeup_fd = signal.set_wakeup_fd(
                    writer.fileno(), warn_on_full_buffer=False
                )
            except ValueError:  # not the main thread: fall back to the timer
                reader.close()
                writer.close()
            else:
                self._sockets = (reader, writer)
                notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
                notifier.activated.connect(self._drain)
                self._notifier = notifier
                return
        timer = QTimer(self)
        timer.setInterval(POLL_MS)
        timer.timeout.connect(lambda: None)  # a moment of Python: pending handlers run
        timer.start()
        self._timer = timer

    def uninstall(self) -> None:
        """Give the signals back to whoever had them before."""
        for number, previous in self._previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(number, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._sockets is not None:
            with contextlib.suppress(ValueError):
                signal.set_wakeup_fd(
                    self._previous_wakeup_fd if self._previous_wakeup_fd is not None else -1
                )
            for end in self._sockets:
                end.close()
            self._sockets = None
            self._previous_wakeup_fd = None
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None

    def _drain(self) -> None:
        """The socket woke the event loop; the Python handler has run by now. Empty it."""
        if self._sockets is None:
            return
        with contextlib.suppress(OSError):
            while self._sockets[0].recv(64):
                pass

    def _handle(self, number: int, _frame: FrameType | None) -> None:
        # Runs in the main thread between two bytecodes, perhaps in the middle of a slot: do
        # nothing here but ask the event loop to quit when it is next free.
        QTimer.singleShot(0, self, lambda: self.quit_now(number))

    def quit_now(self, number: int) -> None:
        """Close (once), then end every event loop with status 0."""
        if self.quitting:
            return
        self.quitting = True
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = str(number)
        log.info("received %s: closing", name)
        self.received.emit(number)
        try:
            self._close()
        finally:
            self._exit(0)
