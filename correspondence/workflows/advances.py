"""Advances (Participatiewet art. 52): the amount from the norm and the repayment schedule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.records import reference
from correspondence.records.lookup import require
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.money import Cents
from correspondence.rules.norms import NormNotFound, advance_amount, norm_for
from correspondence.rules.schedule import ScheduleError, plan_schedule
from correspondence.workflows import audit
from store.models import Advance, Case, Employee, Instalment
from store.models import NormTable as NormTableRow


@dataclass(frozen=True)
class RepaymentPlan:
    """Either a number of months or a monthly amount, from a first due date."""

    first_due: date
    months: int | None = None
    monthly: Cents | None = None


def grant_advance(
    session: Session,
    actor: Employee,
    case_id: int,
    starts_on: date,
    plan: RepaymentPlan,
) -> Advance:
    case = require(session, Case, case_id)
    client = case.client
    try:
        table, norm = norm_for(
            reference.norm_tables(session),
            starts_on,
            client.household,
            client.birth_date,
        )
    except NormNotFound as exc:
        raise ValidationFailed({"start": str(exc)}) from exc
    percent = reference.advance_percent(session)
    amount = advance_amount(norm, percent)
    if plan.first_due <= starts_on:
        raise ValidationFailed(
            {"first_due": "de eerste aflossing valt na de start van het voorschot"}
        )
    try:
        schedule = plan_schedule(amount, plan.first_due, plan.months, plan.monthly)
    except ScheduleError as exc:
        raise ValidationFailed({"repayment": str(exc)}) from exc
    table_id = session.scalar(
        select(NormTableRow.id).where(NormTableRow.effective_from == table.effective_from)
    )
    advance = Advance(
        case=case,
        starts_on=starts_on,
        household=client.household,
        norm_cents=norm,
        percent=percent,
        amount_cents=amount,
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
            for i in schedule
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
        amount_cents=amount,
        norm_cents=norm,
    )
    return advance
