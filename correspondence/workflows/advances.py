"""Advances (Participatiewet art. 52): the amount from the norm and the repayment schedule."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from correspondence.records.advance import terms_for
from correspondence.records.lookup import require
from correspondence.rules.advance import Repayment
from correspondence.workflows import audit
from store.models import Advance, Case, Employee, Instalment


def grant_advance(
    session: Session,
    actor: Employee,
    case_id: int,
    starts_on: date,
    plan: Repayment,
) -> Advance:
    case = require(session, Case, case_id)
    client = case.client
    terms = terms_for(session, case, starts_on, plan)
    table_id = terms.table.id
    advance = Advance(
        case=case,
        starts_on=starts_on,
        household=client.household,
        cost_sharers=client.cost_sharers,
        norm_cents=terms.norm,
        percent=terms.percent,
        amount_cents=terms.amount,
        norm_table_id=table_id,
        first_due_on=plan.first_due,
        repayment_months=plan.months,
        repayment_monthly_cents=plan.monthly,
        instalments=[
            Instalment(
                number=i.number,
                due_on=i.due_on,
                amount_cents=i.amount,
                balance_after_cents=i.balance_after,
            )
            for i in terms.schedule
        ],
    )
    session.add(advance)
    session.flush()
    audit.record(
        session,
        actor,
        "grant",
        "advance",
        advance.id,
        amount_cents=terms.amount,
        norm_cents=terms.norm,
    )
    return advance
