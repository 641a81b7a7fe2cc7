"""Upgrading keeps what was recorded and corrects what was shipped wrong: a booking that said
"attended" is present afterwards, one that said "not attended" absent, and one without an
answer still has none; the official's direct line shipped for Haarlem becomes its general
number."""

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


def test_the_shipped_direct_line_becomes_the_general_number(database: Database):
    config = alembic_config(database.engine)
    with database.engine.connect() as connection:
        phones: dict[str, str] = dict(
            connection.execute(text("SELECT code, team_phone FROM municipalities")).all()
        )
    assert phones["haarlem"] == "14 023"
    command.downgrade(config, "0009")
    with database.engine.begin() as connection:
        connection.execute(
            text("UPDATE municipalities SET team_phone = '023 511 4275' WHERE code = 'haarlem'")
        )
        connection.execute(
            text("UPDATE municipalities SET team_phone = '023 574 0101' WHERE code = 'zandvoort'")
        )
    command.upgrade(config, "head")
    with database.engine.connect() as connection:
        phones = dict(connection.execute(text("SELECT code, team_phone FROM municipalities")).all())
    assert phones["haarlem"] == "14 023"
    assert phones["zandvoort"] == "023 574 0101"  # what beheer set stays
