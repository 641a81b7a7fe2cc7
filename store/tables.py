"""The schema's shared metadata, and the reference tables that beheer keeps, defined with Core.

Reading reference data (the Atw calendar, the municipalities, the norms, the settings) needs no
ORM, so a command that needs only that (a deadline, one letter) starts without loading and
configuring the mapped models. The models map these same tables, so each is defined once.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Enum,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from store.types import Instant
from store.vocabulary import MUNICIPALITY_LIMITS, AgeBand, Household

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
METADATA = MetaData(naming_convention=NAMING)


def choice(enum: type[StrEnum], name: str) -> Enum:
    """A closed set stored as text with a CHECK, portable between SQLite and PostgreSQL."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


# Beheer keeps a municipality's data and verifies it against the municipality's own
# publication; a change clears the mark, so the changed data is verified again before a letter
# prints it. An empty objection_url: the municipality has no digital channel for objections.
MUNICIPALITIES = Table(
    "municipalities",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("code", String(MUNICIPALITY_LIMITS["code"]), unique=True, nullable=False),
    *(
        Column(name, String(limit), nullable=False, default="")
        for name, limit in MUNICIPALITY_LIMITS.items()
        if name != "code"
    ),
    Column("verified", Boolean, nullable=False, default=False),
    Column("verified_at", Instant, nullable=True),
    Column("verified_by", ForeignKey("employees.id"), nullable=True),
    # opens the number of every case registered for the municipality (HLM-2026-000123)
    Column("case_prefix", String(5), unique=True, nullable=False),
)

# A table is imported by beheer and verified by beheer against the Staatscourant; a verified
# table never changes again. A correction is a new table: of the tables with one effective date
# the one imported last is in force.
NORM_TABLES = Table(
    "norm_tables",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("effective_from", Date, index=True, nullable=False),
    Column("source", Text, nullable=False),
    Column("verified", Boolean, nullable=False),
    Column("imported_at", Instant, nullable=True),
    Column("imported_by", ForeignKey("employees.id"), nullable=True),
    Column("verified_at", Instant, nullable=True),
    Column("verified_by", ForeignKey("employees.id"), nullable=True),
)

NORM_AMOUNTS = Table(
    "norm_amounts",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("table_id", ForeignKey("norm_tables.id"), nullable=False),
    Column("household", choice(Household, "household"), nullable=False),
    Column("age_band", choice(AgeBand, "age_band"), nullable=False),
    Column("amount_cents", Integer, nullable=False),
    UniqueConstraint("table_id", "household", "age_band"),
)

# Participatiewet art. 34 lid 3: the asset limit of each household, published with the norms
# of 1 January and verified with its table; a table without them names no limit
NORM_ASSET_LIMITS = Table(
    "norm_asset_limits",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("table_id", ForeignKey("norm_tables.id"), nullable=False),
    Column("household", choice(Household, "household"), nullable=False),
    Column("amount_cents", Integer, nullable=False),
    UniqueConstraint("table_id", "household"),
)

# days equated to a holiday by Royal decree (Atw art. 3 lid 3)
ATW_EQUATED_DAYS = Table(
    "atw_equated_days",
    METADATA,
    Column("day", Date, primary_key=True),
    Column("decree", String(200), nullable=False),
)

SETTINGS = Table(
    "settings",
    METADATA,
    Column("key", String(64), primary_key=True),
    Column("value", JSON, nullable=False),
)
