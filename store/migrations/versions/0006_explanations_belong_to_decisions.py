"""explanations belong to the decisions they explain

Before, a reached call released every negative decision of its case, also one that was never
explained. A call logged before this change is linked to the negative decisions of its case
that were still open (not sent before the day of the call) on its date.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 10:45:00
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")  # the day of a call is its Dutch calendar day
DEFAULT_NEGATIVE = ["rejection", "not_processed", "advance_recovery"]


def upgrade() -> None:
    op.create_table(
        "explained_decisions",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact_log.id"],
            name=op.f("fk_explained_decisions_contact_id_contact_log"),
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_explained_decisions_decision_id_decisions"),
        ),
        sa.PrimaryKeyConstraint("contact_id", "decision_id", name=op.f("pk_explained_decisions")),
    )
    op.create_index(
        op.f("ix_explained_decisions_decision_id"), "explained_decisions", ["decision_id"]
    )
    _link_existing_calls()


def _link_existing_calls() -> None:
    connection = op.get_bind()
    settings = sa.table("settings", sa.column("key"), sa.column("value", sa.JSON))
    negative = connection.scalar(
        sa.select(settings.c.value).where(settings.c.key == "negative_decision_kinds")
    )
    contacts = sa.table(
        "contact_log",
        sa.column("id"),
        sa.column("case_id"),
        sa.column("at", sa.DateTime(timezone=True)),
    )
    decisions = sa.table(
        "decisions",
        sa.column("id"),
        sa.column("case_id"),
        sa.column("kind"),
        sa.column("sent_on", sa.Date),
    )
    links = sa.table("explained_decisions", sa.column("contact_id"), sa.column("decision_id"))
    open_by_case: dict[int, list[tuple[int, object]]] = {}
    for decision_id, case_id, sent_on in connection.execute(
        sa.select(decisions.c.id, decisions.c.case_id, decisions.c.sent_on).where(
            decisions.c.kind.in_(negative or DEFAULT_NEGATIVE)
        )
    ):
        open_by_case.setdefault(case_id, []).append((decision_id, sent_on))
    rows = []
    for contact_id, case_id, at in connection.execute(
        sa.select(contacts.c.id, contacts.c.case_id, contacts.c.at)
    ):
        moment = at if at.tzinfo else at.replace(tzinfo=ZoneInfo("UTC"))
        day = moment.astimezone(LOCAL_ZONE).date()
        rows += [
            {"contact_id": contact_id, "decision_id": decision_id}
            for decision_id, sent_on in open_by_case.get(case_id, [])
            if sent_on is None or sent_on >= day
        ]
    if rows:
        op.bulk_insert(links, rows)


def downgrade() -> None:
    op.drop_index(op.f("ix_explained_decisions_decision_id"), table_name="explained_decisions")
    op.drop_table("explained_decisions")
