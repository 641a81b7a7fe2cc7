"""Decisions and their life (draft, ready, sent or withdrawn), and the contact log of the
explanations that must precede a negative one (the gate itself is `correspondence.rules.gate`)."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from correspondence.records import reference
from correspondence.records.lookup import require
from correspondence.rules import deadlines, labels
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.rules.formatting import LOCAL_ZONE, short_date
from correspondence.rules.gate import Window, explanation_missing
from correspondence.rules.kinds import KIND_OF_DECISION, LABELS
from correspondence.rules.sending import OPEN, Content, awaits_call, content_gaps
from correspondence.rules.text import validate_note
from correspondence.workflows import audit
from store.models import Case, ContactLogEntry, Decision, Employee
from store.vocabulary import Channel, DecisionKind, DecisionStatus

DECISION_NUMBER = re.compile(r"[0-9]{1,9}")


def decision_to_explain(session: Session, case: Case, which: str | None = None) -> Decision:
    """The decision a call is about: named by its number or its kind, or else the only decision
    of the case that awaits a call. Refuses when that is not one decision."""
    if which is not None and DECISION_NUMBER.fullmatch(which):
        decision = session.get(Decision, int(which))
        if decision is None or decision.case_id != case.id:
            raise ValidationFailed({"decision": f"besluit {which} staat niet in dit dossier"})
        return decision
    policy = reference.decision_policy(session)
    waiting = [
        d
        for d in case.decisions
        if awaits_call(d.status, d.kind, policy) and (which is None or d.kind.value == which)
    ]
    if len(waiting) == 1:
        return waiting[0]
    if not waiting:
        raise ValidationFailed({"decision": "geen besluit in dit dossier wacht op uitleg vooraf"})
    listing = ", ".join(f"{d.id} ({LABELS[KIND_OF_DECISION[d.kind]].lower()})" for d in waiting)
    raise ValidationFailed(
        {"decision": f"meer besluiten wachten op uitleg vooraf: {listing}; noem er één"}
    )


def log_explanation(
    session: Session,
    actor: Employee,
    decision_id: int,
    at: datetime,
    channel: Channel,
    reached: bool,
    note: str,
    corrects_id: int | None = None,
    by: Employee | None = None,
) -> ContactLogEntry:
    """Append an attempt to explain a decision to the contact log of its case; `by` made the
    call (default: the actor). A correction belongs to the decisions of the entry it corrects."""
    decision = require(session, Decision, decision_id)
    case = decision.case
    _check_moment(at, case)
    explained = [decision]
    if corrects_id is not None:
        corrected = session.get(ContactLogEntry, corrects_id)
        if corrected is None or decision not in corrected.decisions:
            raise ValidationFailed({"corrects_id": "dat gesprek gaat niet over dit besluit"})
        explained = list(corrected.decisions)
    elif decision.status not in OPEN:
        raise ValidationFailed(
            {
                "decision": f"dit besluit is al {labels.DECISION_STATUSES[decision.status]}; "
                "een gesprek vooraf kan het niet meer uitleggen"
            }
        )
    entry = ContactLogEntry(
        case=case,
        at=at,
        employee_id=(by or actor).id,
        channel=channel,
        reached=reached,
        note=validate_note(note),
        corrects_id=corrects_id,
        recorded_at=audit.now(),
        decisions=explained,
    )
    session.add(entry)
    session.flush()
    audit.record(session, actor, "log", "contact", entry.id, reached=reached, decision=decision.id)
    return entry


def _check_moment(at: datetime, case: Case) -> None:
    """A call counts only between the registration of the case and now."""
    if at.tzinfo is None:
        raise ValidationFailed({"at": "geef het tijdstip met tijdzone"})
    if at > audit.now():
        raise ValidationFailed({"at": "een gesprek kan niet in de toekomst liggen"})
    # compared as instants: a moment in year 1 cannot be moved into another zone
    if at < datetime.combine(case.registered_on, time.min, LOCAL_ZONE):
        raise ValidationFailed(
            {
                "at": "een gesprek kan niet vóór de melding van deze aanvraag liggen "
                f"({short_date(case.registered_on)})"
            }
        )


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
    if gaps := content_gaps(kind, Content(reasons, missing or (), requested_on)):
        raise ValidationFailed(gaps)
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
        decision.kind,
        decision.explanations,
        Window(decision.case.registered_on, sent_on),
        reference.decision_policy(session),
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
