from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from correspondence.rules.calendar import AtwCalendar, atw_holidays
from correspondence.rules.deadlines import (
    advance_deadline,
    decision_deadline,
    interview_in_time,
    may_start_before_ww_end,
    objection_deadline,
    search_period,
    ww_early_start,
)

EQUATED = AtwCalendar.with_equated(
    [date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7), date(2028, 4, 28), date(2028, 5, 26)]
)
PLAIN = AtwCalendar()


def test_holidays_of_2026_are_the_atw_list():
    assert sorted(atw_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 4, 3),  # Goede Vrijdag
        date(2026, 4, 5),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 24),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


def test_kings_day_moves_to_the_26th_when_the_27th_is_a_sunday():
    assert date(2025, 4, 26) in atw_holidays(2025)
    assert date(2025, 4, 27) not in atw_holidays(2025)


@pytest.mark.parametrize("year", [2026, 2027, 2029, 2031])
def test_liberation_day_is_a_holiday_every_year_not_only_in_lustrum_years(year):
    assert atw_holidays(year)[date(year, 5, 5)] == "Bevrijdingsdag"


def test_plain_objection_deadline_is_six_weeks_after_sending():
    assert objection_deadline(date(2026, 12, 11), EQUATED) == date(2027, 1, 22)


def test_objection_deadline_on_good_friday_runs_past_easter_monday():
    # 12 Feb 2027 + 42 days = Good Friday 26 March; Sat, Sun, Easter Monday follow.
    assert objection_deadline(date(2027, 2, 12), EQUATED) == date(2027, 3, 30)


def test_objection_deadline_on_5_may_of_a_non_lustrum_year():
    # 24 March 2026 + 42 days = Tuesday 5 May 2026; 2026 is no multiple of five.
    assert objection_deadline(date(2026, 3, 24), EQUATED) == date(2026, 5, 6)


def test_objection_deadline_on_an_equated_day():
    # 3 April 2026 + 42 days = Friday 15 May 2026, equated by Royal decree.
    assert objection_deadline(date(2026, 4, 3), EQUATED) == date(2026, 5, 18)
    assert objection_deadline(date(2026, 4, 3), PLAIN) == date(2026, 5, 15)


def test_objection_deadline_on_christmas_next_to_a_weekend():
    # 13 Nov 2026 + 42 days = Friday 25 Dec; 26 Dec is Saturday, then Sunday.
    assert objection_deadline(date(2026, 11, 13), EQUATED) == date(2026, 12, 28)


def test_objection_deadline_on_a_saturday_moves_to_monday():
    assert objection_deadline(date(2026, 10, 24), EQUATED) == date(2026, 12, 7)


def test_decision_deadline_is_eight_weeks_after_receipt():
    assert decision_deadline(date(2026, 11, 6), EQUATED) == date(2027, 1, 4)  # 1 Jan is a Friday
    assert decision_deadline(date(2026, 10, 1), EQUATED) == date(2026, 11, 26)


def test_advance_deadline_is_four_weeks_after_registration():
    assert advance_deadline(date(2026, 11, 2), EQUATED) == date(2026, 11, 30)
    # 4 Dec 2026 + 28 = 1 Jan 2027 (Nieuwjaarsdag, Friday) -> Monday 4 Jan
    assert advance_deadline(date(2026, 12, 4), EQUATED) == date(2027, 1, 4)


def test_a_young_person_applies_four_weeks_after_the_melding_and_bijstand_starts_then():
    # melding Monday 2 November 2026: the four weeks are 2 to 29 November
    period = search_period(date(2026, 11, 2))
    assert period.last_day == date(2026, 11, 29)
    assert period.apply_from == date(2026, 11, 30)  # Monday, four weeks later
    assert period.bijstand_from == date(2026, 11, 30)


def test_the_search_period_is_a_waiting_period_the_atw_does_not_stretch():
    # melding Friday 27 November 2026: four weeks later is Christmas Day, and it stays
    assert search_period(date(2026, 11, 27)).apply_from == date(2026, 12, 25)


def test_ww_early_start_window():
    assert ww_early_start(date(2026, 12, 31)) == date(2026, 12, 3)
    assert may_start_before_ww_end(date(2026, 12, 31), date(2026, 12, 3))
    assert not may_start_before_ww_end(date(2026, 12, 31), date(2026, 12, 2))


def test_interview_within_seven_days_of_the_meeting():
    meeting = date(2026, 11, 5)
    assert interview_in_time(meeting, date(2026, 11, 12))
    assert not interview_in_time(meeting, date(2026, 11, 13))
    assert not interview_in_time(meeting, date(2026, 11, 4))


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@given(days)
def test_objection_deadline_never_falls_on_a_non_working_day(sent_on):
    deadline = objection_deadline(sent_on, EQUATED)
    assert EQUATED.is_working_day(deadline)
    plain_end = sent_on + timedelta(days=42)
    assert deadline >= plain_end
    # and it is the first working day: every day skipped was a non-working day
    day = plain_end
    while day < deadline:
        assert not EQUATED.is_working_day(day)
        day += timedelta(days=1)


@given(days)
def test_decision_and_advance_deadlines_fall_on_working_days(day):
    assert EQUATED.is_working_day(decision_deadline(day, EQUATED))
    assert EQUATED.is_working_day(advance_deadline(day, EQUATED))


def test_the_working_day_on_or_before_goes_back_past_christmas_and_the_weekend():
    calendar = AtwCalendar.with_equated([date(2026, 1, 2)])
    assert calendar.on_or_before(date(2025, 12, 28)) == date(2025, 12, 24)  # Sun → Wed
    assert calendar.on_or_before(date(2026, 1, 4)) == date(2025, 12, 31)  # past 1 and 2 Jan
    assert calendar.on_or_before(date(2026, 11, 27)) == date(2026, 11, 27)
