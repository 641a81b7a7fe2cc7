"""When the route's appointments may be: group sessions on a Monday or Thursday that is a
working day, interviews on a working day within 7 days of the meeting unless a reason is
recorded, and the term to complete an application ending on a working day after receipt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from correspondence.rules import deadlines
from correspondence.rules.calendar import SATURDAY, SUNDAY, AtwCalendar
from correspondence.rules.formatting import weekday_date
from correspondence.rules.group_sessions import SEARCH_HORIZON_DAYS, SESSION_WEEKDAYS


def working_day_refusal(day: date, calendar: AtwCalendar) -> str | None:
    """Why nothing can be planned on `day` (Dutch, naming the day), or None on a working day."""
    reason = calendar.non_working_reason(day)
    if reason is None:
        return None
    if day.weekday() in (SATURDAY, SUNDAY):
        return f"{weekday_date(day)} valt in het weekend: kies een werkdag"
    return f"{weekday_date(day)} is geen werkdag ({reason}): kies een werkdag"


def session_day_refusal(day: date, calendar: AtwCalendar) -> str | None:
    """Why no group session is held on `day`, or None when one is."""
    if day.weekday() not in SESSION_WEEKDAYS:
        return f"{weekday_date(day)} is geen maandag of donderdag: kies een maandag of donderdag"
    return working_day_refusal(day, calendar)


def session_days(earliest: date, calendar: AtwCalendar) -> Iterator[date]:
    """The days a group session is held on or after `earliest`, in order, for a year."""
    for offset in range(SEARCH_HORIZON_DAYS):
        day = earliest + timedelta(days=offset)
        if session_day_refusal(day, calendar) is None:
            yield day


def interview_delay_refusal(meeting_on: date, interview_on: date, reason: str) -> str | None:
    """An interview later than 7 days after the meeting needs a recorded reason."""
    due = deadlines.interview_due_by(meeting_on)
    if interview_on > due and not reason.strip():
        return (
            f"het gesprek is later dan 7 dagen na de bijeenkomst (uiterlijk {weekday_date(due)}): "
            "leg de reden vast"
        )
    return None


def completion_term_refusal(received_on: date, term: date, calendar: AtwCalendar) -> str | None:
    """The term given to complete an application (Awb 4:5) ends on a working day after receipt."""
    if term <= received_on:
        return f"de termijn moet na de ontvangst ({weekday_date(received_on)}) eindigen"
    return working_day_refusal(term, calendar)
