"""The negative-decision gate: since 1 October 2016 a client hears of a decision that is
negative for them in advance, by phone or in a conversation, before the letter is sent.

This pure rule is the only gate; every path that sends a decision (the window, the batch, the
command line, a letter from CASE.json) asks it, with the attempts logged for that decision: a
call about one decision never releases another. An attempt counts only when it lies between
the registration of the case and the date of sending.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.dates import LOCAL_ZONE
from store.vocabulary import DecisionKind

DEFAULT_NEGATIVE = frozenset(
    {DecisionKind.REJECTION, DecisionKind.NOT_PROCESSED, DecisionKind.ADVANCE_RECOVERY}
)
REQUIRED_ATTEMPTS = 2


class Attempt(Protocol):
    """A contact-log entry: an attempt to explain a decision in advance."""

    @property
    def id(self) -> int | None: ...
    @property
    def corrects_id(self) -> int | None: ...
    @property
    def at(self) -> datetime: ...
    @property
    def reached(self) -> bool: ...


# the attempts come back as the caller's own kind, so it can read what the gate does not need


@dataclass(frozen=True)
class DecisionPolicy:
    """Settings of the gate, maintained by beheer: which kinds are negative, and whether two
    unreached attempts on different working days may stand in for a reached explanation."""

    negative: frozenset[DecisionKind] = DEFAULT_NEGATIVE
    two_attempts: bool = False
    calendar: AtwCalendar = field(default_factory=AtwCalendar)

    def needs_explanation(self, kind: DecisionKind) -> bool:
        """Whether a decision of `kind` is negative: told in advance before it is sent."""
        return kind in self.negative


def valid_attempts[AttemptT: Attempt](contacts: Iterable[AttemptT]) -> list[AttemptT]:
    """The entries that no later entry corrects, in order of time."""
    entries = list(contacts)
    corrected = {c.corrects_id for c in entries if c.corrects_id is not None}
    return sorted((c for c in entries if c.id is None or c.id not in corrected), key=lambda c: c.at)


def local_day(attempt: Attempt) -> date:
    return attempt.at.astimezone(LOCAL_ZONE).date()


@dataclass(frozen=True)
class Window:
    """The days on which an explanation counts: from the registration of the case up to and
    including the date of sending."""

    registered_on: date
    sent_on: date

    def holds(self, attempt: Attempt) -> bool:
        return self.registered_on <= local_day(attempt) <= self.sent_on


def reached_before[AttemptT: Attempt](
    contacts: Iterable[AttemptT], window: Window
) -> AttemptT | None:
    """The last explanation in the window that reached the client."""
    reached = [c for c in valid_attempts(contacts) if c.reached and window.holds(c)]
    return reached[-1] if reached else None


def unreached_days(
    contacts: Iterable[Attempt], window: Window, policy: DecisionPolicy
) -> list[date]:
    """The different working days in the window with an unreached attempt."""
    days = {
        local_day(c)
        for c in valid_attempts(contacts)
        if not c.reached and window.holds(c) and policy.calendar.is_working_day(local_day(c))
    }
    return sorted(days)


def explanation_missing(
    kind: DecisionKind,
    contacts: Iterable[Attempt],
    window: Window,
    policy: DecisionPolicy | None = None,
) -> str | None:
    """Why a decision of `kind` may not be sent on `window.sent_on`, or None when it may;
    `contacts` are the attempts logged for this decision."""
    policy = policy or DecisionPolicy()
    if not policy.needs_explanation(kind):
        return None
    entries = valid_attempts(contacts)
    if reached_before(entries, window):
        return None
    if policy.two_attempts and len(unreached_days(entries, window, policy)) >= REQUIRED_ATTEMPTS:
        return None
    if any(c.reached and local_day(c) > window.sent_on for c in entries):
        return "de klant is pas na de verzenddatum ingelicht"
    if any(c.reached for c in entries):
        return "de klant is ingelicht vóór de melding van deze aanvraag"
    if entries:
        return "de klant is nog niet bereikt voor de uitleg vooraf"
    return "er is nog geen uitleg vooraf aan de klant vastgelegd"
