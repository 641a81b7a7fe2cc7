"""The dossier overview: the Poortmodel steps of a case, their dates and deadlines, what is
due next and what is overdue. `plan_steps` is a pure rule over `CaseFacts`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from correspondence.records import reference
from correspondence.rules import deadlines
from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.formatting import LOCAL_ZONE, long_date
from store.models import Appointment, Booking, Case, Decision, GroupSession
from store.vocabulary import AppointmentKind, Attendance, DecisionStatus, Route, SessionKind


class StepState(StrEnum):
    DONE = "afgerond"
    PLANNED = "gepland"
    OPEN = "open"
    DUE = "te doen"
    OVERDUE = "te laat"
    SKIPPED = "overgeslagen"


@dataclass(frozen=True)
class Step:
    title: str
    state: StepState
    on: date | None = None
    deadline: date | None = None
    note: str = ""


@dataclass(frozen=True)
class SessionFact:
    on: date
    attendance: Attendance | None = None


@dataclass(frozen=True)
class CaseFacts:
    route: Route
    registered_on: date
    bypass_reason: str = ""
    ww_ends_on: date | None = None
    rights_meeting: SessionFact | None = None
    interview_on: date | None = None
    interview_delay_reason: str = ""
    search_interview_on: date | None = None
    workshop: SessionFact | None = None
    application_received_on: date | None = None
    advance_starts_on: date | None = None
    decision_sent_on: date | None = None
    objection_deadline: date | None = None


def _session_step(title: str, fact: SessionFact | None, today: date) -> Step:
    if fact is None:
        return Step(title, StepState.DUE, note="nog niet ingepland")
    if fact.attendance is Attendance.PRESENT:
        return Step(title, StepState.DONE, fact.on)
    if fact.attendance is Attendance.ABSENT:
        return Step(title, StepState.OVERDUE, fact.on, note="niet verschenen; plan opnieuw in")
    if fact.attendance is Attendance.EXCUSED:
        return Step(title, StepState.DUE, fact.on, note="afgemeld; plan opnieuw in")
    if fact.on < today:
        return Step(title, StepState.DUE, fact.on, note="aanwezigheid nog niet vastgelegd")
    return Step(title, StepState.PLANNED, fact.on)


def _interview_step(facts: CaseFacts, today: date) -> Step:
    title = "Participatiegesprek"
    due = deadlines.interview_due_by(facts.rights_meeting.on) if facts.rights_meeting else None
    on = facts.interview_on
    reason = facts.interview_delay_reason
    if on is None:
        if due and today > due and not reason:
            return Step(title, StepState.OVERDUE, deadline=due, note="nog niet ingepland")
        return Step(title, StepState.DUE, deadline=due, note=reason or "nog niet ingepland")
    state = StepState.DONE if on < today else StepState.PLANNED
    if due and on > due:
        if not reason:
            return Step(title, StepState.OVERDUE, on, due, "later dan 7 dagen; reden ontbreekt")
        return Step(title, state, on, due, f"later dan 7 dagen: {reason}")
    return Step(title, state, on, due)


def _dated_step(title: str, on: date | None, planned_note: str = "") -> Step:
    return Step(title, StepState.DONE, on) if on else Step(title, StepState.DUE, note=planned_note)


def plan_steps(
    facts: CaseFacts, today: date, calendar: AtwCalendar, meeting_name: str
) -> list[Step]:
    """The route's steps in order, each with its state on `today`.

    `meeting_name` is the display name of the rights meeting, a setting.
    """
    registration_note = ""
    if facts.ww_ends_on:
        registration_note = (
            f"WW eindigt {long_date(facts.ww_ends_on)}; start mogelijk vanaf "
            f"{long_date(deadlines.ww_early_start(facts.ww_ends_on))}"
        )
    steps = [Step("Melding", StepState.DONE, facts.registered_on, note=registration_note)]

    if facts.route is Route.YOUTH:
        end = deadlines.search_period_end(facts.registered_on)
        state = StepState.DONE if today > end else StepState.PLANNED
        steps.append(Step("Zoektermijn (4 weken)", state, deadline=end))
        steps.append(
            _dated_step("Gesprek zoektermijn", facts.search_interview_on, "nog niet ingepland")
        )
    elif facts.route is Route.BYPASS:
        note = f"bypass: {facts.bypass_reason}"
        for title in (meeting_name, "Participatiegesprek", "Workshop naar Werk"):
            steps.append(Step(title, StepState.SKIPPED, note=note))
    else:
        steps.append(_session_step(meeting_name, facts.rights_meeting, today))
        steps.append(_interview_step(facts, today))
        steps.append(_session_step("Workshop naar Werk", facts.workshop, today))

    steps.append(_dated_step("Aanvraag ontvangen", facts.application_received_on))

    advance_due = deadlines.advance_deadline(facts.registered_on, calendar)
    if facts.advance_starts_on:
        steps.append(Step("Voorschot", StepState.DONE, facts.advance_starts_on, advance_due))
    else:
        steps.append(
            Step(
                "Voorschot",
                StepState.OPEN,
                deadline=advance_due,
                note="op verzoek van de klant; recht binnen 4 weken na de melding",
            )
        )

    if facts.application_received_on is None:
        steps.append(Step("Besluit", StepState.OPEN, note="termijn start bij ontvangst aanvraag"))
    else:
        decision_due = deadlines.decision_deadline(facts.application_received_on, calendar)
        if facts.decision_sent_on:
            note = ""
            if facts.objection_deadline:
                note = f"bezwaar mogelijk tot en met {long_date(facts.objection_deadline)}"
            steps.append(
                Step(
                    "Besluit",
                    StepState.DONE,
                    facts.decision_sent_on,
                    decision_due,
                    note,
                )
            )
        elif today > decision_due:
            steps.append(Step("Besluit", StepState.OVERDUE, deadline=decision_due))
        else:
            steps.append(Step("Besluit", StepState.DUE, deadline=decision_due))
    return steps


def next_due(steps: list[Step]) -> Step | None:
    """The first step that asks for action: overdue or to do."""
    return next((s for s in steps if s.state in (StepState.OVERDUE, StepState.DUE)), None)


def latest_booking(case: Case, kind: SessionKind) -> Booking | None:
    """The case's last booking on a session of `kind`: a rebooking replaces the earlier one."""
    mine = [b for b in case.bookings if b.session.kind is kind]
    return max(mine, key=lambda b: b.session.starts_at) if mine else None


def latest_session(case: Case, kind: SessionKind) -> GroupSession | None:
    booking = latest_booking(case, kind)
    return booking.session if booking else None


def latest_appointment(case: Case, kind: AppointmentKind) -> Appointment | None:
    found = [a for a in case.appointments if a.kind is kind]
    return max(found, key=lambda a: a.starts_at) if found else None


def _session_fact(case: Case, kind: SessionKind) -> SessionFact | None:
    booking = latest_booking(case, kind)
    if booking is None:
        return None
    return SessionFact(booking.session.starts_at.astimezone(LOCAL_ZONE).date(), booking.attendance)


def _appointment_on(case: Case, kind: AppointmentKind) -> date | None:
    appointment = latest_appointment(case, kind)
    return appointment.starts_at.astimezone(LOCAL_ZONE).date() if appointment else None


def case_facts(case: Case) -> CaseFacts:
    sent = [(d.sent_on, d) for d in case.decisions if d.status is DecisionStatus.SENT and d.sent_on]
    last_sent = max(sent, key=lambda pair: pair[0])[1] if sent else None
    return CaseFacts(
        route=case.route,
        registered_on=case.registered_on,
        bypass_reason=case.bypass_reason,
        ww_ends_on=case.ww_ends_on,
        rights_meeting=_session_fact(case, SessionKind.RIGHTS_MEETING),
        interview_on=_appointment_on(case, AppointmentKind.PARTICIPATION_INTERVIEW),
        interview_delay_reason=case.interview_delay_reason,
        search_interview_on=_appointment_on(case, AppointmentKind.SEARCH_PERIOD_INTERVIEW),
        workshop=_session_fact(case, SessionKind.WORKSHOP),
        application_received_on=case.application_received_on,
        advance_starts_on=min((a.starts_on for a in case.advances), default=None),
        decision_sent_on=last_sent.sent_on if last_sent else None,
        objection_deadline=last_sent.objection_deadline if last_sent else None,
    )


def load_case(session: Session, case_id: int) -> Case | None:
    return session.scalar(
        select(Case)
        .where(Case.id == case_id)
        .options(
            selectinload(Case.bookings).selectinload(Booking.session),
            selectinload(Case.appointments),
            selectinload(Case.decisions).selectinload(Decision.explanations),
            selectinload(Case.advances),
            selectinload(Case.contacts),
        )
    )


def overview(session: Session, case_id: int, today: date) -> list[Step]:
    case = load_case(session, case_id)
    if case is None:
        return []
    return plan_steps(
        case_facts(case),
        today,
        reference.atw_calendar(session),
        reference.setting(session, "rights_meeting_name"),
    )
