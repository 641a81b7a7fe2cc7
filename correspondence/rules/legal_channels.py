"""Where a resident can turn against a decision, besides the college's postal address: the
municipality's digital channel for an objection and the court for a provisional measure.

Both are reference data that beheer keeps: the channel with the municipality's data (a
municipality without one gets no digital route in its letters), the court in the setting
`provisional_relief_court`, which overrides the court below.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from correspondence.rules.errors import ValidationFailed


@dataclass(frozen=True)
class DigitalChannel:
    """A municipality's channel for objecting electronically, open to residents since
    1 January 2026 (Wet modernisering elektronisch bestuurlijk verkeer, Awb afdeling 2.3)."""

    url: str
    login: str = "DigiD"  # what a resident logs in with; "" when the letter need not say


@dataclass(frozen=True)
class Court:
    """The court that hears a request for a provisional measure (Awb 8:81)."""

    name: str
    location: str
    postbus: str
    postcode: str
    city: str


# Zaaksverdelingsreglement rechtbank Noord-Holland (Staatscourant 2019, 11075), zittingsplaats
# Haarlem: "Postadres: Postbus 1621, 2003 BR Haarlem". Haarlem, Zandvoort and Heemstede lie in
# the district of the rechtbank Noord-Holland.
NOORD_HOLLAND_HAARLEM = Court(
    name="rechtbank Noord-Holland",
    location="Haarlem",
    postbus="1621",
    postcode="2003 BR",
    city="Haarlem",
)


class AdvanceOffer(StrEnum):
    """The local offer of an advance besides the legal right of Participatiewet art. 52."""

    # Haarlem's practice (the evaluation of the Poortmodel): on request, 4 weeks after the melding
    AFTER_REGISTRATION = "after_registration"
    NONE = "none"  # only the legal right


def court(setting: Any) -> Court:
    """The court of the `provisional_relief_court` setting, or the rechtbank in Haarlem."""
    if setting is None:
        return NOORD_HOLLAND_HAARLEM
    try:
        return Court(**setting)
    except TypeError as exc:
        raise ValidationFailed(
            {"provisional_relief_court": "geef name, location, postbus, postcode en city"}
        ) from exc


def advance_offer(setting: Any) -> AdvanceOffer:
    """The local advance offer of the `advance_local_offer` setting; the seed's practice when
    beheer has not set it."""
    if setting is None:
        return AdvanceOffer.AFTER_REGISTRATION
    try:
        return AdvanceOffer(setting)
    except ValueError as exc:
        choices = ", ".join(o.value for o in AdvanceOffer)
        raise ValidationFailed({"advance_local_offer": f"kies uit: {choices}"}) from exc
