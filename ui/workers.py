"""Background work that never touches a widget from a worker thread.

A `Job` lives in the UI thread; its work runs on a runner (the global thread pool) and reports
back through the job's own signals, which Qt delivers queued, in the UI thread. A runner is
anything that can `start` a QRunnable: a test gives one that runs it at once, in its own thread,
so that every report has arrived when `run_job` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int], None]


class Runner(Protocol):
    def start(self, runnable: QRunnable) -> None: ...


def thread_pool() -> Runner:
    return QThreadPool.globalInstance()


class Cancelled(Exception):
    pass


class Job(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception, to be told in Dutch by whoever started the job
    progressed = Signal(int, int)
    finished = Signal()

    _running: ClassVar[set[Job]] = set()  # keeps jobs alive until they report back

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        self.cancel_requested = False

    def start(self, runner: Runner) -> Job:
        Job._running.add(self)
        runner.start(_Runnable(self))
        return self

    def cancel(self) -> None:
        self.cancel_requested = True

    def _report(self, done: int, total: int) -> None:
        if self.cancel_requested:
            raise Cancelled
        self.progressed.emit(done, total)


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        job = self.job
        try:
            result = job._work(job._report)
        except Exception as exc:  # reported to the user; the worker thread must not die silently
            job.failed.emit(exc)
        else:
            job.succeeded.emit(result)
        job.finished.emit()


def run_job(
    runner: Runner,
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
    on_progress: Progress | None = None,
) -> Job:
    """Run `work(progress)` on `runner`; the callbacks run in the UI thread."""
    job = Job(work)
    job.succeeded.connect(on_success)
    job.failed.connect(on_failure)
    if on_progress is not None:
        job.progressed.connect(on_progress)
    job.finished.connect(lambda: Job._running.discard(job))
    return job.start(runner)
