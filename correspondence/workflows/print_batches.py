"""The writes of a print batch: starting it with its lease, storing its letters in steps,
completing it (the one transaction in which its decisions become sent) and abandoning it.

A running batch holds a lease on its work and renews it whenever it stores letters; once the
lease has run out, the next batch takes it as stale. Leases are set and judged by the
database's clock, so a desktop whose clock runs fast never takes a live batch as stale.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, Result, delete, select, update
from sqlalchemy.orm import Session, selectinload

from correspondence.records import reference
from correspondence.rules import deadlines
from correspondence.rules.errors import WorkflowError
from correspondence.rules.gate import Window, explanation_missing
from correspondence.workflows import audit
from store.database import database_now
from store.models import Decision, Employee, PrintBatch, StoredLetter
from store.vocabulary import BatchStatus, DecisionStatus

# Long enough to survive a slow letter between two renewals.
LEASE = timedelta(minutes=5)
GATE_CHUNK = 500


class BatchConflict(WorkflowError):
    pass


def _changed(result: Result[Any]) -> int:
    """The number of rows an UPDATE or DELETE changed; a bulk statement always returns a
    cursor result, but `Session.execute` is typed for any result."""
    if not isinstance(result, CursorResult):
        raise TypeError("geen resultaat van een wijziging")
    return result.rowcount


@dataclass(frozen=True)
class StartedBatch:
    id: int
    sent_on: date
    # fixed when the batch starts: its letters state it, and its decisions are stored with it
    objection_deadline: date


@dataclass(frozen=True)
class BatchLetter:
    case_id: int
    decision_id: int
    kind: str
    pdf: bytes
    versions: dict[str, str]
    data: str
    first_page: int  # counted among the letters: the cover sheet is made last
    pages: int


@dataclass(frozen=True)
class PrintFile:
    """The merged print file as the batch completes."""

    letters: int
    front_pages: int  # the cover sheet's, before the first letter
    pages: int
    sha256: str


def start_batch(
    session: Session, actor: Employee, sent_on: date, filters: str, output: Path
) -> StartedBatch:
    batch = PrintBatch(
        started_at=audit.now(),
        lease_until=database_now(session) + LEASE,
        started_by=actor.id,
        sent_on=sent_on,
        status=BatchStatus.RUNNING,
        filters={"describe": filters},
        output=str(output.absolute()),
    )
    session.add(batch)
    session.flush()
    deadline = deadlines.objection_deadline(sent_on, reference.atw_calendar(session))
    return StartedBatch(batch.id, sent_on, deadline)


def store_letters(
    session: Session, actor: Employee, batch: StartedBatch, letters: list[BatchLetter]
) -> None:
    """Store letters with their dossiers under the batch and renew its lease. A batch taken as
    stale meanwhile stops here, and the caller's rollback takes these letters."""
    _renew_lease(session, batch.id, letter_count=PrintBatch.letter_count + len(letters))
    for letter in letters:
        session.add(
            StoredLetter(
                case_id=letter.case_id,
                decision_id=letter.decision_id,
                kind=letter.kind,
                created_at=audit.now(),
                created_by=actor.id,
                docx=None,
                pdf=letter.pdf,
                docx_sha256=None,
                pdf_sha256=hashlib.sha256(letter.pdf).hexdigest(),
                versions=letter.versions,
                data=letter.data,
                batch_id=batch.id,
                first_page=letter.first_page,
                pages=letter.pages,
            )
        )


def complete_batch(
    session: Session,
    actor: Employee,
    batch: StartedBatch,
    print_file: PrintFile,
    rendered: Mapping[int, int],
) -> None:
    """The decisions of the batch become sent, all or none: only if each is still ready, its
    text still the one `rendered` (decision to version) was printed from, and its gate open."""
    _renew_lease(session, batch.id)
    in_batch = select(StoredLetter.decision_id).where(StoredLetter.batch_id == batch.id)
    _text_unchanged(session, rendered)
    _gate_still_open(session, list(session.scalars(in_batch)), batch.sent_on)
    result = session.execute(
        update(Decision)
        .where(Decision.status == DecisionStatus.READY, Decision.id.in_(in_batch))
        .values(
            status=DecisionStatus.SENT,
            sent_on=batch.sent_on,
            objection_deadline=batch.objection_deadline,
            version=Decision.version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    if _changed(result) != print_file.letters:
        raise BatchConflict(
            "een of meer besluiten zijn intussen gewijzigd, ingetrokken of al verzonden; "
            "er is niets verzonden. Draai de batch opnieuw."
        )
    session.execute(
        update(StoredLetter)
        .where(StoredLetter.batch_id == batch.id)
        .values(first_page=StoredLetter.first_page + print_file.front_pages)
    )
    session.execute(
        update(PrintBatch)
        .where(PrintBatch.id == batch.id)
        .values(
            status=BatchStatus.COMPLETED,
            finished_at=audit.now(),
            letter_count=print_file.letters,
            page_count=print_file.pages,
            pdf_sha256=print_file.sha256,
        )
    )
    audit.record(
        session,
        actor,
        "send",
        "print_batch",
        batch.id,
        letters=print_file.letters,
        sent_on=batch.sent_on.isoformat(),
        pdf_sha256=print_file.sha256,
    )


def abandon_batch(session: Session, batch_id: int, expired_at: datetime | None = None) -> bool:
    """Abandon a batch that is still running (with `expired_at`: only if its lease had run out
    by then), removing its letters; a batch that completed or renewed meanwhile is left alone."""
    query = update(PrintBatch).where(
        PrintBatch.id == batch_id, PrintBatch.status == BatchStatus.RUNNING
    )
    if expired_at is not None:
        query = query.where(PrintBatch.lease_until < expired_at)
    if (
        _changed(
            session.execute(query.values(status=BatchStatus.ABANDONED, finished_at=audit.now()))
        )
        != 1
    ):
        return False
    session.execute(delete(StoredLetter).where(StoredLetter.batch_id == batch_id))
    return True


def abandon_stale(session: Session, actor: Employee) -> list[tuple[int, str]]:
    """Abandon the batches that stopped without finishing: their stored letters go, each batch
    stays on record as abandoned. Returns each one's id and print file, so the caller can
    remove what it left on disk."""
    now = database_now(session)
    stale = session.execute(
        select(PrintBatch.id, PrintBatch.output).where(
            PrintBatch.status == BatchStatus.RUNNING, PrintBatch.lease_until < now
        )
    ).all()
    abandoned = []
    for batch_id, output in stale:
        if abandon_batch(session, batch_id, expired_at=now):
            audit.record(session, actor, "abandon", "print_batch", batch_id)
            abandoned.append((batch_id, output))
    return abandoned


def _renew_lease(session: Session, batch_id: int, **values: Any) -> None:
    renewed = session.execute(
        update(PrintBatch)
        .where(PrintBatch.id == batch_id, PrintBatch.status == BatchStatus.RUNNING)
        .values(lease_until=database_now(session) + LEASE, **values)
    )
    if _changed(renewed) != 1:
        raise BatchConflict("deze batch is intussen als afgebroken opgeruimd; draai opnieuw")


def _text_unchanged(session: Session, rendered: Mapping[int, int]) -> None:
    """A decision revised while its letter was rendered would be sent with the old text."""
    ids = list(rendered)
    for start in range(0, len(ids), GATE_CHUNK):
        chunk = ids[start : start + GATE_CHUNK]
        versions = session.execute(
            select(Decision.id, Decision.version).where(Decision.id.in_(chunk))
        )
        for decision_id, version in versions:
            if version != rendered[decision_id]:
                raise BatchConflict(
                    f"besluit {decision_id} is intussen gewijzigd; er is niets verzonden. "
                    "Draai de batch opnieuw."
                )


def _gate_still_open(session: Session, decision_ids: list[int], sent_on: date) -> None:
    """The gate once more, inside the sending transaction: a correction of the contact log
    made while the letters were rendered still holds a decision back."""
    policy = reference.decision_policy(session)
    for start in range(0, len(decision_ids), GATE_CHUNK):
        chunk = decision_ids[start : start + GATE_CHUNK]
        decisions = session.scalars(
            select(Decision)
            .where(Decision.id.in_(chunk))
            .options(selectinload(Decision.case), selectinload(Decision.explanations))
        )
        for decision in decisions:
            window = Window(decision.case.registered_on, sent_on)
            gap = explanation_missing(decision.kind, decision.explanations, window, policy)
            if gap:
                raise BatchConflict(
                    f"bij besluit {decision.id} is intussen het contactlog gewijzigd ({gap}); "
                    "er is niets verzonden. Draai de batch opnieuw."
                )
        session.expunge_all()
