"""Long work off the UI thread, its outcome delivered on the main thread.

A :class:`Task` runs one function in a thread pool. The function gets a :class:`TaskContext`
to report progress and to ask whether the user pressed Cancel; both are safe to call from the
worker thread. Everything the task tells the window (``progressed``, ``slow``, ``succeeded``,
``failed``, ``cancelled``, ``finished``) is emitted on the main thread, so slots may touch
widgets freely.

- A :class:`~paritrana_desktop.domain.errors.UserError` raised by the work arrives as
  ``failed(error)``: a sentence to show, not a crash.
- If the user asked to cancel and the work stopped with an exception (the lower layers raise
  their own "cancelled" error, a ``UserError``), ``cancelled()`` is emitted instead. Work that
  finished anyway reports ``succeeded``: what was done is done and is not hidden.
- Any other exception is a bug: ``finished`` is emitted so the window can recover, then the
  exception is raised again on the main thread, where the program's crash handler (or
  pytest-qt) sees it.
- ``slow()`` is emitted when the work is still running after ``show_after_ms``: the moment to
  show a progress bar. Quick work never flashes one.

Tests can switch every task to run at once in the calling thread (:func:`set_synchronous` or
:func:`synchronous_tasks`); the same signals are emitted in the same order, before
:meth:`Task.start` returns.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal, Slot

from ..domain.errors import Cancelled, UserError

DEFAULT_SHOW_AFTER_MS = 600

_synchronous = False
_pool: QThreadPool | None = None
# Tasks whose work is under way; kept here so that a task outlives the window that started it
# until its outcome has been delivered on the main thread.
_running: set[Task] = set()


def set_synchronous(enabled: bool) -> None:
    """Run every task started from now on in the calling thread (for tests)."""
    global _synchronous
    _synchronous = enabled


def is_synchronous() -> bool:
    return _synchronous


@contextlib.contextmanager
def synchronous_tasks() -> Iterator[None]:
    """Within the block, tasks run synchronously; the previous mode is restored after."""
    before = _synchronous
    set_synchronous(True)
    try:
        yield
    finally:
        set_synchronous(before)


def thread_pool() -> QThreadPool:
    """The program's own pool, so waiting for our tasks never waits for Qt's."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def running_tasks() -> int:
    """How many tasks have not delivered their outcome yet."""
    return len(_running)


def wait_for_tasks(timeout_ms: int = 10_000) -> bool:
    """Block until every worker has returned (their outcomes still need the event loop)."""
    return thread_pool().waitForDone(timeout_ms)


class TaskContext:
    """What the work function is given: progress reporting and the Cancel flag."""

    def __init__(self, task: Task) -> None:
        self._task = task

    def progress(self, done: int, total: int, label: str = "") -> None:
        """Report ``done`` of ``total`` steps; callable from any thread."""
        self._task._report_progress(done, total, label)

    def cancelled(self) -> bool:
        """True once the user has asked to stop."""
        return self._task.is_cancel_requested()


Work = Callable[[TaskContext], Any]


class Task(QObject):
    """One piece of background work. Connect the signals, then call :meth:`start`."""

    started = Signal()
    progressed = Signal(int, int, str)
    slow = Signal()
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    # Internal: emitted in the worker thread, received by this object in the main thread.
    _progress_ready = Signal()
    _work_done = Signal()

    def __init__(
        self,
        work: Work,
        *,
        show_after_ms: int = DEFAULT_SHOW_AFTER_MS,
        synchronous: bool | None = None,
    ) -> None:
        # No parent on purpose: a window may close while the work runs, and the task must live
        # until it has delivered its outcome.
        super().__init__(None)
        self._work = work
        self._show_after_ms = show_after_ms
        self._synchronous = synchronous
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[int, int, str] | None = None
        self._progress_pending = False
        self._outcome: tuple[Any, BaseException | None] = (None, None)
        self._state = "new"  # new -> running -> done
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        self._progress_ready.connect(self._deliver_progress)
        self._work_done.connect(self._deliver_outcome)
        self.last_progress: tuple[int, int, str] | None = None

    # --- the window's side ----------------------------------------------------------------
    def start(self) -> Task:
        if self._state != "new":
            raise RuntimeError("a Task can be started only once")
        self._state = "running"
        _running.add(self)
        self.started.emit()
        synchronous = _synchronous if self._synchronous is None else self._synchronous
        if synchronous:
            self._run()
        else:
            self._timer.start(max(0, self._show_after_ms))
            thread_pool().start(self._run)
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next check; harmless when it is not running."""
        self._cancel.set()

    def is_cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._state == "running"

    # --- the worker's side ----------------------------------------------------------------
    def _run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = self._work(TaskContext(self))
        except BaseException as exc:  # delivered on the main thread, bugs re-raised there
            error = exc
        with self._lock:
            self._outcome = (result, error)
        self._work_done.emit()

    def _report_progress(self, done: int, total: int, label: str) -> None:
        with self._lock:
            self._latest = (done, total, label)
            if self._progress_pending:
                return  # the main thread has not caught up: it will read the newest value
            self._progress_pending = True
        self._progress_ready.emit()

    # --- back on the main thread ------------------------------------------------------------
    @Slot()
    def _deliver_progress(self) -> None:
        with self._lock:
            latest = self._latest
            pending = self._progress_pending
            self._progress_pending = False
        if latest is None or not pending or self._state != "running":
            return
        self.last_progress = latest
        self.progressed.emit(*latest)

    @Slot()
    def _on_timer(self) -> None:
        if self._state == "running":
            self.slow.emit()

    @Slot()
    def _deliver_outcome(self) -> None:
        self._deliver_progress()
        self._timer.stop()
        self._state = "done"
        with self._lock:
            result, error = self._outcome
            self._outcome = (None, None)
        try:
            if error is None:
                self.succeeded.emit(result)
            elif isinstance(error, Cancelled) or (
                self.is_cancel_requested() and isinstance(error, UserError)
            ):
                self.cancelled.emit()
            elif isinstance(error, UserError):
                self.failed.emit(error)
            self.finished.emit()
        finally:
            _running.discard(self)
        if error is not None and not isinstance(error, UserError | Cancelled):
            raise error
