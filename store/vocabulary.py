"""The closed sets of values the records use. Plain enums: the rules in `correspondence` use
them too, without touching the database."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CASE_MANAGER = "klantmanager"
    ADMINISTRATION = "administratie"
    QUALITY = "kwaliteit"
    ADMIN = "beheer"


class Household(StrEnum):
    SINGLE = "single"
    SINGLE_PARENT = "single_parent"
    COUPLE = "couple"


class AgeBand(StrEnum):
    YOUNG = "18-20"
    ADULT = "21-aow"
    PENSION = "aow"


class Salutation(StrEnum):
    MR = "heer"
    MRS = "mevrouw"
    NEUTRAL = "neutraal"


class Route(StrEnum):
    STANDARD = "standard"
    YOUTH = "youth"
    BYPASS = "bypass"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class SessionKind(StrEnum):
    RIGHTS_MEETING = "rights_meeting"
    WORKSHOP = "workshop"


class Partner(StrEnum):
    PASMATCH = "Pasmatch"
    AGROS = "Agros"


class AppointmentKind(StrEnum):
    PARTICIPATION_INTERVIEW = "participation_interview"
    APPLICATION_INTERVIEW = "application_interview"
    SEARCH_PERIOD_INTERVIEW = "search_period_interview"


class Attendance(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class Channel(StrEnum):
    PHONE = "phone"
    IN_PERSON = "in_person"


class DecisionKind(StrEnum):
    GRANT = "grant"
    REJECTION = "rejection"
    NOT_PROCESSED = "not_processed"
    ADVANCE_RECOVERY = "advance_recovery"


class DecisionStatus(StrEnum):
    DRAFT = "draft"
    READY = "ready"
    SENT = "sent"
    WITHDRAWN = "withdrawn"


class RejectionGround(StrEnum):
    """Why an application is rejected: each has its articles and label in rules.grounds."""

    INCOME = "income"
    ASSETS = "assets"
    PRIOR_PROVISION = "prior_provision"
    DETENTION = "detention"


class BatchStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


# The longest text each client and employee field may hold: the models size their columns by
# these, and the rules that clean a name or an address hold input to them.
CLIENT_LIMITS: dict[str, int] = {
    "bsn": 9,
    "initials": 40,
    "first_name": 100,
    "prefix": 40,
    "surname": 200,
    "street": 200,
    "house_number": 10,
    "house_number_addition": 10,
    "postcode": 7,
    "city": 100,
    "phone": 40,
    "email": 200,
    "iban": 42,
    "search_text": 600,
}
# the municipality data that letters print, kept by beheer
MUNICIPALITY_LIMITS: dict[str, int] = {
    "code": 32,
    "name": 100,
    "college": 200,
    "postbus": 20,
    "postbus_postcode": 7,
    "postbus_city": 100,
    "team_email": 200,
    "team_phone": 40,
    "objection_url": 200,
    "objection_login": 100,
    "repayment_iban": 42,
}
EMPLOYEE_LIMITS: dict[str, int] = {
    "username": 64,
    "full_name": 200,
    "initials": 20,
    "email": 200,
    "phone": 40,
}

# a case number (HLM-2026-000123) with room for a longer prefix and more cases in a year
CASE_NUMBER_LENGTH = 24
