"""Which mark a letter carries, in one place: never an unverified amount in a letter.

- A letter that states an amount (advance agreement, grant, advance recovery) takes it from a
  norm table. When that table is not verified by beheer the letter is refused, naming the table;
  only proofreading (the `letter` command) may make it, and then every page carries the PROEF
  mark and it can be neither kept with a dossier nor printed in a batch.
- A demo database holds fictional data: its reference data counts as verified for the
  demonstration, and every letter made on it carries the small DEMO mark.
- A decision letter before sending is a concept (rules.concept): the diagonal CONCEPT.
"""

from __future__ import annotations

from dataclasses import dataclass

from correspondence.rules.concept import CONCEPT_MARK
from correspondence.rules.errors import WorkflowError
from correspondence.rules.kinds import LetterKind
from correspondence.rules.norms import NormTable

PROOF_MARK = "PROEF — normbedragen niet geverifieerd"
DEMO_MARK = "DEMO — fictieve gegevens"

# the letters that print an amount computed from a norm table
AMOUNT_LETTERS = frozenset({LetterKind.ADVANCE, LetterKind.GRANT, LetterKind.ADVANCE_RECOVERY})


class UnverifiedNorms(WorkflowError):
    """A letter would print an amount from a norm table that beheer has not verified."""


def unverified_reason(table: NormTable) -> str:
    return (
        f"de normtabel van {table.effective_from.isoformat()} (bron: {table.source}) is niet "
        "geverifieerd; een brief met een bedrag eruit kan niet worden gemaakt tot beheer haar "
        "verifieert (Beheer › Normtabellen of norms verify)"
    )


def unverified_table(table: NormTable | None, *, demo: bool) -> NormTable | None:
    """The table whose amount may not be printed as it is: None when verified, or on a demo."""
    if table is None or table.verified or demo:
        return None
    return table


@dataclass(frozen=True)
class LetterMarks:
    diagonal: str | None  # large, across every page
    small: str | None  # small, at the top of every page
    proof: bool  # a proof: never kept with a dossier, never printed in a batch

    @property
    def keepable(self) -> bool:
        return not self.proof and self.diagonal is None


def letter_marks(
    *, concept: bool, demo: bool, amount_table: NormTable | None, proofreading: bool
) -> LetterMarks:
    """The marks of a letter, or UnverifiedNorms when it would print an unverified amount and
    it is not made for proofreading. `amount_table`: the table its amount comes from (None for a
    letter without an amount)."""
    small = DEMO_MARK if demo else None
    unverified = unverified_table(amount_table, demo=demo)
    if unverified is not None:
        if not proofreading:
            raise UnverifiedNorms(unverified_reason(unverified))
        return LetterMarks(PROOF_MARK, small, proof=True)
    return LetterMarks(CONCEPT_MARK if concept else None, small, proof=False)
