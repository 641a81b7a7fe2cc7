"""The reference data for letters, read from the store with Core (see `records.reference`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from correspondence.letters.context import LetterReference, MunicipalityInfo
from correspondence.records import reference
from correspondence.rules import benefit_days, legal_channels
from correspondence.rules.copying import copied
from correspondence.rules.errors import ValidationFailed
from store.tables import MUNICIPALITIES

if TYPE_CHECKING:
    from correspondence.records.reference import Reader


def letter_reference(reader: Reader, municipality_code: str) -> LetterReference:
    towns = MUNICIPALITIES.c
    town = reader.execute(select(MUNICIPALITIES).where(towns.code == municipality_code)).first()
    if town is None:
        raise ValidationFailed({"municipality": f"onbekende gemeente '{municipality_code}'"})
    return LetterReference(
        municipality=copied(MunicipalityInfo, town),
        calendar=reference.atw_calendar(reader),
        norm_tables=reference.norm_tables(reader),
        meeting_name=reference.setting(reader, "rights_meeting_name"),
        location=reference.setting(reader, "werkplein_location"),
        advance_percent=reference.advance_percent(reader),
        policy=reference.decision_policy(reader),
        digital_objection=(
            legal_channels.DigitalChannel(town.objection_url, town.objection_login)
            if town.objection_url
            else None
        ),
        court=legal_channels.court(reference.optional_setting(reader, "provisional_relief_court")),
        advance_offer=legal_channels.advance_offer(
            reference.optional_setting(reader, "advance_local_offer")
        ),
        payment_day=benefit_days.payment_day(
            reference.optional_setting(reader, "benefit_payment_day")
        ),
        holiday_month=benefit_days.holiday_month(
            reference.optional_setting(reader, "holiday_allowance_month")
        ),
        demo=reference.is_demo(reader),
    )


def all_references(reader: Reader) -> dict[str, LetterReference]:
    """The reference data of every municipality, by code."""
    codes = reader.scalars(select(MUNICIPALITIES.c.code)).all()
    return {code: letter_reference(reader, code) for code in codes}
