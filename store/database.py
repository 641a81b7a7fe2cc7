"""Opening a database: the default SQLite file, engine settings, and upgrading its schema."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

ENV_URL = "POORTPOST_DATABASE_URL"
MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseUnavailable(RuntimeError):
    """The database cannot be opened or upgraded; the message is Dutch and names the cause."""


def default_url() -> str:
    """`POORTPOST_DATABASE_URL`, or a SQLite file in the user's data folder."""
    if url := os.environ.get(ENV_URL):
        return url
    folder = user_data_path("Poortpost", appauthor=False, ensure_exists=True)
    return f"sqlite:///{folder / 'poortpost.sqlite3'}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # SQLite leaves foreign keys off unless asked, per connection.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # readers (the windows) go on while a batch writes
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).expanduser().parent
            if not folder.is_dir():
                raise DatabaseUnavailable(f"de map {folder} voor de database bestaat niet")
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # imported here: render processes never migrate

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration."""
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


class Database:
    """One database: its engine and a session factory. Sessions are units of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = make_engine(url)
        except DatabaseUnavailable:
            raise
        except Exception as exc:  # a malformed URL or a missing driver
            raise DatabaseUnavailable(f"database-adres niet bruikbaar: {exc}") from exc
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None) -> Database:
        """Open the database at `url` (default: `default_url()`) and upgrade its schema."""
        database = cls(url or default_url())
        try:
            upgrade(database.engine)
        except Exception as exc:
            database.engine.dispose()
            raise DatabaseUnavailable(f"database niet te openen of bij te werken: {exc}") from exc
        return database

    def session(self) -> Session:
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()
