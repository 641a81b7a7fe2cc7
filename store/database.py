"""Opening a database: the default SQLite file, engine settings, and upgrading its schema."""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import SQLAlchemyError

from store.files import private_file, private_folder, restrict_file

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.orm import Session

ENV_URL = "POORTPOST_DATABASE_URL"
MIGRATIONS = Path(__file__).parent / "migrations"
# the newest migration, so that opening a database that has it needs no Alembic; a unit test
# holds it to Alembic's own head
HEAD_REVISION = "0013"
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
SQLITE_CONSTRAINT = re.compile(r"constraint failed: ([\w.]+)")
# PEP 249 names, shared by SQLAlchemy's wrappers and every driver's own errors
DATABASE_MESSAGES = {
    "IntegrityError": "de database weigert de wijziging: die botst met gegevens die er al zijn "
    "of laat een verplicht gegeven leeg",
    "DataError": "de database weigert een gegeven dat niet past (te lang of verkeerd van soort)",
    "OperationalError": "de database is niet bereikbaar of bezet; probeer het later opnieuw",
}


class DatabaseUnavailable(RuntimeError):
    """The database cannot be opened or upgraded; the message is Dutch and names the cause."""


def is_database_error(exc: BaseException) -> bool:
    """A SQLAlchemy error, or a driver's own (PEP 249's DatabaseError and InterfaceError)."""
    return isinstance(exc, SQLAlchemyError) or any(
        cls.__name__ in ("DatabaseError", "InterfaceError") for cls in type(exc).__mro__
    )


def database_error_message(exc: BaseException) -> str:
    """One Dutch line about a database error: what kind, and which table, column or constraint;
    never the statement or its values (a BSN, a name)."""
    original = getattr(exc, "orig", None) or exc
    kinds = [cls.__name__ for cls in (*type(exc).__mro__, *type(original).__mro__)]
    message = next(
        (DATABASE_MESSAGES[kind] for kind in kinds if kind in DATABASE_MESSAGES),
        f"fout in de database ({type(original).__name__})",
    )
    names = _schema_names(original)
    return f"{message} ({', '.join(names)})" if names else message


def _schema_names(error: BaseException) -> list[str]:
    """The tables, columns or constraints an error names: never the values."""
    diag = getattr(error, "diag", None)
    if diag is not None:
        return [n for n in (diag.table_name, diag.column_name, diag.constraint_name) if n]
    if isinstance(error, sqlite3.Error) and (match := SQLITE_CONSTRAINT.search(str(error))):
        return [match[1]]
    return []


def default_url() -> str:
    """`POORTPOST_DATABASE_URL`, or a SQLite file in the user's data folder."""
    if url := os.environ.get(ENV_URL):
        return url
    return f"sqlite:///{data_folder() / 'poortpost.sqlite3'}"


def data_folder() -> Path:
    """The user's Poortpost folder, created if needed and readable by the user only (0700)."""
    return private_folder(user_data_path("Poortpost", appauthor=False))


def database_now(session: Session) -> datetime:
    """The database's own clock, so that every desktop of a team judges time-outs (a print
    batch's lease) by one clock, whatever its own says."""
    if session.get_bind().dialect.name == "sqlite":  # one machine: its clock, in UTC
        now = session.execute(text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')")).scalar_one()
        return datetime.fromisoformat(now).replace(tzinfo=UTC)
    # clock_timestamp, not now(): now() stands still for the whole transaction
    moment: datetime = session.execute(select(func.clock_timestamp())).scalar_one()
    return moment


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    # SQLite leaves foreign keys off unless asked, per connection.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # readers (the windows) go on while a batch writes
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _private_sqlite(database: Path) -> None:
    """The database file exists with mode 0600 before SQLite opens it: SQLite gives its -wal and
    -shm files the database file's mode. Companions left by an older version are tightened."""
    private_file(database)
    for suffix in SQLITE_COMPANIONS:
        restrict_file(database.with_name(database.name + suffix))


def _without_row_data(context: ExceptionContext) -> None:
    """PostgreSQL's DETAIL line quotes the offending key or row (a BSN, a name); an error
    keeps only its primary message. The parameters are hidden by the engine."""
    original = context.original_exception
    primary = getattr(getattr(original, "diag", None), "message_primary", None)
    if not primary:
        return
    original.args = (primary,)
    wrapped = context.sqlalchemy_exception
    if wrapped is not None:
        wrapped.args = (f"({type(original).__module__}.{type(original).__name__}) {primary}",)


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).expanduser().parent
            if not folder.is_dir():
                raise DatabaseUnavailable(f"de map {folder} voor de database bestaat niet")
            _private_sqlite(Path(database))
        engine = create_engine(parsed, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
    event.listen(engine, "handle_error", _without_row_data)
    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # imported here: render processes never migrate

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def schema_version(engine: Engine) -> list[str]:
    """The migrations the database records (none for a new one), read without Alembic."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return []
        return list(connection.scalars(text("SELECT version_num FROM alembic_version")))


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration; Alembic loads only when one is due."""
    if schema_version(engine) == [HEAD_REVISION]:
        return
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
        from sqlalchemy.orm import Session  # the ORM loads only for work that uses it

        return Session(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()
