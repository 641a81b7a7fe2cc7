"""Norm tables as beheer keeps them: imported from a file, then verified against the
publication. A verified table never changes again; a correction is a new table with the same
effective date, in force from its import on (the store refuses any change to a verified one)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.rules.errors import NotFound, WorkflowError
from correspondence.rules.money import Cents
from correspondence.rules.norm_file import check_norm_table, parse_norm_csv
from correspondence.workflows import audit
from correspondence.workflows.employees import may_manage
from correspondence.workflows.verification import mark_verified
from store.models import Employee, NormAmount, NormAssetLimit, NormTable
from store.vocabulary import AgeBand, Household


def import_norm_table(
    session: Session,
    actor: Employee,
    effective_from: date,
    source: str,
    amounts: Mapping[tuple[Household, AgeBand], Cents],
    asset_limits: Mapping[Household, Cents] | None = None,
) -> NormTable:
    """A new, unverified table; only beheer may import one. NormFileRefused when the date, the
    source or the amounts are not fit; nothing is stored then."""
    if not may_manage(actor):
        raise WorkflowError("alleen beheer mag normtabellen inlezen")
    cleaned = check_norm_table(effective_from, source, amounts)
    table = NormTable(
        effective_from=effective_from,
        source=cleaned,
        verified=False,
        imported_at=audit.now(),
        imported_by=actor.id,
    )
    table.amounts = [
        NormAmount(household=household, age_band=band, amount_cents=cents)
        for (household, band), cents in sorted(amounts.items())
    ]
    table.asset_limits = [
        NormAssetLimit(household=household, amount_cents=cents)
        for household, cents in sorted((asset_limits or {}).items())
    ]
    session.add(table)
    session.flush()
    audit.record(
        session, actor, "import", "norm_table", table.id, effective_from=effective_from.isoformat()
    )
    return table


def import_norm_file(
    session: Session, actor: Employee, effective_from: date, source: str, text: str
) -> NormTable:
    """A new, unverified table from the text of a norm file (rules.norm_file): its amounts and,
    when it names them, its asset limits."""
    parsed = parse_norm_csv(text)
    return import_norm_table(
        session, actor, effective_from, source, parsed.amounts, parsed.asset_limits
    )


def verify_norm_table(session: Session, actor: Employee, table_id: int) -> NormTable:
    """Beheer confirms that the table matches its publication: who and when are recorded, and
    from then on the table never changes."""
    if not may_manage(actor):
        raise WorkflowError("alleen beheer mag een normtabel verifiëren")
    table = session.get(NormTable, table_id)
    if table is None:
        raise NotFound(f"normtabel {table_id} bestaat niet")
    # a later import of the same date is the one in force (rules.norms): verifying this one
    # would vouch for amounts no letter prints
    later = select(NormTable.id).where(
        NormTable.effective_from == table.effective_from, NormTable.id > table.id
    )
    if session.scalar(later.limit(1)) is not None:
        raise WorkflowError(
            f"normtabel {table_id} is vervangen door een latere import met dezelfde "
            "ingangsdatum; verifieer die"
        )
    mark_verified(session, actor, table, f"normtabel {table_id}")
    audit.record(
        session,
        actor,
        "verify",
        "norm_table",
        table.id,
        effective_from=table.effective_from.isoformat(),
    )
    return table
