"""The advance of Participatiewet art. 52: its amount from the norm in force on its start and
its repayment schedule. The agreement letter and the workflow that grants it both ask here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from correspondence.rules.errors import ValidationFailed
from correspondence.rules.money import Cents
from correspondence.rules.norms import NormNotFound, NormTable, advance_amount, norm_for
from correspondence.rules.schedule import Instalment, ScheduleError, plan_schedule
from store.vocabulary import Household


@dataclass(frozen=True)
class Repayment:
    """Either a number of months or a monthly amount, from a first due date."""

    first_due: date
    months: int | None = None
    monthly: Cents | None = None


@dataclass(frozen=True)
class AdvanceTerms:
    table: NormTable
    norm: Cents
    percent: Decimal
    amount: Cents
    schedule: list[Instalment]


def advance_terms(
    tables: Iterable[NormTable],
    percent: Decimal,
    starts_on: date,
    household: Household,
    birth_date: date,
    plan: Repayment,
    *,
    cost_sharers: int = 1,
) -> AdvanceTerms:
    """The advance starting on `starts_on`, or ValidationFailed on the fields `start`,
    `repayment.first_due` or `repayment`."""
    try:
        table, norm = norm_for(tables, starts_on, household, birth_date, cost_sharers)
    except NormNotFound as exc:
        raise ValidationFailed({"start": str(exc)}) from exc
    amount = advance_amount(norm, percent)
    if plan.first_due <= starts_on:
        raise ValidationFailed(
            {"repayment.first_due": "de eerste aflossing valt na de start van het voorschot"}
        )
    try:
        schedule = plan_schedule(amount, plan.first_due, plan.months, plan.monthly)
    except ScheduleError as exc:
        raise ValidationFailed({"repayment": str(exc)}) from exc
    return AdvanceTerms(table, norm, percent, amount, schedule)
