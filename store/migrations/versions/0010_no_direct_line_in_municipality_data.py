"""the municipality's general number, not an official's direct line

The shipped contact data of Haarlem gave "023 511 4275", the direct line of an official named
in the municipality's own evaluation. A database that still holds it gets the general number
14 023 (gmb-2016-10116: "telefoon 14-023"); a number beheer has changed is left as it is.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

DIRECT_LINE = "023 511 4275"
GENERAL_NUMBER = "14 023"

municipalities = sa.table("municipalities", sa.column("code"), sa.column("team_phone"))


def upgrade() -> None:
    op.execute(
        municipalities.update()
        .where(municipalities.c.code == "haarlem", municipalities.c.team_phone == DIRECT_LINE)
        .values(team_phone=GENERAL_NUMBER)
    )


def downgrade() -> None:
    pass  # a direct line that should never have been shipped is not put back
