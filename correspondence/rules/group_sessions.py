"""Planning of the group sessions of the route: the rights meeting and the workshop."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from correspondence.rules.calendar import AtwCalendar

MONDAY = 0
THURSDAY = 3
SESSION_WEEKDAYS = frozenset({MONDAY, THURSDAY})
RIGHTS_MEETING_SEATS = 25
SEARCH_HORIZON_DAYS = 366


class NoSessionAvailable(LookupError):
    pass


def next_session_day(
    earliest: date,
    booked: Mapping[date, int],
    calendar: AtwCalendar,
    seats: int = RIGHTS_MEETING_SEATS,
) -> date:
    """The first Monday or Thursday on or after `earliest` that is a working day with a free seat.

    `booked` maps a session day to the seats already taken on it.
    """
    day = earliest
    for _ in range(SEARCH_HORIZON_DAYS):
        if (
            day.weekday() in SESSION_WEEKDAYS
            and calendar.is_working_day(day)
            and booked.get(day, 0) < seats
        ):
            return day
        day += timedelta(days=1)
    raise NoSessionAvailable(f"geen bijeenkomst met een vrije plaats binnen een jaar na {earliest}")
