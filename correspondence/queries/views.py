"""Read models for the windows: plain, immutable values that are safe to hand from a worker
thread to the UI, unlike ORM objects bound to a session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.queries import clients, dossier, stored_letters
from correspondence.queries.route import RouteView, route_of
from correspondence.records import reference
from correspondence.records.decision_content import decision_content
from correspondence.records.lookup import open_case
from correspondence.rules import labels
from correspondence.rules.addresses import Address
from correspondence.rules.case_numbers import letter_kenmerk
from correspondence.rules.formatting import long_date
from correspondence.rules.gate import Window
from correspondence.rules.inputs import ClientInput
from correspondence.rules.kinds import KIND_OF_DECISION, LABELS, LetterKind
from correspondence.rules.names import name_of
from correspondence.rules.sending import OPEN, awaits_call, held_back
from store.models import Case, Client, Employee, Municipality
from store.vocabulary import BatchStatus, CaseStatus, DecisionKind, DecisionStatus, Role


@dataclass(frozen=True)
class ClientRow:
    id: int
    bsn: str
    name: str
    postcode: str
    city: str
    municipality: str


@dataclass(frozen=True)
class CaseSummary:
    id: int
    number: str  # HLM-2026-000123, the start of every kenmerk of its letters
    route: str
    registered_on: date
    case_manager: str
    open: bool
    status: str  # its Dutch label


@dataclass(frozen=True)
class LetterRow:
    id: int
    created_at: datetime
    label: str
    made_by: str  # as registered
    template: str  # the letter template's file and version
    pdf_sha256: str


@dataclass(frozen=True)
class DecisionRow:
    id: int
    label: str
    kenmerk: str  # of its letter
    status: str
    decided_on: date | None
    sent_on: date | None
    objection_deadline: date | None
    open: bool  # neither sent nor withdrawn
    held_back: str | None  # why it may not be sent today
    awaits_call: bool  # a call can still explain it
    kind: DecisionKind
    state: DecisionStatus


@dataclass(frozen=True)
class ContactRow:
    id: int
    at: datetime
    by: str
    channel: str
    reached: bool
    note: str
    corrects_id: int | None


@dataclass(frozen=True)
class Dossier:
    client_id: int
    name: str
    bsn: str
    birth_date: str
    address_lines: tuple[str, ...]
    municipality: str
    case: CaseSummary | None
    steps: tuple[dossier.Step, ...]
    next_due: dossier.Step | None
    client_input: ClientInput
    case_input: dict[str, object] | None
    letters: tuple[LetterRow, ...] = ()
    decisions: tuple[DecisionRow, ...] = ()
    contacts: tuple[ContactRow, ...] = ()
    route: RouteView | None = None  # what the dialogs of the route's steps need


@dataclass(frozen=True)
class Choice:
    value: str | int
    label: str


def _row(client: Client) -> ClientRow:
    return ClientRow(
        id=client.id,
        bsn=client.bsn,
        name=name_of(client).surname_first,
        postcode=client.postcode,
        city=client.city,
        municipality=client.municipality.name,
    )


def search(session: Session, text: str) -> list[ClientRow]:
    return [_row(c) for c in clients.search_clients(session, text)]


def clients_by_id(session: Session, ids: list[int]) -> list[ClientRow]:
    """The clients of `ids` that still exist, in the order of `ids`."""
    found = {c.id: c for c in session.scalars(select(Client).where(Client.id.in_(ids)))}
    return [_row(found[i]) for i in ids if i in found]


def dossier_of(session: Session, client_id: int, today: date) -> Dossier | None:
    client = session.get(Client, client_id)
    if client is None:
        return None
    name = name_of(client)
    address = Address(
        client.street,
        client.house_number,
        client.house_number_addition,
        client.postcode,
        client.city,
    )
    case = open_case(client) or (client.cases[-1] if client.cases else None)
    steps: list[dossier.Step] = dossier.overview(session, case.id, today) if case else []
    summary = None
    case_input: dict[str, object] | None = None
    if case is not None:
        summary = CaseSummary(
            case.id,
            case.number,
            labels.ROUTES[case.route],
            case.registered_on,
            case.case_manager.full_name,
            case.status is CaseStatus.OPEN,
            labels.CASE_STATUSES[case.status],
        )
        case_input = {
            "route": case.route.value,
            "registered_on": case.registered_on,
            "case_manager_id": case.case_manager_id,
            "bypass_reason": case.bypass_reason,
            "ww_ends_on": case.ww_ends_on,
            "application_received_on": case.application_received_on,
            "interview_delay_reason": case.interview_delay_reason,
        }
    return Dossier(
        client_id=client.id,
        name=name.full,
        bsn=client.bsn,
        birth_date=long_date(client.birth_date),
        address_lines=(name.addressee(client.salutation), *address.lines),
        municipality=client.municipality.name,
        case=summary,
        steps=tuple(steps),
        next_due=dossier.next_due(steps),
        client_input=clients.client_input(client),
        case_input=case_input,
        letters=tuple(
            LetterRow(
                letter.id,
                letter.created_at,
                LABELS[LetterKind(letter.kind)],
                stored_letters.made_by(session, letter),
                stored_letters.letter_template_version(letter.versions),
                letter.pdf_sha256,
            )
            for letter in (case.letters if case else [])
            if letter.batch is None or letter.batch.status is BatchStatus.COMPLETED
        ),
        decisions=_decision_rows(session, case, today) if case else (),
        contacts=tuple(
            ContactRow(
                c.id,
                c.at,
                c.employee.full_name,
                labels.CHANNELS[c.channel],
                c.reached,
                c.note,
                c.corrects_id,
            )
            for c in (case.contacts if case else [])
        ),
        route=route_of(session, case) if case else None,
    )


def _decision_rows(session: Session, case: Case, today: date) -> tuple[DecisionRow, ...]:
    policy = reference.decision_policy(session)
    rows = []
    for decision in case.decisions:
        kind = KIND_OF_DECISION[decision.kind]
        gap = None
        if decision.status in OPEN:
            gap = held_back(
                decision.kind,
                decision.decided_on,
                decision_content(decision),
                decision.explanations,
                Window(case.registered_on, today),
                policy,
            )
        rows.append(
            DecisionRow(
                decision.id,
                LABELS[kind],
                letter_kenmerk(case.number, kind, decision.sequence),
                labels.DECISION_STATUSES[decision.status],
                decision.decided_on,
                decision.sent_on,
                decision.objection_deadline,
                decision.status in OPEN,
                gap,
                awaits_call(decision.status, decision.kind, policy),
                decision.kind,
                decision.status,
            )
        )
    return tuple(rows)


def municipalities(session: Session) -> list[Choice]:
    return [
        Choice(m.code, m.name)
        for m in session.scalars(select(Municipality).order_by(Municipality.name))
    ]


def case_managers(session: Session) -> list[Choice]:
    rows = session.scalars(
        select(Employee).where(Employee.role == Role.CASE_MANAGER, Employee.active.is_(True))
    )
    return [Choice(e.id, e.full_name) for e in sorted(rows, key=lambda e: e.full_name)]


def is_empty(session: Session) -> bool:
    return session.scalar(select(Client.id).limit(1)) is None
