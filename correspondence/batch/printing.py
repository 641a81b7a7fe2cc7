"""Printing the day's decisions in one batch for the post room.

Crash-safe and repeatable: letters are rendered, merged into one print file and stored with
their dossiers in steps, but a decision becomes sent only in the one transaction that completes
the batch, and only if it is still ready then. A run that is killed half-way leaves its
decisions ready; the next run prints them again, and a decision is never sent twice.
"""

from __future__ import annotations

import glob
import hashlib
import os
import secrets
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.batch.cover import KindCount, cover_sheet
from correspondence.batch.merge import StreamingMerger
from correspondence.batch.pool import Rendered, RenderPool
from correspondence.batch.queue import (
    BatchFilter,
    HeldBack,
    Queue,
    QueueEntry,
    build_queue,
    ready_ids,
    with_cases,
)
from correspondence.batch.render import render, start_worker
from correspondence.letters.reference_data import all_references
from correspondence.rules.case_data import CaseData
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.rules.formatting import short_date
from correspondence.rules.kinds import KIND_OF_DECISION, LABELS
from correspondence.workflows import audit, print_batches
from correspondence.workflows.actors import acting_employee
from store.database import Database, data_folder
from store.files import FileProblem, check_target, private_folder, reason
from store.models import (
    Employee,
    PrintBatch,
)
from store.vocabulary import BatchStatus, DecisionKind

COMMIT_EVERY = 100
IN_PROCESS_BELOW = 40  # small batches are rendered in this process: starting workers costs more
RENEW_EVERY = 30.0  # seconds: often enough to keep the lease of a batch that renders slowly

# Called after each letter; a caller cancels the run by raising from it.
Progress = Callable[[int, int], None]


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


def _rendered(
    pairs: Iterator[tuple[QueueEntry, CaseData]], pool: RenderPool[QueueEntry] | None
) -> Iterator[tuple[QueueEntry, Rendered]]:
    """Each entry with its rendered letter, in order."""
    jobs = ((entry, KIND_OF_DECISION[entry.kind].value, case) for entry, case in pairs)
    if pool is not None:
        yield from pool.render_all(jobs)
        return
    for entry, kind, case in jobs:
        yield entry, render(kind, case)


# --- the run ------------------------------------------------------------------------------------


def clean_up_stale(session: Session, actor: Employee) -> None:
    """Batches that stopped without finishing are abandoned; their partial files go too."""
    for batch_id, output in print_batches.abandon_stale(session, actor):
        if output:
            out = Path(output)
            # also the fixed name used before partial files got a random part
            stem = f".{glob.escape(out.name)}.{batch_id}"
            for pattern in (f"{stem}.partial", f"{stem}.*.partial"):
                for partial in out.parent.glob(pattern):
                    partial.unlink(missing_ok=True)


def _partial(out: Path, batch_id: int) -> Path:
    """A new name beside `out` that nobody can have planted a link under in advance."""
    return out.with_name(f".{out.name}.{batch_id}.{secrets.token_hex(8)}.partial")


def check_output(session: Session, out: Path) -> None:
    """Refuse a print file that cannot be written, before anything is rendered: one that is not
    a regular file, in a folder that is missing or closed, or the print file of an earlier
    batch."""
    try:
        check_target(out)
    except FileProblem as exc:
        raise ValidationFailed({"out": str(exc)}) from None
    if not out.exists():
        return
    earlier = session.scalars(
        select(PrintBatch)
        .where(
            PrintBatch.status == BatchStatus.COMPLETED,
            PrintBatch.output.in_({str(out), str(out.absolute()), str(out.resolve())}),
        )
        .order_by(PrintBatch.id.desc())
    ).first()
    if earlier is not None:
        raise ValidationFailed(
            {
                "out": f"{out} is het printbestand van verzendbatch {earlier.id} "
                f"(verzonden {short_date(earlier.sent_on)}); kies een andere bestandsnaam"
            }
        )


def run_batch(
    database: Database,
    username: str,
    sent_on: date,
    filters: BatchFilter,
    out: Path,
    progress: Progress = lambda done, total: None,
    workers: int | None = None,
) -> BatchResult:
    """Print every ready decision matching `filters` into `out`, sent on `sent_on`."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    with database.session() as session:
        check_output(session, out)
        expected = len(ready_ids(session, filters))
        references = all_references(session)
    # render processes start now, so they set up while the queue is being built
    pool: RenderPool[QueueEntry] | None = None
    if workers > 1 and expected >= IN_PROCESS_BELOW:
        pool = RenderPool(references, workers)
    try:
        return _run(database, username, sent_on, filters, out, progress, pool)
    finally:
        if pool is not None:
            pool.close()


def _run(
    database: Database,
    username: str,
    sent_on: date,
    filters: BatchFilter,
    out: Path,
    progress: Progress,
    pool: RenderPool[QueueEntry] | None,
) -> BatchResult:
    with database.session() as session, session.begin():
        actor = acting_employee(session, username)
        actor_id = actor.id
        clean_up_stale(session, actor)
    with database.session() as session:
        queue = build_queue(session, filters, sent_on)
    if not queue.ready:
        return BatchResult(None, [], queue.held_back, 0, sent_on)
    with database.session() as session, session.begin():
        batch = print_batches.start_batch(
            session, session.get(Employee, actor_id), sent_on, filters.describe(), out
        )
    partial = _partial(out, batch.id)
    merger: StreamingMerger | None = None
    committed = False
    try:
        merger = StreamingMerger(partial)
        printed = _print(database, batch, actor_id, queue, merger, progress, pool)
        counts: dict[str, KindCount] = {}
        for kind, number in Counter(p.kind for p in printed).items():
            label = LABELS[KIND_OF_DECISION[kind]]
            counts[label] = KindCount(
                label, number, sum(p.pages for p in printed if p.kind is kind)
            )
        front = merger.set_front(
            cover_sheet(
                batch.id,
                sent_on,
                dict(sorted(counts.items())),
                len(queue.held_back),
                filters.describe(),
            )
        )
        pages = merger.finish()
        print_file = print_batches.PrintFile(len(printed), front, pages, _sha256(partial))
        with database.session() as session, session.begin():
            print_batches.complete_batch(
                session, session.get(Employee, actor_id), batch, print_file
            )
        committed = True
        partial.replace(out)
    except (OSError, FileProblem) as exc:
        problem = exc if isinstance(exc, FileProblem) else reason(out, exc)
        if not committed:
            _clean_up(database, batch.id, merger, partial)
            raise WorkflowError(f"{problem}; er is niets verzonden") from exc
        raise WorkflowError(
            f"de besluiten zijn verzonden, maar het printbestand kon niet naar {out} ({problem}). "
            f"Het staat in {partial}."
        ) from exc
    except BaseException:
        if not committed:
            _clean_up(database, batch.id, merger, partial)
        raise
    shifted = [replace(p, first_page=p.first_page + front) for p in printed]
    return BatchResult(batch.id, shifted, queue.held_back, pages, sent_on)


def _clean_up(
    database: Database, batch_id: int, merger: StreamingMerger | None, partial: Path
) -> None:
    if merger is not None:
        merger.close()
    partial.unlink(missing_ok=True)
    with database.session() as session, session.begin():
        print_batches.abandon_batch(session, batch_id)


def _print(
    database: Database,
    batch: print_batches.StartedBatch,
    actor_id: int,
    queue: Queue,
    merger: StreamingMerger,
    progress: Progress,
    pool: RenderPool[QueueEntry] | None,
) -> list[Printed]:
    """Render, merge and store every letter; first pages are counted among the letters."""
    printed: list[Printed] = []
    waiting: list[print_batches.BatchLetter] = []
    total = len(queue.ready)
    if pool is None:
        start_worker(queue.references)

    def store() -> None:
        with database.session() as session, session.begin():
            print_batches.store_letters(session, session.get(Employee, actor_id), batch, waiting)
        waiting.clear()

    renew_at = time.monotonic() + RENEW_EVERY
    for done, (entry, (pdf, versions, data)) in enumerate(
        _rendered(with_cases(database, queue.ready, batch.sent_on, queue.references), pool),
        start=1,
    ):
        first, pages = merger.add_letter(pdf)
        kind = KIND_OF_DECISION[entry.kind].value
        waiting.append(
            print_batches.BatchLetter(
                entry.case_id, entry.decision_id, kind, pdf, versions, data, first, pages
            )
        )
        printed.append(
            Printed(
                entry.decision_id,
                entry.bsn,
                entry.kind,
                first,
                pages,
                batch.sent_on,
                batch.objection_deadline,
            )
        )
        if done % COMMIT_EVERY == 0 or done == total or time.monotonic() >= renew_at:
            store()
            renew_at = time.monotonic() + RENEW_EVERY
        progress(done, total)
    if waiting:
        store()
    return printed


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def default_output(sent_on: date) -> Path:
    """Where a batch's print file goes when the caller names no place: the user's data folder."""
    folder = private_folder(data_folder() / "batches")
    stamp = audit.now().astimezone().strftime("%H%M%S")
    return folder / f"verzendbatch-{sent_on.isoformat()}-{stamp}.pdf"
