"""The demo plans on working days only, whatever day it is loaded on, and each demo case
stays at the step it is meant for: nothing overdue but what the demo means to be overdue."""

from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from correspondence.queries import views
from correspondence.queries.dossier import StepState
from correspondence.records.reference import atw_calendar
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.workflows import audit
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.demo import DEMO_CLIENTS, demo_bsn, load_demo
from store.models import Advance, Appointment, Case, Client, ContactLogEntry, Decision, GroupSession

TODAYS = [
    date(2026, 11, 27),  # a Friday
    date(2026, 11, 28),  # a Saturday
    date(2026, 11, 30),  # a Monday
    date(2026, 12, 24),  # Christmas Eve, a Thursday, before two holidays and a weekend
    date(2026, 12, 25),
    date(2026, 12, 28),  # the Monday after Christmas
    date(2026, 4, 27),  # Koningsdag, a Monday
    date(2026, 4, 28),
    date(2026, 4, 30),  # the week before holds only Koningsdag's Monday and today's Thursday
    date(2026, 5, 18),  # after Ascension Thursday and the equated Friday
]
# what the demo is meant to show as overdue: an interview planned late without a reason,
# and a decision past its term
MEANT_OVERDUE = {("interview_late", "Participatiegesprek"), ("decision_overdue", "Besluit")}


def local_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL_ZONE).date()


def planned_days(session) -> dict[str, list[date]]:
    """Every day the demo planned or acted on, by what it is."""
    advances = list(session.scalars(select(Advance)))
    decisions = list(session.scalars(select(Decision)))
    return {
        "registration": list(session.scalars(select(Case.registered_on))),
        "group session": [local_day(m) for m in session.scalars(select(GroupSession.starts_at))],
        "appointment": [local_day(m) for m in session.scalars(select(Appointment.starts_at))],
        "call": [local_day(m) for m in session.scalars(select(ContactLogEntry.at))],
        "decision": [d.decided_on for d in decisions if d.decided_on],
        "sending": [d.sent_on for d in decisions if d.sent_on],
        "information asked": [d.requested_on for d in decisions if d.requested_on],
        "advance start": [a.starts_on for a in advances],
        # the later instalments keep the first one's day of the month (the schedule's rule)
        "first instalment": [a.first_due_on for a in advances],
    }


@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_the_demo_plans_on_working_days_and_shows_only_what_it_means_overdue(
    sqlite_database, monkeypatch, today
):
    # the clock stands at the end of that day: a call logged that day is not in the future
    monkeypatch.setattr(audit, "now", lambda: datetime.combine(today, time(18), LOCAL_ZONE))
    with sqlite_database.session() as session, session.begin():
        load_demo(session, acting_employee(session, "tester"), today)
    stage = {demo_bsn(i): c.stage for i, c in enumerate(DEMO_CLIENTS)}
    with sqlite_database.session() as session:
        calendar = atw_calendar(session)
        days = planned_days(session)
        overdue, interviews = set(), {}
        for client in session.scalars(select(Client)):
            dossier = views.dossier_of(session, client.id, today)
            for step in dossier.steps:
                if step.state is StepState.OVERDUE:
                    overdue.add((stage[client.bsn], step.title))
                if step.title == "Participatiegesprek":
                    interviews[stage[client.bsn]] = step
    not_working = {
        what: [(d, calendar.non_working_reason(d)) for d in found if not calendar.is_working_day(d)]
        for what, found in days.items()
    }
    assert not_working == {what: [] for what in days}
    assert all(days.values())  # each kind was planned at least once
    assert overdue == MEANT_OVERDUE
    attended = interviews["meeting_attended"]
    assert attended.state is StepState.PLANNED and attended.on >= today
    assert attended.on <= attended.deadline  # within the week the meeting promised
