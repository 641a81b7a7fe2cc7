"""The schema's shared metadata, and the tables read without the ORM.

A command that needs only such a table (a deadline needs the Atw calendar) starts without
loading the mapped models; the models map these same tables, so each is defined once.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, MetaData, String, Table

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
METADATA = MetaData(naming_convention=NAMING)

# days equated to a holiday by Royal decree (Atw art. 3 lid 3)
ATW_EQUATED_DAYS = Table(
    "atw_equated_days",
    METADATA,
    Column("day", Date, primary_key=True),
    Column("decree", String(200), nullable=False),
)
