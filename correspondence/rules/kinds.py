"""The letter kinds of the Poortmodel, what each says it is about and what it needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from correspondence.rules.labels import DECISION_KINDS
from correspondence.rules.names import fold
from store.vocabulary import DecisionKind


class LetterKind(StrEnum):
    HOMEWORK = "homework-letter"
    APPOINTMENT = "appointment-form"
    ADVANCE = "advance-agreement"
    GRANT = "decision-grant"
    REJECTION = "decision-rejection"
    NOT_PROCESSED = "decision-not-processed"
    ADVANCE_RECOVERY = "decision-advance-recovery"
    SEARCH_PERIOD = "search-period-letter"


@dataclass(frozen=True)
class KindInfo:
    subject: str
    code: str  # in the reference (ons kenmerk)
    decision: DecisionKind | None = None


KINDS: dict[LetterKind, KindInfo] = {
    LetterKind.HOMEWORK: KindInfo("Uw huiswerkmap en de bijeenkomst op het Werkplein", "HWM"),
    LetterKind.APPOINTMENT: KindInfo("Uw afspraak voor het participatiegesprek", "AFS"),
    LetterKind.ADVANCE: KindInfo("Afspraken over uw voorschot", "VSO"),
    LetterKind.GRANT: KindInfo("Besluit op uw aanvraag voor bijstand", "BTK", DecisionKind.GRANT),
    LetterKind.REJECTION: KindInfo(
        "Besluit op uw aanvraag voor bijstand", "BAF", DecisionKind.REJECTION
    ),
    LetterKind.NOT_PROCESSED: KindInfo(
        "Uw aanvraag voor bijstand wordt niet behandeld", "BNB", DecisionKind.NOT_PROCESSED
    ),
    LetterKind.ADVANCE_RECOVERY: KindInfo(
        "Terugbetalen van uw voorschot", "BTV", DecisionKind.ADVANCE_RECOVERY
    ),
    LetterKind.SEARCH_PERIOD: KindInfo("Uw zoektermijn van vier weken", "ZTM"),
}

KIND_OF_DECISION = {info.decision: kind for kind, info in KINDS.items() if info.decision}

# what an employee calls each letter
LABELS: dict[LetterKind, str] = {
    LetterKind.HOMEWORK: "Begeleidende brief huiswerkmap",
    LetterKind.APPOINTMENT: "Afspraakformulier participatiegesprek",
    LetterKind.ADVANCE: "Voorschotovereenkomst",
    LetterKind.GRANT: f"Besluit: {DECISION_KINDS[DecisionKind.GRANT]}",
    LetterKind.REJECTION: f"Besluit: {DECISION_KINDS[DecisionKind.REJECTION]}",
    LetterKind.NOT_PROCESSED: f"Besluit: {DECISION_KINDS[DecisionKind.NOT_PROCESSED]}",
    LetterKind.ADVANCE_RECOVERY: f"Besluit: {DECISION_KINDS[DecisionKind.ADVANCE_RECOVERY]}",
    LetterKind.SEARCH_PERIOD: "Brief zoektermijn",
}


def file_stem(kind: LetterKind, surname: str, day: date) -> str:
    """What a saved letter is called: its label, the surname without special letters and its
    date ("besluit-afwijzing-Orsted-2026-11-30"), safe on every file system."""
    label = "-".join(re.findall(r"[a-z0-9]+", fold(LABELS[kind])))
    name = "-".join(word.capitalize() for word in re.findall(r"[a-z0-9]+", fold(surname)))
    return "-".join(part for part in (label, name, day.isoformat()) if part)
