"""Whether a decision may be sent on a day, and why not: one answer for the batch queue, the
dossier and every letter.

A decision is held back while its explanation in advance is missing (the gate), while it is
dated after the day of sending, or while it lacks what its letter must state. Every decision is
reasoned (Awb art. 3:46); a rejection and a recovery of an advance carry the case manager's
reasons, and a decision not to process an application names what was asked for and when
(Awb art. 4:5). A rejection names its kind of reason, which decides the articles it cites
(rules.grounds); a recovery of an advance carries the case manager's weighing of the
client's interests (Awb art. 3:4), since recovering is a power the college weighs, not a duty
(Participatiewet art. 58 lid 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from correspondence.rules.gate import Attempt, DecisionPolicy, Window, explanation_missing
from correspondence.rules.grounds import GROUNDS
from store.vocabulary import DecisionKind, DecisionStatus, RejectionGround

OPEN = (DecisionStatus.DRAFT, DecisionStatus.READY)
# the moves an employee makes by hand; sending happens only when a decision is printed
MOVES = {
    DecisionStatus.DRAFT: (DecisionStatus.READY, DecisionStatus.WITHDRAWN),
    DecisionStatus.READY: (DecisionStatus.DRAFT, DecisionStatus.WITHDRAWN),
}


def may_move(status: DecisionStatus, to: DecisionStatus) -> bool:
    return to in MOVES.get(status, ())


@dataclass(frozen=True)
class Content:
    """What a decision letter states beside its outcome."""

    reasons: Sequence[str] = ()
    missing: Sequence[str] = ()
    requested_on: date | None = None
    ground: RejectionGround | None = None
    weighing: str = ""


def content_gaps(kind: DecisionKind, content: Content) -> dict[str, str]:
    """What a decision of `kind` still lacks, by field (`reasons`, `missing`, `requested_on`,
    `ground`, `weighing`)."""
    gaps = {}
    if kind is DecisionKind.REJECTION and content.ground not in GROUNDS:
        gaps["ground"] = "kies de soort reden; die bepaalt welke wetsartikelen de brief noemt"
    if kind is DecisionKind.ADVANCE_RECOVERY and not content.weighing.strip():
        gaps["weighing"] = (
            "schrijf op hoe u de belangen van de klant heeft afgewogen (artikel 3:4 Awb)"
        )
    if kind in (DecisionKind.REJECTION, DecisionKind.ADVANCE_RECOVERY) and not any(
        r.strip() for r in content.reasons
    ):
        gaps["reasons"] = "dit besluit heeft de redenen van de klantmanager nodig"
    if kind is DecisionKind.NOT_PROCESSED:
        if not any(m.strip() for m in content.missing):
            gaps["missing"] = "noem de ontbrekende informatie"
        if content.requested_on is None:
            gaps["requested_on"] = "noem de datum waarop om de informatie is gevraagd"
    return gaps


def held_back(
    kind: DecisionKind,
    decided_on: date | None,
    content: Content,
    attempts: Iterable[Attempt],
    window: Window,
    policy: DecisionPolicy,
) -> str | None:
    """Why a decision may not be sent on `window.sent_on`, or None when it may."""
    if gap := explanation_missing(kind, attempts, window, policy):
        return gap
    if decided_on is not None and decided_on > window.sent_on:
        return "de verzenddatum ligt vóór de datum van het besluit"
    if gaps := content_gaps(kind, content):
        return "; ".join(gaps.values())
    return None


def awaits_call(status: DecisionStatus, kind: DecisionKind, policy: DecisionPolicy) -> bool:
    """A negative decision that is not yet sent or withdrawn: a call can still explain it."""
    return status in OPEN and policy.needs_explanation(kind)
