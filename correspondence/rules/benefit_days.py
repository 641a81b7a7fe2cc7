"""The municipality's own days for paying bijstand, set by beheer: the day of the month the
benefit is paid (setting `benefit_payment_day`) and the month the reserved holiday allowance
is paid (setting `holiday_allowance_month`). The Participatiewet fixes neither, so a letter
names a day or a month only when beheer has set it."""

from __future__ import annotations

from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import month_name

# a day every month has
LAST_PAYMENT_DAY = 28


def _whole_number(value: object, key: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationFailed({key: f"hoort een geheel getal van {low} tot en met {high} te zijn"})
    return value


def payment_day(value: object) -> int | None:
    """The day of the month bijstand is paid at the latest, or None when not set."""
    if value is None:
        return None
    return _whole_number(value, "benefit_payment_day", 1, LAST_PAYMENT_DAY)


def holiday_month(value: object) -> str | None:
    """The Dutch name of the month the holiday allowance is paid, or None when not set."""
    if value is None:
        return None
    return month_name(_whole_number(value, "holiday_allowance_month", 1, 12))
