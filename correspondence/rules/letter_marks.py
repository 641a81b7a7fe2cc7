"""Which mark a letter carries, in one place: never unverified reference data in a letter.

- Every letter prints its municipality's data (letterhead, return address, contact, the
  digital objection channel), and a letter that states an amount (advance agreement, grant,
  advance recovery) takes it from a norm table. When beheer has not verified those data or
  that table the letter is refused, saying which; only proofreading (the `letter` command) may
  make it, and then every page carries the PROEF mark and it can be neither kept with a
  dossier nor printed in a batch.
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
MUNICIPALITY_PROOF_MARK = "PROEF — gemeentegegevens niet geverifieerd"
DEMO_MARK = "DEMO — fictieve gegevens"

# the letters that print an amount computed from a norm table
AMOUNT_LETTERS = frozenset({LetterKind.ADVANCE, LetterKind.GRANT, LetterKind.ADVANCE_RECOVERY})


class UnverifiedData(WorkflowError):
    """A letter would print municipality data or an amount that beheer has not verified."""


@dataclass(frozen=True)
class Unverified:
    reason: str  # Dutch, for the employee: which data, and how beheer verifies them
    mark: str  # across every page of a proof made from them


def unverified_data(
    *, demo: bool, municipality: str, municipality_verified: bool, amount_table: NormTable | None
) -> Unverified | None:
    """What a letter of `municipality` with an amount from `amount_table` (None: no amount)
    would print unverified; None when nothing, or on a demo."""
    if demo:
        return None
    if not municipality_verified:
        return Unverified(
            f"de gegevens van de gemeente {municipality} zijn niet geverifieerd; een brief van "
            "deze gemeente kan niet worden gemaakt tot beheer ze verifieert (Beheer › Gemeenten "
            "of municipality verify)",
            MUNICIPALITY_PROOF_MARK,
        )
    return unverified_table(amount_table, demo=False)


def unverified_table(table: NormTable | None, *, demo: bool) -> Unverified | None:
    """Printing an amount from `table` unverified; None when it is verified, when there is no
    table, or on a demo."""
    if demo or table is None or table.verified:
        return None
    return Unverified(
        f"de normtabel van {table.effective_from.isoformat()} (bron: {table.source}) is niet "
        "geverifieerd; een brief met een bedrag eruit kan niet worden gemaakt tot beheer haar "
        "verifieert (Beheer › Normtabellen of norms verify)",
        PROOF_MARK,
    )


@dataclass(frozen=True)
class LetterMarks:
    diagonal: str | None  # large, across every page
    small: str | None  # small, at the top of every page
    # why it is a proof, never kept with a dossier nor printed in a batch; "" when it is none
    proof: str


def letter_marks(
    *, concept: bool, demo: bool, unverified: Unverified | None, proofreading: bool
) -> LetterMarks:
    """The marks of a letter, or UnverifiedData when it would print `unverified` data (see
    unverified_data) and it is not made for proofreading."""
    small = DEMO_MARK if demo else None
    if unverified is not None:
        if not proofreading:
            raise UnverifiedData(unverified.reason)
        return LetterMarks(unverified.mark, small, proof=unverified.reason)
    return LetterMarks(CONCEPT_MARK if concept else None, small, proof="")
