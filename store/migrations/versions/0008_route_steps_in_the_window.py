"""the route's steps as the window records them

- an employee has initials for letters and may hold beheer rights beside the role: the first
  person on a new database is a case manager who also sets Poortpost up;
- a booking records present, absent or excused (was: attended yes/no) with a note; a booking
  that said "attended" becomes present, "not attended" becomes absent;
- an appointment records whether it took place;
- a case records what its application still misses, the term given to complete it, and the
  reason of its last change of route.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 14:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ATTENDANCE = sa.Enum(
    "present",
    "absent",
    "excused",
    name="attendance",
    native_enum=False,
    create_constraint=True,
    length=32,
)


def upgrade() -> None:
    with op.batch_alter_table("employees") as batch:
        batch.add_column(sa.Column("initials", sa.String(20), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("admin", sa.Boolean(), nullable=False, server_default=sa.false())
        )

    with op.batch_alter_table("bookings") as batch:
        batch.add_column(sa.Column("attendance", ATTENDANCE, nullable=True))
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
    bookings = sa.table(
        "bookings", sa.column("attended", sa.Boolean), sa.column("attendance", sa.String)
    )
    op.execute(bookings.update().where(bookings.c.attended.is_(True)).values(attendance="present"))
    op.execute(bookings.update().where(bookings.c.attended.is_(False)).values(attendance="absent"))
    with op.batch_alter_table("bookings") as batch:
        batch.drop_column("attended")

    with op.batch_alter_table("appointments") as batch:
        batch.add_column(sa.Column("held", sa.Boolean(), nullable=True))

    with op.batch_alter_table("cases") as batch:
        batch.add_column(
            sa.Column("application_missing", sa.JSON(), nullable=False, server_default="[]")
        )
        batch.add_column(sa.Column("application_complete_by", sa.Date(), nullable=True))
        batch.add_column(sa.Column("route_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("route_reason")
        batch.drop_column("application_complete_by")
        batch.drop_column("application_missing")
    with op.batch_alter_table("appointments") as batch:
        batch.drop_column("held")
    with op.batch_alter_table("bookings") as batch:
        batch.add_column(sa.Column("attended", sa.Boolean(), nullable=True))
    bookings = sa.table(
        "bookings", sa.column("attended", sa.Boolean), sa.column("attendance", sa.String)
    )
    op.execute(bookings.update().where(bookings.c.attendance == "present").values(attended=True))
    op.execute(bookings.update().where(bookings.c.attendance == "absent").values(attended=False))
    with op.batch_alter_table("bookings") as batch:
        batch.drop_constraint(batch.f("ck_bookings_attendance"), type_="check")
        batch.drop_column("note")
        batch.drop_column("attendance")
    with op.batch_alter_table("employees") as batch:
        batch.drop_column("admin")
        batch.drop_column("initials")
