"""What an employee types in the client and case forms: every field as text or a date, not yet
validated. The workflows validate them; the queries fill them from the stored records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class ClientInput:
    """What an employee types for a client; every field as text or a date, unvalidated."""

    bsn: str
    initials: str
    surname: str
    salutation: str
    birth_date: date | None
    household: str
    street: str
    house_number: str
    postcode: str
    city: str
    municipality: str
    first_name: str = ""
    prefix: str = ""
    house_number_addition: str = ""
    phone: str = ""
    email: str = ""
    iban: str = ""
    # Participatiewet art. 22a: the cost-sharers in the home, the client (and spouse) counted in
    cost_sharers: int = 1


@dataclass
class CaseInput:
    route: str
    registered_on: date | None
    case_manager_id: int | None
    bypass_reason: str = ""
    ww_ends_on: date | None = None
    application_received_on: date | None = None
    interview_delay_reason: str = ""
