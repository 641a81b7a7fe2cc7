"""Decisions and their life (draft, ready, sent or withdrawn), and the contact log of the
explanations that must precede a negative one (the gate itself is `correspondence.gate`)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from correspondence import audit, deadlines, reference
from correspondence.errors import ValidationFailed, WorkflowError
from correspondence.gate import explanation_missing
from correspondence.lookup import require
from store.models import Case, ContactLogEntry, Decision, Employee
from store.vocabulary import Channel, DecisionKind, DecisionStatus


def log_explanation(
    session: Session,
    actor: Employee,
    case_id: int,
    at: datetime,
    channel: Channel,
    reached: bool,
    note: str,
    corrects_id: int | None = None,
    by: Employee | None = None,
) -> ContactLogEntry:
    """Append an attempt to the case's contact log; `by` made the call (default: the actor)."""
    case = require(session, Case, case_id)
    if at.tzinfo is None:
        raise ValidationFailed({"at": "geef het tijdstip met tijdzone"})
    if at > audit.now():
        raise ValidationFailed({"at": "een gesprek kan niet in de toekomst liggen"})
    if corrects_id is not None:
        corrected = session.get(ContactLogEntry, corrects_id)
        if corrected is None or corrected.case_id != case.id:
            raise ValidationFailed({"corrects_id": "dat gesprek staat niet in dit dossier"})
    entry = ContactLogEntry(
        case=case,
        at=at,
        employee_id=(by or actor).id,
        channel=channel,
        reached=reached,
        note=note.strip(),
        corrects_id=corrects_id,
        recorded_at=audit.now(),
    )
    session.add(entry)
    session.flush()
    audit.record(session, actor, "log", "contact", entry.id, reached=reached)
    return entry


def draft_decision(
    session: Session,
    actor: Employee,
    case_id: int,
    kind: DecisionKind,
    reasons: list[str],
    decided_on: date | None,
    status: DecisionStatus = DecisionStatus.DRAFT,
    missing: list[str] | None = None,
    requested_on: date | None = None,
    starts_on: date | None = None,
) -> Decision:
    case = require(session, Case, case_id)
    if status not in (DecisionStatus.DRAFT, DecisionStatus.READY):
        raise ValidationFailed({"status": "een nieuw besluit is concept of gereed"})
    if kind in reference.decision_policy(session).negative and not [
        r for r in reasons if r.strip()
    ]:
        raise ValidationFailed({"reasons": "een negatief besluit heeft een motivering nodig"})
    if kind is DecisionKind.NOT_PROCESSED and not (missing and requested_on):
        raise ValidationFailed(
            {"missing": "noem de ontbrekende informatie en wanneer erom is gevraagd"}
        )
    decision = Decision(
        case=case,
        kind=kind,
        status=status,
        decided_on=decided_on,
        reasons=reasons,
        missing=missing or [],
        requested_on=requested_on,
        starts_on=starts_on,
    )
    session.add(decision)
    session.flush()
    audit.record(session, actor, "draft", "decision", decision.id, kind=kind.value)
    return decision


def mark_sent(session: Session, actor: Employee, decision_id: int, sent_on: date) -> Decision:
    """Mark a ready decision sent on `sent_on`, fixing its objection deadline; the gate applies."""
    decision = require(session, Decision, decision_id)
    if decision.status is not DecisionStatus.READY:
        raise WorkflowError("alleen een gereed besluit kan worden verzonden")
    reason = explanation_missing(
        decision.kind, decision.case.contacts, sent_on, reference.decision_policy(session)
    )
    if reason:
        raise WorkflowError(f"besluit wordt niet verzonden: {reason}")
    decision.status = DecisionStatus.SENT
    decision.sent_on = sent_on
    decision.objection_deadline = deadlines.objection_deadline(
        sent_on, reference.atw_calendar(session)
    )
    session.flush()
    audit.record(session, actor, "send", "decision", decision.id, sent_on=sent_on.isoformat())
    return decision


def set_status(
    session: Session, actor: Employee, decision_id: int, status: DecisionStatus
) -> Decision:
    """Draft to ready (or back), or withdrawn; sending happens only in `mark_sent` or a batch."""
    decision = require(session, Decision, decision_id)
    allowed = {
        DecisionStatus.DRAFT: {DecisionStatus.READY, DecisionStatus.WITHDRAWN},
        DecisionStatus.READY: {DecisionStatus.DRAFT, DecisionStatus.WITHDRAWN},
    }
    if status not in allowed.get(decision.status, set()):
        raise WorkflowError(
            f"een besluit dat {decision.status.value} is, kan niet {status.value} worden"
        )
    decision.status = status
    session.flush()
    audit.record(session, actor, status.value, "decision", decision.id)
    return decision
