"""Reference data that beheer maintains, read from the store into the pure rules' shapes.

Read with Core, on a session or on a bare connection alike: a command that needs only
reference data (a deadline, one letter) never loads or configures the ORM.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.rules.gate import DecisionPolicy
from correspondence.rules.money import Cents
from correspondence.rules.norms import NormTable
from store.tables import (
    ATW_EQUATED_DAYS,
    MUNICIPALITIES,
    NORM_AMOUNTS,
    NORM_ASSET_LIMITS,
    NORM_TABLES,
    SETTINGS,
)
from store.vocabulary import AgeBand, DecisionKind, Household

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    type Reader = Connection | Session


def atw_calendar(reader: Reader) -> AtwCalendar:
    return AtwCalendar.with_equated(reader.scalars(select(ATW_EQUATED_DAYS.c.day)))


def norm_tables(reader: Reader) -> list[NormTable]:
    amounts: defaultdict[int, dict[tuple[Household, AgeBand], Cents]] = defaultdict(dict)
    for row in reader.execute(select(NORM_AMOUNTS)):
        amounts[row.table_id][(row.household, row.age_band)] = row.amount_cents
    limits: defaultdict[int, dict[Household, Cents]] = defaultdict(dict)
    for row in reader.execute(select(NORM_ASSET_LIMITS)):
        limits[row.table_id][row.household] = row.amount_cents
    # of the tables with one effective date, the one imported last is in force: it comes last
    columns = NORM_TABLES.c
    rows = reader.execute(select(NORM_TABLES).order_by(columns.effective_from, columns.id))
    return [
        NormTable(
            effective_from=row.effective_from,
            source=row.source,
            verified=row.verified,
            amounts=amounts[row.id],
            id=row.id,
            asset_limits=limits[row.id],
        )
        for row in rows
    ]


def municipality_code(reader: Reader, given: str) -> str:
    """The code of the municipality the user named, by code or by name in any case; an unknown
    one is refused with the known codes."""
    towns = MUNICIPALITIES.c
    known = reader.execute(select(towns.code, towns.name).order_by(towns.code)).all()
    wanted = given.strip().casefold()
    for code, name in known:
        if wanted in (code.casefold(), name.casefold()):
            return code
    listed = ", ".join(code for code, _name in known) or "geen"
    raise ValidationFailed({"municipality": f"onbekende gemeente '{given}'; bekend: {listed}"})


# set by the demo loader: the database holds fictional data only
DEMO_DATA_SETTING = "demo_data"


def is_demo(reader: Reader) -> bool:
    return bool(optional_setting(reader, DEMO_DATA_SETTING))


def setting(reader: Reader, key: str) -> str:
    return str(setting_value(reader, key))


def setting_value(reader: Reader, key: str) -> Any:
    value = optional_setting(reader, key)
    if value is None:
        raise WorkflowError(f"instelling '{key}' ontbreekt; beheer moet haar vastleggen")
    return value


def optional_setting(reader: Reader, key: str) -> Any:
    """A setting beheer may leave out: its value, or None."""
    row = reader.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == key)).first()
    return None if row is None else row.value


def decision_policy(reader: Reader) -> DecisionPolicy:
    kinds = {k.value: k for k in DecisionKind}
    return DecisionPolicy(
        negative=frozenset(kinds[k] for k in setting_value(reader, "negative_decision_kinds")),
        two_attempts=bool(setting_value(reader, "accept_two_unreached_attempts")),
        calendar=atw_calendar(reader),
    )


def advance_percent(reader: Reader) -> Decimal:
    return Decimal(setting(reader, "advance_percent"))
