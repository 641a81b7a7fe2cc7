"""The way in for the windows, the commands and the batch: open the database, and run one read
or one write as a unit of work on behalf of an employee. Every transaction that commits is
opened here.

A result leaves the session it was made in, often for another thread: it must be a plain
value (a frozen dataclass, a number, text), never an ORM object still bound to the session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from store.database import (
    Database,
    DatabaseUnavailable,
    database_error_message,
    is_database_error,
)
from store.files import FileProblem

# The ORM loads when a session first runs work, not when a command merely starts: a deadline
# on the command line needs neither the models nor the workflows.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from store.models import Employee

__all__ = [
    "Database",
    "DatabaseUnavailable",
    "FileProblem",
    "Read",
    "Write",
    "committing",
    "database_error_message",
    "is_database_error",
    "open_database",
    "read",
    "write",
]

T = TypeVar("T")
Read = Callable[["Session"], T]
Write = Callable[["Session", "Employee"], T]


def open_database(url: str | None = None) -> Database:
    """Open the database at `url` (default: the user's own SQLite file) and upgrade its schema.
    Raises DatabaseUnavailable with a Dutch message."""
    return Database.open(url)


def read[T](database: Database, work: Read[T]) -> T:
    """`work(session)` in a session of its own; nothing it does is committed."""
    with database.session() as session:
        return _plain(work(session))


@contextmanager
def committing(database: Database) -> Iterator[Session]:
    """One transaction: all of it is committed, or nothing when it raises."""
    with database.session() as session, session.begin():
        yield session


def write[T](database: Database, username: str, work: Write[T]) -> T:
    """`work(session, actor)` in one transaction on behalf of the employee `username`:
    all of it is committed, or nothing when it raises (a refused field, a workflow error)."""
    from correspondence.workflows.actors import acting_employee

    with committing(database) as session:
        return _plain(work(session, acting_employee(session, username)))


def _plain[T](result: T) -> T:
    """Refuse a result that would drag its session along (lazy loads from another thread)."""
    from store.models import Base

    values: Iterable[object] = (result,)
    if isinstance(result, dict):
        values = (result, *result.values())
    elif isinstance(result, list | tuple | set | frozenset):
        values = (result, *result)
    if any(isinstance(value, Base) for value in values):
        # a slip in the program, not in the input; said in Dutch all the same, a window shows it
        raise TypeError("interne fout: het resultaat is nog aan de database gebonden")
    return result
