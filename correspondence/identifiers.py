"""Dutch identifiers, validated with python-stdnum; errors are Dutch sentences for the user."""

from __future__ import annotations

from stdnum import iban
from stdnum.exceptions import ValidationError
from stdnum.nl import bsn, postcode


class InvalidIdentifier(ValueError):
    pass


def normalise_bsn(value: str) -> str:
    """The nine-digit BSN, or InvalidIdentifier when it fails the elfproef."""
    compact = bsn.compact(value)
    if not compact.isdigit() or len(compact) != 9:
        raise InvalidIdentifier("een BSN bestaat uit 9 cijfers")
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
