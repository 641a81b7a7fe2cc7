"""The days an objection clause names: the last day to object (Awb 6:7, 6:8, Atw art. 1) and
the last day a posted objection may arrive (Awb 6:9 lid 2)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.deadlines import (
    advance_deadline,
    legal_advance_dates,
    not_processed_last_day,
    not_processed_refusal,
    objection_deadline,
    objection_moved_by,
    posted_objection_arrival,
)

EQUATED = AtwCalendar.with_equated(
    [date(2026, 1, 2), date(2026, 5, 15), date(2027, 5, 7), date(2028, 4, 28), date(2028, 5, 26)]
)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


def test_a_posted_objection_may_arrive_a_week_after_the_last_day():
    sent = date(2026, 12, 11)  # Friday; six weeks later is Friday 22 January 2027
    assert objection_deadline(sent, EQUATED) == date(2027, 1, 22)
    assert objection_moved_by(sent, EQUATED) is None
    assert posted_objection_arrival(sent, EQUATED) == date(2027, 1, 29)


def test_christmas_moves_the_last_day_and_the_week_runs_from_the_moved_day():
    sent = date(2026, 11, 13)  # six weeks later is Friday 25 December 2026
    assert objection_moved_by(sent, EQUATED) == "Eerste Kerstdag"
    assert objection_deadline(sent, EQUATED) == date(2026, 12, 28)  # past 26th and the Sunday
    assert posted_objection_arrival(sent, EQUATED) == date(2027, 1, 4)


def test_the_week_for_a_posted_objection_itself_runs_on_past_a_holiday():
    sent = date(2026, 11, 6)  # last day Friday 18 December; a week later is Christmas Day
    assert objection_deadline(sent, EQUATED) == date(2026, 12, 18)
    assert posted_objection_arrival(sent, EQUATED) == date(2026, 12, 28)


def test_an_equated_day_moves_the_posted_arrival():
    # last day Friday 8 May 2026; a week later is Friday 15 May, equated by Royal decree
    sent = date(2026, 3, 27)
    assert objection_deadline(sent, EQUATED) == date(2026, 5, 8)
    assert posted_objection_arrival(sent, EQUATED) == date(2026, 5, 18)
    assert posted_objection_arrival(sent, AtwCalendar()) == date(2026, 5, 15)


@given(days)
def test_the_posted_arrival_is_a_working_day_at_least_a_week_after_the_deadline(sent_on):
    deadline = objection_deadline(sent_on, EQUATED)
    arrival = posted_objection_arrival(sent_on, EQUATED)
    assert arrival >= deadline + timedelta(days=7) > deadline
    assert EQUATED.is_working_day(arrival)
    day = deadline + timedelta(days=7)  # every day it ran on past was no working day
    while day < arrival:
        assert not EQUATED.is_working_day(day)
        day += timedelta(days=1)


@given(days)
def test_the_deadline_is_moved_exactly_when_six_weeks_end_on_a_non_working_day(sent_on):
    six_weeks = sent_on + timedelta(days=42)
    moved = objection_moved_by(sent_on, EQUATED)
    assert (moved is None) == (objection_deadline(sent_on, EQUATED) == six_weeks)


# --- not processed (Awb 4:5) -------------------------------------------------------------


def test_not_processed_only_after_the_term_passed_and_within_four_weeks():
    term = date(2026, 11, 27)  # Friday
    assert not_processed_last_day(term, EQUATED) == date(2026, 12, 28)  # Christmas, weekend
    assert "loopt nog tot en met vrijdag 27 november 2026" in not_processed_refusal(
        term, term, EQUATED
    )
    assert not_processed_refusal(term, date(2026, 11, 30), EQUATED) is None
    assert not_processed_refusal(term, date(2026, 12, 28), EQUATED) is None
    late = not_processed_refusal(term, date(2026, 12, 29), EQUATED)
    assert "uiterlijk op maandag 28 december 2026" in late and "4:5, vierde lid" in late
    assert "geen termijn gekregen" in not_processed_refusal(None, term, EQUATED)


@given(days, st.integers(min_value=-10, max_value=60))
def test_not_processed_is_allowed_exactly_between_the_term_and_four_weeks_after(term, offset):
    sent = term + timedelta(days=offset)
    allowed = not_processed_refusal(term, sent, EQUATED) is None
    assert allowed == (term < sent <= not_processed_last_day(term, EQUATED))
    assert EQUATED.is_working_day(not_processed_last_day(term, EQUATED))
    assert not_processed_last_day(term, EQUATED) >= term + timedelta(days=28)


# --- the advance (Participatiewet art. 52) -----------------------------------------------


def test_the_legal_advance_comes_four_weeks_after_the_application_and_every_four_weeks():
    received = date(2026, 11, 27)  # four weeks later is Christmas Day
    assert legal_advance_dates(received, EQUATED) == [
        date(2026, 12, 28),
        date(2027, 1, 22),
        date(2027, 2, 19),
    ]


@given(days, days)
def test_advance_dates_are_working_days_and_the_local_offer_counts_from_the_melding(
    registered, received
):
    for due in (advance_deadline(registered, EQUATED), *legal_advance_dates(received, EQUATED)):
        assert EQUATED.is_working_day(due)
    first, second, third = legal_advance_dates(received, EQUATED)
    assert received + timedelta(days=28) <= first < second < third
    assert advance_deadline(registered, EQUATED) >= registered + timedelta(days=28)
