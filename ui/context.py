"""What every window needs: the database and who is working, and a unit of work off the UI
thread that turns validation failures into field messages instead of errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from correspondence.letters.dossier_letters import DossierLetters
from correspondence.rules.errors import ValidationFailed
from correspondence.workflows.actors import acting_employee
from store.database import Database
from store.models import Employee


@dataclass(frozen=True)
class Outcome:
    """The result of a write: a value, or the fields that were refused (nothing written)."""

    value: Any = None
    errors: dict[str, str] = field(default_factory=dict)


@dataclass
class AppContext:
    database: Database
    username: str
    letters: DossierLetters = field(default_factory=DossierLetters)

    def today(self) -> date:
        return date.today()

    def read(self, query: Callable[[Session], Any]) -> Any:
        with self.database.session() as session:
            return query(session)

    def attempt(self, query: Callable[[Session], Any]) -> Outcome:
        """A read that the rules may refuse (a letter that cannot be made yet): no writes."""
        try:
            with self.database.session() as session:
                return Outcome(value=query(session))
        except ValidationFailed as exc:
            return Outcome(errors=exc.errors)

    def write(self, change: Callable[[Session, Employee], Any]) -> Outcome:
        try:
            with self.database.session() as session, session.begin():
                return Outcome(value=change(session, acting_employee(session, self.username)))
        except ValidationFailed as exc:
            return Outcome(errors=exc.errors)
