"""The number Poortpost gives a case when it is registered, and the kenmerk of its letters.

A case number names the municipality, the year of registration and the case's place among that
municipality's cases of that year: `HLM-2026-000123`. A letter's kenmerk adds the code of its
kind and, for a decision, the decision's place among the decisions of the case:
`HLM-2026-000123/BAF2`. Nothing in either comes from the client: the kenmerk is on every letter
and on the objection a resident sends back, and a BSN in it, even hashed, narrows down whose
letter it is.
"""

from __future__ import annotations

import re

from correspondence.rules.identifiers import InvalidIdentifier
from correspondence.rules.kinds import KINDS, LetterKind

SEQUENCE_DIGITS = 6  # read out on the phone as a group; a larger year simply grows wider
PREFIX = r"[A-Z]{2,5}"
# what someone types or reads off a letter: any case, fewer leading zeros, the letter's part
_TYPED = re.compile(r"([A-Za-z]{2,5})-([0-9]{4})-([0-9]{1,9})(?:/[A-Za-z]{3}[0-9]*)?")
NOT_A_CASE_NUMBER = "een zaaknummer ziet eruit als HLM-2026-000123"


def case_number(prefix: str, year: int, sequence: int) -> str:
    """`HLM-2026-000123`: the municipality's prefix, the year, the sequence in that year."""
    if not re.fullmatch(PREFIX, prefix) or sequence < 1:
        raise ValueError(f"geen zaaknummer te maken uit {prefix!r}, {sequence}")
    return f"{prefix}-{year:04d}-{sequence:0{SEQUENCE_DIGITS}d}"


def normalise_case_number(text: str) -> str:
    """The case number in `text` as Poortpost writes it ("hlm-2026-123/baf2" gives
    HLM-2026-000123), or InvalidIdentifier."""
    match = _TYPED.fullmatch(text.strip())
    if match is None or int(match[3]) == 0:
        raise InvalidIdentifier(NOT_A_CASE_NUMBER)
    return case_number(match[1].upper(), int(match[2]), int(match[3]))


def letter_kenmerk(number: str, kind: LetterKind, decision_sequence: int | None = None) -> str:
    """The kenmerk of a letter of `kind` in the case `number`: the kind's code, with the
    decision's sequence for a decision, so two decisions of one case never share one. A letter
    made from a file without a case number carries the code alone."""
    code = KINDS[kind].code
    mark = f"{code}{decision_sequence}" if decision_sequence is not None else code
    return f"{number}/{mark}" if number else mark
