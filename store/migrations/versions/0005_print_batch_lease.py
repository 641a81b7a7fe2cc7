"""print batches hold a lease instead of a heartbeat

A batch is stale only when its lease has run out: the lease is what the printing batch itself
promised, not a guess by whoever looks at it. Existing batches keep the ten minutes they were
given by the heartbeat rule.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 10:20:00
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_STALE_AFTER = timedelta(minutes=10)


def upgrade() -> None:
    with op.batch_alter_table("print_batches") as batch:
        batch.alter_column("heartbeat_at", new_column_name="lease_until")
    batches = sa.table(
        "print_batches", sa.column("id"), sa.column("lease_until", sa.DateTime(timezone=True))
    )
    connection = op.get_bind()
    for batch_id, beat in connection.execute(sa.select(batches.c.id, batches.c.lease_until)):
        connection.execute(
            batches.update()
            .where(batches.c.id == batch_id)
            .values(lease_until=beat + OLD_STALE_AFTER)
        )


def downgrade() -> None:
    with op.batch_alter_table("print_batches") as batch:
        batch.alter_column("lease_until", new_column_name="heartbeat_at")
