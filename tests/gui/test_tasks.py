"""The background-task runner: outcomes on the main thread, progress, cancel, synchronous mode."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.text import Text
from paritrana_desktop.ui import tasks
from paritrana_desktop.ui.tasks import Task, TaskContext

MODES = ["threaded", "synchronous"]


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    tasks.set_synchronous(request.param == "synchronous")
    try:
        yield str(request.param)
    finally:
        tasks.set_synchronous(False)
        assert tasks.wait_for_tasks(5_000)


class Recorder:
    """Every signal of a task in order, with the thread each one arrived on."""

    def __init__(self, task: Task) -> None:
        self.events: list[tuple[str, object]] = []
        self.threads: set[bool] = set()
        for name in ("started", "slow", "cancelled", "finished"):
            getattr(task, name).connect(lambda name=name: self._add(name, None))
        task.succeeded.connect(lambda value: self._add("succeeded", value))
        task.failed.connect(lambda error: self._add("failed", error))
        task.progressed.connect(lambda d, t, label: self._add("progressed", (d, t, label)))

    def _add(self, name: str, value: object) -> None:
        app = QApplication.instance()
        assert app is not None
        self.threads.add(QThread.currentThread() is app.thread())
        self.events.append((name, value))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def values(self, name: str) -> list[object]:
        return [value for n, value in self.events if n == name]


def run_to_end(qtbot: QtBot, task: Task) -> None:
    with qtbot.waitSignal(task.finished, timeout=5_000):
        task.start()


def test_success_delivers_the_result_on_the_main_thread(qtbot: QtBot, mode: str) -> None:
    worker_threads: list[bool] = []

    def work(ctx: TaskContext) -> int:
        app = QApplication.instance()
        assert app is not None
        worker_threads.append(QThread.currentThread() is app.thread())
        return 6 * 7

    task = Task(work)
    seen = Recorder(task)
    run_to_end(qtbot, task)

    assert seen.names() == ["started", "succeeded", "finished"]
    assert seen.values("succeeded") == [42]
    assert seen.threads == {True}
    # The work itself ran off the UI thread unless the tests asked for the synchronous mode.
    assert worker_threads == [mode == "synchronous"]
    assert not task.is_running()
    assert tasks.running_tasks() == 0


def test_user_error_arrives_as_failed_not_as_a_crash(qtbot: QtBot, mode: str) -> None:
    def work(ctx: TaskContext) -> None:
        raise UserError(Text("Berkas rusak.", "The file is damaged."))

    task = Task(work)
    seen = Recorder(task)
    run_to_end(qtbot, task)

    assert seen.names() == ["started", "failed", "finished"]
    (error,) = seen.values("failed")
    assert isinstance(error, UserError)
    assert error.text("en") == "The file is damaged."
    assert error.text("id") == "Berkas rusak."


def test_progress_is_marshalled_to_the_main_thread(qtbot: QtBot, mode: str) -> None:
    def work(ctx: TaskContext) -> str:
        for n in range(1, 6):
            ctx.progress(n, 5, f"berkas {n}")
        return "ok"

    task = Task(work)
    seen = Recorder(task)
    run_to_end(qtbot, task)

    steps = seen.values("progressed")
    assert steps, "no progress arrived"
    # Steps may be coalesced when the main thread is busy, but never reordered or lost at the
    # end: the last one always arrives, before the outcome.
    assert steps[-1] == (5, 5, "berkas 5")
    assert [s[0] for s in steps] == sorted(s[0] for s in steps)  # type: ignore[index]
    assert seen.names().index("succeeded") > seen.names().index("progressed")
    assert task.last_progress == (5, 5, "berkas 5")
    assert seen.threads == {True}
    if mode == "synchronous":
        assert len(steps) == 5


def test_cancel_stops_the_work_and_reports_cancelled(qtbot: QtBot, mode: str) -> None:
    checks: list[int] = []

    def work(ctx: TaskContext) -> str:
        for n in range(10_000):
            if ctx.cancelled():
                raise UserError(Text("Dibatalkan.", "Cancelled."))
            checks.append(n)
            ctx.progress(n, 10_000, "")
            if mode == "threaded":
                threading.Event().wait(0.002)
        return "finished anyway"

    task = Task(work)
    seen = Recorder(task)
    # Cancel from the main thread as soon as the first progress arrives there.
    task.progressed.connect(lambda *_: task.cancel())
    run_to_end(qtbot, task)

    assert seen.names()[-2:] == ["cancelled", "finished"]
    assert "succeeded" not in seen.names()
    assert "failed" not in seen.names()
    assert len(checks) < 10_000
    assert task.is_cancel_requested()


def test_work_that_finishes_despite_cancel_still_reports_success(qtbot: QtBot, mode: str) -> None:
    def work(ctx: TaskContext) -> str:
        ctx.progress(1, 1, "")
        return "written"

    task = Task(work)
    seen = Recorder(task)
    task.progressed.connect(lambda *_: task.cancel())
    run_to_end(qtbot, task)
    assert seen.values("succeeded") == ["written"]


def test_a_bug_is_raised_again_on_the_main_thread(qtbot: QtBot, mode: str) -> None:
    def work(ctx: TaskContext) -> None:
        raise ZeroDivisionError("a bug, not the user's fault")

    task = Task(work)
    seen = Recorder(task)
    with qtbot.captureExceptions() as exceptions:
        run_to_end(qtbot, task)
        qtbot.waitUntil(lambda: bool(exceptions), timeout=2_000)

    assert seen.names() == ["started", "finished"]
    assert len(exceptions) == 1
    assert exceptions[0][0] is ZeroDivisionError


def test_slow_is_signalled_only_for_slow_work(qtbot: QtBot) -> None:
    release = threading.Event()

    def slow_work(ctx: TaskContext) -> str:
        assert release.wait(5)
        return "done"

    slow = Task(slow_work, show_after_ms=50)
    seen = Recorder(slow)
    with qtbot.waitSignal(slow.slow, timeout=3_000):
        slow.start()
    assert slow.is_running()
    with qtbot.waitSignal(slow.finished, timeout=5_000):
        release.set()
    assert seen.names() == ["started", "slow", "succeeded", "finished"]

    quick = Task(lambda ctx: "quick", show_after_ms=2_000)
    seen_quick = Recorder(quick)
    run_to_end(qtbot, quick)
    qtbot.wait(50)
    assert "slow" not in seen_quick.names()
    assert tasks.wait_for_tasks(5_000)


def test_synchronous_mode_finishes_before_start_returns(qapp: QApplication) -> None:
    with tasks.synchronous_tasks():
        assert tasks.is_synchronous()
        task = Task(lambda ctx: "now")
        seen = Recorder(task)
        task.start()
        assert seen.names() == ["started", "succeeded", "finished"]
    assert not tasks.is_synchronous()


def test_a_task_starts_only_once(qapp: QApplication) -> None:
    task = Task(lambda ctx: None, synchronous=True)
    task.start()
    with pytest.raises(RuntimeError):
        task.start()


def test_a_long_session_of_qt_calls_does_not_abort_the_interpreter(qapp: QApplication) -> None:
    """PySide6 6.12 on Python 3.11 loses a reference to None per void call and to True per
    emit(); paritrana_desktop.ui makes them immortal first (ui/pyside_refcounts.py). Without
    that, this test kills the interpreter ("Fatal Python error: none_dealloc")."""
    from PySide6.QtWidgets import QLabel

    from paritrana_desktop.ui import pyside_refcounts

    label = QLabel()
    task = Task(lambda ctx: None, synchronous=True)
    # More calls than there are references to None in a test run without the protection.
    calls = 150_000
    for n in range(calls):
        label.setText("x" if n % 2 else "y")  # returns None
        task.progressed.emit(n, calls, "")  # returns True
    assert label.text() in ("x", "y")
    if pyside_refcounts.leaks():
        assert pyside_refcounts.is_protected()
