"""Where a resident can turn against a decision, besides the college's postal address: the
municipality's digital channel for an objection and the court for a provisional measure.

Both are reference data that beheer keeps in the settings (no column of their own):
`digital_objection` maps a municipality code to its channel, and `provisional_relief_court`
overrides the court below. A municipality without a channel gets no digital route in its
letters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from correspondence.rules.errors import ValidationFailed


@dataclass(frozen=True)
class DigitalChannel:
    """A municipality's channel for objecting electronically, open to residents since
    1 January 2026 (Wet modernisering elektronisch bestuurlijk verkeer, Awb afdeling 2.3)."""

    url: str
    digid: bool = True


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


def digital_channel(setting: Any, municipality_code: str) -> DigitalChannel | None:
    """The channel of `municipality_code` in the `digital_objection` setting, or None."""
    if setting is None:
        return None
    if not isinstance(setting, Mapping):
        raise ValidationFailed({"digital_objection": "hoort per gemeentecode een kanaal te geven"})
    entry = setting.get(municipality_code)
    if entry is None:
        return None
    if isinstance(entry, str):
        entry = {"url": entry}
    url = entry.get("url") if isinstance(entry, Mapping) else None
    if not isinstance(url, str) or not url.strip():
        raise ValidationFailed(
            {f"digital_objection.{municipality_code}.url": "ontbreekt; geef het webadres"}
        )
    return DigitalChannel(url.strip(), bool(entry.get("digid", True)))


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
