"""What the dialogs of the route's steps need: the case's current bookings and interviews with
their ids, its route, the application, and the group sessions that still have a seat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from correspondence.records import reference
from correspondence.records.appointments import latest_appointment, latest_booking
from correspondence.rules import deadlines
from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.dates import local_time_on
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.rules.group_sessions import RIGHTS_MEETING_SEATS
from correspondence.rules.norms import is_young
from correspondence.rules.route_planning import session_days
from store.models import Booking, Case, GroupSession
from store.vocabulary import (
    AppointmentKind,
    Attendance,
    CaseStatus,
    Partner,
    Route,
    SessionKind,
)

SESSIONS_LISTED = 8


@dataclass(frozen=True)
class BookingView:
    id: int
    kind: SessionKind
    starts_at: datetime
    attendance: Attendance | None
    note: str
    partner: Partner | None

    @property
    def on(self) -> date:
        return self.starts_at.astimezone(LOCAL_ZONE).date()


@dataclass(frozen=True)
class AppointmentView:
    id: int
    kind: AppointmentKind
    starts_at: datetime
    location: str
    held: bool | None

    @property
    def on(self) -> date:
        return self.starts_at.astimezone(LOCAL_ZONE).date()


@dataclass(frozen=True)
class RouteView:
    case_id: int
    open: bool
    route: Route
    route_reason: str
    bypass_reason: str
    registered_on: date
    young: bool  # under the youth age limit on the day of the registration
    search_period_ends: date
    apply_from: date  # a young person's first day to apply (rules.deadlines.search_period)
    case_manager: str  # the fixed contact person
    werkplein: str  # where an interview is unless told otherwise
    calendar: AtwCalendar
    meeting: BookingView | None = None
    workshop: BookingView | None = None
    interview: AppointmentView | None = None
    search_interview: AppointmentView | None = None
    interview_due: date | None = None  # 7 days after the meeting the client goes to
    interview_delay_reason: str = ""
    application_received_on: date | None = None
    application_missing: tuple[str, ...] = ()
    application_complete_by: date | None = None

    def booking(self, kind: SessionKind) -> BookingView | None:
        return self.meeting if kind is SessionKind.RIGHTS_MEETING else self.workshop

    def appointment(self, kind: AppointmentKind) -> AppointmentView | None:
        if kind is AppointmentKind.SEARCH_PERIOD_INTERVIEW:
            return self.search_interview
        return self.interview


@dataclass(frozen=True)
class SessionOption:
    """A group session with a free seat, held already or to be held on its day."""

    day: date
    starts_at: datetime
    seats_left: int
    partner: Partner | None  # who gives a workshop that has bookings; None: not fixed yet


def _booking(case: Case, kind: SessionKind) -> BookingView | None:
    booking = latest_booking(case, kind)
    if booking is None:
        return None
    group = booking.session
    return BookingView(
        booking.id, kind, group.starts_at, booking.attendance, booking.note, group.partner
    )


def _appointment(case: Case, kind: AppointmentKind) -> AppointmentView | None:
    found = latest_appointment(case, kind)
    if found is None:
        return None
    return AppointmentView(found.id, kind, found.starts_at, found.location, found.held)


def route_of(session: Session, case: Case) -> RouteView:
    meeting = _booking(case, SessionKind.RIGHTS_MEETING)
    attended = meeting is not None and meeting.attendance not in (
        Attendance.ABSENT,
        Attendance.EXCUSED,
    )
    period = deadlines.search_period(case.registered_on)
    return RouteView(
        case_id=case.id,
        open=case.status is CaseStatus.OPEN,
        route=case.route,
        route_reason=case.route_reason,
        bypass_reason=case.bypass_reason,
        registered_on=case.registered_on,
        young=is_young(case.client.birth_date, case.registered_on),
        search_period_ends=period.last_day,
        apply_from=period.apply_from,
        case_manager=case.case_manager.full_name,
        werkplein=reference.setting(session, "werkplein_location"),
        calendar=reference.atw_calendar(session),
        meeting=meeting,
        workshop=_booking(case, SessionKind.WORKSHOP),
        interview=_appointment(case, AppointmentKind.PARTICIPATION_INTERVIEW),
        search_interview=_appointment(case, AppointmentKind.SEARCH_PERIOD_INTERVIEW),
        interview_due=deadlines.interview_due_by(meeting.on) if meeting and attended else None,
        interview_delay_reason=case.interview_delay_reason,
        application_received_on=case.application_received_on,
        application_missing=tuple(case.application_missing or ()),
        application_complete_by=case.application_complete_by,
    )


def open_sessions(
    session: Session, kind: SessionKind, earliest: date, count: int = SESSIONS_LISTED
) -> tuple[SessionOption, ...]:
    """The first `count` sessions of `kind` on or after `earliest` with a seat left, on the
    Mondays and Thursdays that are working days; the first is the one to propose."""
    setting = "rights_meeting_time" if kind is SessionKind.RIGHTS_MEETING else "workshop_time"
    hours, minutes = (int(part) for part in reference.setting(session, setting).split(":"))
    rows = session.execute(
        select(GroupSession, func.count(Booking.id))
        .join(Booking, isouter=True)
        .where(GroupSession.kind == kind)
        .where(GroupSession.starts_at >= local_time_on(earliest, time(0, 0)))
        .group_by(GroupSession.id)
    )
    existing = {
        group.starts_at.astimezone(LOCAL_ZONE).date(): (group, booked) for group, booked in rows
    }
    options: list[SessionOption] = []
    for day in session_days(earliest, reference.atw_calendar(session)):
        if day in existing:
            group, booked = existing[day]
            left = group.capacity - booked
            option = SessionOption(day, group.starts_at, left, group.partner if booked else None)
        else:
            starts_at = local_time_on(day, time(hours, minutes))
            option = SessionOption(day, starts_at, RIGHTS_MEETING_SEATS, None)
        if option.seats_left > 0:
            options.append(option)
        if len(options) == count:
            break
    return tuple(options)
