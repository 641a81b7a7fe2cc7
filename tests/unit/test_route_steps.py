"""Which action each step of the route offers, and when group sessions and interviews may be."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from correspondence.queries.dossier import CaseFacts, SessionFact, next_due, plan_steps
from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.group_sessions import SESSION_WEEKDAYS, next_session_day
from correspondence.rules.route_planning import (
    completion_term_refusal,
    interview_delay_refusal,
    session_day_refusal,
    session_days,
    working_day_refusal,
)
from correspondence.rules.route_steps import (
    Step,
    StepAction,
    StepKey,
    StepState,
    possible_actions,
    primary_action,
    step_actions,
    why_not,
)
from store.vocabulary import Attendance, Route

CALENDAR = AtwCalendar.with_equated([date(2026, 1, 2), date(2027, 5, 7)])
MEETING = "Bijeenkomst Rechten en Plichten"
REGISTERED = date(2026, 11, 2)
A = StepAction


def by_key(facts: CaseFacts, today: date) -> dict[StepKey, Step]:
    return {s.key: s for s in plan_steps(facts, today, CALENDAR, MEETING)}


def standard(**facts) -> CaseFacts:
    return CaseFacts(route=Route.STANDARD, registered_on=REGISTERED, **facts)


def test_every_step_has_its_own_stable_key():
    for route in Route:
        facts = CaseFacts(route=route, registered_on=REGISTERED, bypass_reason="dakloos")
        keys = [s.key for s in plan_steps(facts, REGISTERED, CALENDAR, MEETING)]
        assert len(keys) == len(set(keys))
        assert keys[0] is StepKey.REGISTRATION and keys[-1] is StepKey.DECISION
    assert StepKey.RIGHTS_MEETING.value == "rights_meeting"


def test_the_meeting_asks_for_a_seat_then_attendance_then_the_next_seat():
    today = date(2026, 11, 3)
    fresh = by_key(standard(), today)[StepKey.RIGHTS_MEETING]
    assert step_actions(fresh) == (A.BOOK,)
    booked = by_key(standard(rights_meeting=SessionFact(date(2026, 11, 5))), today)
    assert step_actions(booked[StepKey.RIGHTS_MEETING]) == (A.ATTENDANCE, A.MOVE)
    assert why_not(booked[StepKey.RIGHTS_MEETING], A.BOOK).startswith("De klant staat al")
    absent = SessionFact(date(2026, 11, 2), Attendance.ABSENT)
    missed = by_key(standard(rights_meeting=absent), today)[StepKey.RIGHTS_MEETING]
    assert missed.state is StepState.OVERDUE
    assert step_actions(missed) == (A.BOOK, A.ATTENDANCE)
    assert A.MOVE not in step_actions(missed)
    present = SessionFact(date(2026, 11, 2), Attendance.PRESENT)
    done = by_key(standard(rights_meeting=present), today)[StepKey.RIGHTS_MEETING]
    assert step_actions(done) == (A.ATTENDANCE,)


def test_the_interview_is_planned_then_held():
    met = SessionFact(date(2026, 11, 5), Attendance.PRESENT)
    today = date(2026, 11, 6)
    assert step_actions(by_key(standard(rights_meeting=met), today)[StepKey.INTERVIEW]) == (A.PLAN,)
    coming = by_key(standard(rights_meeting=met, interview_on=date(2026, 11, 10)), today)
    step = coming[StepKey.INTERVIEW]
    assert step_actions(step) == (A.PLAN,)
    assert why_not(step, A.HELD) == "Het gesprek is nog niet geweest."
    past = by_key(standard(rights_meeting=met, interview_on=date(2026, 11, 10)), date(2026, 11, 11))
    assert step_actions(past[StepKey.INTERVIEW]) == (A.HELD, A.PLAN)
    held = standard(rights_meeting=met, interview_on=date(2026, 11, 10), interview_held=True)
    assert by_key(held, date(2026, 11, 11))[StepKey.INTERVIEW].state is StepState.DONE
    assert step_actions(by_key(held, date(2026, 11, 11))[StepKey.INTERVIEW]) == (A.HELD,)
    failed = standard(rights_meeting=met, interview_on=date(2026, 11, 10), interview_held=False)
    step = by_key(failed, date(2026, 11, 11))[StepKey.INTERVIEW]
    assert step.state is StepState.DUE and step_actions(step)[0] is A.PLAN


def test_advance_and_decision_offer_their_hooks_until_done():
    steps = by_key(standard(), REGISTERED)
    assert step_actions(steps[StepKey.ADVANCE]) == (A.ADVANCE,)
    assert step_actions(steps[StepKey.DECISION]) == ()  # no application yet
    assert "aanvraag" in why_not(steps[StepKey.DECISION], A.DECISION)
    received = by_key(standard(application_received_on=date(2026, 11, 3)), date(2026, 11, 4))
    assert step_actions(received[StepKey.DECISION]) == (A.DECISION,)
    advanced = by_key(standard(advance_starts_on=date(2026, 11, 3)), date(2026, 11, 4))
    assert step_actions(advanced[StepKey.ADVANCE]) == ()


def test_skipped_steps_and_the_registration_offer_the_change_of_route():
    bypass = CaseFacts(route=Route.BYPASS, registered_on=REGISTERED, bypass_reason="dakloos")
    steps = by_key(bypass, REGISTERED)
    assert step_actions(steps[StepKey.WORKSHOP]) == (A.ROUTE,)
    assert possible_actions(steps[StepKey.WORKSHOP]) == (A.ROUTE,)
    assert step_actions(steps[StepKey.REGISTRATION]) == (A.ROUTE,)
    youth = by_key(CaseFacts(route=Route.YOUTH, registered_on=REGISTERED), REGISTERED)
    period = youth[StepKey.SEARCH_PERIOD]
    assert period.deadline == date(2026, 11, 29)  # the last of the four weeks
    assert "aanvragen vanaf 30 november 2026" in period.note
    assert step_actions(youth[StepKey.SEARCH_INTERVIEW]) == (A.PLAN,)


def test_a_closed_case_offers_nothing_and_says_why():
    step = by_key(standard(), REGISTERED)[StepKey.RIGHTS_MEETING]
    assert step_actions(step, case_open=False) == ()
    assert why_not(step, A.BOOK, case_open=False) == "Het dossier is gesloten."


def test_the_application_step_shows_what_is_missing_and_the_term():
    facts = standard(
        application_received_on=date(2026, 11, 3),
        application_missing=("loonstroken", "huurcontract"),
        application_complete_by=date(2026, 11, 17),
    )
    step = by_key(facts, date(2026, 11, 4))[StepKey.APPLICATION]
    assert step.deadline == date(2026, 11, 17)
    assert step.note == "ontbreekt nog: loonstroken; huurcontract"


def facts_strategy():
    day = st.dates(date(2026, 1, 1), date(2027, 12, 31))
    attendance = st.sampled_from([None, *Attendance])
    session = st.one_of(st.none(), st.builds(SessionFact, day, attendance))
    return st.builds(
        CaseFacts,
        route=st.sampled_from(Route),
        registered_on=day,
        bypass_reason=st.just("dakloos"),
        rights_meeting=session,
        workshop=session,
        interview_on=st.one_of(st.none(), day),
        interview_held=st.sampled_from([None, True, False]),
        application_received_on=st.one_of(st.none(), day),
        advance_starts_on=st.one_of(st.none(), day),
    )


@given(facts_strategy(), st.dates(date(2026, 1, 1), date(2027, 12, 31)))
def test_the_next_step_always_has_an_action_and_every_action_is_one_its_kind_can_offer(
    facts, today
):
    steps = plan_steps(facts, today, CALENDAR, MEETING)
    for step in steps:
        actions = step_actions(step)
        assert set(actions) <= set(possible_actions(step))
        assert primary_action(step) == (actions[0] if actions else None)
        for action in possible_actions(step):
            assert (why_not(step, action) == "") == (action in actions)
    upcoming = next_due(steps)
    if upcoming is not None:
        assert primary_action(upcoming) is not None


@given(st.dates(date(2026, 1, 1), date(2030, 12, 31)))
def test_a_proposed_session_day_is_a_monday_or_thursday_working_day(earliest):
    proposed = next_session_day(earliest, {}, CALENDAR)
    assert proposed >= earliest
    assert proposed.weekday() in SESSION_WEEKDAYS
    assert CALENDAR.is_working_day(proposed)
    assert session_day_refusal(proposed, CALENDAR) is None
    assert next(session_days(earliest, CALENDAR)) == proposed
    between = [earliest + timedelta(days=n) for n in range((proposed - earliest).days)]
    assert all(session_day_refusal(day, CALENDAR) for day in between)


def test_refusals_name_the_day():
    assert working_day_refusal(date(2026, 12, 5), CALENDAR) == (
        "zaterdag 5 december 2026 valt in het weekend: kies een werkdag"
    )
    assert "Tweede Kerstdag" not in (working_day_refusal(date(2026, 12, 24), CALENDAR) or "")
    assert "Eerste Kerstdag" in (working_day_refusal(date(2026, 12, 25), CALENDAR) or "")
    assert "gelijkgestelde" in (working_day_refusal(date(2027, 5, 7), CALENDAR) or "")
    assert "geen maandag of donderdag" in (session_day_refusal(date(2026, 12, 1), CALENDAR) or "")
    assert working_day_refusal(date(2026, 12, 1), CALENDAR) is None


def test_a_late_interview_needs_a_reason():
    met = date(2026, 11, 5)
    assert interview_delay_refusal(met, date(2026, 11, 12), "") is None
    assert "donderdag 12 november 2026" in (
        interview_delay_refusal(met, date(2026, 11, 13), "") or ""
    )
    assert interview_delay_refusal(met, date(2026, 11, 13), "klant op vakantie") is None


def test_the_completion_term_ends_on_a_working_day_after_receipt():
    received = date(2026, 11, 3)
    assert completion_term_refusal(received, received, CALENDAR)
    assert "weekend" in (completion_term_refusal(received, date(2026, 11, 14), CALENDAR) or "")
    assert completion_term_refusal(received, date(2026, 11, 17), CALENDAR) is None
