"""The norm tables as beheer sees them: when each goes in, where it comes from, who imported
and who verified it, which one is in force, and every amount that verifying vouches for: the
norms and, where the table carries them, the asset limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.rules import labels
from correspondence.rules.formatting import euros
from correspondence.rules.norm_file import ASSET_LIMIT
from store.models import Employee, NormTable
from store.vocabulary import AgeBand, Household


@dataclass(frozen=True)
class NormAmountRow:
    household: str  # the code, as in the file
    age_band: str  # or "vermogensgrens" for an asset limit, as in the file
    amount_cents: int
    label: str  # "alleenstaande, 21 jaar tot de AOW-leeftijd"
    amount: str  # "€ 1.430,28"


@dataclass(frozen=True)
class NormTableRow:
    id: int
    effective_from: date
    source: str
    verified: bool
    verified_by: str | None  # the name as registered
    verified_at: datetime | None
    imported_by: str | None
    imported_at: datetime | None
    superseded: bool  # a later import with the same effective date replaces it
    amounts: tuple[NormAmountRow, ...]


def norm_tables(session: Session) -> list[NormTableRow]:
    """Every norm table, the newest effective date first; of one date the last import first."""
    people = session.execute(select(Employee.id, Employee.full_name))
    names = {row.id: row.full_name for row in people}
    tables = list(
        session.scalars(
            select(NormTable).order_by(NormTable.effective_from.desc(), NormTable.id.desc())
        )
    )
    seen: set[date] = set()
    rows = []
    household_order = list(Household)
    band_order = list(AgeBand)
    for table in tables:
        amounts = sorted(
            table.amounts,
            key=lambda a: (household_order.index(a.household), band_order.index(a.age_band)),
        )
        rows.append(
            NormTableRow(
                id=table.id,
                effective_from=table.effective_from,
                source=table.source,
                verified=table.verified,
                verified_by=names.get(table.verified_by) if table.verified_by else None,
                verified_at=table.verified_at,
                imported_by=names.get(table.imported_by) if table.imported_by else None,
                imported_at=table.imported_at,
                superseded=table.effective_from in seen,
                amounts=tuple(
                    NormAmountRow(
                        a.household.value,
                        a.age_band.value,
                        a.amount_cents,
                        f"{labels.HOUSEHOLDS[a.household]}, {labels.AGE_BANDS[a.age_band]}",
                        euros(a.amount_cents),
                    )
                    for a in amounts
                )
                + tuple(
                    NormAmountRow(
                        limit.household.value,
                        ASSET_LIMIT,
                        limit.amount_cents,
                        f"{labels.HOUSEHOLDS[limit.household]}, {ASSET_LIMIT}",
                        euros(limit.amount_cents),
                    )
                    for limit in sorted(
                        table.asset_limits, key=lambda x: household_order.index(x.household)
                    )
                ),
            )
        )
        seen.add(table.effective_from)
    return rows
