"""The route's steps taken from the dossier, against a real database: booking and moving a
seat, attendance, interviews, the application and a change of route, each audited."""

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from correspondence.queries import views
from correspondence.queries.route import open_sessions
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.rules.inputs import CaseInput
from correspondence.rules.route_steps import StepAction, StepKey, StepState, step_actions
from correspondence.workflows import cases, clients, route
from correspondence.workflows.actors import acting_employee
from store.audit_trail import AuditEvent
from store.models import Appointment, Booking, Case, Employee
from store.vocabulary import AppointmentKind, Attendance, Partner, Role, Route, SessionKind
from tests.support.data import TODAY, VALID, open_standard_case

RIGHTS = SessionKind.RIGHTS_MEETING
INTERVIEW = AppointmentKind.PARTICIPATION_INTERVIEW
MONDAY = date(2026, 12, 7)  # TODAY is Monday 30 November 2026


def run(database, change, username="beheerder"):
    with database.session() as session, session.begin():
        return change(session, acting_employee(session, username))


@pytest.fixture
def case_id(database):
    return run(database, open_standard_case)


def dossier(database, case_id, today=TODAY):
    with database.session() as session:
        client_id = session.get(Case, case_id).client_id
        return views.dossier_of(session, client_id, today)


def steps(database, case_id, today=TODAY):
    return {s.key: s for s in dossier(database, case_id, today).steps}


def audited(database, action):
    with database.session() as session:
        return session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_open_sessions_propose_a_monday_or_thursday_working_day_with_seats(database, case_id):
    with database.session() as session:
        options = open_sessions(session, RIGHTS, date(2026, 12, 22))
    # Tue 22: Thu 24 Dec, then Mon 28 Dec (Christmas on Fri 25 and Sat 26 is no session day)
    assert [o.day for o in options[:3]] == [
        date(2026, 12, 24),
        date(2026, 12, 28),
        date(2026, 12, 31),
    ]
    assert all(o.day.weekday() in (0, 3) for o in options)
    assert options[0].seats_left == 25
    assert options[0].starts_at.astimezone(LOCAL_ZONE).hour == 9


def test_book_move_and_register_absence_then_the_next_meeting(database, case_id):
    booking_id = run(database, lambda s, a: route.book_on(s, a, case_id, RIGHTS, MONDAY, TODAY).id)
    with pytest.raises(ValidationFailed) as refused:
        run(database, lambda s, a: route.book_on(s, a, case_id, RIGHTS, date(2026, 12, 10), TODAY))
    assert "verplaats" in refused.value.errors["rights_meeting"]
    with pytest.raises(ValidationFailed, match="geen maandag of donderdag"):
        run(database, lambda s, a: route.move_booking(s, a, booking_id, date(2026, 12, 8), TODAY))
    run(database, lambda s, a: route.move_booking(s, a, booking_id, date(2026, 12, 10), TODAY))
    assert steps(database, case_id)[StepKey.RIGHTS_MEETING].on == date(2026, 12, 10)
    with database.session() as session:
        assert session.scalars(select(Booking)).one().id == booking_id  # moved, not doubled
    with pytest.raises(ValidationFailed, match="alleen afmelden"):
        run(
            database,
            lambda s, a: cases.record_attendance(s, a, booking_id, Attendance.ABSENT, "", TODAY),
        )
    later = date(2026, 12, 11)
    run(
        database,
        lambda s, a: cases.record_attendance(
            s, a, booking_id, Attendance.ABSENT, "niet gekomen", later
        ),
    )
    step = steps(database, case_id, later)[StepKey.RIGHTS_MEETING]
    assert step.state is StepState.OVERDUE
    assert step_actions(step)[0] is StepAction.BOOK
    with database.session() as session:
        proposed = open_sessions(session, RIGHTS, later + timedelta(days=1))[0].day
    assert proposed == date(2026, 12, 14)
    run(database, lambda s, a: route.book_on(s, a, case_id, RIGHTS, proposed, later))
    booked = dossier(database, case_id, later)
    assert booked.route.meeting.on == proposed and booked.route.meeting.attendance is None
    assert booked.next_due.key is StepKey.INTERVIEW or booked.next_due.key is StepKey.RIGHTS_MEETING
    assert len(audited(database, "move")) == 1
    assert [e.details["attendance"] for e in audited(database, "attendance")] == ["absent"]


def test_a_workshop_is_booked_with_its_partner(database, case_id):
    run(
        database,
        lambda s, a: route.book_on(
            s, a, case_id, SessionKind.WORKSHOP, MONDAY, TODAY, Partner.AGROS
        ),
    )
    view = dossier(database, case_id).route
    assert view.workshop.partner is Partner.AGROS
    assert audited(database, "book")[-1].details["partner"] == "Agros"
    with database.session() as session:
        option = open_sessions(session, SessionKind.WORKSHOP, MONDAY)[0]
    assert option.partner is Partner.AGROS and option.seats_left == 24


def test_interview_rules_late_needs_a_reason_never_on_a_weekend(database, case_id):
    booking_id = run(
        database, lambda s, a: route.book_on(s, a, case_id, RIGHTS, date(2026, 12, 3), TODAY).id
    )
    run(
        database,
        lambda s, a: cases.record_attendance(
            s, a, booking_id, Attendance.PRESENT, "", date(2026, 12, 3)
        ),
    )
    today = date(2026, 12, 3)

    def plan(day, reason="", clock=time(10, 30)):
        return lambda s, a: (
            route.plan_interview(s, a, case_id, INTERVIEW, day, clock, "", today, reason).id
        )

    with pytest.raises(ValidationFailed) as late:
        run(database, plan(date(2026, 12, 14)))  # 11 days after the meeting
    assert "leg de reden vast" in late.value.errors["interview_delay_reason"]
    with pytest.raises(ValidationFailed) as weekend:
        run(database, plan(date(2026, 12, 5)))
    assert weekend.value.errors["day"] == (
        "zaterdag 5 december 2026 valt in het weekend: kies een werkdag"
    )
    with pytest.raises(ValidationFailed, match="Eerste Kerstdag"):
        run(database, plan(date(2026, 12, 25), "vakantie"))
    appointment_id = run(database, plan(date(2026, 12, 14), "klant op vakantie"))
    with database.session() as session:
        appointment = session.get(Appointment, appointment_id)
        assert appointment.employee.full_name == "Petra Jansen"  # the fixed contact person
        assert appointment.location.startswith("Werkplein")
        assert session.get(Case, case_id).interview_delay_reason == "klant op vakantie"
    moved = run(database, plan(date(2026, 12, 9), clock=time(14, 0)))
    assert moved == appointment_id  # not held yet: moved, not doubled
    with pytest.raises(ValidationFailed, match="pas op"):
        run(database, lambda s, a: route.record_held(s, a, appointment_id, True, today))
    after = date(2026, 12, 9)
    run(database, lambda s, a: route.record_held(s, a, appointment_id, True, after))
    step = steps(database, case_id, after)[StepKey.INTERVIEW]
    assert step.state is StepState.DONE and step.recorded
    assert dossier(database, case_id, after).next_due.key is StepKey.WORKSHOP


def test_application_with_missing_items_and_a_term(database, case_id):
    def record(received, missing, term):
        return lambda s, a: (
            route.record_application(s, a, case_id, received, missing, term, TODAY).id
        )

    with pytest.raises(ValidationFailed) as refused:
        run(database, record(TODAY, ["loonstroken"], None))
    assert "termijn" in refused.value.errors["application_complete_by"]
    with pytest.raises(ValidationFailed, match="weekend"):
        run(database, record(TODAY, ["loonstroken"], date(2026, 12, 12)))
    with pytest.raises(ValidationFailed, match="toekomst"):
        run(database, record(TODAY + timedelta(days=1), [], None))
    run(database, record(TODAY, ["loonstroken", "  ", "huurcontract"], date(2026, 12, 14)))
    view = dossier(database, case_id)
    assert view.route.application_missing == ("loonstroken", "huurcontract")
    by_key = {s.key: s for s in view.steps}
    assert by_key[StepKey.APPLICATION].deadline == date(2026, 12, 14)
    assert by_key[StepKey.DECISION].deadline == date(2027, 1, 25)  # 8 weeks, Atw
    assert audited(database, "application")[0].details["missing"] == 2


def test_switch_route_needs_a_reason_and_youth_only_for_the_young(database, case_id):
    def switch(to, reason, bypass=""):
        return lambda s, a: route.switch_route(s, a, case_id, to, reason, TODAY, bypass).id

    with pytest.raises(ValidationFailed) as refused:
        run(database, switch("bypass", ""))
    assert set(refused.value.errors) == {"route_reason", "bypass_reason"}
    with pytest.raises(ValidationFailed, match="jonger dan 27"):
        run(database, switch("youth", "wil eerst zoeken"))
    with pytest.raises(ValidationFailed, match="al"):
        run(database, switch("standard", "geen"))
    run(database, switch("bypass", "dakloos sinds november", "dakloos"))
    view = dossier(database, case_id)
    assert view.route.route is Route.BYPASS and view.route.route_reason == "dakloos sinds november"
    by_key = {s.key: s for s in view.steps}
    assert by_key[StepKey.RIGHTS_MEETING].state is StepState.SKIPPED
    assert "route gewijzigd: dakloos sinds november" in by_key[StepKey.REGISTRATION].note
    assert audited(database, "route")[0].details == {"route": "bypass", "was": "standard"}


def test_a_young_client_switches_to_the_youth_route(database):
    def prepare(session, actor):
        manager = Employee(username="pjansen", full_name="Petra Jansen", role=Role.CASE_MANAGER)
        session.add(manager)
        session.flush()
        young = replace(VALID, birth_date=date(2001, 1, 1))
        client = clients.create_client(session, actor, young, TODAY)
        data = CaseInput(
            route="bypass", registered_on=TODAY, case_manager_id=manager.id, bypass_reason="x"
        )
        return cases.open_case(session, actor, client.id, data, TODAY).id

    case_id = run(database, prepare)
    run(
        database, lambda s, a: route.switch_route(s, a, case_id, "youth", "woont weer thuis", TODAY)
    )
    view = dossier(database, case_id)
    assert view.route.young and view.route.bypass_reason == ""
    period = {s.key: s for s in view.steps}[StepKey.SEARCH_PERIOD]
    assert period.deadline == view.route.search_period_ends == date(2026, 12, 27)
