"""norm tables that beheer imports and verifies; the number of cost-sharers of a client

- a norm table records who imported it and when, and who verified it and when; a verified
  table never changes again. A correction is a new table: two tables may now share an
  effective date, and the one imported last is in force;
- a database that already holds the demo data gets the setting `demo_data`: its fictional
  reference data counts as verified for the demonstration. The shipped tables of any other
  database stay unverified;
- a client records the number of cost-sharers in the home (Participatiewet art. 22a: A, the
  client and spouse counted in), 1 unless told otherwise; an advance records the number its
  norm was computed with.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# the first client the demo loader adds (correspondence.workflows.demo_people.demo_bsn(0))
FIRST_DEMO_BSN = "900000004"


def upgrade() -> None:
    with op.batch_alter_table("norm_tables") as batch:
        batch.drop_constraint("uq_norm_tables_effective_from", type_="unique")
        batch.add_column(sa.Column("imported_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("imported_by", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("verified_by", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_norm_tables_imported_by_employees"), "employees", ["imported_by"], ["id"]
        )
        batch.create_foreign_key(
            batch.f("fk_norm_tables_verified_by_employees"), "employees", ["verified_by"], ["id"]
        )
        batch.create_index(batch.f("ix_norm_tables_effective_from"), ["effective_from"])

    with op.batch_alter_table("clients") as batch:
        batch.add_column(
            sa.Column("cost_sharers", sa.Integer(), nullable=False, server_default="1")
        )
        batch.create_check_constraint(
            batch.f("ck_clients_cost_sharers"), "cost_sharers BETWEEN 1 AND 20"
        )
    with op.batch_alter_table("advances") as batch:
        batch.add_column(
            sa.Column("cost_sharers", sa.Integer(), nullable=False, server_default="1")
        )

    bind = op.get_bind()
    demo = bind.execute(
        sa.text("SELECT 1 FROM clients WHERE bsn = :bsn"), {"bsn": FIRST_DEMO_BSN}
    ).first()
    if demo is not None:
        settings = sa.table("settings", sa.column("key"), sa.column("value", sa.JSON))
        op.bulk_insert(settings, [{"key": "demo_data", "value": True}])


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM settings WHERE key = 'demo_data'"))
    with op.batch_alter_table("advances") as batch:
        batch.drop_column("cost_sharers")
    with op.batch_alter_table("clients") as batch:
        batch.drop_constraint(batch.f("ck_clients_cost_sharers"), type_="check")
        batch.drop_column("cost_sharers")
    with op.batch_alter_table("norm_tables") as batch:
        batch.drop_index(batch.f("ix_norm_tables_effective_from"))
        batch.drop_constraint(batch.f("fk_norm_tables_verified_by_employees"), type_="foreignkey")
        batch.drop_constraint(batch.f("fk_norm_tables_imported_by_employees"), type_="foreignkey")
        batch.drop_column("verified_by")
        batch.drop_column("verified_at")
        batch.drop_column("imported_by")
        batch.drop_column("imported_at")
        batch.create_unique_constraint("uq_norm_tables_effective_from", ["effective_from"])
