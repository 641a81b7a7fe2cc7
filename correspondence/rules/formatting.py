"""Dutch (nl_NL) presentation of dates, times and money, through babel."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date as _format_date
from babel.dates import format_time as _format_time
from babel.numbers import format_currency, format_decimal

from correspondence.rules.dates import LOCAL_ZONE
from correspondence.rules.money import Cents, cents_to_decimal

LOCALE = "nl_NL"


def long_date(day: date) -> str:
    """ "5 maart 2026"."""
    return _format_date(day, "d MMMM y", locale=LOCALE)


def month_name(month: int) -> str:
    """ "juni" for 6."""
    return _format_date(date(2000, month, 1), "MMMM", locale=LOCALE)


def weekday_date(day: date) -> str:
    """ "donderdag 5 maart 2026"."""
    return _format_date(day, "EEEE d MMMM y", locale=LOCALE)


def short_date(day: date) -> str:
    """ "05-03-2026", for tables."""
    return _format_date(day, "dd-MM-y", locale=LOCALE)


def clock_time(moment: datetime) -> str:
    """ "09:00", in Dutch local time when `moment` is an instant."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(LOCAL_ZONE)
    return _format_time(moment, "HH:mm", locale=LOCALE)


def time_of_day(moment: datetime) -> str:
    """ "9.00", "10.30": a time as Dutch running text writes it, before "uur", in Dutch
    local time when `moment` is an instant. Tables keep clock_time's "09:00"."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(LOCAL_ZONE)
    return _format_time(moment, "H.mm", locale=LOCALE)


def moment(value: datetime) -> str:
    """ "30-11-2026 14:03", for tables: an instant in Dutch local time, whatever the zone of
    the machine that shows it."""
    return f"{short_date(value.astimezone(LOCAL_ZONE).date())} {clock_time(value)}"


def count_noun(count: int, singular: str, plural: str) -> str:
    """ "1 besluit", "2 besluiten", "1.234 pagina's": the number in Dutch, the noun agreeing."""
    return f"{format_decimal(count, locale=LOCALE)} {singular if count == 1 else plural}"


def euros(amount: Cents) -> str:
    """ "€ 1.234,56" (the space is a no-break space, so the sign never ends a line)."""
    return format_currency(cents_to_decimal(amount), "EUR", locale=LOCALE)
