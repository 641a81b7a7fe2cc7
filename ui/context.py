"""What every window needs: the database and who is working, where background work runs, and
the news that a dossier changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from correspondence.workflows.unit_of_work import Database
from ui.operations import Operations
from ui.workers import Runner, thread_pool

if TYPE_CHECKING:
    from correspondence.letters.dossier_letters import DossierLetters


class Changes(QObject):
    """Said once after every write, so that each view reloads what it shows of that client."""

    dossier_changed = Signal(int)  # the client


@dataclass(eq=False)
class AppContext:
    database: Database
    username: str
    runner: Runner = field(default_factory=thread_pool)
    changes: Changes = field(default_factory=Changes)
    ops: Operations = field(init=False, repr=False)
    _letters: DossierLetters | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self.ops = Operations(self)

    @property
    def letters(self) -> DossierLetters:
        """The letter engine, loaded on first use: a window that makes no letter starts without."""
        if self._letters is None:
            from correspondence.letters.dossier_letters import DossierLetters

            self._letters = DossierLetters()
        return self._letters

    def today(self) -> date:
        return date.today()
