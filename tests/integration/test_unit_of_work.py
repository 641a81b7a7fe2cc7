"""One read or one write on behalf of an employee: committed whole or not at all, and handing
back only plain values."""

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from correspondence.queries import views
from correspondence.rules.errors import ValidationFailed
from correspondence.workflows import clients, unit_of_work
from correspondence.workflows.actors import acting_employee
from store.audit_trail import AuditEvent
from store.models import Client, Employee
from tests.support.data import TODAY, VALID


def count_clients(session):
    return session.scalar(select(func.count()).select_from(Client))


def test_a_write_acts_as_the_employee_and_commits(sqlite_database):
    client_id = unit_of_work.write(
        sqlite_database,
        "beheerder",
        lambda s, actor: clients.create_client(s, actor, VALID, TODAY).id,
    )
    with sqlite_database.session() as session:
        assert session.get(Client, client_id).surname == "Vries"
        who = {e.employee_id for e in session.scalars(select(AuditEvent))}
        assert who == {session.scalar(select(Employee.id).where(Employee.username == "beheerder"))}


def test_a_refused_write_leaves_nothing_behind(sqlite_database):
    def two_clients(session, actor):
        clients.create_client(session, actor, VALID, TODAY)
        clients.create_client(session, actor, replace(VALID, bsn="123"), TODAY)

    with pytest.raises(ValidationFailed) as refused:
        unit_of_work.write(sqlite_database, "beheerder", two_clients)
    assert "bsn" in refused.value.errors
    assert unit_of_work.read(sqlite_database, count_clients) == 0


def test_a_read_commits_nothing(sqlite_database):
    unit_of_work.write(sqlite_database, "beheerder", lambda s, a: None)

    def add_and_count(session):
        clients.create_client(session, acting_employee(session, "beheerder"), VALID, TODAY)
        return count_clients(session)

    assert unit_of_work.read(sqlite_database, add_and_count) == 1
    assert unit_of_work.read(sqlite_database, count_clients) == 0


def test_rows_of_the_database_do_not_leave_their_session(demo_database):
    with pytest.raises(TypeError, match="aan de database gebonden"):
        unit_of_work.read(demo_database, lambda s: s.scalars(select(Client)).first())
    with pytest.raises(TypeError, match="aan de database gebonden"):
        unit_of_work.read(demo_database, lambda s: list(s.scalars(select(Client))))
    rows = unit_of_work.read(demo_database, lambda s: views.search(s, "Ørsted"))
    assert [r.bsn for r in rows] == [rows[0].bsn]


def test_database_errors_reach_callers_in_dutch(tmp_path):
    with pytest.raises(unit_of_work.DatabaseUnavailable, match="bestaat niet"):
        unit_of_work.open_database(f"sqlite:///{tmp_path / 'nergens' / 'db.sqlite3'}")
