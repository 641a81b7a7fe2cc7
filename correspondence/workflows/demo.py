"""Fictional demo data: employees of every role and clients at every step of every route.

Dates are relative to `today`, so the demo always shows a live picture: something planned,
something due, something overdue. Every write goes through the same workflows as real work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.rules.advance import Repayment
from correspondence.rules.dates import local_time_on
from correspondence.rules.errors import WorkflowError
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.rules.inputs import CaseInput, ClientInput
from correspondence.workflows import advances, cases, clients, decisions
from store.models import Client, Employee
from store.vocabulary import (
    AppointmentKind,
    Channel,
    DecisionKind,
    DecisionStatus,
    Role,
    Route,
    SessionKind,
)

EMPLOYEES = [
    (
        "pjansen",
        "Petra Jansen",
        Role.CASE_MANAGER,
        "p.jansen@haarlem.nl",
        "023 511 4275",
    ),
    (
        "aelamrani",
        "Ahmed El Amrani",
        Role.CASE_MANAGER,
        "a.elamrani@haarlem.nl",
        "023 511 4276",
    ),
    (
        "sdeboer",
        "Sanne de Boer",
        Role.CASE_MANAGER,
        "s.deboer@haarlem.nl",
        "023 511 4277",
    ),
    (
        "kvisser",
        "Karin Visser",
        Role.ADMINISTRATION,
        "k.visser@haarlem.nl",
        "023 511 4280",
    ),
    ("mbakker", "Marco Bakker", Role.QUALITY, "m.bakker@haarlem.nl", "023 511 4290"),
    ("edewit", "Els de Wit", Role.ADMIN, "e.dewit@haarlem.nl", "023 511 4299"),
]


@dataclass(frozen=True)
class DemoClient:
    first_name: str
    initials: str
    prefix: str
    surname: str
    salutation: str
    age: int
    household: str
    street: str
    number: str
    postcode: str
    city: str
    municipality: str
    stage: str
    addition: str = ""


# stage: how far along the route the demo takes this client (see STAGES below)
DEMO_CLIENTS = [
    DemoClient(
        "Jan",
        "J.",
        "de",
        "Vries",
        "heer",
        45,
        "single",
        "Zijlsingel",
        "12",
        "2013 DN",
        "Haarlem",
        "haarlem",
        "registered",
    ),
    DemoClient(
        "Kees",
        "K.",
        "",
        "Jansen & Zn",
        "heer",
        58,
        "couple",
        "Grote Markt",
        "3",
        "2011 RD",
        "Haarlem",
        "haarlem",
        "meeting_booked",
        "A",
    ),
    DemoClient(
        "Łukasz",
        "Ł.",
        "",
        "Wiśniewski",
        "heer",
        34,
        "single",
        "Amsterdamsevaart",
        "201",
        "2032 EK",
        "Haarlem",
        "haarlem",
        "meeting_attended",
    ),
    DemoClient(
        "Şükrü",
        "Ş.",
        "",
        "Yılmaz",
        "heer",
        41,
        "single_parent",
        "Rijksstraatweg",
        "88",
        "2022 DE",
        "Haarlem",
        "haarlem",
        "interview_late",
    ),
    DemoClient(
        "Minh",
        "T.M.",
        "",
        "Nguyễn Thị Minh",
        "mevrouw",
        39,
        "single",
        "Kerkstraat",
        "5",
        "2042 JE",
        "Zandvoort",
        "zandvoort",
        "workshop",
    ),
    DemoClient(
        "Zoë",
        "Z.",
        "van der",
        "Berg-d'Hondt",
        "mevrouw",
        29,
        "single",
        "Binnenweg",
        "40",
        "2101 JE",
        "Heemstede",
        "heemstede",
        "application",
    ),
    DemoClient(
        "Astrid",
        "A.",
        "",
        "Ørsted",
        "mevrouw",
        52,
        "couple",
        "Haltestraat",
        "17",
        "2042 LM",
        "Zandvoort",
        "zandvoort",
        "rejection_ready",
    ),
    DemoClient(
        "Pieter",
        "P.",
        "van",
        "Dijk",
        "heer",
        61,
        "single",
        "Raadhuisplein",
        "1",
        "2101 HA",
        "Heemstede",
        "heemstede",
        "granted",
    ),
    DemoClient(
        "Fatima",
        "F.",
        "el",
        "Idrissi",
        "mevrouw",
        36,
        "single_parent",
        "Schotersingel",
        "9",
        "2021 GE",
        "Haarlem",
        "haarlem",
        "decision_overdue",
    ),
    DemoClient(
        "Noah",
        "N.",
        "",
        "Bakker",
        "neutraal",
        22,
        "single",
        "Kruisweg",
        "300",
        "2011 LE",
        "Haarlem",
        "haarlem",
        "youth_searching",
    ),
    DemoClient(
        "Lieke",
        "L.",
        "ter",
        "Horst",
        "mevrouw",
        24,
        "single",
        "Zeestraat",
        "60",
        "2042 LC",
        "Zandvoort",
        "zandvoort",
        "youth_applied",
    ),
    DemoClient(
        "Henk",
        "H.",
        "",
        "Smit",
        "heer",
        55,
        "single",
        "Kleine Houtstraat",
        "70",
        "2011 DR",
        "Haarlem",
        "haarlem",
        "bypass",
    ),
    DemoClient(
        "Anouk",
        "A.",
        "de",
        "Graaf",
        "mevrouw",
        47,
        "couple",
        "Glipperweg",
        "55",
        "2104 AE",
        "Heemstede",
        "heemstede",
        "ww_early",
    ),
]

DEMO_BSN_BASE = 900_000_00


def demo_bsn(index: int) -> str:
    """A BSN that passes the elfproef, from a range used only by the demo."""
    number = DEMO_BSN_BASE + index * 10
    while True:
        digits = f"{number:08d}"
        total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10:
            return digits + str(check)
        number += 1


def already_loaded(session: Session) -> bool:
    return session.scalar(select(Client.id).where(Client.bsn == demo_bsn(0))) is not None


def _employees(session: Session) -> dict[str, Employee]:
    found = {e.username: e for e in session.scalars(select(Employee))}
    for username, name, role, email, phone in EMPLOYEES:
        if username not in found:
            employee = Employee(
                username=username, full_name=name, role=role, email=email, phone=phone
            )
            session.add(employee)
            found[username] = employee
    session.flush()
    return found


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_time_on(day, time(hour, minute))


def load_demo(
    session: Session,
    actor: Employee,
    today: date,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> int:
    """Add the demo data in the caller's unit of work; returns the number of clients added."""
    if already_loaded(session):
        raise WorkflowError("de demogegevens staan al in deze database")
    staff = _employees(session)
    managers = [e for e in staff.values() if e.role is Role.CASE_MANAGER]
    for index, demo in enumerate(DEMO_CLIENTS):
        birth = today.replace(year=today.year - demo.age) - timedelta(days=40 + index)
        client = clients.create_client(
            session,
            actor,
            ClientInput(
                bsn=demo_bsn(index),
                initials=demo.initials,
                first_name=demo.first_name,
                prefix=demo.prefix,
                surname=demo.surname,
                salutation=demo.salutation,
                birth_date=birth,
                household=demo.household,
                street=demo.street,
                house_number=demo.number,
                house_number_addition=demo.addition,
                postcode=demo.postcode,
                city=demo.city,
                municipality=demo.municipality,
                phone=f"06 {12345600 + index}",
            ),
            today,
        )
        STAGES[demo.stage](session, actor, client, managers[index % len(managers)], today)
        progress(index + 1, len(DEMO_CLIENTS))
    return len(DEMO_CLIENTS)


def _open(session, actor, client, manager, today, days_ago, route=Route.STANDARD, **extra):  # type: ignore[no-untyped-def]
    data = CaseInput(
        route=route.value,
        registered_on=today - timedelta(days=days_ago),
        case_manager_id=manager.id,
        **extra,
    )
    return cases.open_case(session, actor, client.id, data, today)


def _registered(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    _open(session, actor, client, manager, today, 0)


def _meeting_booked(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    case = _open(session, actor, client, manager, today, 1)
    cases.book_session(
        session, actor, case.id, SessionKind.RIGHTS_MEETING, today + timedelta(days=1)
    )


def _attend_meeting(session, actor, case, day):  # type: ignore[no-untyped-def]
    booking = cases.book_session(session, actor, case.id, SessionKind.RIGHTS_MEETING, day)
    cases.record_attendance(session, actor, booking.id, True)
    return booking.session.starts_at.astimezone(LOCAL_ZONE).date()


def _meeting_attended(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    case = _open(session, actor, client, manager, today, 9)
    met = _attend_meeting(session, actor, case, today - timedelta(days=8))
    cases.plan_appointment(
        session,
        actor,
        case.id,
        AppointmentKind.PARTICIPATION_INTERVIEW,
        _at(max(met + timedelta(days=5), today + timedelta(days=1)), 10, 30),
    )


def _interview_late(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    case = _open(session, actor, client, manager, today, 20)
    met = _attend_meeting(session, actor, case, today - timedelta(days=19))
    cases.plan_appointment(
        session,
        actor,
        case.id,
        AppointmentKind.PARTICIPATION_INTERVIEW,
        _at(met + timedelta(days=12), 14, 0),
    )


def _through_workshop(session, actor, case, today):  # type: ignore[no-untyped-def]
    met = _attend_meeting(session, actor, case, case.registered_on + timedelta(days=1))
    cases.plan_appointment(
        session,
        actor,
        case.id,
        AppointmentKind.PARTICIPATION_INTERVIEW,
        _at(met + timedelta(days=3), 10, 0),
    )
    workshop = cases.book_session(
        session, actor, case.id, SessionKind.WORKSHOP, met + timedelta(days=4)
    )
    if workshop.session.starts_at.astimezone(LOCAL_ZONE).date() < today:
        cases.record_attendance(session, actor, workshop.id, True)


def _workshop(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    case = _open(session, actor, client, manager, today, 10)
    _through_workshop(session, actor, case, today)


def _apply(session, actor, client, manager, today, days_ago, received_days_ago):  # type: ignore[no-untyped-def]
    case = _open(session, actor, client, manager, today, days_ago)
    _through_workshop(session, actor, case, today)
    data = CaseInput(
        route=case.route.value,
        registered_on=case.registered_on,
        case_manager_id=case.case_manager_id,
        application_received_on=today - timedelta(days=received_days_ago),
    )
    return cases.update_case(session, actor, case.id, data, today)


def _application(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    case = _apply(session, actor, client, manager, today, 20, 6)
    advances.grant_advance(
        session,
        actor,
        case.id,
        case.registered_on + timedelta(days=14),
        Repayment(first_due=_first_of_next_month(today, 2), months=6),
    )


def _rejection_ready(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    case = _apply(session, actor, client, manager, today, 40, 30)
    rejection = decisions.draft_decision(
        session,
        actor,
        case.id,
        DecisionKind.REJECTION,
        [
            "Uw vermogen is hoger dan de vermogensgrens voor gehuwden.",
            "U heeft een spaarrekening met een saldo van € 24.000 (bijlage 2 van uw aanvraag).",
        ],
        today - timedelta(days=2),
        DecisionStatus.READY,
    )
    decisions.log_explanation(
        session,
        actor,
        rejection.id,
        _at(today - timedelta(days=3), 11, 15),
        Channel.PHONE,
        False,
        "Voicemail; teruggebeld verzoek ingesproken.",
        by=manager,
    )
    decisions.log_explanation(
        session,
        actor,
        rejection.id,
        _at(today - timedelta(days=2), 9, 40),
        Channel.PHONE,
        True,
        "Afwijzing en reden uitgelegd; bezwaar toegelicht.",
        by=manager,
    )


def _granted(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    case = _apply(session, actor, client, manager, today, 45, 38)
    decision = decisions.draft_decision(
        session,
        actor,
        case.id,
        DecisionKind.GRANT,
        [],
        today - timedelta(days=6),
        DecisionStatus.READY,
    )
    decisions.mark_sent(session, actor, decision.id, today - timedelta(days=5))


def _decision_overdue(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    _apply(session, actor, client, manager, today, 75, 65)


def _youth_searching(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    case = _open(session, actor, client, manager, today, 10, Route.YOUTH)
    cases.plan_appointment(
        session,
        actor,
        case.id,
        AppointmentKind.SEARCH_PERIOD_INTERVIEW,
        _at(today + timedelta(days=3), 11, 0),
    )


def _youth_applied(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    case = _open(
        session,
        actor,
        client,
        manager,
        today,
        35,
        Route.YOUTH,
        application_received_on=today - timedelta(days=3),
    )
    cases.plan_appointment(
        session,
        actor,
        case.id,
        AppointmentKind.SEARCH_PERIOD_INTERVIEW,
        _at(case.registered_on + timedelta(days=7), 11, 0),
    )


def _bypass(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    _open(
        session,
        actor,
        client,
        manager,
        today,
        4,
        Route.BYPASS,
        bypass_reason="Dakloos; verblijft in de nachtopvang. Direct naar aanvraag.",
        application_received_on=today - timedelta(days=3),
    )


def _ww_early(session, actor, client, manager, today):  # type: ignore[no-untyped-def]
    _open(session, actor, client, manager, today, 2, ww_ends_on=today + timedelta(days=20))


def _first_of_next_month(today: date, months: int) -> date:
    month_index = today.month - 1 + months
    return date(today.year + month_index // 12, month_index % 12 + 1, 1)


STAGES: dict[str, Callable[..., None]] = {
    "registered": _registered,
    "meeting_booked": _meeting_booked,
    "meeting_attended": _meeting_attended,
    "interview_late": _interview_late,
    "workshop": _workshop,
    "application": _application,
    "rejection_ready": _rejection_ready,
    "granted": _granted,
    "decision_overdue": _decision_overdue,
    "youth_searching": _youth_searching,
    "youth_applied": _youth_applied,
    "bypass": _bypass,
    "ww_early": _ww_early,
}
