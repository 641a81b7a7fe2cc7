"""Upgrading keeps what was recorded: a booking that said "attended" is present afterwards, one
that said "not attended" absent, and one without an answer still has none."""

from alembic import command
from sqlalchemy import text

from correspondence.workflows.actors import acting_employee
from correspondence.workflows.demo import load_demo
from store.database import Database, alembic_config
from tests.support.data import TODAY


def test_attended_becomes_present_or_absent(database: Database):
    with database.session() as session, session.begin():
        load_demo(session, acting_employee(session, "tester"), TODAY)
    config = alembic_config(database.engine)
    command.downgrade(config, "0007")
    with database.engine.begin() as connection:
        ids = connection.scalars(text("SELECT id FROM bookings ORDER BY id")).all()
        assert len(ids) >= 3
        connection.execute(
            text("UPDATE bookings SET attended = NULL WHERE id = :id"), {"id": ids[0]}
        )
        connection.execute(
            text("UPDATE bookings SET attended = :no WHERE id = :id"), {"no": False, "id": ids[1]}
        )
        connection.execute(
            text("UPDATE bookings SET attended = :yes WHERE id = :id"), {"yes": True, "id": ids[2]}
        )
    command.upgrade(config, "head")
    with database.engine.connect() as connection:
        found: dict[int, str | None] = dict(
            connection.execute(text("SELECT id, attendance FROM bookings")).all()
        )
        initials = connection.scalars(text("SELECT DISTINCT initials FROM employees")).all()
    assert [found[i] for i in ids[:3]] == [None, "absent", "present"]
    assert initials == [""]
