"""case numbers issued by Poortpost; decisions numbered within their case

*Ons kenmerk* no longer derives from the BSN: a case gets a number when it is registered
(`HLM-2026-000123`: the municipality's prefix, the year of registration, a sequence per
municipality and year) and a decision its sequence in the case (1, 2, ...).

- a municipality gets its case prefix (Haarlem HLM, Zandvoort ZVT, Heemstede HMS; another one
  the first three letters of its code, made unique);
- `case_number_counters` holds the last number issued per municipality and year;
- existing cases are numbered in the order of their registration date (then their id), in the
  municipality of their client; existing decisions in the order they were made.

Letters already stored keep the kenmerk they were printed with: they are not touched.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 18:00:00
"""

from __future__ import annotations

import re
from string import ascii_uppercase

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SHIPPED_PREFIXES = {"haarlem": "HLM", "zandvoort": "ZVT", "heemstede": "HMS"}
# the format of correspondence.rules.case_numbers as it was when this ran; a migration keeps
# writing what it wrote then
NUMBER = "{prefix}-{year:04d}-{sequence:06d}"

municipalities = sa.table(
    "municipalities", sa.column("id"), sa.column("code"), sa.column("case_prefix")
)
counters = sa.table(
    "case_number_counters",
    sa.column("municipality_id"),
    sa.column("year"),
    sa.column("last_number"),
)
cases = sa.table(
    "cases",
    sa.column("id"),
    sa.column("client_id"),
    sa.column("registered_on", sa.Date),
    sa.column("number"),
)
clients = sa.table("clients", sa.column("id"), sa.column("municipality_id"))
decisions = sa.table("decisions", sa.column("id"), sa.column("case_id"), sa.column("sequence"))


def _prefixes(bind: sa.Connection) -> dict[int, str]:
    """A prefix per municipality: the shipped ones, else three letters of the code, with a
    fourth letter when another municipality has those three."""
    found: dict[int, str] = {}
    rows = bind.execute(
        sa.select(municipalities.c.id, municipalities.c.code).order_by(municipalities.c.id)
    )
    for town_id, code in rows:
        base = SHIPPED_PREFIXES.get(code) or (re.sub("[^A-Z]", "", code.upper()) + "XXX")[:3]
        free = (p for p in (base, *(base + letter for letter in ascii_uppercase)))
        found[town_id] = next(p for p in free if p not in found.values())
    return found


def upgrade() -> None:
    with op.batch_alter_table("municipalities") as batch:
        batch.add_column(sa.Column("case_prefix", sa.String(5), nullable=True))
    op.create_table(
        "case_number_counters",
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_case_number_counters_municipality_id_municipalities"),
        ),
        sa.PrimaryKeyConstraint("municipality_id", "year", name=op.f("pk_case_number_counters")),
    )
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("number", sa.String(24), nullable=True))
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("sequence", sa.Integer(), nullable=True))

    bind = op.get_bind()
    prefixes = _prefixes(bind)
    for town_id, prefix in prefixes.items():
        bind.execute(
            municipalities.update().where(municipalities.c.id == town_id).values(case_prefix=prefix)
        )
    issued: dict[tuple[int, int], int] = {}
    rows = bind.execute(
        sa.select(cases.c.id, cases.c.registered_on, clients.c.municipality_id)
        .join(clients, clients.c.id == cases.c.client_id)
        .order_by(cases.c.registered_on, cases.c.id)
    ).all()
    for case_id, registered_on, town_id in rows:
        key = (town_id, registered_on.year)
        issued[key] = issued.get(key, 0) + 1
        number = NUMBER.format(prefix=prefixes[town_id], year=key[1], sequence=issued[key])
        bind.execute(cases.update().where(cases.c.id == case_id).values(number=number))
    if issued:
        op.bulk_insert(
            counters,
            [
                {"municipality_id": town_id, "year": year, "last_number": last}
                for (town_id, year), last in issued.items()
            ],
        )
    made: dict[int, int] = {}
    for decision_id, case_id in bind.execute(
        sa.select(decisions.c.id, decisions.c.case_id).order_by(decisions.c.id)
    ):
        made[case_id] = made.get(case_id, 0) + 1
        bind.execute(
            decisions.update().where(decisions.c.id == decision_id).values(sequence=made[case_id])
        )

    with op.batch_alter_table("municipalities") as batch:
        batch.alter_column("case_prefix", existing_type=sa.String(5), nullable=False)
        batch.create_unique_constraint(batch.f("uq_municipalities_case_prefix"), ["case_prefix"])
    with op.batch_alter_table("cases") as batch:
        batch.alter_column("number", existing_type=sa.String(24), nullable=False)
        batch.create_unique_constraint(batch.f("uq_cases_number"), ["number"])
    with op.batch_alter_table("decisions") as batch:
        batch.alter_column("sequence", existing_type=sa.Integer(), nullable=False)
        batch.create_unique_constraint(batch.f("uq_decisions_case_id"), ["case_id", "sequence"])


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.drop_constraint(batch.f("uq_decisions_case_id"), type_="unique")
        batch.drop_column("sequence")
    with op.batch_alter_table("cases") as batch:
        batch.drop_constraint(batch.f("uq_cases_number"), type_="unique")
        batch.drop_column("number")
    op.drop_table("case_number_counters")
    with op.batch_alter_table("municipalities") as batch:
        batch.drop_constraint(batch.f("uq_municipalities_case_prefix"), type_="unique")
        batch.drop_column("case_prefix")
