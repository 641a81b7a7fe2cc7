"""What a window asks of the database, carried out off the UI thread.

A window asks for a read (`ops.read(parent, query, on_done=...)`) or a write on behalf of the
employee (`ops.write(parent, title, change, client=..., on_done=...)`); the session, the
transaction and who acts are correspondence's business. A failure is told in Dutch: fields the
rules refuse go back to whoever asked (a form keeps what was typed), anything else is a message
box titled `title` unless the window tells it its own way. After a write, `dossier_changed`
names the client whose dossier changed, and every view that shows it reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from correspondence import logbook
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.workflows import unit_of_work
from ui.workers import Cancelled, Job, Progress, Runner, run_job

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Read
    from ui.context import AppContext

T = TypeVar("T")
Done = Callable[[T], None]
Refused = Callable[[dict[str, str]], None]
Failed = Callable[[str], None]
# the client whose dossier a write changed: known beforehand, or found in what the write returns
ChangedClient = int | Callable[[Any], int | None] | None

log = logbook.logger(__name__)


def failure_message(exc: BaseException) -> str:
    """One Dutch line for the employee; a database error never shows its statement or values."""
    if isinstance(exc, Cancelled):
        return "Afgebroken; er is niets opgeslagen."
    if isinstance(exc, ValidationFailed | WorkflowError):
        logbook.refused(log, exc)
        return "; ".join(exc.errors.values()) if isinstance(exc, ValidationFailed) else str(exc)
    if unit_of_work.is_database_error(exc):
        logbook.refused(log, exc)
        return unit_of_work.database_error_message(exc)
    # not foreseen: the log keeps where it happened, without the message
    log.error("unexpected error", exc_info=exc)
    return str(exc) or exc.__class__.__name__


def run_in_background[T](
    runner: Runner,
    work: Callable[[Progress], T],
    on_done: Done[T],
    on_failed: Failed,
    on_progress: Progress | None = None,
) -> Job:
    """Work that needs no database session of the window's (opening the database itself)."""
    return run_job(runner, work, on_done, lambda exc: on_failed(failure_message(exc)), on_progress)


class Operations:
    def __init__(self, context: AppContext) -> None:
        self.context = context

    def read(
        self,
        parent: QWidget,
        query: Read[T],
        *,
        on_done: Done[T],
        on_refused: Refused | None = None,
        on_failed: Failed | None = None,
        title: str = "Poortpost",
    ) -> Job:
        """`query(session)`; its result must be plain values (read models), never rows."""
        database = self.context.database
        return self.task(
            parent,
            title,
            lambda _progress: unit_of_work.read(database, query),
            on_done=on_done,
            on_refused=on_refused,
            on_failed=on_failed,
        )

    def write(
        self,
        parent: QWidget,
        title: str,
        change: Callable[..., T],
        *,
        client: ChangedClient = None,
        on_done: Done[T] | None = None,
        on_refused: Refused | None = None,
        on_failed: Failed | None = None,
        on_progress: Progress | None = None,
    ) -> Job:
        """`change(session, actor)` in one transaction, as the employee signed in; with
        `on_progress`, `change(session, actor, progress)`, and cancelling the job undoes it."""
        database, username = self.context.database, self.context.username

        def work(progress: Progress) -> T:
            if on_progress is None:
                return unit_of_work.write(database, username, change)
            return unit_of_work.write(database, username, lambda s, a: change(s, a, progress))

        def done(result: T) -> None:
            changed = client(result) if callable(client) else client
            if changed is not None:
                self.context.changes.dossier_changed.emit(changed)
            if on_done is not None:
                on_done(result)

        return self.task(
            parent,
            title,
            work,
            on_done=done,
            on_refused=on_refused,
            on_failed=on_failed,
            on_progress=on_progress,
        )

    def task(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[Progress], T],
        *,
        on_done: Done[T],
        on_refused: Refused | None = None,
        on_failed: Failed | None = None,
        on_progress: Progress | None = None,
    ) -> Job:
        """`work(progress)` that keeps its own units of work (a print run); cancelling the job
        stops it at the next progress report."""

        def failed(exc: Exception) -> None:
            if on_refused is not None and isinstance(exc, ValidationFailed):
                on_refused(exc.errors)
            elif on_failed is not None:
                on_failed(failure_message(exc))
            else:
                QMessageBox.critical(parent, title, failure_message(exc))

        return run_job(self.context.runner, work, on_done, failed, on_progress)
