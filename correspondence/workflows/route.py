"""The steps of the route an employee takes from the dossier: a seat at a group session and
moving it, the interviews with the fixed contact person and whether they took place, the
application with what it misses, and a change of route with its reason."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from correspondence.records import reference
from correspondence.records.appointments import latest_appointment, latest_booking
from correspondence.records.lookup import require
from correspondence.rules import labels, route_planning
from correspondence.rules.dates import DateRefused, check_day, local_time_on
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import LOCAL_ZONE, long_date, weekday_date
from correspondence.rules.text import TextRefused, clean_line, letter_text
from correspondence.workflows import audit
from correspondence.workflows.cases import (
    BYPASS_REASON_MISSING,
    book_at,
    group_session_at,
    local_instant,
    received_errors,
    route_errors,
)
from store.models import Appointment, Booking, Case, Employee
from store.vocabulary import AppointmentKind, Attendance, CaseStatus, Partner, Route, SessionKind

LOCATION_LIMIT = 200  # the column of an appointment's place


def open_case_of(session: Session, case_id: int) -> Case:
    case = require(session, Case, case_id)
    if case.status is not CaseStatus.OPEN:
        raise ValidationFailed({"case": "dit dossier is gesloten"})
    return case


def _day_in_window(name: str, day: date, today: date) -> None:
    try:
        check_day(day, today)
    except DateRefused as exc:
        raise ValidationFailed({name: str(exc)}) from None


def session_start(session: Session, kind: SessionKind, day: date, today: date) -> datetime:
    """When the session of `kind` on `day` starts; refused for a day without one or a day past."""
    _day_in_window(kind.value, day, today)
    refusal = route_planning.session_day_refusal(day, reference.atw_calendar(session))
    if refusal is None and day < today:
        refusal = "kies een bijeenkomst vanaf vandaag"
    if refusal:
        raise ValidationFailed({kind.value: refusal})
    clock = "rights_meeting_time" if kind is SessionKind.RIGHTS_MEETING else "workshop_time"
    return local_instant(day, reference.setting(session, clock))


def book_on(
    session: Session,
    actor: Employee,
    case_id: int,
    kind: SessionKind,
    day: date,
    today: date,
    partner: Partner | None = None,
) -> Booking:
    """A seat for the case at the session of `kind` on `day` (a workshop with `partner`).

    A booking whose attendance is not yet known is moved, not booked twice."""
    case = open_case_of(session, case_id)
    pending = latest_booking(case, kind)
    if pending is not None and pending.attendance is None:
        on = pending.session.starts_at.astimezone(LOCAL_ZONE).date()
        raise ValidationFailed(
            {
                kind.value: f"de klant staat al ingeschreven op {weekday_date(on)}: "
                "verplaats die inschrijving of leg de aanwezigheid vast"
            }
        )
    starts_at = session_start(session, kind, day, today)
    if any(b.session.kind is kind and b.session.starts_at == starts_at for b in case.bookings):
        raise ValidationFailed({kind.value: "de klant stond al op deze bijeenkomst ingeschreven"})
    return book_at(session, actor, case.id, kind, starts_at, partner)


def move_booking(
    session: Session,
    actor: Employee,
    booking_id: int,
    day: date,
    today: date,
    partner: Partner | None = None,
) -> Booking:
    """The booking to the session of its kind on `day`, while its attendance is not known."""
    booking = require(session, Booking, booking_id)
    open_case_of(session, booking.case_id)
    kind = booking.session.kind
    if booking.attendance is not None:
        raise ValidationFailed(
            {kind.value: "de aanwezigheid is al vastgelegd: schrijf de klant opnieuw in"}
        )
    starts_at = session_start(session, kind, day, today)
    if starts_at == booking.session.starts_at:
        raise ValidationFailed({kind.value: "de klant staat al op deze dag ingeschreven"})
    before = booking.session.starts_at
    booking.session = group_session_at(session, kind, starts_at, partner)
    session.flush()
    audit.record(
        session,
        actor,
        "move",
        "booking",
        booking.id,
        kind=kind.value,
        starts_at=starts_at.isoformat(),
        was=before.isoformat(),
    )
    return booking


def _meeting_on(case: Case) -> date | None:
    """The day of the rights meeting the participation interview follows."""
    booking = latest_booking(case, SessionKind.RIGHTS_MEETING)
    if booking is None or booking.attendance in (Attendance.ABSENT, Attendance.EXCUSED):
        return None
    return booking.session.starts_at.astimezone(LOCAL_ZONE).date()


def plan_interview(
    session: Session,
    actor: Employee,
    case_id: int,
    kind: AppointmentKind,
    day: date,
    clock: time,
    location: str,
    today: date,
    delay_reason: str = "",
) -> Appointment:
    """The interview of `kind` with the case's fixed contact person, its case manager.

    Never on a weekend or Atw holiday; a participation interview follows the rights meeting and
    is later than 7 days after it only with a recorded reason. An interview planned earlier
    that has not taken place is moved."""
    case = open_case_of(session, case_id)
    _day_in_window("day", day, today)
    errors: dict[str, str] = {}
    refusal = route_planning.working_day_refusal(day, reference.atw_calendar(session))
    if refusal is None and day < today:
        refusal = "een gesprek plant u vanaf vandaag"
    if refusal is None and day < case.registered_on:
        refusal = f"het gesprek kan niet vóór de melding ({long_date(case.registered_on)}) zijn"
    reason = clean_line(delay_reason)
    if kind is AppointmentKind.PARTICIPATION_INTERVIEW and (met := _meeting_on(case)):
        if refusal is None and day < met:
            refusal = f"het gesprek volgt op de bijeenkomst van {weekday_date(met)}"
        if late := route_planning.interview_delay_refusal(met, day, reason):
            errors["interview_delay_reason"] = late
    if refusal:
        errors["day"] = refusal
    try:
        starts_at = local_time_on(day, clock)
    except DateRefused as exc:
        errors["clock"] = str(exc)
    try:
        place = letter_text(location, LOCATION_LIMIT) or reference.setting(
            session, "werkplein_location"
        )
    except TextRefused as exc:
        errors["location"] = f"de plaats {exc}"
    if errors:
        raise ValidationFailed(errors)
    if kind is AppointmentKind.PARTICIPATION_INTERVIEW:
        case.interview_delay_reason = reason
    appointment = latest_appointment(case, kind)
    if appointment is None or appointment.held is not None:
        appointment = Appointment(case=case, kind=kind)
        session.add(appointment)
    appointment.starts_at = starts_at
    appointment.location = place
    appointment.employee_id = case.case_manager_id
    session.flush()
    audit.record(
        session, actor, "plan", "case", case.id, kind=kind.value, starts_at=starts_at.isoformat()
    )
    return appointment


def record_held(
    session: Session, actor: Employee, appointment_id: int, held: bool, today: date
) -> Appointment:
    """Whether the interview took place; told once its day has come."""
    appointment = require(session, Appointment, appointment_id)
    open_case_of(session, appointment.case_id)
    on = appointment.starts_at.astimezone(LOCAL_ZONE).date()
    if on > today:
        raise ValidationFailed({"held": f"het gesprek is pas op {weekday_date(on)}"})
    appointment.held = held
    session.flush()
    audit.record(session, actor, "held", "appointment", appointment.id, held=held)
    return appointment


def record_application(
    session: Session,
    actor: Employee,
    case_id: int,
    received_on: date | None,
    missing: Sequence[str],
    complete_by: date | None,
    today: date,
) -> Case:
    """The day the application was received (the 8-week decision term starts then), what it
    still misses, one item a line, and the working day by which the client can complete it."""
    case = open_case_of(session, case_id)
    errors: dict[str, str] = {}
    if received_on is None:
        raise ValidationFailed({"application_received_on": "verplicht veld"})
    _day_in_window("application_received_on", received_on, today)
    errors.update(received_errors(case.route, case.registered_on, received_on, today))
    items: list[str] = []
    for number, line in enumerate(missing, start=1):
        try:
            if item := letter_text(line):
                items.append(item)
        except TextRefused as exc:
            errors["application_missing"] = f"regel {number} {exc}"
    if complete_by is not None:
        _day_in_window("application_complete_by", complete_by, today)
        calendar = reference.atw_calendar(session)
        if refusal := route_planning.completion_term_refusal(received_on, complete_by, calendar):
            errors["application_complete_by"] = refusal
        if not items and "application_missing" not in errors:
            errors["application_missing"] = "noem wat er ontbreekt, of laat de termijn leeg"
    elif items:
        errors["application_complete_by"] = (
            "geef de termijn waarbinnen de klant de aanvraag kan aanvullen"
        )
    if errors:
        raise ValidationFailed(errors)
    case.application_received_on = received_on
    case.application_missing = items
    case.application_complete_by = complete_by
    session.flush()
    audit.record(
        session,
        actor,
        "application",
        "case",
        case.id,
        received_on=received_on.isoformat(),
        missing=len(items),
        complete_by=complete_by.isoformat() if complete_by else None,
    )
    return case


def switch_route(
    session: Session,
    actor: Employee,
    case_id: int,
    route: str,
    reason: str,
    today: date,
    bypass_reason: str = "",
) -> Case:
    """Another route for the case, with the reason recorded: bypass names why steps are
    skipped, the youth route is for clients under the youth age limit."""
    case = open_case_of(session, case_id)
    chosen = {r.value: r for r in Route}.get(route)
    if chosen is None:
        raise ValidationFailed({"route": "kies standaard, jongeren of bypass"})
    errors: dict[str, str] = {}
    if chosen is case.route:
        errors["route"] = f"het dossier volgt de route {labels.ROUTES[chosen]} al"
    else:
        errors.update(route_errors(chosen, case.client.birth_date, case.registered_on))
    why = clean_line(reason)
    if not why:
        errors["route_reason"] = "leg vast waarom de route verandert"
    skip = clean_line(bypass_reason)
    if chosen is Route.BYPASS and not skip:
        errors["bypass_reason"] = BYPASS_REASON_MISSING
    if case.application_received_on and "route" not in errors:
        received = received_errors(chosen, case.registered_on, case.application_received_on, today)
        if received:
            errors["route"] = received["application_received_on"]
    if errors:
        raise ValidationFailed(errors)
    before = case.route
    case.route = chosen
    case.bypass_reason = skip if chosen is Route.BYPASS else ""
    case.route_reason = why
    session.flush()
    audit.record(session, actor, "route", "case", case.id, route=chosen.value, was=before.value)
    return case
