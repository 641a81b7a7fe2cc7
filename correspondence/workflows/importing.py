"""Importing cases from a JSON list (the letters' CASE.json schema, with a decision's kind and
status). The whole file is checked before anything is stored, and stored in one unit of work:
a refused file leaves nothing behind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.records import reference
from correspondence.records.lookup import open_case
from correspondence.rules.case_data import CaseData, parse_case
from correspondence.rules.copying import copied
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.rules.inputs import CaseInput, ClientInput
from correspondence.rules.names import fold
from correspondence.rules.norms import is_young
from correspondence.rules.route_planning import completion_term_refusal
from correspondence.workflows import advances, audit, cases, clients, decisions
from store.models import Case, Client, Employee
from store.vocabulary import (
    AppointmentKind,
    DecisionKind,
    DecisionStatus,
    Role,
    Route,
    SessionKind,
)

IMPORT_STATUSES = {"draft": DecisionStatus.DRAFT, "ready": DecisionStatus.READY}


@dataclass(frozen=True)
class ImportCase:
    case: CaseData
    decision_kind: DecisionKind
    decision_status: DecisionStatus


def _pick(options: dict[str, Any], value: Any) -> Any:
    """The option named by `value`, or None (also for a value that is no text at all)."""
    return options.get(value) if isinstance(value, str) else None


def parse_cases(data: Any, today: date | None = None) -> list[ImportCase]:
    """Every case of the file, or ValidationFailed naming each bad entry by index and field."""
    if not isinstance(data, list):
        raise ValidationFailed({"(bestand)": "hoort een JSON-lijst met zaken te zijn"})
    found, errors = [], {}
    kinds = {k.value: k for k in DecisionKind}
    for index, entry in enumerate(data):
        try:
            case = parse_case(entry, today)
        except ValidationFailed as exc:
            errors.update({f"zaak {index}: {field}": msg for field, msg in exc.errors.items()})
            continue
        decision = entry.get("decision") or {}
        # a decision must say its kind: a silent default could print a grant for a rejection
        kind = _pick(kinds, decision.get("kind", "grant" if not decision else None))
        status = _pick(IMPORT_STATUSES, decision.get("status", "draft"))
        if kind is None:
            missing = "ontbreekt; " if "kind" not in decision else ""
            errors[f"zaak {index}: decision.kind"] = f"{missing}kies uit: " + ", ".join(kinds)
        if status is None:
            errors[f"zaak {index}: decision.status"] = "kies draft of ready"
        if kind and status:
            found.append(ImportCase(case, kind, status))
    if errors:
        raise ValidationFailed(errors)
    return found


def _username(name: str, session: Session) -> str:
    base = re.sub(r"[^a-z]", "", fold(name))[:24] or "medewerker"
    candidate, number = base, 1
    while session.scalar(select(Employee.id).where(Employee.username == candidate)):
        number += 1
        candidate = f"{base}{number}"
    return candidate


def _case_manager(session: Session, actor: Employee, name: str, email: str, phone: str) -> Employee:
    """The case manager with this name; an unknown name becomes a new case manager."""
    employee = session.scalar(
        select(Employee).where(Employee.full_name == name, Employee.role == Role.CASE_MANAGER)
    )
    if employee is None:
        employee = Employee(
            username=_username(name, session),
            full_name=name,
            role=Role.CASE_MANAGER,
            email=email,
            phone=phone,
        )
        session.add(employee)
        session.flush()
        audit.record(session, actor, "import", "employee", employee.id)
    return employee


def _client(session: Session, actor: Employee, case: CaseData, today: date) -> Client:
    data = case.client
    values = copied(
        ClientInput,
        data,
        salutation=data.salutation.value,
        household=data.household.value,
        street=data.address.street,
        house_number=data.address.number,
        house_number_addition=data.address.addition,
        postcode=data.address.postcode,
        city=data.address.city,
        municipality=case.municipality,
    )
    existing = session.scalar(select(Client).where(Client.bsn == data.bsn))
    if existing is None:
        return clients.create_client(session, actor, values, today)
    return clients.update_client(session, actor, existing.id, values, today)


def _import_one(session: Session, actor: Employee, item: ImportCase, today: date) -> None:
    case = item.case
    manager = _case_manager(
        session, actor, case.case_manager.name, case.case_manager.email, case.case_manager.phone
    )
    client = _client(session, actor, case, today)
    young = is_young(case.client.birth_date, case.registered_on)
    values = CaseInput(
        route=(Route.YOUTH if young else Route.STANDARD).value,
        registered_on=case.registered_on,
        case_manager_id=manager.id,
        application_received_on=case.application_received_on,
        interview_delay_reason=case.interview_delay_reason,
    )
    if current := open_case(client):
        dossier = cases.update_case(session, actor, current.id, values, today)
    else:
        dossier = cases.open_case(session, actor, client.id, values, today)
    if case.application_complete_by:  # the not-processed letter's term (Awb 4:5)
        _set_completion_term(
            session, actor, dossier, case.application_received_on, case.application_complete_by
        )
    if case.rights_meeting:
        cases.book_at(session, actor, dossier.id, SessionKind.RIGHTS_MEETING, case.rights_meeting)
    if case.interview:
        cases.plan_appointment(
            session, actor, dossier.id, AppointmentKind.PARTICIPATION_INTERVIEW, case.interview
        )
    if case.advance:
        advances.grant_advance(
            session, actor, dossier.id, case.advance.start, case.advance.repayment
        )
    if case.decision:
        twin = [
            d
            for d in dossier.decisions
            if d.kind is item.decision_kind
            and d.decided_on == case.decision.decided_on
            and d.status is not DecisionStatus.WITHDRAWN
        ]
        if twin:  # importing a file again must not make a second letter
            raise ValidationFailed(
                {"decision": "dit besluit staat al in het dossier; is het bestand al ingelezen?"}
            )
        decision = decisions.draft_decision(
            session,
            actor,
            dossier.id,
            item.decision_kind,
            list(case.decision.reasons),
            case.decision.decided_on,
            item.decision_status,
            list(case.decision.missing),
            case.decision.requested_on,
            case.decision.starts_on,
            case.decision.ground,
            case.decision.weighing,
        )
        explained = case.decision.explained
        if explained:  # the call explains the decision it comes with, and no other
            caller = _case_manager(session, actor, explained.by, "", "")
            decisions.log_explanation(
                session,
                actor,
                decision.id,
                explained.at,
                explained.channel,
                explained.reached,
                "uit import",
                by=caller,
            )


def import_cases(session: Session, actor: Employee, items: list[ImportCase], today: date) -> int:
    """Store every case in the caller's unit of work; an error names the entry's index."""
    for index, item in enumerate(items):
        try:
            _import_one(session, actor, item, today)
        except ValidationFailed as exc:
            raise ValidationFailed(
                {f"zaak {index}: {field}": msg for field, msg in exc.errors.items()}
            ) from exc
        except WorkflowError as exc:
            raise WorkflowError(f"zaak {index}: {exc}") from exc
    return len(items)


def _set_completion_term(
    session: Session, actor: Employee, dossier: Case, received_on: date | None, term: date
) -> None:
    """The term to complete the application, under the rule the window applies to it
    (route.record_application): after receipt, on a working day; audited as it is there."""
    if received_on is None:
        raise ValidationFailed(
            {"application_received_on": "verplicht bij een termijn om de aanvraag aan te vullen"}
        )
    calendar = reference.atw_calendar(session)
    if refusal := completion_term_refusal(received_on, term, calendar):
        raise ValidationFailed({"application_complete_by": refusal})
    dossier.application_complete_by = term
    audit.record(session, actor, "application", "case", dossier.id, complete_by=term.isoformat())
