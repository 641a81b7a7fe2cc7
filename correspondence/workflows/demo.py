"""Fictional demo data: employees of every role and clients at every step of every route.

Dates are relative to `today`, so the demo always shows a live picture: something planned,
something due, something overdue; whatever the Werkplein plans falls on a working day. Every
write goes through the same workflows as real work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.records import reference
from correspondence.records.reference import DEMO_DATA_SETTING
from correspondence.rules.advance import Repayment
from correspondence.rules.copying import copied
from correspondence.rules.dates import local_time_on
from correspondence.rules.errors import WorkflowError
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.rules.identifiers import FICTIONAL_IBAN
from correspondence.rules.inputs import CaseInput, ClientInput
from correspondence.workflows import advances, cases, clients, decisions
from correspondence.workflows.demo_days import DemoDays
from correspondence.workflows.demo_people import DEMO_CLIENTS, EMPLOYEES, demo_bsn
from correspondence.workflows.route import record_application
from store.models import (
    Case,
    Client,
    Decision,
    Employee,
    Municipality,
    NormAssetLimit,
    NormTable,
    Setting,
)
from store.vocabulary import (
    AppointmentKind,
    Attendance,
    Channel,
    DecisionKind,
    DecisionStatus,
    Household,
    RejectionGround,
    Role,
    Route,
    SessionKind,
)

# Participatiewet art. 34 lid 3 as consolidated on 1 January 2025, given to the demo's tables of
# 1 January so that its rejection for assets can show a limit; a demo letter carries the DEMO
# mark, and a real database gets its limits only from a table beheer imports and verifies
DEMO_ASSET_LIMITS = {
    Household.SINGLE: 777_000,
    Household.SINGLE_PARENT: 1_554_000,
    Household.COUPLE: 1_554_000,
}


def _demo_asset_limits(session: Session) -> None:
    for table in session.scalars(select(NormTable).where(NormTable.verified.is_(False))):
        if table.effective_from.month == 1 and not table.asset_limits:
            table.asset_limits = [
                NormAssetLimit(household=household, amount_cents=cents)
                for household, cents in DEMO_ASSET_LIMITS.items()
            ]


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
    # the demo is fictional: its reference data counts as verified for the demonstration, and
    # every letter made on this database carries the DEMO mark (see rules.letter_marks)
    session.merge(Setting(key=DEMO_DATA_SETTING, value=True))
    for town in session.scalars(select(Municipality)):
        town.repayment_iban = FICTIONAL_IBAN
    _demo_asset_limits(session)
    staff = _employees(session)
    days = DemoDays(today, reference.atw_calendar(session))
    managers = [e for e in staff.values() if e.role is Role.CASE_MANAGER]
    for index, demo in enumerate(DEMO_CLIENTS):
        birth = today.replace(year=today.year - demo.age) - timedelta(days=40 + index)
        client = clients.create_client(
            session,
            actor,
            copied(
                ClientInput,
                demo,
                bsn=demo_bsn(index),
                birth_date=birth,
                house_number=demo.number,
                house_number_addition=demo.addition,
                phone=f"06 {12345600 + index}",
            ),
            today,
        )
        STAGES[demo.stage](session, actor, client, managers[index % len(managers)], days)
        progress(index + 1, len(DEMO_CLIENTS))
    return len(DEMO_CLIENTS)


def _open(
    session: Session,
    actor: Employee,
    client: Client,
    manager: Employee,
    days: DemoDays,
    days_ago: int,
    route: Route = Route.STANDARD,
    **extra: Any,
) -> Case:
    data = CaseInput(
        route=route.value,
        registered_on=days.ago(days_ago),
        case_manager_id=manager.id,
        **extra,
    )
    return cases.open_case(session, actor, client.id, data, days.today)


def _registered(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    _open(session, actor, client, manager, days, 0)


def _meeting_booked(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _open(session, actor, client, manager, days, 1)
    cases.book_session(session, actor, case.id, SessionKind.RIGHTS_MEETING, days.ahead(1))


def _attend_meeting(session: Session, actor: Employee, case: Case, day: date) -> date:
    booking = cases.book_session(session, actor, case.id, SessionKind.RIGHTS_MEETING, day)
    cases.record_attendance(session, actor, booking.id, Attendance.PRESENT)
    return booking.session.starts_at.astimezone(LOCAL_ZONE).date()


def _met_then_interview(
    session: Session,
    actor: Employee,
    case: Case,
    meeting: date,
    interview: Callable[[date], datetime],
) -> date:
    """The rights meeting attended on `meeting`, and the interview planned at `interview(met)`."""
    met = _attend_meeting(session, actor, case, meeting)
    cases.plan_appointment(
        session, actor, case.id, AppointmentKind.PARTICIPATION_INTERVIEW, interview(met)
    )
    return met


def _meeting_attended(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _open(session, actor, client, manager, days, 9)
    meeting, interview = days.meeting_before_interview()
    _met_then_interview(session, actor, case, meeting, lambda _met: _at(interview, 10, 30))


def _interview_late(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _open(session, actor, client, manager, days, 20)
    _met_then_interview(
        session,
        actor,
        case,
        days.ago(19),
        lambda met: _at(days.after(met, 12), 14, 0),
    )


def _through_workshop(session: Session, actor: Employee, case: Case, days: DemoDays) -> None:
    """Met, interviewed three days later (or on the next working day), then the workshop."""

    def interview_on(met: date) -> date:
        return days.after(met, 3)

    met = _met_then_interview(
        session,
        actor,
        case,
        case.registered_on + timedelta(days=1),
        lambda met: _at(interview_on(met), 10, 0),
    )
    workshop = cases.book_session(
        session, actor, case.id, SessionKind.WORKSHOP, interview_on(met) + timedelta(days=1)
    )
    if workshop.session.starts_at.astimezone(LOCAL_ZONE).date() < days.today:
        cases.record_attendance(session, actor, workshop.id, Attendance.PRESENT)


def _workshop(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _open(session, actor, client, manager, days, 10)
    _through_workshop(session, actor, case, days)


def _apply(
    session: Session, actor: Employee, case: Case, days: DemoDays, received_days_ago: int
) -> Case:
    """The case through the workshop, with its application received `received_days_ago`
    (on any day: an application also comes in online)."""
    _through_workshop(session, actor, case, days)
    data = CaseInput(
        route=case.route.value,
        registered_on=case.registered_on,
        case_manager_id=case.case_manager_id,
        application_received_on=days.today - timedelta(days=received_days_ago),
    )
    return cases.update_case(session, actor, case.id, data, days.today)


def _application(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _apply(session, actor, _open(session, actor, client, manager, days, 20), days, 6)
    _advance(session, actor, case, days, first_due_in_months=2)


REPAYMENT_MONTHS = 6


def _advance(
    session: Session, actor: Employee, case: Case, days: DemoDays, first_due_in_months: int
) -> None:
    """An advance from two weeks after the registration, repaid in six months."""
    first_due = days.first_due(first_due_in_months)
    advances.grant_advance(
        session,
        actor,
        case.id,
        days.after(case.registered_on, 14),
        Repayment(first_due, REPAYMENT_MONTHS),
    )


def _ready(
    session: Session,
    actor: Employee,
    case: Case,
    kind: DecisionKind,
    decided_on: date,
    *reasons: str,
    ground: RejectionGround | None = None,
) -> Decision:
    return decisions.draft_decision(
        session,
        actor,
        case.id,
        kind,
        list(reasons),
        decided_on,
        DecisionStatus.READY,
        ground=ground,
    )


def _rejection_ready(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _apply(session, actor, _open(session, actor, client, manager, days, 40), days, 30)
    decided_on = days.ago(2)
    rejection = _ready(
        session,
        actor,
        case,
        DecisionKind.REJECTION,
        decided_on,
        "Uw vermogen is hoger dan de vermogensgrens voor gehuwden.",
        "U heeft een spaarrekening met een saldo van € 24.000 (bijlage 2 van uw aanvraag).",
        ground=RejectionGround.ASSETS,
    )
    # a voicemail on the working day before, the client reached on the day of the decision
    for day, hour, minute, reached, note in (
        (days.before(decided_on), 11, 15, False, "Voicemail; teruggebeld verzoek ingesproken."),
        (decided_on, 9, 40, True, "Afwijzing en reden uitgelegd; bezwaar toegelicht."),
    ):
        decisions.log_explanation(
            session,
            actor,
            rejection.id,
            _at(day, hour, minute),
            Channel.PHONE,
            reached,
            note,
            by=manager,
        )


def _not_processed(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _apply(session, actor, _open(session, actor, client, manager, days, 30), days, 24)
    missing = ["bankafschriften van de laatste drie maanden", "uw huurcontract"]
    # asked 14 days ago, with a term that passed 4 working days ago (Awb 4:5)
    record_application(
        session,
        actor,
        case.id,
        case.application_received_on,
        missing,
        days.ago(4),
        days.today,
    )
    decided_on = days.ago(1)
    decision = decisions.draft_decision(  # a draft: not yet for the batch
        session,
        actor,
        case.id,
        DecisionKind.NOT_PROCESSED,
        [],
        decided_on,
        missing=["bankafschriften van de laatste drie maanden", "uw huurcontract"],
        requested_on=days.ago(14),
    )
    decisions.log_explanation(
        session,
        actor,
        decision.id,
        _at(decided_on, 10, 5),
        Channel.PHONE,
        True,
        "Uitgelegd welke stukken ontbreken en wat buiten behandeling laten betekent.",
        by=manager,
    )


def _advance_recovery(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _apply(session, actor, _open(session, actor, client, manager, days, 50), days, 42)
    _advance(session, actor, case, days, first_due_in_months=1)
    reasons = [
        "Uw aanvraag voor bijstand is afgewezen; daarom betaalt u het voorschot terug.",
        "U betaalt terug volgens het aflossingsschema van uw voorschotovereenkomst.",
    ]
    # a draft not yet explained: it waits for the call before it can be set ready
    weighing = (
        "U heeft geen inkomen. Daarom betaalt u terug in kleine bedragen per maand.\n"
        "Terugvorderen blijft redelijk: het voorschot was een lening en u houdt genoeg over."
    )
    decisions.draft_decision(
        session,
        actor,
        case.id,
        DecisionKind.ADVANCE_RECOVERY,
        reasons,
        days.ago(1),
        weighing=weighing,
    )


def _granted(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _apply(session, actor, _open(session, actor, client, manager, days, 45), days, 38)
    decided_on = days.ago(6)
    decision = _ready(session, actor, case, DecisionKind.GRANT, decided_on)
    decisions.mark_sent(session, actor, decision.id, days.after(decided_on))


def _decision_overdue(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    _apply(session, actor, _open(session, actor, client, manager, days, 75), days, 65)


def _youth_searching(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _open(session, actor, client, manager, days, 10, Route.YOUTH)
    cases.plan_appointment(
        session,
        actor,
        case.id,
        AppointmentKind.SEARCH_PERIOD_INTERVIEW,
        _at(days.ahead(3), 11, 0),
    )


def _youth_applied(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    case = _open(
        session,
        actor,
        client,
        manager,
        days,
        35,
        Route.YOUTH,
        application_received_on=days.today - timedelta(days=3),
    )
    cases.plan_appointment(
        session,
        actor,
        case.id,
        AppointmentKind.SEARCH_PERIOD_INTERVIEW,
        _at(days.after(case.registered_on, 7), 11, 0),
    )


def _bypass(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    _open(
        session,
        actor,
        client,
        manager,
        days,
        4,
        Route.BYPASS,
        bypass_reason="Dakloos; verblijft in de nachtopvang. Direct naar aanvraag.",
        application_received_on=days.today - timedelta(days=3),
    )


def _ww_early(
    session: Session, actor: Employee, client: Client, manager: Employee, days: DemoDays
) -> None:
    _open(session, actor, client, manager, days, 2, ww_ends_on=days.today + timedelta(days=20))


STAGES: dict[str, Callable[..., None]] = {
    "registered": _registered,
    "meeting_booked": _meeting_booked,
    "meeting_attended": _meeting_attended,
    "interview_late": _interview_late,
    "workshop": _workshop,
    "application": _application,
    "rejection_ready": _rejection_ready,
    "granted": _granted,
    "not_processed": _not_processed,
    "advance_recovery": _advance_recovery,
    "decision_overdue": _decision_overdue,
    "youth_searching": _youth_searching,
    "youth_applied": _youth_applied,
    "bypass": _bypass,
    "ww_early": _ww_early,
}
