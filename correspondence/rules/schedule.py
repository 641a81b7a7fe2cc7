"""Repayment schedules of an advance: exact to the cent, one due date a month."""

from __future__ import annotations

import calendar as month_calendar
from dataclasses import dataclass
from datetime import date

from correspondence.rules.money import Cents


@dataclass(frozen=True)
class Instalment:
    number: int
    due_on: date
    amount: Cents
    balance_after: Cents


class ScheduleError(ValueError):
    pass


MAX_MONTHS = 120  # ten years: a longer repayment is no plan but a mistake in the amount
MIN_INSTALMENT: Cents = 100  # € 1,00: a smaller instalment costs more to collect than it brings


def check_months(months: int) -> int:
    """A number of months a repayment may run, or ScheduleError."""
    if months < 1:
        raise ScheduleError("het aantal maanden moet minstens 1 zijn")
    if months > MAX_MONTHS:
        raise ScheduleError(f"een aflossing duurt hoogstens {MAX_MONTHS} maanden")
    return months


def check_monthly(monthly: Cents) -> Cents:
    """A monthly amount a repayment may have, or ScheduleError."""
    if monthly < MIN_INSTALMENT:
        raise ScheduleError("het maandbedrag moet minstens € 1,00 zijn")
    return monthly


def monthly_due_date(first_due: date, months_later: int) -> date:
    """The due date `months_later` months after `first_due`, on the same day of the month.

    A day that a month lacks (the 31st in April) becomes that month's last day; the next
    month returns to the original day.
    """
    month_index = first_due.month - 1 + months_later
    year, month = first_due.year + month_index // 12, month_index % 12 + 1
    last_day = month_calendar.monthrange(year, month)[1]
    return date(year, month, min(first_due.day, last_day))


def _build(total: Cents, amounts: list[Cents], first_due: date) -> list[Instalment]:
    schedule, balance = [], total
    for index, amount in enumerate(amounts):
        balance -= amount
        schedule.append(Instalment(index + 1, monthly_due_date(first_due, index), amount, balance))
    return schedule


def schedule_by_months(total: Cents, months: int, first_due: date) -> list[Instalment]:
    """Equal instalments over `months`; the last one absorbs the rounding remainder."""
    if total <= 0:
        raise ScheduleError("het bedrag moet groter zijn dan nul")
    base = total // check_months(months)
    if base < MIN_INSTALMENT:
        raise ScheduleError("elke termijn moet minstens € 1,00 zijn; kies minder maanden")
    return _build(total, [base] * (months - 1) + [total - base * (months - 1)], first_due)


def schedule_by_amount(total: Cents, monthly: Cents, first_due: date) -> list[Instalment]:
    """Instalments of `monthly` until paid; the last one is what is left."""
    if total <= 0:
        raise ScheduleError("het bedrag moet groter zijn dan nul")
    count = -(-total // check_monthly(monthly))
    if count > MAX_MONTHS:
        raise ScheduleError(
            f"met dit maandbedrag duurt de aflossing {count} maanden; "
            f"hoogstens {MAX_MONTHS}: kies een hoger maandbedrag"
        )
    return _build(total, [monthly] * (count - 1) + [total - monthly * (count - 1)], first_due)


def plan_schedule(
    total: Cents, first_due: date, months: int | None = None, monthly: Cents | None = None
) -> list[Instalment]:
    """The schedule for a plan of either a number of months or a monthly amount."""
    if (months is None) == (monthly is None):
        raise ScheduleError("geef een aantal maanden óf een maandbedrag")
    if months is not None:
        return schedule_by_months(total, months, first_due)
    return schedule_by_amount(total, monthly or 0, first_due)
