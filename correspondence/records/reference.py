"""Reference data that beheer maintains, read from the store into the pure rules' shapes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

# read without the ORM in its own module; its callers find it here with the other reference data
from correspondence.records.calendar import atw_calendar
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.rules.gate import DecisionPolicy
from correspondence.rules.norms import NormTable
from store.models import Municipality, Setting
from store.models import NormTable as NormTableRow
from store.vocabulary import DecisionKind


def norm_tables(session: Session) -> list[NormTable]:
    rows = session.scalars(select(NormTableRow).options(selectinload(NormTableRow.amounts)))
    return [
        NormTable(
            effective_from=row.effective_from,
            source=row.source,
            verified=row.verified,
            amounts={(a.household, a.age_band): a.amount_cents for a in row.amounts},
        )
        for row in rows
    ]


def municipality_code(session: Session, given: str) -> str:
    """The code of the municipality the user named, by code or by name in any case; an unknown
    one is refused with the known codes."""
    known = session.execute(
        select(Municipality.code, Municipality.name).order_by(Municipality.code)
    ).all()
    wanted = given.strip().casefold()
    for code, name in known:
        if wanted in (code.casefold(), name.casefold()):
            return code
    listed = ", ".join(code for code, _name in known) or "geen"
    raise ValidationFailed({"municipality": f"onbekende gemeente '{given}'; bekend: {listed}"})


def setting(session: Session, key: str) -> str:
    return str(setting_value(session, key))


def setting_value(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    if row is None:
        raise WorkflowError(f"instelling '{key}' ontbreekt; beheer moet haar vastleggen")
    return row.value


def decision_policy(session: Session) -> DecisionPolicy:
    kinds = {k.value: k for k in DecisionKind}
    return DecisionPolicy(
        negative=frozenset(kinds[k] for k in setting_value(session, "negative_decision_kinds")),
        two_attempts=bool(setting_value(session, "accept_two_unreached_attempts")),
        calendar=atw_calendar(session),
    )


def advance_percent(session: Session) -> Decimal:
    return Decimal(setting(session, "advance_percent"))
