"""municipality data as beheer keeps it: verified, with its digital objection channel

- a municipality records whether beheer verified its data, who did and when; a change clears
  the mark. The shipped municipalities are unverified: beheer checks them against the
  municipality's own publication. A demo database (setting `demo_data`) counts as verified for
  the demonstration, as its norm tables do;
- the digital channel for an objection moves from the setting `digital_objection` (a map from
  municipality code to `{"url": …, "digid": …}` or to a bare address) into the municipality:
  its web address and what a resident logs in with (DigiD where `digid` was true or left out).
  The setting goes; a downgrade puts it back from the columns.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 18:00:00
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SETTING = "digital_objection"
DIGID = "DigiD"

settings = sa.table("settings", sa.column("key"), sa.column("value", sa.JSON))
municipalities = sa.table(
    "municipalities",
    sa.column("code"),
    sa.column("objection_url"),
    sa.column("objection_login"),
)


def upgrade() -> None:
    with op.batch_alter_table("municipalities") as batch:
        batch.add_column(
            sa.Column("objection_url", sa.String(200), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("objection_login", sa.String(100), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("verified", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("verified_by", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_municipalities_verified_by_employees"), "employees", ["verified_by"], ["id"]
        )
    bind = op.get_bind()
    channels = bind.execute(sa.select(settings.c.value).where(settings.c.key == SETTING)).scalar()
    for code, (url, login) in _carried(channels).items():
        op.execute(
            municipalities.update()
            .where(municipalities.c.code == code)
            .values(objection_url=url, objection_login=login)
        )
    op.execute(settings.delete().where(settings.c.key == SETTING))


def _carried(channels: Any) -> dict[str, tuple[str, str]]:
    """The web address and login of each channel in the setting; an entry without an address
    gave no channel before either."""
    carried = {}
    for code, entry in channels.items() if isinstance(channels, Mapping) else ():
        channel = {"url": entry} if isinstance(entry, str) else entry
        url = channel.get("url") if isinstance(channel, Mapping) else None
        if isinstance(url, str) and url.strip():
            carried[code] = (url.strip(), DIGID if channel.get("digid", True) else "")
    return carried


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            municipalities.c.code, municipalities.c.objection_url, municipalities.c.objection_login
        )
        .where(municipalities.c.objection_url != "")
        .order_by(municipalities.c.code)
    ).all()
    if rows:
        channels = {
            row.code: {"url": row.objection_url, "digid": bool(row.objection_login)} for row in rows
        }
        op.bulk_insert(settings, [{"key": SETTING, "value": channels}])
    with op.batch_alter_table("municipalities") as batch:
        batch.drop_constraint(
            batch.f("fk_municipalities_verified_by_employees"), type_="foreignkey"
        )
        batch.drop_column("verified_by")
        batch.drop_column("verified_at")
        batch.drop_column("verified")
        batch.drop_column("objection_login")
        batch.drop_column("objection_url")
