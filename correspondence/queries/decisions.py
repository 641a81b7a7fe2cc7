"""What the decision form and the correction of a call start from: a decision's text as it
is stored, and a contact-log entry as it was logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from correspondence.records.lookup import require
from correspondence.rules import labels
from store.models import ContactLogEntry, Decision
from store.vocabulary import Channel, DecisionKind, DecisionStatus, RejectionGround


@dataclass(frozen=True)
class DecisionForm:
    id: int
    kind: DecisionKind
    status: DecisionStatus
    decided_on: date | None
    reasons: tuple[str, ...]
    missing: tuple[str, ...]
    requested_on: date | None
    starts_on: date | None
    ground: RejectionGround | None
    weighing: str


@dataclass(frozen=True)
class LoggedCall:
    id: int
    at: datetime
    channel: Channel
    reached: bool
    note: str
    decisions: tuple[tuple[int, str], ...]  # the decisions it explained: (number, label)


def decision_form(session: Session, decision_id: int) -> DecisionForm:
    decision = require(session, Decision, decision_id)
    return DecisionForm(
        decision.id,
        decision.kind,
        decision.status,
        decision.decided_on,
        tuple(decision.reasons),
        tuple(decision.missing),
        decision.requested_on,
        decision.starts_on,
        decision.ground,
        decision.weighing,
    )


def logged_call(session: Session, entry_id: int) -> LoggedCall:
    entry = require(session, ContactLogEntry, entry_id)
    return LoggedCall(
        entry.id,
        entry.at,
        entry.channel,
        entry.reached,
        entry.note,
        tuple(
            (d.id, f"{labels.DECISION_KINDS[d.kind]} ({labels.DECISION_STATUSES[d.status]})")
            for d in entry.decisions
        ),
    )
