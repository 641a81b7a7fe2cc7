"""The days the demo plans on, relative to today: the Werkplein plans nothing on a weekend or
an Atw holiday, so every day is moved to a working day in the direction that keeps the past
past and the future future."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.deadlines import interview_due_by
from correspondence.rules.group_sessions import SESSION_WEEKDAYS


@dataclass(frozen=True)
class DemoDays:
    today: date
    calendar: AtwCalendar

    def ago(self, days: int) -> date:
        """The working day `days` before today, or the last one before that."""
        return self.before(self.today, days)

    def ahead(self, days: int) -> date:
        """The working day `days` after today, or the first one after that."""
        return self.after(self.today, days)

    def after(self, day: date, days: int = 1) -> date:
        """The working day `days` after `day`, or the first one after that."""
        return self.calendar.on_or_after(day + timedelta(days=days))

    def before(self, day: date, days: int = 1) -> date:
        """The working day `days` before `day`, or the last one before that."""
        return self.calendar.on_or_before(day - timedelta(days=days))

    def meeting_before_interview(self) -> tuple[date, date]:
        """A rights meeting already held and an interview still ahead within the week it
        promises: the last session day before today from which the next working day is in
        reach, or else today itself (after Koningsdag or Ascension no meeting may be)."""
        for interview in (self.ahead(1), self.ahead(0)):
            day = self.today - timedelta(days=1)
            while interview_due_by(day) >= interview:
                if day.weekday() in SESSION_WEEKDAYS and self.calendar.is_working_day(day):
                    return day, interview
                day -= timedelta(days=1)
        raise LookupError("geen bijeenkomst in de week voor het gesprek")

    def first_due(self, months_ahead: int) -> date:
        """The first working day of the month `months_ahead` months on. The later instalments
        keep its day of the month (the schedule's rule), so some fall in a weekend: hardly any
        day of the month is a working day six months running."""
        month = self.today.replace(day=1) + relativedelta(months=months_ahead)
        return self.calendar.on_or_after(month)
