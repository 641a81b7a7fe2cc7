"""what a rejection and a recovery of an advance must state; where a client pays back

- a decision records the kind of reason of a rejection (`ground`): it decides the articles of
  the Participatiewet that its letter cites;
- a decision records the case manager's weighing of the client's interests (`weighing`, Awb
  3:4), which a recovery of an advance cannot go without;
- a norm table may hold the asset limits of Participatiewet art. 34 lid 3, one per household,
  verified with the table's norms; the shipped tables hold none (they are not verified);
- a municipality records the account a client pays an advance back to (`repayment_iban`).
  It stays empty for the shipped municipalities until beheer sets it; a database holding the
  demo data gets an obviously fictional account, as the demo loader gives a new one.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# the demo loader's account (correspondence.workflows.demo.DEMO_REPAYMENT_IBAN)
DEMO_REPAYMENT_IBAN = "NL93 DEMO 0123 4567 89"
GROUNDS = ("income", "assets", "prior_provision", "detention")


HOUSEHOLDS = ("single", "single_parent", "couple")


def upgrade() -> None:
    op.create_table(
        "norm_asset_limits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column(
            "household",
            sa.Enum(
                *HOUSEHOLDS, name="household", native_enum=False, create_constraint=True, length=32
            ),
            nullable=False,
        ),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["norm_tables.id"],
            name=op.f("fk_norm_asset_limits_table_id_norm_tables"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_norm_asset_limits")),
        sa.UniqueConstraint("table_id", "household", name=op.f("uq_norm_asset_limits_table_id")),
    )
    with op.batch_alter_table("municipalities") as batch:
        batch.add_column(
            sa.Column("repayment_iban", sa.String(42), nullable=False, server_default="")
        )
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(
            sa.Column(
                "ground",
                sa.Enum(
                    *GROUNDS, name="ground", native_enum=False, create_constraint=True, length=32
                ),
                nullable=True,
            )
        )
        batch.add_column(sa.Column("weighing", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    demo = bind.execute(sa.text("SELECT value FROM settings WHERE key = 'demo_data'")).first()
    if demo is not None:
        op.execute(
            sa.text("UPDATE municipalities SET repayment_iban = :iban").bindparams(
                iban=DEMO_REPAYMENT_IBAN
            )
        )


def downgrade() -> None:
    op.drop_table("norm_asset_limits")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("weighing")
        batch.drop_constraint(batch.f("ck_decisions_ground"), type_="check")
        batch.drop_column("ground")
    with op.batch_alter_table("municipalities") as batch:
        batch.drop_column("repayment_iban")
