"""print batches and decision settings

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 01:49:24.570564
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


NEW_SETTINGS = {
    # decision kinds that need the explanation in advance before they may be sent
    "negative_decision_kinds": ["rejection", "not_processed", "advance_recovery"],
    # accept two unreached attempts on different working days instead of a reached explanation
    "accept_two_unreached_attempts": False,
}


def upgrade() -> None:
    settings = sa.table("settings", sa.column("key"), sa.column("value", sa.JSON))
    op.bulk_insert(settings, [{"key": k, "value": v} for k, v in NEW_SETTINGS.items()])
    op.create_table(
        "print_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_by", sa.Integer(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "running",
                "completed",
                "abandoned",
                name="batch_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("letter_count", sa.Integer(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=True),
        sa.Column("output", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["started_by"], ["employees.id"], name=op.f("fk_print_batches_started_by_employees")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_batches")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("missing", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("requested_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("starts_on", sa.Date(), nullable=True))
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("batch_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("first_page", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("pages", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_letters_batch_id"), ["batch_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_letters_batch_id_print_batches"), "print_batches", ["batch_id"], ["id"]
        )


def downgrade() -> None:
    keys = ", ".join(f"'{k}'" for k in NEW_SETTINGS)
    op.execute(sa.text(f"DELETE FROM settings WHERE key IN ({keys})"))

    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_letters_batch_id_print_batches"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_letters_batch_id"))
        batch_op.drop_column("pages")
        batch_op.drop_column("first_page")
        batch_op.drop_column("batch_id")

    op.drop_table("print_batches")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_column("starts_on")
        batch_op.drop_column("requested_on")
        batch_op.drop_column("missing")
