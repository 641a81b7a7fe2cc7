"""Search finds a name the way a Dutch user types it: without accents, special letters
written plainly, umlauts and the slashed o also spelled out; also after an upgrade."""

from dataclasses import replace

import pytest
from alembic import command
from sqlalchemy import update

from correspondence.queries import views
from correspondence.workflows import clients
from correspondence.workflows.actors import acting_employee
from store.database import Database, alembic_config
from store.models import Client
from tests.support.data import TODAY, VALID

SURNAMES = {
    "Ørsted": "123456782",
    "Yılmaz": "111222333",
    "Dvořák": "100000009",
    "Öztürk": "100000010",
}


@pytest.fixture
def people(sqlite_database: Database) -> Database:
    with sqlite_database.session() as session, session.begin():
        actor = acting_employee(session, "beheerder")
        for surname, bsn in SURNAMES.items():
            clients.create_client(session, actor, replace(VALID, surname=surname, bsn=bsn), TODAY)
    return sqlite_database


def surnames(database: Database, text: str) -> list[str]:
    with database.session() as session:
        return [row.name.split(",")[0] for row in views.search(session, text)]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("orsted", "Ørsted"),
        ("oersted", "Ørsted"),
        ("ØRSTED", "Ørsted"),
        ("yilmaz", "Yılmaz"),
        ("dvorak", "Dvořák"),
        ("ozturk", "Öztürk"),
        ("oeztuerk", "Öztürk"),
        ("jan oersted", "Ørsted"),
    ],
)
def test_a_name_is_found_as_a_dutch_user_types_it(people, typed, found):
    assert surnames(people, typed) == [found]


def test_an_upgraded_database_finds_spelled_out_names(people):
    config = alembic_config(people.engine)
    command.downgrade(config, "0006")
    with people.session() as session, session.begin():  # the search text as 0006 left it
        session.execute(update(Client).values(search_text="123456782 jan j. de rsted"))
    command.upgrade(config, "head")
    assert surnames(people, "oersted") == ["Ørsted"]
    assert surnames(people, "ozturk") == ["Öztürk"]
