"""The steps of a case's route as a window lists them, and what an employee can do at each.

One rule, `step_actions`, says which actions apply to a step: the button beside the steps
table, its context menu and the "Volgende stap" line all ask it, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class StepState(StrEnum):
    DONE = "afgerond"
    PLANNED = "gepland"
    OPEN = "open"
    DUE = "te doen"
    OVERDUE = "te laat"
    SKIPPED = "overgeslagen"


class StepKey(StrEnum):
    """Which step a row is, whatever its (configurable) title."""

    REGISTRATION = "registration"
    RIGHTS_MEETING = "rights_meeting"
    INTERVIEW = "interview"
    WORKSHOP = "workshop"
    SEARCH_PERIOD = "search_period"
    SEARCH_INTERVIEW = "search_interview"
    APPLICATION = "application"
    ADVANCE = "advance"
    DECISION = "decision"


@dataclass(frozen=True)
class Step:
    title: str
    state: StepState
    on: date | None = None
    deadline: date | None = None
    note: str = ""
    key: StepKey = StepKey.REGISTRATION
    # the outcome is recorded: attendance at a session, whether an interview was held
    recorded: bool = False
    # its day has come (it is today or past), so whether it took place can be told
    arrived: bool = False


class StepAction(StrEnum):
    BOOK = "book"  # a seat at the step's group session
    MOVE = "move"  # the booking to another session
    ATTENDANCE = "attendance"
    PLAN = "plan"  # an interview with the fixed contact person
    HELD = "held"  # whether the interview took place
    APPLICATION = "application"  # receipt, what is missing, the term to complete it
    ADVANCE = "advance"
    DECISION = "decision"
    ROUTE = "route"  # standard, youth or bypass, with the reason


ACTION_LABELS: dict[StepAction, str] = {
    StepAction.BOOK: "Inschrijven…",
    StepAction.MOVE: "Verplaatsen…",
    StepAction.ATTENDANCE: "Aanwezigheid…",
    StepAction.PLAN: "Gesprek plannen…",
    StepAction.HELD: "Gesprek gehouden…",
    StepAction.APPLICATION: "Aanvraag vastleggen…",
    StepAction.ADVANCE: "Voorschot toekennen…",
    StepAction.DECISION: "Nieuw besluit…",
    StepAction.ROUTE: "Route wijzigen…",
}

SESSION_STEPS = frozenset({StepKey.RIGHTS_MEETING, StepKey.WORKSHOP})
INTERVIEW_STEPS = frozenset({StepKey.INTERVIEW, StepKey.SEARCH_INTERVIEW})

# every action a step of each kind can ever offer, in the order a window shows them
POSSIBLE: dict[StepKey, tuple[StepAction, ...]] = {
    StepKey.REGISTRATION: (StepAction.ROUTE,),
    StepKey.RIGHTS_MEETING: (StepAction.BOOK, StepAction.MOVE, StepAction.ATTENDANCE),
    StepKey.WORKSHOP: (StepAction.BOOK, StepAction.MOVE, StepAction.ATTENDANCE),
    StepKey.INTERVIEW: (StepAction.PLAN, StepAction.HELD),
    StepKey.SEARCH_INTERVIEW: (StepAction.PLAN, StepAction.HELD),
    StepKey.SEARCH_PERIOD: (StepAction.ROUTE,),
    StepKey.APPLICATION: (StepAction.APPLICATION,),
    StepKey.ADVANCE: (StepAction.ADVANCE,),
    StepKey.DECISION: (StepAction.DECISION,),
}


def possible_actions(step: Step) -> tuple[StepAction, ...]:
    """Every action a step of this kind can offer; a skipped step only the change of route."""
    if step.state is StepState.SKIPPED:
        return (StepAction.ROUTE,)
    return POSSIBLE[step.key]


def step_actions(step: Step, case_open: bool = True) -> tuple[StepAction, ...]:
    """The actions that apply to `step` now, the first being the one it asks for."""
    if not case_open:
        return ()
    if step.state is StepState.SKIPPED:
        return (StepAction.ROUTE,)
    key = step.key
    if key in SESSION_STEPS:
        if step.on is None:
            return (StepAction.BOOK,)
        if not step.recorded:
            return (StepAction.ATTENDANCE, StepAction.MOVE)
        if step.state is StepState.DONE:
            return (StepAction.ATTENDANCE,)  # a slip in the attendance can be put right
        return (StepAction.BOOK, StepAction.ATTENDANCE)  # absent or excused: the next one
    if key in INTERVIEW_STEPS:
        if step.on is None:
            return (StepAction.PLAN,)
        if step.recorded:
            if step.state is StepState.DONE:
                return (StepAction.HELD,)  # a slip can be put right
            return (StepAction.PLAN, StepAction.HELD)  # it did not take place: plan again
        if step.arrived:
            return (StepAction.HELD, StepAction.PLAN)
        return (StepAction.PLAN,)
    if key is StepKey.ADVANCE:
        return () if step.state is StepState.DONE else (StepAction.ADVANCE,)
    if key is StepKey.DECISION:
        due = step.state in (StepState.DUE, StepState.OVERDUE)
        return (StepAction.DECISION,) if due else ()
    return POSSIBLE[key]


def primary_action(step: Step, case_open: bool = True) -> StepAction | None:
    actions = step_actions(step, case_open)
    return actions[0] if actions else None


def why_not(step: Step, action: StepAction, case_open: bool = True) -> str:
    """Why `action` does not apply to `step` (Dutch, for a tooltip); "" when it does."""
    if action in step_actions(step, case_open):
        return ""
    if not case_open:
        return "Het dossier is gesloten."
    if step.state is StepState.SKIPPED:
        return "Deze stap wordt overgeslagen; wijzig de route om hem weer te volgen."
    if action is StepAction.BOOK:
        return (
            "De klant staat al ingeschreven; verplaats de inschrijving of leg de aanwezigheid vast."
        )
    if action in (StepAction.MOVE, StepAction.ATTENDANCE):
        if step.on is None:
            return "De klant is nog niet ingeschreven."
        return "De aanwezigheid is al vastgelegd; schrijf de klant opnieuw in."
    if action is StepAction.HELD:
        if step.on is None:
            return "Er is nog geen gesprek gepland."
        return "Het gesprek is nog niet geweest."
    if action is StepAction.PLAN:
        return "Het gesprek is gehouden."
    if action is StepAction.ADVANCE:
        return "Er is al een voorschot toegekend."
    if action is StepAction.DECISION:
        if step.state is StepState.DONE:
            return "Het besluit is verzonden."
        return "Leg eerst de ontvangst van de aanvraag vast."
    return "Dit kan bij deze stap niet."
