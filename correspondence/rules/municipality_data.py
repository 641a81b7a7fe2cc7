"""The municipality data that beheer keeps and letters print, as one table: each field with its
Dutch label and how a typed value is checked. The window's form, the command line's field
names and the checks all come from this table, so a new field is one line here (beside its
column and migration)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from correspondence.rules.errors import ValidationFailed
from correspondence.rules.identifiers import (
    InvalidIdentifier,
    normalise_email,
    normalise_iban,
    normalise_phone,
    normalise_postcode,
    normalise_web_address,
)
from correspondence.rules.text import TextRefused, check_length, letter_text
from store.vocabulary import MUNICIPALITY_LIMITS


def _required(value: str) -> str:
    if not value:
        raise TextRefused("verplicht veld")
    return value


def _postbus(value: str) -> str:
    if not value.isascii() or not value.isdigit() or value.startswith("0"):
        raise TextRefused("een postbus is een nummer, zoals 511")
    return value


def _optional(check: Callable[[str], str]) -> Callable[[str], str]:
    """`check`, but an empty value stays empty: the municipality has none."""
    return lambda value: check(value) if value else value


def _text(value: str) -> str:
    return value


@dataclass(frozen=True)
class MunicipalityField:
    name: str  # the column, and the FIELD of `municipality set`
    label: str  # Dutch, in the window and in messages
    check: Callable[[str], str]  # the value as stored, from the cleaned typed text


MUNICIPALITY_FIELDS: tuple[MunicipalityField, ...] = (
    MunicipalityField("name", "Naam", _required),
    MunicipalityField("college", "College", _required),
    MunicipalityField("postbus", "Postbus", _postbus),
    MunicipalityField("postbus_postcode", "Postcode van de postbus", normalise_postcode),
    MunicipalityField("postbus_city", "Plaats van de postbus", _required),
    MunicipalityField("team_email", "E-mail van het team", normalise_email),
    MunicipalityField("team_phone", "Telefoon van het team", normalise_phone),
    MunicipalityField(
        "objection_url", "Webadres voor digitaal bezwaar", _optional(normalise_web_address)
    ),
    MunicipalityField("objection_login", "Inlogmiddel voor digitaal bezwaar", _text),
    # a recovery decision names it (Participatiewet art. 58); refused while it is empty
    MunicipalityField(
        "repayment_iban", "Rekeningnummer voor terugbetalingen", _optional(normalise_iban)
    ),
)
FIELDS_BY_NAME = {field.name: field for field in MUNICIPALITY_FIELDS}


def checked_values(values: Mapping[str, str]) -> dict[str, str]:
    """The values as they are stored, or ValidationFailed naming every field at fault in
    Dutch; an unknown field is refused with the known ones."""
    errors: dict[str, str] = {}
    checked: dict[str, str] = {}
    for name, typed in values.items():
        field = FIELDS_BY_NAME.get(name)
        if field is None:
            known = ", ".join(FIELDS_BY_NAME)
            errors[name] = f"onbekend gegeven van een gemeente; kies uit: {known}"
            continue
        try:
            checked[name] = check_length(field.check(letter_text(typed)), MUNICIPALITY_LIMITS[name])
        except (TextRefused, InvalidIdentifier) as exc:
            errors[name] = str(exc)
    if errors:
        raise ValidationFailed(errors)
    return checked
