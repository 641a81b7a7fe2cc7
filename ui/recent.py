"""Bestand → Recente dossiers: the clients whose dossier was opened last, newest first.

Only their numbers are kept, in Qt's settings file, under a hash of the database's address
(a number means another client in another database, and an address may hold a password): a
name or a BSN never leaves the database, the names are read from it when the menu opens.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QWidget

from correspondence.queries.views import ClientRow, clients_by_id
from ui.context import AppContext

KEEP = 8


class RecentMenu(QMenu):
    """Filled from the database each time it opens; choosing a client calls `open_dossier`."""

    def __init__(
        self, context: AppContext, open_dossier: Callable[[int], object], parent: QWidget
    ) -> None:
        super().__init__("&Recente dossiers", parent)
        self.setObjectName("recent")
        self.context = context
        self.open_dossier = open_dossier
        database = hashlib.sha256(context.database.url.encode()).hexdigest()[:16]
        self.key = f"recent/{database}"
        self.aboutToShow.connect(self.refresh)

    def ids(self) -> list[int]:
        value = QSettings("Poortpost", "Poortpost").value(self.key) or []
        values = value if isinstance(value, list) else [value]  # Qt hands back one item bare
        return [int(v) for v in values if str(v).isdigit()]

    def _store(self, ids: list[int]) -> None:
        QSettings("Poortpost", "Poortpost").setValue(self.key, [str(i) for i in ids[:KEEP]])

    def remember(self, client_id: int) -> None:
        self._store([client_id, *(i for i in self.ids() if i != client_id)])

    def refresh(self) -> None:
        ids = self.ids()
        self._note("Laden…" if ids else "Geen recente dossiers")
        if ids:
            self.context.ops.read(
                self,
                lambda session: clients_by_id(session, ids),
                on_done=lambda rows: self._show(ids, rows),
            )

    def _show(self, asked: list[int], rows: list[ClientRow]) -> None:
        if gone := set(asked) - {row.id for row in rows}:
            self._store([i for i in self.ids() if i not in gone])
        if not rows:
            self._note("Geen recente dossiers")
            return
        self.clear()
        for row in rows:
            action = self.addAction(f"{row.name} — {row.city}")
            action.triggered.connect(lambda _checked=False, i=row.id: self.open_dossier(i))

    def _note(self, text: str) -> None:
        self.clear()
        self.addAction(text).setEnabled(False)
