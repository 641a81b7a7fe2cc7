"""stored letters and repayment plans

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 01:43:06.724120
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "letters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("docx", sa.LargeBinary(), nullable=True),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("docx_sha256", sa.String(length=64), nullable=True),
        sa.Column("pdf_sha256", sa.String(length=64), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_letters_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["created_by"], ["employees.id"], name=op.f("fk_letters_created_by_employees")
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name=op.f("fk_letters_decision_id_decisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letters")),
    )
    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_letters_case_id"), ["case_id"], unique=False)

    with op.batch_alter_table("advances", schema=None) as batch_op:
        batch_op.add_column(sa.Column("first_due_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("repayment_months", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("repayment_monthly_cents", sa.Integer(), nullable=True))


def downgrade() -> None:

    with op.batch_alter_table("advances", schema=None) as batch_op:
        batch_op.drop_column("repayment_monthly_cents")
        batch_op.drop_column("repayment_months")
        batch_op.drop_column("first_due_on")

    with op.batch_alter_table("letters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_letters_case_id"))

    op.drop_table("letters")
