"""Finding clients and reading one back as form input."""

from __future__ import annotations

import re

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from correspondence.rules.case_numbers import normalise_case_number
from correspondence.rules.identifiers import InvalidIdentifier
from correspondence.rules.inputs import ClientInput
from correspondence.rules.names import fold, name_of, sort_key
from store.models import Case, Client

SEARCH_LIMIT = 200


def client_input(client: Client) -> ClientInput:
    """The stored client as form input, for editing."""
    return ClientInput(
        bsn=client.bsn,
        initials=client.initials,
        surname=client.surname,
        salutation=client.salutation.value,
        birth_date=client.birth_date,
        household=client.household.value,
        cost_sharers=client.cost_sharers,
        street=client.street,
        house_number=client.house_number,
        postcode=client.postcode,
        city=client.city,
        municipality=client.municipality.code,
        first_name=client.first_name,
        prefix=client.prefix,
        house_number_addition=client.house_number_addition,
        phone=client.phone,
        email=client.email,
        iban=client.iban,
    )


POSTCODE_QUERY = re.compile(r"([1-9][0-9]{3})\s?([A-Za-z]{1,2})")


def search_clients(session: Session, text: str) -> list[Client]:
    """Clients whose BSN, postcode or name matches `text`, sorted on surname without prefix.

    A case number or a letter's kenmerk (`HLM-2026-123`, `HLM-2026-000123/BAF2`) finds the
    client of that case; digits search the BSN (and, four of them, the postcode); `2011 VA` or
    `2011va` searches the postcode; anything else searches the name, every word, accent-blind.
    """
    text = text.strip()
    if not text:
        return []
    try:  # a resident on the phone reads out the kenmerk of their letter
        number = normalise_case_number(text)
    except InvalidIdentifier:
        number = None
    if number is not None:
        condition = Client.cases.any(Case.number == number)
    elif text.isdigit():
        condition = Client.bsn.startswith(text)
        if len(text) == 4:
            condition = condition | Client.postcode.startswith(text)
    elif match := POSTCODE_QUERY.fullmatch(text):
        condition = Client.postcode.startswith(f"{match[1]} {match[2].upper()}")
    else:
        words = [Client.search_text.contains(w, autoescape=True) for w in fold(text).split()]
        condition = and_(*words)
    clients = session.scalars(select(Client).where(condition).limit(SEARCH_LIMIT)).all()
    return sorted(clients, key=lambda c: sort_key(name_of(c)))
