from datetime import date

from correspondence.queries.dossier import CaseFacts, SessionFact, StepState, next_due, plan_steps
from correspondence.rules.calendar import AtwCalendar
from store.vocabulary import Attendance, Route

CALENDAR = AtwCalendar()
MEETING = "Bijeenkomst Rechten en Plichten"


def steps_of(facts, today):
    return {s.title: s for s in plan_steps(facts, today, CALENDAR, MEETING)}


def test_fresh_registration_asks_for_a_rights_meeting_first():
    facts = CaseFacts(route=Route.STANDARD, registered_on=date(2026, 11, 2))
    steps = plan_steps(facts, date(2026, 11, 2), CALENDAR, MEETING)
    assert next_due(steps).title == MEETING
    by_title = {s.title: s for s in steps}
    assert by_title["Voorschot"].deadline == date(2026, 11, 30)
    assert by_title["Besluit"].state is StepState.OPEN


def test_interview_later_than_a_week_is_overdue_unless_a_reason_is_recorded():
    facts = CaseFacts(
        route=Route.STANDARD,
        registered_on=date(2026, 11, 2),
        rights_meeting=SessionFact(date(2026, 11, 5), Attendance.PRESENT),
        interview_on=date(2026, 11, 16),
    )
    late = steps_of(facts, date(2026, 11, 10))["Participatiegesprek"]
    assert late.state is StepState.OVERDUE
    assert late.deadline == date(2026, 11, 12)
    excused = CaseFacts(**{**facts.__dict__, "interview_delay_reason": "klant op vakantie"})
    step = steps_of(excused, date(2026, 11, 10))["Participatiegesprek"]
    assert step.state is StepState.PLANNED
    assert "klant op vakantie" in step.note


def test_decision_overdue_after_eight_weeks():
    facts = CaseFacts(
        route=Route.STANDARD,
        registered_on=date(2026, 9, 1),
        application_received_on=date(2026, 9, 10),
    )
    assert steps_of(facts, date(2026, 11, 5))["Besluit"].state is StepState.DUE
    assert steps_of(facts, date(2026, 11, 6))["Besluit"].state is StepState.OVERDUE


def test_bypass_skips_the_group_steps_with_the_reason():
    facts = CaseFacts(route=Route.BYPASS, registered_on=date(2026, 11, 2), bypass_reason="dakloos")
    steps = steps_of(facts, date(2026, 11, 3))
    assert steps[MEETING].state is StepState.SKIPPED
    assert steps["Workshop naar Werk"].note == "bypass: dakloos"


def test_youth_route_has_a_search_period_instead_of_the_meeting():
    facts = CaseFacts(route=Route.YOUTH, registered_on=date(2026, 11, 2))
    steps = steps_of(facts, date(2026, 11, 10))
    assert MEETING not in steps
    assert steps["Zoektermijn (4 weken)"].deadline == date(2026, 11, 29)
    assert "aanvragen vanaf 30 november 2026" in steps["Zoektermijn (4 weken)"].note
    assert steps["Zoektermijn (4 weken)"].state is StepState.PLANNED


def test_no_show_at_the_meeting_is_overdue():
    facts = CaseFacts(
        route=Route.STANDARD,
        registered_on=date(2026, 11, 2),
        rights_meeting=SessionFact(date(2026, 11, 5), Attendance.ABSENT),
    )
    assert steps_of(facts, date(2026, 11, 6))[MEETING].state is StepState.OVERDUE


def test_the_advance_step_gives_the_legal_deadline_from_the_application_and_the_local_offer():
    from correspondence.rules.legal_channels import AdvanceOffer

    registered = CaseFacts(route=Route.STANDARD, registered_on=date(2026, 11, 2))
    step = steps_of(registered, date(2026, 11, 3))["Voorschot"]
    # no application yet: the legal rule without a date, the local offer with its date
    assert step.deadline == date(2026, 11, 30)
    assert step.note == (
        "wettelijk: uiterlijk 4 weken na ontvangst van de aanvraag (art. 52 Pw); "
        "op verzoek al uiterlijk 30 november 2026 (4 weken na de melding)"
    )
    applied = CaseFacts(**{**registered.__dict__, "application_received_on": date(2026, 11, 12)})
    step = steps_of(applied, date(2026, 11, 13))["Voorschot"]
    assert step.deadline == date(2026, 12, 10)  # art. 52 lid 1: four weeks after the application
    assert step.note == (
        "wettelijk uiterlijk 10 december 2026, zonder verzoek, daarna elke 4 weken "
        "(volgende 7 januari 2027) zolang niet is beslist (art. 52 Pw); "
        "op verzoek al uiterlijk 30 november 2026 (4 weken na de melding)"
    )
    assert "recht binnen 4 weken na de melding" not in step.note
    # beheer offers nothing of its own: only the law, and no date before the application
    steps = plan_steps(applied, date(2026, 11, 13), CALENDAR, MEETING, AdvanceOffer.NONE)
    step = next(s for s in steps if s.title == "Voorschot")
    assert step.deadline == date(2026, 12, 10)
    assert "melding" not in step.note
    steps = plan_steps(registered, date(2026, 11, 3), CALENDAR, MEETING, AdvanceOffer.NONE)
    step = next(s for s in steps if s.title == "Voorschot")
    assert step.deadline is None
    assert step.note == "wettelijk: uiterlijk 4 weken na ontvangst van de aanvraag (art. 52 Pw)"
