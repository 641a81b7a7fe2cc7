"""Cases (dossiers) on the Poortmodel route: opening, editing, planning the route's meetings."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from correspondence.records import reference
from correspondence.records.lookup import require
from correspondence.rules import deadlines
from correspondence.rules.case_numbers import case_number
from correspondence.rules.dates import DateRefused, check_day, local_time_on
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import LOCAL_ZONE, long_date
from correspondence.rules.group_sessions import RIGHTS_MEETING_SEATS, next_session_day
from correspondence.rules.inputs import CaseInput
from correspondence.rules.norms import YOUTH_AGE_LIMIT, is_young
from correspondence.rules.text import clean_line
from correspondence.workflows import audit
from store.models import (
    Appointment,
    Booking,
    Case,
    CaseNumberCounter,
    Client,
    Employee,
    GroupSession,
    Municipality,
)
from store.vocabulary import (
    AppointmentKind,
    Attendance,
    CaseStatus,
    Partner,
    Role,
    Route,
    SessionKind,
)

RIGHTS_MEETING_MINUTES = 60
WORKSHOP_MINUTES = 180
BYPASS_REASON_MISSING = "leg vast waarom de klant stappen overslaat"


def validate_case(session: Session, client: Client, data: CaseInput, today: date) -> None:
    """Raise ValidationFailed naming every field that does not fit the route's rules."""
    _check_windows(data, today)
    errors: dict[str, str] = {}
    routes = {r.value: r for r in Route}
    route = routes.get(data.route)
    if route is None:
        errors["route"] = "kies standaard, jongeren of bypass"
    registered = data.registered_on
    if registered is None:
        errors["registered_on"] = "verplicht veld"
    elif registered > today:
        errors["registered_on"] = "de melding kan niet in de toekomst liggen"
    elif route is not None:
        errors.update(route_errors(route, client.birth_date, registered))
    if route is Route.BYPASS and not data.bypass_reason.strip():
        errors["bypass_reason"] = BYPASS_REASON_MISSING
    if registered and data.ww_ends_on and registered < deadlines.ww_early_start(data.ww_ends_on):
        errors["ww_ends_on"] = (
            "met WW kan de klant pas starten vanaf "
            f"{long_date(deadlines.ww_early_start(data.ww_ends_on))} (4 weken voor het einde)"
        )
    if registered and data.application_received_on:
        errors.update(received_errors(route, registered, data.application_received_on, today))
    manager = session.get(Employee, data.case_manager_id) if data.case_manager_id else None
    if manager is None or manager.role is not Role.CASE_MANAGER or not manager.active:
        errors["case_manager_id"] = "kies een actieve klantmanager"
    if errors:
        raise ValidationFailed(errors)


def route_errors(route: Route, birth_date: date, registered_on: date) -> dict[str, str]:
    """Whether the client fits `route`: the youth route is for clients under the age limit on
    the day of the registration, and they do not follow the standard route."""
    young = is_young(birth_date, registered_on)
    if route is Route.STANDARD and young:
        return {
            "route": f"de klant is jonger dan {YOUTH_AGE_LIMIT}: kies de jongerenroute of bypass"
        }
    if route is Route.YOUTH and not young:
        return {"route": f"de jongerenroute is voor klanten jonger dan {YOUTH_AGE_LIMIT}"}
    return {}


def received_errors(
    route: Route | None, registered_on: date, received: date, today: date
) -> dict[str, str]:
    """Whether an application can have been received on `received`."""
    message = ""
    first = deadlines.search_period(registered_on).apply_from
    if received < registered_on:
        message = "de aanvraag kan niet vóór de melding liggen"
    elif route is Route.YOUTH and received < first:
        message = f"jongeren vragen aan na de zoektermijn: op zijn vroegst op {long_date(first)}"
    elif received > today:
        message = "de aanvraag kan niet in de toekomst liggen"
    return {"application_received_on": message} if message else {}


def _check_windows(data: CaseInput, today: date) -> None:
    """Every date within the window Poortpost knows, before any term is computed from it."""
    errors: dict[str, str] = {}
    for name in ("registered_on", "ww_ends_on", "application_received_on"):
        try:
            if (day := getattr(data, name)) is not None:
                check_day(day, today)
        except DateRefused as exc:
            errors[name] = str(exc)
    if errors:
        raise ValidationFailed(errors)


def _apply(case: Case, data: CaseInput) -> None:
    assert data.registered_on is not None, "validate_case refuses a case without a registration"
    assert data.case_manager_id is not None, "validate_case refuses a case without a manager"
    case.route = Route(data.route)
    case.bypass_reason = data.bypass_reason.strip() if case.route is Route.BYPASS else ""
    case.registered_on = data.registered_on
    case.ww_ends_on = data.ww_ends_on
    case.case_manager_id = data.case_manager_id
    case.application_received_on = data.application_received_on
    case.interview_delay_reason = data.interview_delay_reason.strip()


def open_case(
    session: Session, actor: Employee, client_id: int, data: CaseInput, today: date
) -> Case:
    client = require(session, Client, client_id)
    if any(c.status is CaseStatus.OPEN for c in client.cases):
        raise ValidationFailed({"route": "deze klant heeft al een open dossier"})
    validate_case(session, client, data, today)
    case = Case(status=CaseStatus.OPEN)
    _apply(case, data)
    # numbered before it joins its client: issuing the number flushes the session, and a case
    # flushed without its number would be refused
    case.number = issue_case_number(session, client.municipality, case.registered_on.year)
    case.client = client
    session.add(case)
    session.flush()
    audit.record(session, actor, "create", "case", case.id, route=case.route.value)
    return case


def issue_case_number(session: Session, municipality: Municipality, year: int) -> str:
    """The next case number of `municipality` in `year`, counted in one statement that inserts
    or increments the counter row and keeps it locked until the transaction ends: a second
    registration at the same moment waits for this one, on PostgreSQL as on SQLite, and never
    gets the same number. A transaction that rolls back gives its number back."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(CaseNumberCounter)
        .values(municipality_id=municipality.id, year=year, last_number=1)
        .on_conflict_do_update(
            index_elements=[CaseNumberCounter.municipality_id, CaseNumberCounter.year],
            set_={"last_number": CaseNumberCounter.last_number + 1},
        )
        .returning(CaseNumberCounter.last_number)
    )
    sequence: int = session.execute(statement).scalar_one()
    return case_number(municipality.case_prefix, year, sequence)


def update_case(
    session: Session, actor: Employee, case_id: int, data: CaseInput, today: date
) -> Case:
    case = require(session, Case, case_id)
    validate_case(session, case.client, data, today)
    _apply(case, data)
    session.flush()
    audit.record(session, actor, "update", "case", case.id, route=case.route.value)
    return case


def local_instant(day: date, clock: str) -> datetime:
    """`day` at `clock` ("09:00") Dutch local time, as an instant."""
    hours, minutes = (int(part) for part in clock.split(":"))
    return local_time_on(day, time(hours, minutes))


def _booked_seats(session: Session, kind: SessionKind, earliest: date) -> dict[date, int]:
    rows = session.execute(
        select(GroupSession.starts_at, func.count(Booking.id))
        .join(Booking, isouter=True)
        .where(GroupSession.kind == kind)
        .where(GroupSession.starts_at >= local_instant(earliest, "00:00"))
        .group_by(GroupSession.id)
    )
    return {starts_at.astimezone(LOCAL_ZONE).date(): count for starts_at, count in rows}


def book_session(
    session: Session,
    actor: Employee,
    case_id: int,
    kind: SessionKind,
    earliest: date,
    partner: Partner | None = None,
) -> Booking:
    """Book the case on the first Monday or Thursday on or after `earliest` with a free seat."""
    calendar = reference.atw_calendar(session)
    day = next_session_day(earliest, _booked_seats(session, kind, earliest), calendar)
    setting = "rights_meeting_time" if kind is SessionKind.RIGHTS_MEETING else "workshop_time"
    starts_at = local_instant(day, reference.setting(session, setting))
    return book_at(session, actor, case_id, kind, starts_at, partner)


def group_session_at(
    session: Session, kind: SessionKind, starts_at: datetime, partner: Partner | None = None
) -> GroupSession:
    """The session of `kind` at `starts_at` with a free seat, made when it does not exist yet.

    A workshop is given by one partner (Pasmatch unless told otherwise); a workshop that exists
    already is only joined with its own partner. Refusals name the field `kind.value`.
    """
    group = session.scalar(
        select(GroupSession).where(GroupSession.kind == kind, GroupSession.starts_at == starts_at)
    )
    rights = kind is SessionKind.RIGHTS_MEETING
    if group is None:
        group = GroupSession(
            kind=kind,
            starts_at=starts_at,
            duration_minutes=RIGHTS_MEETING_MINUTES if rights else WORKSHOP_MINUTES,
            capacity=RIGHTS_MEETING_SEATS,
            location=reference.setting(session, "werkplein_location"),
            partner=None if rights else partner or Partner.PASMATCH,
        )
        session.add(group)
        return group
    if len(group.bookings) >= group.capacity:
        raise ValidationFailed(
            {kind.value: "deze bijeenkomst is vol" if rights else "deze workshop is vol"}
        )
    if not rights and partner is not None and group.partner not in (None, partner):
        raise ValidationFailed(
            {"partner": f"deze workshop wordt gegeven door {group.partner}, niet door {partner}"}
        )
    return group


def book_at(
    session: Session,
    actor: Employee,
    case_id: int,
    kind: SessionKind,
    starts_at: datetime,
    partner: Partner | None = None,
) -> Booking:
    """Book the case on the session of `kind` at `starts_at`, making the session if needed;
    a new workshop is given by `partner` (default Pasmatch)."""
    case = require(session, Case, case_id)
    group = group_session_at(session, kind, starts_at, partner)
    booking = Booking(session=group, case=case)
    session.add(booking)
    session.flush()
    audit.record(
        session,
        actor,
        "book",
        "case",
        case.id,
        kind=kind.value,
        starts_at=starts_at.isoformat(),
        partner=group.partner.value if group.partner else None,
    )
    return booking


def record_attendance(
    session: Session,
    actor: Employee,
    booking_id: int,
    attendance: Attendance,
    note: str = "",
    today: date | None = None,
) -> None:
    """Present, absent or excused, with a note; on `today`, only an excuse can be recorded for
    a session still to come."""
    booking = require(session, Booking, booking_id)
    held_on = booking.session.starts_at.astimezone(LOCAL_ZONE).date()
    if today is not None and held_on > today and attendance is not Attendance.EXCUSED:
        raise ValidationFailed(
            {
                "attendance": f"de bijeenkomst is pas op {long_date(held_on)}: "
                "vooraf kan de klant zich alleen afmelden"
            }
        )
    booking.attendance = attendance
    booking.note = clean_line(note)
    audit.record(session, actor, "attendance", "booking", booking.id, attendance=attendance.value)


def plan_appointment(
    session: Session,
    actor: Employee,
    case_id: int,
    kind: AppointmentKind,
    starts_at: datetime,
    location: str | None = None,
) -> Appointment:
    case = require(session, Case, case_id)
    appointment = Appointment(
        case=case,
        kind=kind,
        starts_at=starts_at,
        location=location or reference.setting(session, "werkplein_location"),
        employee_id=case.case_manager_id,
    )
    session.add(appointment)
    session.flush()
    audit.record(session, actor, "plan", "case", case.id, kind=kind.value)
    return appointment
