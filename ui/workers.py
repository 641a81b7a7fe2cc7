"""Background work that never touches a widget from a worker thread.

A `Job` lives in the UI thread; its work runs on the global thread pool and reports back
through the job's own signals, which Qt delivers queued, in the UI thread.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from store.database import database_error_message, is_database_error

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    pass


class Job(QObject):
    succeeded = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)
    finished = Signal()

    _running: ClassVar[set[Job]] = set()  # keeps jobs alive until they report back

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        self.cancel_requested = False

    def start(self) -> Job:
        Job._running.add(self)
        QThreadPool.globalInstance().start(_Runner(self))
        return self

    def cancel(self) -> None:
        self.cancel_requested = True

    def _report(self, done: int, total: int) -> None:
        if self.cancel_requested:
            raise Cancelled
        self.progressed.emit(done, total)


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        job = self.job
        try:
            result = job._work(job._report)
        except Cancelled:
            job.failed.emit("Afgebroken; er is niets opgeslagen.")
        except Exception as exc:  # reported to the user; the worker thread must not die silently
            traceback.print_exc()
            if is_database_error(exc):  # one Dutch line, never the statement or its values
                job.failed.emit(database_error_message(exc))
            else:
                job.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            job.succeeded.emit(result)
        job.finished.emit()


def run_job(
    work: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[str], None],
    on_progress: Progress | None = None,
) -> Job:
    """Run `work(progress)` off the UI thread; the callbacks run in the UI thread."""
    job = Job(work)
    job.succeeded.connect(on_success)
    job.failed.connect(on_failure)
    if on_progress is not None:
        job.progressed.connect(on_progress)
    job.finished.connect(lambda: Job._running.discard(job))
    return job.start()
