"""The municipalities as beheer sees them: each field of their data and whether, by whom and
when it was verified."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.rules.municipality_data import MUNICIPALITY_FIELDS
from store.models import Employee, Municipality


@dataclass(frozen=True)
class MunicipalityRow:
    code: str
    name: str
    values: Mapping[str, str]  # every field of rules.municipality_data, in its order
    verified: bool
    verified_by: str | None  # the name as registered
    verified_at: datetime | None


def municipalities(session: Session) -> list[MunicipalityRow]:
    """Every municipality, by name."""
    people = session.execute(select(Employee.id, Employee.full_name))
    names = {row.id: row.full_name for row in people}
    return [
        MunicipalityRow(
            code=town.code,
            name=town.name,
            values={field.name: getattr(town, field.name) for field in MUNICIPALITY_FIELDS},
            verified=town.verified,
            verified_by=names.get(town.verified_by) if town.verified_by else None,
            verified_at=town.verified_at,
        )
        for town in session.scalars(select(Municipality).order_by(Municipality.name))
    ]
