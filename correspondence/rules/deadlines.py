"""Terms of the Poortmodel route, each computed on the Atw calendar where the law sets it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.formatting import weekday_date

OBJECTION_TERM_DAYS = 42  # Awb 6:7: six weeks
POSTED_OBJECTION_DAYS = 7  # Awb 6:9 lid 2: a posted objection may arrive a week after the term
NOT_PROCESSED_WITHIN_DAYS = 28  # Awb 4:5 lid 4: within four weeks after the term passed
DECISION_TERM_DAYS = 56  # Awb 4:13: eight weeks after receipt of the application
ADVANCE_TERM_DAYS = 28  # four weeks: art. 52 Pw after the application; locally after the melding
SEARCH_PERIOD_DAYS = 28  # Participatiewet art. 41 lid 4: four weeks for young people
WW_EARLY_START_DAYS = 28  # the route may start up to four weeks before WW ends
INTERVIEW_WITHIN_DAYS = 7  # promise made to residents after the evaluation


def objection_deadline(sent_on: date, calendar: AtwCalendar) -> date:
    """Last day to object to a decision sent on `sent_on` (Awb 6:7, 6:8 and the Atw)."""
    return calendar.term_end(sent_on, OBJECTION_TERM_DAYS)


def objection_moved_by(sent_on: date, calendar: AtwCalendar) -> str | None:
    """Why the Atw moved the last day to object (Dutch, e.g. "zaterdag"), or None when the
    term ends on the day six weeks after sending."""
    return calendar.non_working_reason(sent_on + timedelta(days=OBJECTION_TERM_DAYS))


def posted_objection_arrival(sent_on: date, calendar: AtwCalendar) -> date:
    """Last day on which an objection posted in time must have arrived (Awb 6:9 lid 2).

    Posted before the end of the objection term, it is in time if it is received no later
    than one week after that term ended. That week is a term set in a law and not counted
    backwards, so Atw art. 1 applies to it as well: ending on a Saturday, Sunday or holiday,
    it runs on to the next working day.
    """
    return calendar.term_end(objection_deadline(sent_on, calendar), POSTED_OBJECTION_DAYS)


def not_processed_last_day(complete_by: date, calendar: AtwCalendar) -> date:
    """Last day to send a decision not to process an application whose term to complete it
    ended on `complete_by` unused: within four weeks after that (Awb 4:5 lid 4, with the Atw)."""
    return calendar.term_end(complete_by, NOT_PROCESSED_WITHIN_DAYS)


def not_processed_refusal(
    complete_by: date | None, sent_on: date, calendar: AtwCalendar
) -> str | None:
    """Why a decision not to process the application cannot be sent on `sent_on` (Dutch), or
    None when it can: only after the client had a term to complete it (Awb 4:5 lid 1) and
    that term passed, and within four weeks after it ended (Awb 4:5 lid 4)."""
    if complete_by is None:
        return (
            "de klant heeft geen termijn gekregen om de aanvraag aan te vullen; leg die "
            "termijn eerst vast (artikel 4:5 Awb)"
        )
    if sent_on <= complete_by:
        return (
            f"de termijn om de aanvraag aan te vullen loopt nog tot en met "
            f"{weekday_date(complete_by)}; pas daarna kan de aanvraag buiten behandeling blijven"
        )
    last = not_processed_last_day(complete_by, calendar)
    if sent_on > last:
        return (
            f"een besluit om de aanvraag niet te behandelen moest uiterlijk op "
            f"{weekday_date(last)} zijn verstuurd, vier weken na het einde van de termijn om "
            "aan te vullen (artikel 4:5, vierde lid, Awb); beslis nu op de aanvraag zelf"
        )
    return None


def decision_deadline(application_received_on: date, calendar: AtwCalendar) -> date:
    """Last day to decide on an application received on the given day (Awb 4:13)."""
    return calendar.term_end(application_received_on, DECISION_TERM_DAYS)


def advance_deadline(registered_on: date, calendar: AtwCalendar) -> date:
    """Last day of the local offer: an advance on request within four weeks of the melding
    (the municipality's own practice, earlier than the law asks; see legal_advance_dates)."""
    return calendar.term_end(registered_on, ADVANCE_TERM_DAYS)


def legal_advance_dates(
    application_received_on: date, calendar: AtwCalendar, count: int = 3
) -> list[date]:
    """The latest days of the first `count` advances the college must grant unasked
    (Participatiewet art. 52 lid 1): four weeks after the date of the application and then
    every four weeks, as long as the right to bijstand is not established.

    Each is counted from the application (4, 8, 12 … weeks), not from a day the Atw moved, so
    a holiday never pushes the later ones back; each ends on a working day (Atw art. 1).
    """
    return [
        calendar.term_end(application_received_on, ADVANCE_TERM_DAYS * n)
        for n in range(1, count + 1)
    ]


# the terms a user can ask for by name (the deadline command)
TERMS: dict[str, Callable[[date, AtwCalendar], date]] = {
    "objection": objection_deadline,
    "decision": decision_deadline,
    "advance": advance_deadline,
}


@dataclass(frozen=True)
class SearchPeriod:
    """A young person's four weeks between the melding and the application."""

    last_day: date  # the last of the four weeks, which start on the day of the melding
    apply_from: date  # the first day on which the application can be made
    bijstand_from: date  # the earliest day bijstand can start


def search_period(registered_on: date) -> SearchPeriod:
    """The four weeks of a young person under 27 (Participatiewet art. 41 lid 4).

    The application can be made no earlier than four weeks after the melding: on the same
    weekday four weeks later, as every "four weeks after" in the Poortmodel is counted (the
    advance, deadlines.advance_deadline). The four weeks are the day of the melding and the
    27 days after it.

    The Algemene termijnenwet does not move that day. Its art. 1 lengthens a term within which
    something must be done when the term ends on a Saturday, Sunday or holiday; this is a
    waiting period before which the law forbids the application, and moving its end would only
    make the young person wait longer. A melding is made at the desk on a working day, so the
    day four weeks later is the same working weekday, unless it is a holiday.

    Bijstand starts on the day of the application at the earliest (Participatiewet art. 44), so
    never before the first day the application can be made. The college may apply the
    exception for a young person in a pressing situation (art. 41 lid 11 since the
    Participatiewet in balans, 1 January 2026): that is the bypass route, not this period.
    """
    apply_from = registered_on + timedelta(days=SEARCH_PERIOD_DAYS)
    return SearchPeriod(
        last_day=apply_from - timedelta(days=1), apply_from=apply_from, bijstand_from=apply_from
    )


def ww_early_start(ww_ends_on: date) -> date:
    """First day on which someone whose WW benefit ends may start the route."""
    return ww_ends_on - timedelta(days=WW_EARLY_START_DAYS)


def may_start_before_ww_end(ww_ends_on: date, today: date) -> bool:
    return today >= ww_early_start(ww_ends_on)


def interview_due_by(rights_meeting_on: date) -> date:
    """Latest date for the participation interview promised at the rights meeting."""
    return rights_meeting_on + timedelta(days=INTERVIEW_WITHIN_DAYS)


def interview_in_time(rights_meeting_on: date, interview_on: date) -> bool:
    return rights_meeting_on <= interview_on <= interview_due_by(rights_meeting_on)
