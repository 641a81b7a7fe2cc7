"""Dutch identifiers, validated with python-stdnum; errors are Dutch sentences for the user."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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


def normalise_email(value: str) -> str:
    """An e-mail address as typed, once it has the shape of one."""
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise InvalidIdentifier("dit is geen e-mailadres")
    return value


def normalise_phone(value: str) -> str:
    """A Dutch phone number as typed (spaces and hyphens kept, runs of spaces folded): ten
    digits from a 0, +31 and nine digits, a municipality's 14 and its area code (14 023), or a
    0800 or 0900 number."""
    typed = " ".join(value.split())
    digits = re.sub(r"[ \-]", "", typed)
    national = "0" + digits[3:] if digits.startswith("+31") else digits
    fits = re.fullmatch(r"\+?[0-9]+", digits) is not None and (
        re.fullmatch(r"0[1-9][0-9]{8}", national)
        or re.fullmatch(r"140[1-9][0-9]{1,2}", national)
        or re.fullmatch(r"09(00|06|09)[0-9]{4,7}|0800[0-9]{4,7}", national)
    )
    if not fits:
        raise InvalidIdentifier("een telefoonnummer is bijvoorbeeld 14 023 of 023 511 5115")
    return typed


def normalise_web_address(value: str) -> str:
    """A web address that a resident can type over from a letter: https, a host with a dot,
    no spaces."""
    parts = urlsplit(value)
    if parts.scheme != "https" or "." not in (parts.hostname or "") or re.search(r"\s", value):
        raise InvalidIdentifier(
            "een webadres begint met https://, zoals https://www.haarlem.nl/bezwaar"
        )
    return value
