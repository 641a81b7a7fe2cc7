"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-29 01:14:30.566195
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "atw_equated_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("decree", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_atw_equated_days")),
    )
    op.create_table(
        "employees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "klantmanager",
                "administratie",
                "kwaliteit",
                "beheer",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employees")),
        sa.UniqueConstraint("username", name=op.f("uq_employees_username")),
    )
    op.create_table(
        "group_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "rights_meeting",
                "workshop",
                name="session_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column(
            "partner",
            sa.Enum(
                "Pasmatch",
                "Agros",
                name="partner",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_sessions")),
        sa.UniqueConstraint("kind", "starts_at", name=op.f("uq_group_sessions_kind")),
    )
    op.create_table(
        "municipalities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("college", sa.String(length=200), nullable=False),
        sa.Column("postbus", sa.String(length=20), nullable=False),
        sa.Column("postbus_postcode", sa.String(length=7), nullable=False),
        sa.Column("postbus_city", sa.String(length=100), nullable=False),
        sa.Column("team_email", sa.String(length=200), nullable=False),
        sa.Column("team_phone", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_municipalities")),
        sa.UniqueConstraint("code", name=op.f("uq_municipalities_code")),
    )
    op.create_table(
        "norm_tables",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_norm_tables")),
        sa.UniqueConstraint("effective_from", name=op.f("uq_norm_tables_effective_from")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_audit_events_employee_id_employees"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)

    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bsn", sa.String(length=9), nullable=False),
        sa.Column("initials", sa.String(length=40), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("prefix", sa.String(length=40), nullable=False),
        sa.Column("surname", sa.String(length=200), nullable=False),
        sa.Column(
            "salutation",
            sa.Enum(
                "heer",
                "mevrouw",
                "neutraal",
                name="salutation",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column(
            "household",
            sa.Enum(
                "single",
                "single_parent",
                "couple",
                name="household",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("house_number", sa.String(length=10), nullable=False),
        sa.Column("house_number_addition", sa.String(length=10), nullable=False),
        sa.Column("postcode", sa.String(length=7), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("iban", sa.String(length=42), nullable=False),
        sa.Column("search_text", sa.String(length=600), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipalities.id"],
            name=op.f("fk_clients_municipality_id_municipalities"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clients")),
        sa.UniqueConstraint("bsn", name=op.f("uq_clients_bsn")),
    )
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clients_postcode"), ["postcode"], unique=False)
        batch_op.create_index(batch_op.f("ix_clients_search_text"), ["search_text"], unique=False)
        batch_op.create_index(batch_op.f("ix_clients_surname"), ["surname"], unique=False)

    op.create_table(
        "norm_amounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_id", sa.Integer(), nullable=False),
        sa.Column(
            "household",
            sa.Enum(
                "single",
                "single_parent",
                "couple",
                name="household",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "age_band",
            sa.Enum(
                "18-20",
                "21-aow",
                "aow",
                name="age_band",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["table_id"],
            ["norm_tables.id"],
            name=op.f("fk_norm_amounts_table_id_norm_tables"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_norm_amounts")),
        sa.UniqueConstraint(
            "table_id", "household", "age_band", name=op.f("uq_norm_amounts_table_id")
        ),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "route",
            sa.Enum(
                "standard",
                "youth",
                "bypass",
                name="route",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("bypass_reason", sa.Text(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=False),
        sa.Column("ww_ends_on", sa.Date(), nullable=True),
        sa.Column("case_manager_id", sa.Integer(), nullable=False),
        sa.Column("application_received_on", sa.Date(), nullable=True),
        sa.Column("interview_delay_reason", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "closed",
                name="case_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "route <> 'bypass' OR length(bypass_reason) > 0",
            name=op.f("ck_cases_bypass_has_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["case_manager_id"],
            ["employees.id"],
            name=op.f("fk_cases_case_manager_id_employees"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_cases_client_id_clients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_client_id"), ["client_id"], unique=False)

    op.create_table(
        "advances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column(
            "household",
            sa.Enum(
                "single",
                "single_parent",
                "couple",
                name="household",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("norm_cents", sa.Integer(), nullable=False),
        sa.Column("percent", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("norm_table_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_advances_positive_amount")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_advances_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["norm_table_id"],
            ["norm_tables.id"],
            name=op.f("fk_advances_norm_table_id_norm_tables"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advances")),
    )
    with op.batch_alter_table("advances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_advances_case_id"), ["case_id"], unique=False)

    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "participation_interview",
                "application_interview",
                "search_period_interview",
                name="appointment_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_appointments_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_appointments_employee_id_employees"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
    )
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appointments_case_id"), ["case_id"], unique=False)

    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_bookings_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["group_sessions.id"],
            name=op.f("fk_bookings_session_id_group_sessions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
        sa.UniqueConstraint("session_id", "case_id", name=op.f("uq_bookings_session_id")),
    )
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bookings_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bookings_session_id"), ["session_id"], unique=False)

    op.create_table(
        "contact_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "phone",
                "in_person",
                name="channel",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("reached", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_contact_log_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"],
            ["contact_log.id"],
            name=op.f("fk_contact_log_corrects_id_contact_log"),
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.id"],
            name=op.f("fk_contact_log_employee_id_employees"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_log")),
    )
    with op.batch_alter_table("contact_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_log_case_id"), ["case_id"], unique=False)

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "grant",
                "rejection",
                "not_processed",
                "advance_recovery",
                name="decision_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "ready",
                "sent",
                "withdrawn",
                name="decision_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("objection_deadline", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_decisions_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decisions_case_id"), ["case_id"], unique=False)

    op.create_table(
        "instalments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("advance_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("balance_after_cents", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_instalments_positive_amount")),
        sa.CheckConstraint(
            "balance_after_cents >= 0", name=op.f("ck_instalments_no_negative_balance")
        ),
        sa.ForeignKeyConstraint(
            ["advance_id"],
            ["advances.id"],
            name=op.f("fk_instalments_advance_id_advances"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instalments")),
        sa.UniqueConstraint("advance_id", "number", name=op.f("uq_instalments_advance_id")),
    )
    with op.batch_alter_table("instalments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_instalments_advance_id"), ["advance_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("instalments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instalments_advance_id"))

    op.drop_table("instalments")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_case_id"))

    op.drop_table("decisions")
    with op.batch_alter_table("contact_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_log_case_id"))

    op.drop_table("contact_log")
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bookings_session_id"))
        batch_op.drop_index(batch_op.f("ix_bookings_case_id"))

    op.drop_table("bookings")
    with op.batch_alter_table("appointments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appointments_case_id"))

    op.drop_table("appointments")
    with op.batch_alter_table("advances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advances_case_id"))

    op.drop_table("advances")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_client_id"))

    op.drop_table("cases")
    op.drop_table("norm_amounts")
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clients_surname"))
        batch_op.drop_index(batch_op.f("ix_clients_search_text"))
        batch_op.drop_index(batch_op.f("ix_clients_postcode"))

    op.drop_table("clients")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_at"))

    op.drop_table("audit_events")
    op.drop_table("settings")
    op.drop_table("norm_tables")
    op.drop_table("municipalities")
    op.drop_table("group_sessions")
    op.drop_table("employees")
    op.drop_table("atw_equated_days")
