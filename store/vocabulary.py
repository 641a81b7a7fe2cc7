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


class BatchStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    ABANDONED = "abandoned"
