"""The dossier overview: the Poortmodel steps of a case, their dates and deadlines, what is
due next and what is overdue. `plan_steps` is a pure rule over `CaseFacts`; what can be done
at each step is `correspondence.rules.route_steps.step_actions`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from correspondence.records import reference
from correspondence.records.appointments import latest_appointment, latest_booking
from correspondence.rules import deadlines, legal_channels
from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.formatting import LOCAL_ZONE, long_date
from correspondence.rules.legal_channels import AdvanceOffer
from correspondence.rules.route_steps import Step, StepKey, StepState
from store.models import Booking, Case, Decision, GroupSession
from store.vocabulary import AppointmentKind, Attendance, DecisionStatus, Route, SessionKind


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
    interview_held: bool | None = None
    search_interview_on: date | None = None
    search_interview_held: bool | None = None
    workshop: SessionFact | None = None
    application_received_on: date | None = None
    application_missing: tuple[str, ...] = ()
    application_complete_by: date | None = None
    route_reason: str = ""
    advance_starts_on: date | None = None
    decision_sent_on: date | None = None
    objection_deadline: date | None = None


def _session_step(key: StepKey, title: str, fact: SessionFact | None, today: date) -> Step:
    if fact is None:
        return Step(title, StepState.DUE, note="nog niet ingepland", key=key)
    state, note = StepState.PLANNED, ""
    if fact.attendance is Attendance.PRESENT:
        state = StepState.DONE
    elif fact.attendance is Attendance.ABSENT:
        state, note = StepState.OVERDUE, "niet verschenen; plan opnieuw in"
    elif fact.attendance is Attendance.EXCUSED:
        state, note = StepState.DUE, "afgemeld; plan opnieuw in"
    elif fact.on < today:
        state, note = StepState.DUE, "aanwezigheid nog niet vastgelegd"
    recorded = fact.attendance is not None
    return Step(title, state, fact.on, None, note, key, recorded, fact.on <= today)


def _interview_step(facts: CaseFacts, today: date) -> Step:
    title, key = "Participatiegesprek", StepKey.INTERVIEW
    due = deadlines.interview_due_by(facts.rights_meeting.on) if facts.rights_meeting else None
    on = facts.interview_on
    reason = facts.interview_delay_reason
    if on is None:
        if due and today > due and not reason:
            return Step(title, StepState.OVERDUE, deadline=due, note="nog niet ingepland", key=key)
        note = reason or "nog niet ingepland"
        return Step(title, StepState.DUE, deadline=due, note=note, key=key)
    held = facts.interview_held
    state = StepState.DONE if held or on < today else StepState.PLANNED
    note = _held_note(held, on, today)
    if held is False:
        late = due and today > due and not reason
        state, note = (StepState.OVERDUE if late else StepState.DUE), NOT_HELD
    elif due and on > due:
        if reason:
            note = f"later dan 7 dagen: {reason}"
        else:
            state, note = StepState.OVERDUE, "later dan 7 dagen; reden ontbreekt"
    return Step(title, state, on, due, note, key, held is not None, on <= today)


NOT_HELD = "niet doorgegaan; plan opnieuw in"


def _held_note(held: bool | None, on: date, today: date) -> str:
    return "nog niet vastgelegd of het is gehouden" if held is None and on < today else ""


def _search_interview_step(facts: CaseFacts, today: date) -> Step:
    title, key, on = "Gesprek zoektermijn", StepKey.SEARCH_INTERVIEW, facts.search_interview_on
    if on is None:
        return Step(title, StepState.DUE, note="nog niet ingepland", key=key)
    held = facts.search_interview_held
    state = StepState.DONE if held or on < today else StepState.PLANNED
    note = _held_note(held, on, today)
    if held is False:
        state, note = StepState.DUE, NOT_HELD
    return Step(title, state, on, None, note, key, held is not None, on <= today)


def _application_step(facts: CaseFacts) -> Step:
    title, key, on = "Aanvraag ontvangen", StepKey.APPLICATION, facts.application_received_on
    if on is None:
        return Step(title, StepState.DUE, key=key)
    note = ""
    if facts.application_missing:
        note = "ontbreekt nog: " + "; ".join(facts.application_missing)
    term = facts.application_complete_by
    return Step(title, StepState.DONE, on, term, note, key=key, recorded=True, arrived=True)


def advance_note(
    facts: CaseFacts, calendar: AtwCalendar, offer: AdvanceOffer
) -> tuple[date | None, str]:
    """The advance step's deadline and note: the legal advance (Participatiewet art. 52 lid 1,
    unasked, four weeks after the application and every four weeks after) once the application
    is known, and the local offer on request four weeks after the melding when beheer set one.
    The deadline is the legal one; before the application only the local offer has a date."""
    local = None
    if offer is AdvanceOffer.AFTER_REGISTRATION:
        local = deadlines.advance_deadline(facts.registered_on, calendar)
    received = facts.application_received_on
    if received is None:
        legal = None
        parts = ["wettelijk: uiterlijk 4 weken na ontvangst van de aanvraag (art. 52 Pw)"]
    else:
        legal, following = deadlines.legal_advance_dates(received, calendar, count=2)
        parts = [
            f"wettelijk uiterlijk {long_date(legal)}, zonder verzoek, daarna elke 4 weken "
            f"(volgende {long_date(following)}) zolang niet is beslist (art. 52 Pw)"
        ]
    if local:
        parts.append(f"op verzoek al uiterlijk {long_date(local)} (4 weken na de melding)")
    return legal or local, "; ".join(parts)


def _advance_step(facts: CaseFacts, calendar: AtwCalendar, offer: AdvanceOffer) -> Step:
    deadline, note = advance_note(facts, calendar, offer)
    if facts.advance_starts_on:
        return Step(
            "Voorschot", StepState.DONE, facts.advance_starts_on, deadline, key=StepKey.ADVANCE
        )
    return Step("Voorschot", StepState.OPEN, deadline=deadline, note=note, key=StepKey.ADVANCE)


def plan_steps(
    facts: CaseFacts,
    today: date,
    calendar: AtwCalendar,
    meeting_name: str,
    advance_offer: AdvanceOffer = AdvanceOffer.AFTER_REGISTRATION,
) -> list[Step]:
    """The route's steps in order, each with its state on `today`.

    `meeting_name` is the display name of the rights meeting, `advance_offer` the local offer
    of an advance; both are settings.
    """
    registration_note = ""
    if facts.ww_ends_on:
        registration_note = (
            f"WW eindigt {long_date(facts.ww_ends_on)}; start mogelijk vanaf "
            f"{long_date(deadlines.ww_early_start(facts.ww_ends_on))}"
        )
    if facts.route_reason:
        change = f"route gewijzigd: {facts.route_reason}"
        registration_note = f"{registration_note}; {change}" if registration_note else change
    steps = [
        Step(
            "Melding",
            StepState.DONE,
            facts.registered_on,
            note=registration_note,
            key=StepKey.REGISTRATION,
        )
    ]

    if facts.route is Route.YOUTH:
        period = deadlines.search_period(facts.registered_on)
        end = period.last_day
        state = StepState.DONE if today > end else StepState.PLANNED
        note = f"loopt tot en met {long_date(end)}; aanvragen vanaf {long_date(period.apply_from)}"
        steps.append(
            Step("Zoektermijn (4 weken)", state, deadline=end, note=note, key=StepKey.SEARCH_PERIOD)
        )
        steps.append(_search_interview_step(facts, today))
    elif facts.route is Route.BYPASS:
        note = f"bypass: {facts.bypass_reason}"
        for key, title in (
            (StepKey.RIGHTS_MEETING, meeting_name),
            (StepKey.INTERVIEW, "Participatiegesprek"),
            (StepKey.WORKSHOP, "Workshop naar Werk"),
        ):
            steps.append(Step(title, StepState.SKIPPED, note=note, key=key))
    else:
        steps.append(
            _session_step(StepKey.RIGHTS_MEETING, meeting_name, facts.rights_meeting, today)
        )
        steps.append(_interview_step(facts, today))
        steps.append(_session_step(StepKey.WORKSHOP, "Workshop naar Werk", facts.workshop, today))

    steps.append(_application_step(facts))

    steps.append(_advance_step(facts, calendar, advance_offer))

    decision = StepKey.DECISION
    if facts.application_received_on is None:
        steps.append(
            Step(
                "Besluit",
                StepState.OPEN,
                note="termijn start bij ontvangst aanvraag",
                key=decision,
            )
        )
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
                    key=decision,
                )
            )
        elif today > decision_due:
            steps.append(Step("Besluit", StepState.OVERDUE, deadline=decision_due, key=decision))
        else:
            steps.append(Step("Besluit", StepState.DUE, deadline=decision_due, key=decision))
    return steps


def next_due(steps: list[Step]) -> Step | None:
    """The first step that asks for action: overdue or to do."""
    return next((s for s in steps if s.state in (StepState.OVERDUE, StepState.DUE)), None)


def latest_session(case: Case, kind: SessionKind) -> GroupSession | None:
    booking = latest_booking(case, kind)
    return booking.session if booking else None


def _session_fact(case: Case, kind: SessionKind) -> SessionFact | None:
    booking = latest_booking(case, kind)
    if booking is None:
        return None
    return SessionFact(booking.session.starts_at.astimezone(LOCAL_ZONE).date(), booking.attendance)


def _appointment_on(case: Case, kind: AppointmentKind) -> date | None:
    appointment = latest_appointment(case, kind)
    return appointment.starts_at.astimezone(LOCAL_ZONE).date() if appointment else None


def _appointment_held(case: Case, kind: AppointmentKind) -> bool | None:
    appointment = latest_appointment(case, kind)
    return appointment.held if appointment else None


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
        interview_held=_appointment_held(case, AppointmentKind.PARTICIPATION_INTERVIEW),
        search_interview_on=_appointment_on(case, AppointmentKind.SEARCH_PERIOD_INTERVIEW),
        search_interview_held=_appointment_held(case, AppointmentKind.SEARCH_PERIOD_INTERVIEW),
        workshop=_session_fact(case, SessionKind.WORKSHOP),
        application_received_on=case.application_received_on,
        application_missing=tuple(case.application_missing or ()),
        application_complete_by=case.application_complete_by,
        route_reason=case.route_reason,
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
        legal_channels.advance_offer(reference.optional_setting(session, "advance_local_offer")),
    )
