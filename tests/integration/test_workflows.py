"""Workflows against a real database: validation, search, planning, advances, the demo."""

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from correspondence.letters.context import build_context
from correspondence.letters.dossier_letters import LetterChoice, case_data
from correspondence.letters.reference_data import letter_reference
from correspondence.queries import views
from correspondence.queries.dossier import StepState
from correspondence.rules import labels
from correspondence.rules.advance import Repayment
from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.errors import UnknownEmployee, ValidationFailed, WorkflowError
from correspondence.rules.group_sessions import next_session_day
from correspondence.rules.inputs import CaseInput
from correspondence.rules.kinds import LetterKind
from correspondence.workflows import advances, cases, clients, decisions, demo
from correspondence.workflows.actors import acting_employee
from store.audit_trail import AuditEvent
from store.models import Client, Decision, Employee, GroupSession
from store.vocabulary import (
    Channel,
    DecisionKind,
    DecisionStatus,
    RejectionGround,
    Role,
    SessionKind,
)
from tests.support.data import TODAY, VALID

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def staff(database):
    with database.session() as session, session.begin():
        admin = acting_employee(session, "beheerder")
        manager = Employee(username="pjansen", full_name="Petra Jansen", role=Role.CASE_MANAGER)
        session.add(manager)
        session.flush()
        return admin.id, manager.id


def open_case(session, actor, manager_id, data=VALID, registered_on=TODAY):
    client = clients.create_client(session, actor, data, TODAY)
    case = CaseInput(route="standard", registered_on=registered_on, case_manager_id=manager_id)
    return cases.open_case(session, actor, client.id, case, TODAY)


def run(database, username, change):
    with database.session() as session, session.begin():
        return change(session, acting_employee(session, username))


def test_first_actor_on_an_empty_database_becomes_beheer_and_others_are_refused(database):
    with database.session() as session, session.begin():
        assert acting_employee(session, "eerste").role is Role.ADMIN
    with pytest.raises(UnknownEmployee, match="onbekende medewerker"), database.session() as s:
        acting_employee(s, "tweede")


def test_client_is_created_normalised_and_audited(database, staff):
    client_id = run(
        database, "beheerder", lambda s, a: clients.create_client(s, a, VALID, TODAY).id
    )
    with database.session() as session:
        client = session.get(Client, client_id)
        assert client.postcode == "2013 DN"
        assert (
            session.scalar(select(AuditEvent.action).where(AuditEvent.entity == "client"))
            == "create"
        )


def test_every_bad_field_gets_a_dutch_message_and_nothing_is_stored(database, staff):
    bad = replace(
        VALID,
        bsn="123456789",
        postcode="0123 AB",
        surname=" ",
        email="geen",
        iban="NL00",
        birth_date=TODAY - timedelta(days=365),
        house_number="twaalf",
    )
    with pytest.raises(ValidationFailed) as failure:
        run(database, "beheerder", lambda s, a: clients.create_client(s, a, bad, TODAY))
    assert failure.value.errors == {
        "surname": "verplicht veld",
        "bsn": "dit BSN klopt niet (elfproef)",
        "postcode": "een postcode is 4 cijfers en 2 letters, zoals 2011 VA",
        "iban": "dit IBAN klopt niet",
        "birth_date": "de klant moet minstens 18 jaar zijn",
        "house_number": "een huisnummer is een getal, zoals 12",
        "email": "dit is geen e-mailadres",
    }
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 0


def test_a_second_client_with_the_same_bsn_is_refused(database, staff):
    run(database, "beheerder", lambda s, a: clients.create_client(s, a, VALID, TODAY))
    with pytest.raises(ValidationFailed, match="al een klant met dit BSN"):
        run(database, "beheerder", lambda s, a: clients.create_client(s, a, VALID, TODAY))


def test_search_by_bsn_name_and_postcode(demo_database):
    with demo_database.session() as session:

        def names(text):
            return [row.name for row in views.search(session, text)]

        assert names("wisniewski") == ["Wiśniewski, Ł."]
        assert names("ŁUKASZ") == ["Wiśniewski, Ł."]
        assert names("van der berg") == ["Berg-d'Hondt, Z. van der"]
        assert names("Jansen & Zn") == ["Jansen & Zn, K."]
        assert names(demo.demo_bsn(3)) == ["Yılmaz, Ş."]
        assert names("2101je") == ["Berg-d'Hondt, Z. van der"]
        assert names("2042") == ["Horst, L. ter", "Nguyễn Thị Minh, T.M.", "Ørsted, A."]
        assert names("100%_") == []


def test_standard_route_is_for_27_and_over(database, staff):
    _admin, manager = staff
    client_id = run(
        database,
        "beheerder",
        lambda s, a: (
            clients.create_client(s, a, replace(VALID, birth_date=date(2003, 1, 1)), TODAY).id
        ),
    )
    data = CaseInput(route="standard", registered_on=TODAY, case_manager_id=manager)
    with pytest.raises(ValidationFailed, match="jonger dan 27"):
        run(database, "beheerder", lambda s, a: cases.open_case(s, a, client_id, data, TODAY))
    bypass = replace(data, route="bypass")
    with pytest.raises(ValidationFailed, match="waarom"):
        run(database, "beheerder", lambda s, a: cases.open_case(s, a, client_id, bypass, TODAY))
    youth = replace(data, route="youth", application_received_on=TODAY)
    with pytest.raises(ValidationFailed, match="na de zoektermijn"):
        run(database, "beheerder", lambda s, a: cases.open_case(s, a, client_id, youth, TODAY))


def test_a_young_person_applies_from_the_day_four_weeks_after_the_melding(database, staff):
    _admin, manager = staff
    young = replace(VALID, birth_date=date(2003, 1, 1))
    client_id = run(
        database, "beheerder", lambda s, a: clients.create_client(s, a, young, TODAY).id
    )
    # melding Monday 2 November 2026: the application can be made from Monday 30 November
    data = CaseInput(route="youth", registered_on=date(2026, 11, 2), case_manager_id=manager)
    early = replace(data, application_received_on=date(2026, 11, 29))
    with pytest.raises(ValidationFailed, match="op zijn vroegst op 30 november 2026"):
        run(database, "beheerder", lambda s, a: cases.open_case(s, a, client_id, early, TODAY))
    in_time = replace(data, application_received_on=date(2026, 11, 30))
    run(database, "beheerder", lambda s, a: cases.open_case(s, a, client_id, in_time, TODAY))


def test_ww_clients_start_at_most_four_weeks_early(database, staff):
    _admin, manager = staff
    client_id = run(
        database, "beheerder", lambda s, a: clients.create_client(s, a, VALID, TODAY).id
    )
    early = CaseInput(
        route="standard",
        registered_on=TODAY,
        case_manager_id=manager,
        ww_ends_on=TODAY + timedelta(days=29),
    )
    with pytest.raises(ValidationFailed, match="4 weken voor het einde"):
        run(database, "beheerder", lambda s, a: cases.open_case(s, a, client_id, early, TODAY))
    in_time = replace(early, ww_ends_on=TODAY + timedelta(days=28))
    run(database, "beheerder", lambda s, a: cases.open_case(s, a, client_id, in_time, TODAY))


def test_rights_meeting_is_booked_on_the_next_monday_or_thursday_with_a_seat(database, staff):
    _admin, manager = staff
    base = replace(VALID, bsn="")
    bsns = [demo.demo_bsn(i) for i in range(26)]
    case_ids = []
    for bsn in bsns:

        def change(s, a, bsn=bsn):
            return open_case(s, a, manager, replace(base, bsn=bsn)).id

        case_ids.append(run(database, "beheerder", change))
    days = []
    for case_id in case_ids:

        def book(s, a, case_id=case_id):
            booking = cases.book_session(
                s, a, case_id, SessionKind.RIGHTS_MEETING, date(2026, 12, 24)
            )
            return booking.session.starts_at.astimezone(AMSTERDAM)

        days.append(run(database, "beheerder", book))
    # Thu 24 Dec takes 25; Mon 28 Dec takes the 26th (Fri 25 and Sat 26 are no session days).
    assert {d.date() for d in days[:25]} == {date(2026, 12, 24)}
    assert days[25].date() == date(2026, 12, 28)
    assert days[0].hour == 9
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(GroupSession)) == 2


def test_next_session_day_skips_holidays():
    calendar = AtwCalendar()
    assert next_session_day(date(2027, 3, 27), {}, calendar) == date(2027, 4, 1)  # Easter Monday
    assert next_session_day(date(2026, 11, 30), {date(2026, 11, 30): 25}, calendar) == date(
        2026, 12, 3
    )


def test_advance_uses_the_norm_and_schedule(database, staff):
    _admin, manager = staff

    def change(s, a):
        case = open_case(s, a, manager)
        plan = Repayment(first_due=date(2027, 1, 31), months=6)
        return advances.grant_advance(s, a, case.id, TODAY, plan)

    advance = run(database, "beheerder", change)
    assert advance.norm_cents == 143_028
    assert advance.amount_cents == 128_725  # 90 % of € 1.430,28, half up
    assert sum(i.amount_cents for i in advance.instalments) == advance.amount_cents
    assert [i.due_on for i in advance.instalments][:3] == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
    ]


def test_negative_decision_cannot_be_sent_without_a_reached_explanation(database, staff):
    _admin, manager = staff

    def prepare(s, a):
        case = open_case(s, a, manager, registered_on=date(2026, 11, 2))
        decision = decisions.draft_decision(
            s,
            a,
            case.id,
            DecisionKind.REJECTION,
            ["reden"],
            TODAY,
            DecisionStatus.READY,
            ground=RejectionGround.INCOME,
        )
        return decision.id

    decision_id = run(database, "beheerder", prepare)
    send = lambda s, a: decisions.mark_sent(s, a, decision_id, date(2026, 12, 1))  # noqa: E731
    with pytest.raises(WorkflowError, match="nog geen uitleg"):
        run(database, "beheerder", send)
    at = datetime(2026, 11, 27, 10, 0, tzinfo=AMSTERDAM)
    run(
        database,
        "beheerder",
        lambda s, a: decisions.log_explanation(
            s, a, decision_id, at, Channel.PHONE, False, "geen gehoor"
        ),
    )
    with pytest.raises(WorkflowError, match="nog niet bereikt"):
        run(database, "beheerder", send)
    run(
        database,
        "beheerder",
        lambda s, a: decisions.log_explanation(
            s, a, decision_id, at + timedelta(hours=2), Channel.PHONE, True, "uitgelegd"
        ),
    )
    sent = run(database, "beheerder", send)
    assert sent.objection_deadline == date(2027, 1, 12)


def test_demo_covers_every_route_and_step(demo_database):
    with demo_database.session() as session:
        client_ids = session.scalars(select(Client.id)).all()
        dossiers = [views.dossier_of(session, cid, TODAY) for cid in client_ids]
        routes = {d.case.route for d in dossiers}
        states = {(s.title, s.state) for d in dossiers for s in d.steps}
        assert len(dossiers) == len(demo.DEMO_CLIENTS)
        assert {c.municipality for c in dossiers} == {"Haarlem", "Zandvoort", "Heemstede"}
    assert routes == set(labels.ROUTES.values())
    assert ("Besluit", StepState.OVERDUE) in states
    assert ("Besluit", StepState.DONE) in states
    assert ("Participatiegesprek", StepState.OVERDUE) in states
    assert ("Bijeenkomst Rechten en Plichten", StepState.PLANNED) in states
    assert ("Bijeenkomst Rechten en Plichten", StepState.SKIPPED) in states
    assert ("Workshop naar Werk", StepState.DONE) in states
    assert ("Voorschot", StepState.DONE) in states
    assert ("Zoektermijn (4 weken)", StepState.PLANNED) in states
    assert ("Zoektermijn (4 weken)", StepState.DONE) in states


def test_demo_refuses_to_load_twice(demo_database):
    with pytest.raises(WorkflowError, match="staan al"), demo_database.session() as session:
        demo.load_demo(session, acting_employee(session, "tester"), TODAY)


def test_demo_names_survive_the_round_trip(demo_database):
    with demo_database.session() as session:
        surnames = set(session.scalars(select(Client.surname)))
    assert {"Jansen & Zn", "Wiśniewski", "Yılmaz", "Nguyễn Thị Minh", "Berg-d'Hondt"} <= surnames


def test_the_demo_has_a_decision_of_every_kind(demo_database):
    with demo_database.session() as session:
        kinds = set(session.scalars(select(Decision.kind)))
    assert kinds == set(DecisionKind)


def test_the_advance_letter_keeps_the_advance_as_granted_when_the_home_changes(database, staff):
    """The letter states the stored advance, not one worked out again from today's client."""
    _admin, manager = staff

    def grant_then_move_in(s, a):
        case = open_case(s, a, manager)
        plan = Repayment(first_due=date(2027, 1, 31), months=6)
        advances.grant_advance(s, a, case.id, TODAY, plan)
        case.client.cost_sharers = 3  # two people moved in after the grant
        s.flush()
        s.expire_all()  # read back as stored
        data = case_data(case, LetterChoice(LetterKind.ADVANCE), TODAY)
        return build_context(
            LetterKind.ADVANCE, data, letter_reference(s, case.client.municipality.code)
        )

    context = run(database, "beheerder", grant_then_move_in)
    assert (context["voorschot"]["bedrag"], context["voorschot"]["norm"]) == (128_725, 143_028)
