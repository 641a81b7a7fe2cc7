"""Clients: validated input, creating and editing, and search by BSN, name or postcode."""

from __future__ import annotations

import re
from copy import copy
from dataclasses import asdict, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.records.lookup import require
from correspondence.rules.dates import DateKind, DateRefused, check_day
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.identifiers import (
    InvalidIdentifier,
    normalise_bsn,
    normalise_email,
    normalise_iban,
    normalise_postcode,
)
from correspondence.rules.inputs import ClientInput
from correspondence.rules.names import search_words
from correspondence.rules.norms import MAX_COST_SHARERS, age_in_months
from correspondence.rules.text import TextRefused, check_length, clean_line, letter_text
from correspondence.workflows import audit
from store.models import Client, Employee, Municipality
from store.vocabulary import CLIENT_LIMITS, Household, Salutation

MIN_AGE_YEARS = 18


def _required(data: ClientInput, errors: dict[str, str], *names: str) -> None:
    for name in names:
        if not str(getattr(data, name)).strip():
            errors[name] = "verplicht veld"


def validate_client(data: ClientInput, today: date) -> ClientInput:
    """The input with identifiers normalised, or ValidationFailed naming every bad field."""
    errors: dict[str, str] = {}
    clean = _cleaned(data, errors)
    _required(clean, errors, "initials", "surname", "street", "house_number", "city")
    for name, normalise in (("bsn", normalise_bsn), ("postcode", normalise_postcode)):
        try:
            setattr(clean, name, normalise(getattr(clean, name)))
        except InvalidIdentifier as exc:
            errors[name] = str(exc)
    if clean.iban:
        try:
            clean.iban = normalise_iban(clean.iban)
        except InvalidIdentifier as exc:
            errors["iban"] = str(exc)
    if clean.salutation not in {s.value for s in Salutation}:
        errors["salutation"] = "kies heer, mevrouw of neutraal"
    if clean.household not in {h.value for h in Household}:
        errors["household"] = "kies alleenstaande, alleenstaande ouder of gehuwden"
    if not clean.municipality:
        errors["municipality"] = "verplicht veld"
    if not 1 <= clean.cost_sharers <= MAX_COST_SHARERS:
        errors["cost_sharers"] = (
            f"tussen 1 en {MAX_COST_SHARERS}: het aantal kostendelers in de woning, "
            "de klant meegeteld"
        )
    if problem := _birth_date_problem(clean.birth_date, today):
        errors["birth_date"] = problem
    if not re.fullmatch(r"[1-9][0-9]{0,4}", clean.house_number) and "house_number" not in errors:
        errors["house_number"] = "een huisnummer is een getal, zoals 12"
    if clean.email:
        try:
            normalise_email(clean.email)
        except InvalidIdentifier as exc:
            errors["email"] = str(exc)
    _check_lengths(clean, errors)
    if errors:
        raise ValidationFailed(errors)
    return clean


def _cleaned(data: ClientInput, errors: dict[str, str]) -> ClientInput:
    """The input with every text cleaned as for a letter; text the letter font cannot draw is
    an error on its field."""
    clean = copy(data)
    for field in fields(ClientInput):
        value = getattr(data, field.name)
        if isinstance(value, str):
            try:
                value = letter_text(value)
            except TextRefused as exc:
                errors[field.name], value = str(exc), clean_line(value)
            setattr(clean, field.name, value)
    return clean


def _birth_date_problem(birth_date: date | None, today: date) -> str | None:
    if birth_date is None:
        return "verplicht veld"
    try:
        check_day(birth_date, today, DateKind.BIRTH)
    except DateRefused as exc:
        return str(exc)
    if age_in_months(birth_date, today) < MIN_AGE_YEARS * 12:
        return "de klant moet minstens 18 jaar zijn"
    return None


def _check_lengths(clean: ClientInput, errors: dict[str, str]) -> None:
    """Every text within its column, so SQLite and PostgreSQL refuse the same input alike."""
    for name, limit in CLIENT_LIMITS.items():
        value = getattr(clean, name, None)
        if isinstance(value, str) and name not in errors:
            try:
                check_length(value, limit)
            except TextRefused as exc:
                errors[name] = str(exc)


def _search_text(data: ClientInput) -> str:
    name = " ".join((data.first_name, data.initials, data.prefix, data.surname))
    text = f"{data.bsn} {search_words(name)}"
    return text[: CLIENT_LIMITS["search_text"]]  # folding may lengthen a name ("ǆ" → "dz")


def _municipality(session: Session, code: str) -> Municipality:
    municipality = session.scalar(select(Municipality).where(Municipality.code == code))
    if municipality is None:
        raise ValidationFailed({"municipality": f"onbekende gemeente '{code}'"})
    return municipality


def _bsn_taken(session: Session, bsn: str, except_id: int | None = None) -> bool:
    query = select(Client.id).where(Client.bsn == bsn)
    if except_id is not None:
        query = query.where(Client.id != except_id)
    return session.scalar(query) is not None


def _apply(client: Client, data: ClientInput, municipality: Municipality) -> None:
    values = asdict(data)
    values.pop("municipality")
    for name, value in values.items():
        setattr(client, name, value)
    client.municipality = municipality
    client.search_text = _search_text(data)


def create_client(session: Session, actor: Employee, data: ClientInput, today: date) -> Client:
    clean = validate_client(data, today)
    if _bsn_taken(session, clean.bsn):
        raise ValidationFailed({"bsn": "er is al een klant met dit BSN"})
    client = Client()
    _apply(client, clean, _municipality(session, clean.municipality))
    session.add(client)
    session.flush()
    audit.record(session, actor, "create", "client", client.id)
    return client


def update_client(
    session: Session, actor: Employee, client_id: int, data: ClientInput, today: date
) -> Client:
    client = require(session, Client, client_id)
    clean = validate_client(data, today)
    if _bsn_taken(session, clean.bsn, except_id=client_id):
        raise ValidationFailed({"bsn": "er is al een andere klant met dit BSN"})
    _apply(client, clean, _municipality(session, clean.municipality))
    session.flush()
    audit.record(session, actor, "update", "client", client.id)
    return client
