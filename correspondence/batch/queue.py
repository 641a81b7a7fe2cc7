"""The queue of a batch: the ready decisions it would print on a date of sending, those held
back with the reason, and whether that date needs a confirmation. A decision is held back by
the one rule the dossier shows (`correspondence.rules.sending.held_back`), and then by whatever
its letter still lacks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from correspondence.letters.context import (
    LetterReference,
    build_context,
    unverified_letter_data,
)
from correspondence.letters.dossier_letters import LetterChoice, case_data
from correspondence.letters.reference_data import all_references
from correspondence.records import reference
from correspondence.records.decision_content import decision_content
from correspondence.rules.case_data import CaseData
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.gate import DecisionPolicy, Window
from correspondence.rules.kinds import KIND_OF_DECISION
from correspondence.rules.names import PersonName
from correspondence.rules.sending import held_back
from store.database import Database
from store.models import Advance, Booking, Case, Client, ContactLogEntry, Decision, Municipality
from store.vocabulary import DecisionKind, DecisionStatus

LOAD_CHUNK = 500
FIRST_CHUNK = 20


@dataclass(frozen=True)
class BatchFilter:
    municipality: str | None = None
    kind: DecisionKind | None = None
    case_manager_id: int | None = None
    decided_from: date | None = None
    decided_until: date | None = None

    def describe(self) -> str:
        parts = [
            f"gemeente {self.municipality}" if self.municipality else "",
            f"soort {self.kind.value}" if self.kind else "",
            f"klantmanager {self.case_manager_id}" if self.case_manager_id else "",
            f"besluit vanaf {self.decided_from}" if self.decided_from else "",
            f"besluit tot en met {self.decided_until}" if self.decided_until else "",
        ]
        return ", ".join(p for p in parts if p) or "alle gereed staande besluiten"


@dataclass(frozen=True)
class QueueEntry:
    decision_id: int
    case_id: int
    bsn: str
    name: str
    postcode: str
    kind: DecisionKind
    case_manager: str
    municipality: str
    # the decision's version whose text is rendered: sending checks that it is still the one
    version: int = 0


@dataclass(frozen=True)
class HeldBack:
    decision_id: int
    bsn: str
    name: str
    kind: DecisionKind
    reason: str


@dataclass(frozen=True)
class Queue:
    ready: list[QueueEntry]
    held_back: list[HeldBack]
    references: dict[str, LetterReference]


def ready_ids(session: Session, filters: BatchFilter) -> list[int]:
    """Ready decisions matching the filter, in postcode order for the post room."""
    query = (
        select(Decision.id)
        .join(Case, Decision.case_id == Case.id)
        .join(Client, Case.client_id == Client.id)
        .join(Municipality, Client.municipality_id == Municipality.id)
        .where(Decision.status == DecisionStatus.READY)
        .order_by(Client.postcode, Client.surname, Client.bsn, Decision.id)
    )
    if filters.municipality:
        query = query.where(Municipality.code == filters.municipality)
    if filters.kind:
        query = query.where(Decision.kind == filters.kind)
    if filters.case_manager_id:
        query = query.where(Case.case_manager_id == filters.case_manager_id)
    if filters.decided_from:
        query = query.where(Decision.decided_on >= filters.decided_from)
    if filters.decided_until:
        query = query.where(Decision.decided_on <= filters.decided_until)
    return list(session.scalars(query))


def _load(session: Session, ids: list[int]) -> list[Decision]:
    decisions = session.scalars(
        select(Decision)
        .where(Decision.id.in_(ids))
        .options(
            selectinload(Decision.explanations).selectinload(ContactLogEntry.employee),
            selectinload(Decision.case).options(
                selectinload(Case.client).selectinload(Client.municipality),
                selectinload(Case.case_manager),
                selectinload(Case.advances).selectinload(Advance.instalments),
                selectinload(Case.bookings).selectinload(Booking.session),
                selectinload(Case.appointments),
                selectinload(Case.decisions),
            ),
        )
    )
    by_id = {d.id: d for d in decisions}
    return [by_id[i] for i in ids if i in by_id]


def _check(
    decision: Decision,
    sent_on: date,
    policy: DecisionPolicy,
    references: dict[str, LetterReference],
) -> tuple[CaseData, str]:
    """The decision's letter data and why it may not be sent on `sent_on` ("" when it may):
    the gate first, then whatever the letter itself still lacks."""
    kind = KIND_OF_DECISION[decision.kind]
    data = case_data(decision.case, LetterChoice(kind, decision.id), sent_on)
    gap = held_back(
        decision.kind,
        decision.decided_on,
        decision_content(decision),
        decision.explanations,
        Window(decision.case.registered_on, sent_on),
        policy,
    )
    reference_data = references[data.municipality]
    if not gap:
        try:
            build_context(kind, data, reference_data)
        except ValidationFailed as exc:
            gap = "; ".join(f"{field}: {message}" for field, message in exc.errors.items())
    # never unverified municipality data or amounts in a letter that is sent
    if not gap and (unverified := unverified_letter_data(kind, data, reference_data)):
        gap = unverified.reason
    return data, gap or ""


def build_queue(session: Session, filters: BatchFilter, sent_on: date) -> Queue:
    """What would be printed on `sent_on`, and what is held back and why. The entries hold no
    case data, so a queue of any length stays small; printing loads the cases again."""
    policy = reference.decision_policy(session)
    references = all_references(session)
    ready, held = [], []
    ids = ready_ids(session, filters)
    for start in range(0, len(ids), LOAD_CHUNK):
        for decision in _load(session, ids[start : start + LOAD_CHUNK]):
            case, client = decision.case, decision.case.client
            name = PersonName(client.initials, client.prefix, client.surname).formal
            _data, gap = _check(decision, sent_on, policy, references)
            if gap:
                held.append(HeldBack(decision.id, client.bsn, name, decision.kind, gap))
            else:
                ready.append(
                    QueueEntry(
                        decision.id,
                        case.id,
                        client.bsn,
                        name,
                        client.postcode,
                        decision.kind,
                        case.case_manager.full_name,
                        client.municipality.name,
                    )
                )
        session.expunge_all()
    return Queue(ready, held, references)


def with_cases(
    database: Database,
    entries: list[QueueEntry],
    sent_on: date,
    references: dict[str, LetterReference],
) -> Iterator[tuple[QueueEntry, CaseData]]:
    """Each entry with its case data, loaded again a chunk at a time and checked again: a
    decision withdrawn, sent or corrected since the queue was built is left out. The first
    chunk is small, so the render processes get work at once."""
    start = 0
    while start < len(entries):
        size = FIRST_CHUNK if start == 0 else LOAD_CHUNK
        chunk = entries[start : start + size]
        start += size
        with database.session() as session:  # closed before yielding: the printer writes
            policy = reference.decision_policy(session)
            loaded = {d.id: d for d in _load(session, [e.decision_id for e in chunk])}
            pairs = []
            for entry in chunk:
                decision = loaded.get(entry.decision_id)
                if decision is None or decision.status is not DecisionStatus.READY:
                    continue
                data, gap = _check(decision, sent_on, policy, references)
                if not gap:
                    pairs.append((replace(entry, version=decision.version), data))
        yield from pairs


def check_print_date(sent_on: date, today: date, session: Session) -> str | None:
    """Why `sent_on` needs a confirmation (a weekend or Atw holiday), or None."""
    if sent_on < today:
        raise ValidationFailed({"date": "de verzenddatum kan niet in het verleden liggen"})
    reason = reference.atw_calendar(session).non_working_reason(sent_on)
    return f"{sent_on.isoformat()} is geen werkdag ({reason})" if reason else None
