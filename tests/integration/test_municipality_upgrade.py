"""Upgrading to municipality data that beheer verifies: the shipped municipalities start
unverified, and the digital objection channel of the old setting moves into the municipality
that it named (and back again on a downgrade)."""

from alembic import command
from sqlalchemy import select, text

from store.database import HEAD_REVISION, Database, alembic_config, schema_version
from store.tables import SETTINGS
from tests.support.migrations import revision_before

PREVIOUS_REVISION = revision_before("_municipality_data_verified_by_beheer.py")

OLD_SETTING = {
    "haarlem": {"url": "https://loket.haarlem.example.nl/bezwaar", "digid": False},
    "zandvoort": "https://zandvoort.example.nl/bezwaar",
    "heemstede": {"digid": True},  # no address: it gave no channel before either
}


def channels(database: Database) -> dict[str, tuple[str, str, bool]]:
    with database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT code, objection_url, objection_login, verified FROM municipalities")
        ).all()
    return {code: (url, login, bool(verified)) for code, url, login, verified in rows}


def setting(database: Database) -> object:
    with database.engine.connect() as connection:
        return connection.scalar(
            select(SETTINGS.c.value).where(SETTINGS.c.key == "digital_objection")
        )


def test_the_channel_setting_moves_into_the_municipalities_and_back(database: Database):
    assert schema_version(database.engine) == [HEAD_REVISION]
    assert {code: verified for code, (_u, _l, verified) in channels(database).items()} == {
        "haarlem": False,
        "zandvoort": False,
        "heemstede": False,
    }
    config = alembic_config(database.engine)
    command.downgrade(config, PREVIOUS_REVISION)
    with database.engine.begin() as connection:
        connection.execute(SETTINGS.insert().values(key="digital_objection", value=OLD_SETTING))
    command.upgrade(config, "head")
    assert channels(database) == {
        "haarlem": ("https://loket.haarlem.example.nl/bezwaar", "", False),
        "zandvoort": ("https://zandvoort.example.nl/bezwaar", "DigiD", False),
        "heemstede": ("", "", False),
    }
    assert setting(database) is None
    command.downgrade(config, PREVIOUS_REVISION)
    assert setting(database) == {
        "haarlem": {"url": "https://loket.haarlem.example.nl/bezwaar", "digid": False},
        "zandvoort": {"url": "https://zandvoort.example.nl/bezwaar", "digid": True},
    }
    command.upgrade(config, "head")
    assert schema_version(database.engine) == [HEAD_REVISION]
    assert channels(database)["zandvoort"] == (
        "https://zandvoort.example.nl/bezwaar",
        "DigiD",
        False,
    )
