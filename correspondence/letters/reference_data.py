"""The reference data for letters, read from the store."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.letters.context import LetterReference, MunicipalityInfo
from correspondence.records import reference
from correspondence.rules.copying import copied
from correspondence.rules.errors import ValidationFailed
from store.models import Municipality


def letter_reference(session: Session, municipality_code: str) -> LetterReference:
    town = session.scalar(select(Municipality).where(Municipality.code == municipality_code))
    if town is None:
        raise ValidationFailed({"municipality": f"onbekende gemeente '{municipality_code}'"})
    return LetterReference(
        municipality=copied(MunicipalityInfo, town),
        calendar=reference.atw_calendar(session),
        norm_tables=reference.norm_tables(session),
        meeting_name=reference.setting(session, "rights_meeting_name"),
        location=reference.setting(session, "werkplein_location"),
        advance_percent=reference.advance_percent(session),
        policy=reference.decision_policy(session),
    )


def all_references(session: Session) -> dict[str, LetterReference]:
    """The reference data of every municipality, by code."""
    codes = session.scalars(select(Municipality.code)).all()
    return {code: letter_reference(session, code) for code in codes}
