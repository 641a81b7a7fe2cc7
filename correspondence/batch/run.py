"""The run of a print batch: the day's decisions printed in one file for the post room.

Crash-safe and repeatable: letters are rendered, merged into one print file and stored with
their dossiers in steps, but a decision becomes sent only in the one transaction that completes
the batch, and only if it is still ready then. A run that is killed half-way leaves its
decisions ready; the next run prints them again, and a decision is never sent twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from correspondence.batch.cover import counts_per_kind, cover_sheet
from correspondence.batch.lease import Renewal, clean_up_stale
from correspondence.batch.output import PrintOutput, check_output
from correspondence.batch.pool import RenderPool, open_pool, render_in_order
from correspondence.batch.queue import (
    BatchFilter,
    HeldBack,
    Queue,
    QueueEntry,
    build_queue,
    ready_ids,
    with_cases,
)
from correspondence.letters.reference_data import all_references
from correspondence.records.lookup import require
from correspondence.rules.kinds import KIND_OF_DECISION
from correspondence.workflows import print_batches
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.print_batches import BatchLetter, PrintFile, StartedBatch
from correspondence.workflows.unit_of_work import committing
from store.database import Database
from store.files import FileProblem
from store.models import Employee
from store.vocabulary import DecisionKind

Progress = Callable[[int, int], None]
Check = Callable[[], None]


def no_progress(done: int, total: int) -> None:
    pass


def no_check() -> None:
    pass


@dataclass(frozen=True)
class Printed:
    decision_id: int
    bsn: str
    kind: DecisionKind
    first_page: int
    pages: int
    sent_on: date
    objection_deadline: date


@dataclass(frozen=True)
class BatchResult:
    batch_id: int | None
    printed: list[Printed]
    held_back: list[HeldBack]
    pages: int
    sent_on: date


@dataclass
class BatchRun:
    """One run: what it prints, on whose behalf, where to, and its state as it goes."""

    database: Database
    username: str
    sent_on: date
    filters: BatchFilter
    output: Path
    # called after each letter; a caller cancels the run by raising from it
    progress: Progress = no_progress
    workers: int | None = None  # render processes; None: one per core for a large batch
    # called between the steps of the run and every CHECK_EVERY seconds while letters are
    # rendered, also before the first letter is done; a caller cancels by raising from it
    check: Check = no_check

    actor_id: int = field(init=False, default=0)
    queue: Queue = field(init=False, default_factory=lambda: Queue([], [], {}))
    pool: RenderPool[QueueEntry] | None = field(init=False, default=None)
    printed: list[Printed] = field(init=False, default_factory=list)
    # rendered and merged, not yet stored
    waiting: list[BatchLetter] = field(init=False, default_factory=list)
    # each printed decision's version as its text was rendered
    rendered: dict[int, int] = field(init=False, default_factory=dict)
    sent: bool = field(init=False, default=False)

    @contextmanager
    def writing(self) -> Iterator[tuple[Session, Employee]]:
        """One transaction, with the acting employee."""
        with committing(self.database) as session:
            yield session, require(session, Employee, self.actor_id)


def run_batch(run: BatchRun) -> BatchResult:
    """Print every ready decision matching the run's filters into its output, sent on its
    date of sending."""
    with run.database.session() as session:
        check_output(session, run.output)
        expected = len(ready_ids(session, run.filters))
        references = all_references(session)
    run.check()
    # render processes start now, so they set up while the queue is being built
    run.pool = open_pool(references, run.workers, expected)
    finished = False
    try:
        result = _run(run)
        finished = True
        return result
    finally:
        if run.pool is not None:
            # a cancelled or failed run does not wait for a render process to finish its
            # letter: they write nothing, so stopping them at once loses nothing
            run.pool.close(at_once=not finished)


def _run(run: BatchRun) -> BatchResult:
    with committing(run.database) as session:
        actor = acting_employee(session, run.username)
        run.actor_id = actor.id
        clean_up_stale(session, actor)
    run.check()
    with run.database.session() as session:
        run.queue = build_queue(session, run.filters, run.sent_on)
    run.check()
    if not run.queue.ready:
        return BatchResult(None, [], run.queue.held_back, 0, run.sent_on)
    with run.writing() as (session, actor):
        batch = print_batches.start_batch(
            session, actor, run.sent_on, run.filters.describe(), run.output
        )
    file = PrintOutput(run.output, batch.id)
    try:
        file.open()
        _print_letters(run, batch, file)
        cover = cover_sheet(
            batch.id,
            run.sent_on,
            counts_per_kind((p.kind, p.pages) for p in run.printed),
            len(run.queue.held_back),
            run.filters.describe(),
        )
        front, pages = file.finish(cover)
        print_file = PrintFile(len(run.printed), front, pages, file.sha256())
        with run.writing() as (session, actor):
            print_batches.complete_batch(session, actor, batch, print_file, run.rendered)
        run.sent = True
        file.publish()
    except (OSError, FileProblem) as exc:
        if not run.sent:
            _abandon(run, batch, file)
        raise file.failure(exc, run.sent) from exc
    except BaseException:
        if not run.sent:
            _abandon(run, batch, file)
        raise
    shifted = [replace(p, first_page=p.first_page + front) for p in run.printed]
    return BatchResult(batch.id, shifted, run.queue.held_back, pages, run.sent_on)


def _print_letters(run: BatchRun, batch: StartedBatch, file: PrintOutput) -> None:
    """Render, merge and store every letter; first pages are counted among the letters."""
    total = len(run.queue.ready)
    renewal = Renewal()
    cases = with_cases(run.database, run.queue.ready, run.sent_on, run.queue.references)
    jobs = ((entry, KIND_OF_DECISION[entry.kind].value, case) for entry, case in cases)
    rendered = render_in_order(jobs, run.pool, run.queue.references, run.check)
    for done, (entry, (pdf, versions, data)) in enumerate(rendered, start=1):
        first, pages = file.add_letter(pdf)
        kind = KIND_OF_DECISION[entry.kind].value
        run.waiting.append(
            BatchLetter(entry.case_id, entry.decision_id, kind, pdf, versions, data, first, pages)
        )
        run.printed.append(_printed(entry, batch, first, pages))
        run.rendered[entry.decision_id] = entry.version
        if renewal.due(done, total):
            _store(run, batch)
            renewal.renewed()
        run.progress(done, total)
    if run.waiting:  # a decision left out since the queue was built leaves the end unstored
        _store(run, batch)


def _printed(entry: QueueEntry, batch: StartedBatch, first: int, pages: int) -> Printed:
    deadline = batch.objection_deadline
    return Printed(entry.decision_id, entry.bsn, entry.kind, first, pages, batch.sent_on, deadline)


def _store(run: BatchRun, batch: StartedBatch) -> None:
    with run.writing() as (session, actor):
        print_batches.store_letters(session, actor, batch, run.waiting)
    run.waiting.clear()


def _abandon(run: BatchRun, batch: StartedBatch, file: PrintOutput) -> None:
    file.discard()
    with committing(run.database) as session:
        print_batches.abandon_batch(session, batch.id)
