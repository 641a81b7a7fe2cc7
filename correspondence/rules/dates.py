"""Dates and moments as typed on the command line or read from a file: the ISO forms, the
window of dates Poortpost accepts, and Dutch local time without its daylight-saving traps.

Every path that reads a date (the commands, CASE.json, the import, the client form) goes
through `check_day`, so the window and its message live here only.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from enum import Enum
from zoneinfo import ZoneInfo

from correspondence.rules.text import shown

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


class DateKind(Enum):
    """What a date is, for the limits beyond the window."""

    ANY = "any"
    BIRTH = "birth"  # not in the future
    SENDING = "sending"  # at most a year ahead


class DateRefused(ValueError):
    """A date or moment that is malformed or outside its window; the message is Dutch."""


def a_year_after(day: date) -> date:
    """The same day a year later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def check_day(day: date, today: date, kind: DateKind = DateKind.ANY) -> date:
    """`day` if it lies in the window for its kind, else DateRefused with a Dutch message."""
    if not EARLIEST <= day <= LATEST:
        raise DateRefused(
            f"{_quoted(day.isoformat(), kind)} ligt buiten de datums die Poortpost kent "
            f"({EARLIEST.isoformat()} tot en met {LATEST.isoformat()})"
        )
    if kind is DateKind.BIRTH and day > today:
        raise DateRefused("een geboortedatum kan niet in de toekomst liggen")
    if kind is DateKind.SENDING and day > a_year_after(today):
        raise DateRefused(
            "een verzenddatum ligt hoogstens een jaar vooruit "
            f"(uiterlijk {a_year_after(today).isoformat()})"
        )
    return day


def parse_day(text: str, today: date, kind: DateKind = DateKind.ANY) -> date:
    """A date written as JJJJ-MM-DD that exists and lies in its window."""
    if not ISO_DATE.fullmatch(text):
        raise DateRefused(f"{_quoted(text, kind)} is geen datum in de vorm JJJJ-MM-DD")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise DateRefused(f"{_quoted(text, kind)} is geen bestaande datum") from None
    return check_day(day, today, kind)


def _quoted(text: str, kind: DateKind) -> str:
    """The value for a message; a birth date is personal data and is never repeated."""
    return "deze geboortedatum" if kind is DateKind.BIRTH else shown(text)


def parse_moment(text: str, today: date) -> datetime:
    """A date and time (JJJJ-MM-DDTuu:mm); without an offset it is Dutch local time, which
    must exist and be unambiguous."""
    try:
        moment = datetime.fromisoformat(text) if ISO_DATE.match(text) else None
    except ValueError:
        moment = None
    if moment is None:
        raise DateRefused(f"{shown(text)} is geen tijdstip in de vorm JJJJ-MM-DDTuu:mm")
    check_day(moment.date(), today)
    return moment if moment.tzinfo else local_moment(moment)


def local_moment(wall: datetime) -> datetime:
    """The instant at wall-clock time `wall` in Dutch local time.

    A time in the spring gap (2026-03-29T02:30) does not exist; a time in the autumn hour that
    is lived twice (2026-10-25T02:30) is ambiguous and needs an explicit offset.
    """
    first, second = (wall.replace(tzinfo=LOCAL_ZONE, fold=fold) for fold in (0, 1))
    if _wall_time(first) != wall:
        raise DateRefused(
            f"{wall:%Y-%m-%d %H:%M} bestaat niet in Nederlandse tijd (de klok gaat dan vooruit)"
        )
    if first.utcoffset() != second.utcoffset():
        raise DateRefused(
            f"{wall:%Y-%m-%d %H:%M} komt twee keer voor (de klok gaat dan terug); "
            "geef de tijdzone erbij: +02:00 (zomertijd) of +01:00 (wintertijd)"
        )
    return first


def local_time_on(day: date, clock: time) -> datetime:
    """`day` at `clock` Dutch local time, as an instant: the one place a time without a zone
    becomes Dutch local time."""
    return local_moment(datetime.combine(day, clock))


def _wall_time(moment: datetime) -> datetime:
    """The local wall-clock time of `moment` after a round trip through UTC."""
    return moment.astimezone(UTC).astimezone(LOCAL_ZONE).replace(tzinfo=None, fold=0)
