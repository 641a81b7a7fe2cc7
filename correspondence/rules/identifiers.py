"""Dutch identifiers, validated with python-stdnum; errors are Dutch sentences for the user."""

from __future__ import annotations

import re

from stdnum import iban
from stdnum.exceptions import ValidationError
from stdnum.nl import bsn, postcode

# valid (mod-97) and obviously fictional, with the bank code DEMO that no bank has: the demo
# data's account for repayments, and what a template is proven with while beheer set none
FICTIONAL_IBAN = "NL93 DEMO 0123 4567 89"


class InvalidIdentifier(ValueError):
    pass


def normalise_bsn(value: str) -> str:
    """The nine-digit BSN, or InvalidIdentifier when it fails the elfproef."""
    digits = re.sub(r"[\s.\-]", "", value)
    # An 8-digit number is an old BSN that stdnum pads with a leading zero.
    if not digits.isdigit() or len(digits) not in (8, 9):
        raise InvalidIdentifier("een BSN bestaat uit 9 cijfers")
    compact = bsn.compact(digits)
    try:
        return bsn.validate(compact)
    except ValidationError as exc:
        raise InvalidIdentifier("dit BSN klopt niet (elfproef)") from exc


def normalise_postcode(value: str) -> str:
    """The postcode as `1234 AB`; never starting with 0, never SA, SD or SS."""
    try:
        return postcode.validate(value)
    except ValidationError as exc:
        raise InvalidIdentifier("een postcode is 4 cijfers en 2 letters, zoals 2011 VA") from exc


def normalise_iban(value: str) -> str:
    """The IBAN in groups of four, after the mod-97 check."""
    try:
        return iban.format(iban.validate(value))
    except ValidationError as exc:
        raise InvalidIdentifier("dit IBAN klopt niet") from exc
