"""When a letter is a concept. A decision letter is only the real letter when the batch prints
it to send it: only then are its date of sending and objection deadline fixed. Every other
rendering of a decision letter (the preview, a file saved or printed from it) is a concept and
carries the mark, so that nobody posts or files it as the decision."""

from __future__ import annotations

from correspondence.rules.kinds import KINDS, LetterKind
from store.vocabulary import DecisionStatus

CONCEPT_MARK = "CONCEPT"


def is_concept(kind: LetterKind, status: DecisionStatus | None, *, sending: bool) -> bool:
    """Whether the letter of `kind`, for a decision in `status`, is a concept; `sending`: the
    batch renders it to send it now. A decision already sent keeps the letter it was sent
    with, so rendering it again is no concept."""
    if KINDS[kind].decision is None:
        return False
    return not sending and status is not DecisionStatus.SENT
