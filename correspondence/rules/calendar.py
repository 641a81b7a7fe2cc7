"""The Algemene termijnenwet (Atw) calendar: which days a statutory term may end on.

Holiday libraries are deliberately not used: they treat 5 May as a holiday only in lustrum
years and know nothing of the days equated by Royal decree, both of which the Atw requires.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

SATURDAY = 5
SUNDAY = 6


@lru_cache(maxsize=64)  # every deadline of every letter walks the same few years' days
def atw_holidays(year: int) -> Mapping[date, str]:
    """The generally recognised holidays of Atw art. 3 in `year`, with their Dutch names."""
    easter_sunday = easter(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == SUNDAY:
        kings_day = date(year, 4, 26)
    return {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter_sunday - timedelta(days=2): "Goede Vrijdag",
        easter_sunday: "Eerste Paasdag",
        easter_sunday + timedelta(days=1): "Tweede Paasdag",
        kings_day: "Koningsdag",
        date(year, 5, 5): "Bevrijdingsdag",
        easter_sunday + timedelta(days=39): "Hemelvaartsdag",
        easter_sunday + timedelta(days=49): "Eerste Pinksterdag",
        easter_sunday + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }


@dataclass(frozen=True)
class AtwCalendar:
    """Working days under the Atw: not a Saturday, Sunday, holiday or equated day.

    `equated_days` are the days equated to a holiday by Royal decree; they are data that
    beheer maintains in the database and pass in here.
    """

    equated_days: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def with_equated(cls, days: Iterable[date]) -> AtwCalendar:
        return cls(frozenset(days))

    def non_working_reason(self, day: date) -> str | None:
        """Why `day` is no working day (Dutch), or None when it is one."""
        if day.weekday() == SATURDAY:
            return "zaterdag"
        if day.weekday() == SUNDAY:
            return "zondag"
        holiday = atw_holidays(day.year).get(day)
        if holiday:
            return holiday
        if day in self.equated_days:
            return "bij Koninklijk Besluit gelijkgestelde dag"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.non_working_reason(day) is None

    def on_or_after(self, day: date) -> date:
        """The first working day on or after `day` (Atw art. 1: a term runs on to it)."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def on_or_before(self, day: date) -> date:
        """The last working day on or before `day`."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def term_end(self, start: date, days: int) -> date:
        """Last day of a statutory term of `days` days that starts the day after `start`."""
        return self.on_or_after(start + timedelta(days=days))
