"""Decisions and their life (draft, ready, sent or withdrawn), and the contact log of the
explanations that must precede a negative one (the gate itself is `correspondence.rules.gate`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from correspondence.records import reference
from correspondence.records.lookup import require
from correspondence.rules import deadlines, labels
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.rules.formatting import LOCAL_ZONE, short_date
from correspondence.rules.gate import Window, explanation_missing
from correspondence.rules.kinds import KIND_OF_DECISION, LABELS
from correspondence.rules.sending import OPEN, Content, awaits_call, content_gaps, may_move
from correspondence.rules.text import TextRefused, letter_text, validate_note
from correspondence.workflows import audit
from store.models import Case, ContactLogEntry, Decision, Employee
from store.vocabulary import Channel, DecisionKind, DecisionStatus, RejectionGround

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


@dataclass(frozen=True)
class DecisionText:
    """What the case manager writes in a decision beside its kind: its date, the reasons (one
    paragraph each) and what the letter of its kind needs (Awb 3:46, 4:5)."""

    decided_on: date | None
    reasons: Sequence[str] = ()
    missing: Sequence[str] = ()
    requested_on: date | None = None
    starts_on: date | None = None  # a grant's start; its letter defaults to the registration
    ground: RejectionGround | None = None  # a rejection's kind of reason
    weighing: str = ""  # a recovery's weighing of the client's interests (Awb 3:4)


def _paragraphs(field: str, texts: Sequence[str], errors: dict[str, str]) -> list[str]:
    """The texts as the letter prints them, empty ones left out; a text the letter cannot print
    is refused under `field.index`, the index as typed, so a form can point at it."""
    kept = []
    for index, text in enumerate(texts):
        try:
            cleaned = letter_text(text)
        except TextRefused as exc:
            errors[f"{field}.{index}"] = str(exc)
            continue
        if cleaned:
            kept.append(cleaned)
    return kept


def _checked(kind: DecisionKind, text: DecisionText) -> DecisionText:
    errors: dict[str, str] = {}
    reasons = _paragraphs("reasons", text.reasons, errors)
    missing = _paragraphs("missing", text.missing, errors)
    weighing = "\n".join(_paragraphs("weighing", text.weighing.splitlines(), errors))
    # only a rejection has a kind of reason and only a recovery a weighing: another kind
    # keeps neither, so a letter never cites what its decision is not about
    ground = text.ground if kind is DecisionKind.REJECTION else None
    weighing = weighing if kind is DecisionKind.ADVANCE_RECOVERY else ""
    checked = replace(text, reasons=reasons, missing=missing, ground=ground, weighing=weighing)
    content = Content(reasons, missing, text.requested_on, ground, weighing)
    errors.update(content_gaps(kind, content))
    if errors:
        raise ValidationFailed(errors)
    return checked


def _check_status(status: DecisionStatus) -> None:
    if status not in OPEN:
        raise ValidationFailed({"status": "een besluit wordt bewaard als concept of gereed"})


def _next_sequence(session: Session, case: Case) -> int:
    """The next decision's place in `case`, for its kenmerk. An update of the case's row that
    changes nothing takes its lock first (SQLite has no FOR UPDATE: there the first write takes
    the database's), so a second decision drafted at the same moment waits and counts this
    one; the unique constraint on (case, sequence) stands behind it."""
    session.execute(update(Case).where(Case.id == case.id).values(version=Case.version))
    last = session.scalar(select(func.max(Decision.sequence)).where(Decision.case_id == case.id))
    return (last or 0) + 1


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
    ground: RejectionGround | None = None,
    weighing: str = "",
) -> Decision:
    case = require(session, Case, case_id)
    _check_status(status)
    text = _checked(
        kind,
        DecisionText(decided_on, reasons, missing or (), requested_on, starts_on, ground, weighing),
    )
    decision = Decision(case=case, kind=kind, status=status, sequence=_next_sequence(session, case))
    _write_text(decision, text)
    session.add(decision)
    session.flush()
    audit.record(session, actor, "draft", "decision", decision.id, kind=kind.value)
    return decision


def revise_decision(
    session: Session,
    actor: Employee,
    decision_id: int,
    text: DecisionText,
    status: DecisionStatus = DecisionStatus.DRAFT,
) -> Decision:
    """Rewrite a draft or ready decision; its kind stays, since a call logged about it explained
    a decision of that kind (another kind is a new decision, and this one is withdrawn).

    A revised decision is a draft unless the employee saves it as ready in the same act: ready
    tells administration that this text is the one to print, and only whoever changed the text
    can say that of the new one. A ready decision silently staying ready would also let a print
    run that is rendering it complete with the old text; back to draft, that run stops."""
    decision = require(session, Decision, decision_id)
    if decision.status not in OPEN:
        raise WorkflowError(
            f"dit besluit is {labels.DECISION_STATUSES[decision.status]} "
            "en kan niet meer worden bewerkt"
        )
    _check_status(status)
    checked = _checked(decision.kind, text)
    was = decision.status
    decision.status = status
    _write_text(decision, checked)
    session.flush()
    audit.record(
        session,
        actor,
        "revise",
        "decision",
        decision.id,
        was=was.value,
        status=status.value,
    )
    return decision


def _write_text(decision: Decision, text: DecisionText) -> None:
    decision.decided_on = text.decided_on
    decision.reasons = list(text.reasons)
    decision.missing = list(text.missing)
    decision.requested_on = text.requested_on
    decision.starts_on = text.starts_on
    decision.ground = text.ground
    decision.weighing = text.weighing


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
    if not may_move(decision.status, status):
        raise WorkflowError(
            f"een besluit dat {labels.DECISION_STATUSES[decision.status]} is, kan niet "
            f"{labels.DECISION_STATUSES[status]} worden"
        )
    decision.status = status
    session.flush()
    audit.record(session, actor, status.value, "decision", decision.id)
    return decision
