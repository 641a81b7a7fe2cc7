"""The terms of an advance for a case, from the reference data in force: one answer for the
workflow that grants it and the window that shows it before it is granted."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from correspondence.records import reference
from correspondence.rules.advance import AdvanceTerms, Repayment, advance_terms
from store.models import Case


def terms_for(session: Session, case: Case, starts_on: date, plan: Repayment) -> AdvanceTerms:
    """The advance for the case's client starting on `starts_on`, or ValidationFailed on the
    fields `start`, `repayment.first_due` or `repayment`."""
    client = case.client
    return advance_terms(
        reference.norm_tables(session),
        reference.advance_percent(session),
        starts_on,
        client.household,
        client.birth_date,
        plan,
        cost_sharers=client.cost_sharers,
    )
