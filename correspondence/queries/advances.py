"""An advance as the window shows it before it is granted: the amount with the norm it comes
from, and the repayment schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from correspondence.records.advance import terms_for
from correspondence.records.lookup import require
from correspondence.rules import labels
from correspondence.rules.advance import Repayment
from correspondence.rules.money import Cents
from correspondence.rules.norms import age_band
from correspondence.rules.schedule import Instalment
from store.models import Case


@dataclass(frozen=True)
class AdvanceProposal:
    starts_on: date
    household: str  # its Dutch label
    age_band: str  # its Dutch label
    table_from: date  # the norm table in force on the start
    table_verified: bool
    norm: Cents
    percent: Decimal
    amount: Cents
    schedule: tuple[Instalment, ...]


def propose_advance(
    session: Session, case_id: int, starts_on: date, plan: Repayment
) -> AdvanceProposal:
    """What `grant_advance` would store; refused on the same fields."""
    case = require(session, Case, case_id)
    terms = terms_for(session, case, starts_on, plan)
    client = case.client
    return AdvanceProposal(
        starts_on,
        labels.HOUSEHOLDS[client.household],
        labels.AGE_BANDS[age_band(client.birth_date, starts_on)],
        terms.table.effective_from,
        terms.table.verified,
        terms.norm,
        terms.percent,
        terms.amount,
        tuple(terms.schedule),
    )
