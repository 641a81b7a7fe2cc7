"""Norm tables on the database: beheer imports one, verifies it, and a verified table never
changes again; a correction is a new table that takes over its effective date."""

from datetime import date

import pytest
from sqlalchemy import select, text

from correspondence.records.reference import norm_tables
from correspondence.rules.errors import NotFound, WorkflowError
from correspondence.rules.norm_file import NormFileRefused, parse_norm_csv
from correspondence.rules.norms import norm_for
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.employees import EmployeeInput, add_employee
from correspondence.workflows.norms import import_norm_file, import_norm_table, verify_norm_table
from store.audit_trail import AuditEvent
from store.database import Database
from store.models import NormAmount, NormTable
from store.vocabulary import Household
from tests.support.norms import NORMS_CSV

ADULT = date(1980, 5, 1)


def test_the_shipped_tables_are_not_verified(database: Database):
    with database.session() as session:
        tables = session.scalars(select(NormTable)).all()
        assert [t.effective_from for t in tables] == [date(2026, 1, 1), date(2026, 7, 1)]
        assert not any(t.verified or t.verified_by or t.verified_at for t in tables)
        demo = session.execute(text("SELECT 1 FROM settings WHERE key = 'demo_data'"))
        assert demo.first() is None


def test_import_then_verify_records_who_and_when(database: Database):
    with database.session() as session, session.begin():
        beheer = acting_employee(session, "beheerder")
        table = import_norm_file(session, beheer, date(2027, 1, 1), "Stcrt. 2026, 12345", NORMS_CSV)
        assert (table.verified, table.imported_by) == (False, beheer.id)
        assert len(table.amounts) == 9
        verify_norm_table(session, beheer, table.id)
        number = table.id
    with database.session() as session:
        stored = session.get(NormTable, number)
        assert stored is not None
        table = stored
        assert table.verified and table.verified_by == beheer.id
        assert table.verified_at is not None and table.verified_at.tzinfo is not None
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "norm_table")
        ).all()
        assert actions == ["import", "verify"]
        found = norm_for(norm_tables(session), date(2027, 2, 1), Household.COUPLE, ADULT)
        assert found[1] == 204_326 and found[0].verified


def test_a_verified_table_never_changes(database: Database):
    with database.session() as session, session.begin():
        beheer = acting_employee(session, "beheerder")
        number = session.scalars(select(NormTable.id).order_by(NormTable.id)).first()
        assert number is not None
        verify_norm_table(session, beheer, number)
    for change in (
        lambda t: setattr(t, "source", "anders"),
        lambda t: setattr(t, "verified", False),
        lambda t: setattr(t.amounts[0], "amount_cents", 1),
        lambda t: t.amounts.pop(),
    ):
        with (
            database.session() as session,
            pytest.raises(PermissionError, match="geverifieerd"),
            session.begin(),
        ):
            change(session.get(NormTable, number))
    with (
        database.session() as session,
        pytest.raises(PermissionError, match="geverifieerd"),
        session.begin(),
    ):
        session.add(NormAmount(table_id=number, household="single", age_band="aow", amount_cents=1))
    with (
        database.session() as session,
        pytest.raises(WorkflowError, match="al geverifieerd door beheerder"),
    ):
        verify_norm_table(session, acting_employee(session, "beheerder"), number)


def test_a_correction_is_a_new_table_that_takes_over_its_date(database: Database):
    corrected = NORMS_CSV.replace("1.430,28", "1.431,00")
    with database.session() as session, session.begin():
        beheer = acting_employee(session, "beheerder")
        import_norm_table(
            session, beheer, date(2026, 7, 1), "correctie", parse_norm_csv(corrected).amounts
        )
    with database.session() as session:
        table, norm = norm_for(norm_tables(session), date(2026, 8, 1), Household.SINGLE, ADULT)
        assert (table.source, norm, table.verified) == ("correctie", 143_100, False)


def test_only_beheer_imports_or_verifies(database: Database):
    with database.session() as session, session.begin():
        beheer = acting_employee(session, "beheerder")
        add_employee(session, beheer, EmployeeInput("km", "Klant Manager", "klantmanager"))
    with database.session() as session:
        manager = acting_employee(session, "km")
        with pytest.raises(WorkflowError, match="alleen beheer mag normtabellen inlezen"):
            import_norm_table(
                session, manager, date(2027, 1, 1), "x", parse_norm_csv(NORMS_CSV).amounts
            )
        with pytest.raises(WorkflowError, match="alleen beheer mag een normtabel verifiëren"):
            verify_norm_table(session, manager, 1)
        with pytest.raises(NotFound, match="normtabel 999 bestaat niet"):
            verify_norm_table(session, acting_employee(session, "beheerder"), 999)


def test_a_bad_table_is_refused_whole(database: Database):
    with database.session() as session:
        beheer = acting_employee(session, "beheerder")
        amounts = parse_norm_csv(NORMS_CSV.replace("2.043,26", "1.000,00")).amounts
        with pytest.raises(NormFileRefused) as refused:
            import_norm_table(session, beheer, date(2027, 1, 15), " ", amounts)
        assert refused.value.problems == [
            "een normtabel gaat in op de eerste van een maand (meestal 1 januari of 1 juli)",
            "geef de bron (bijvoorbeeld de Staatscourant van de publicatie)",
            "alleenstaande 21-aow is hoger dan gehuwden 21-aow",
            "alleenstaande ouder 21-aow is hoger dan gehuwden 21-aow",
        ]
        assert {field: len(problems) for field, problems in refused.value.fields.items()} == {
            "effective_from": 1,
            "source": 1,
            "file": 2,
        }
        session.rollback()
        assert session.scalar(select(NormTable.id).where(NormTable.source == " ")) is None


def test_the_demo_records_that_its_data_is_fictional(demo_database: Database):
    with demo_database.session() as session:
        value = session.execute(text("SELECT value FROM settings WHERE key = 'demo_data'"))
        assert value.scalar_one() in (True, "true", 1)
        assert not any(t.verified for t in session.scalars(select(NormTable)))
