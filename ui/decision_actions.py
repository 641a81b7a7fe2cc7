"""What can be done with a dossier's decisions and its contact log: one action each, shown as
a button, in the row's context menu and in the menu bar, enabled only where it applies and
otherwise saying in its tooltip why not."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QTableWidget, QVBoxLayout

from correspondence.queries.views import DecisionRow, Dossier
from correspondence.rules.sending import OPEN, may_move
from correspondence.rules.vocabulary import DecisionStatus

CHOOSE_DECISION = "Kies eerst een besluit in de lijst."
CHOOSE_CALL = "Kies eerst een gesprek in de contactlog."
NO_OPEN_CASE = "Dit dossier heeft geen open aanvraag."
NO_CLIENT = "Kies eerst een klant."

# what each status action is called and what it says when it does apply
MOVES = {
    DecisionStatus.READY: ("Gereed zetten", "Het besluit gaat mee in de volgende verzendbatch."),
    DecisionStatus.DRAFT: ("Terug naar concept", "Het besluit gaat niet mee in de verzendbatch."),
    DecisionStatus.WITHDRAWN: ("Intrekken", "Het besluit wordt niet verzonden."),
}
# why a move does not apply to a decision that cannot make it
CANNOT = {
    DecisionStatus.READY: "het kan niet meer gereed worden gezet",
    DecisionStatus.DRAFT: "het kan niet terug naar concept",
    DecisionStatus.WITHDRAWN: "het kan niet meer worden ingetrokken",
}


def why_not_edit(decision: DecisionRow | None) -> str | None:
    if decision is None:
        return CHOOSE_DECISION
    if decision.state in OPEN:
        return None
    return f"Dit besluit is {decision.status}; het kan niet meer worden bewerkt."


def why_not_move(decision: DecisionRow | None, to: DecisionStatus) -> str | None:
    if decision is None:
        return CHOOSE_DECISION
    if decision.state is to:
        return f"Dit besluit is al {decision.status}."
    if may_move(decision.state, to):
        return None
    return f"Dit besluit is {decision.status}; {CANNOT[to]}."


def why_not_new(dossier: Dossier | None) -> str | None:
    if dossier is None:
        return NO_CLIENT
    if dossier.case is None or not dossier.case.open:
        return NO_OPEN_CASE
    return None


def allow(action: QAction, refusal: str | None, tip: str) -> None:
    """Enabled with its own tip, or disabled with the reason why."""
    action.setEnabled(refusal is None)
    action.setToolTip(refusal or tip)
    action.setStatusTip(refusal or tip)


def button_for(action: QAction) -> QPushButton:
    """A push button that follows the action: its text, whether it is enabled, its tooltip."""
    button = QPushButton(action.text())
    button.clicked.connect(action.trigger)

    def follow() -> None:
        button.setEnabled(action.isEnabled())
        button.setToolTip(action.toolTip())

    action.changed.connect(follow)
    follow()
    return button


class DecisionActions(QObject):
    """The decision and contact-log actions of the dossier view; the main window connects
    their `triggered` signals to what they do."""

    def __init__(self, decisions: QTableWidget, contacts: QTableWidget) -> None:
        super().__init__(decisions)
        self.decisions, self.contacts = decisions, contacts
        self.dossier: Dossier | None = None
        self.new_decision = QAction("Nieuw besluit…", self)
        self.edit_decision = QAction("Besluit bewerken…", self)
        self.moves = {to: QAction(text, self) for to, (text, _tip) in MOVES.items()}
        self.correct_call = QAction("Gesprek corrigeren…", self)
        self.buttons: dict[QAction, QPushButton] = {}
        # two rows, so that the dossier still fits a narrow window
        self.decision_buttons = QVBoxLayout()
        self.decision_buttons.addLayout(self._row([self.new_decision, self.edit_decision]))
        self.decision_buttons.addLayout(self._row(list(self.moves.values())))
        self.contact_buttons = self._row([self.correct_call])
        for table, menu in ((decisions, self.decision_menu), (contacts, self.contact_menu)):
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(
                lambda pos, table=table, menu=menu: self._context_menu(table, menu, pos)
            )
            table.itemSelectionChanged.connect(self.update)
        self.update()

    def _row(self, actions: list[QAction]) -> QHBoxLayout:
        row = QHBoxLayout()
        for action in actions:
            self.buttons[action] = button_for(action)
            row.addWidget(self.buttons[action])
        row.addStretch(1)
        return row

    def selected(self) -> DecisionRow | None:
        rows = self.decisions.selectionModel().selectedRows()
        if not rows or self.dossier is None or rows[0].row() >= len(self.dossier.decisions):
            return None
        return self.dossier.decisions[rows[0].row()]

    def selected_call(self) -> int | None:
        rows = self.contacts.selectionModel().selectedRows()
        if not rows or self.dossier is None or rows[0].row() >= len(self.dossier.contacts):
            return None
        return self.dossier.contacts[rows[0].row()].id

    def show_dossier(self, dossier: Dossier | None) -> None:
        self.dossier = dossier
        self.update()

    def update(self) -> None:
        decision = self.selected()
        allow(self.new_decision, why_not_new(self.dossier), "Een besluit schrijven.")
        allow(self.edit_decision, why_not_edit(decision), "De tekst van het besluit bewerken.")
        for to, action in self.moves.items():
            allow(action, why_not_move(decision, to), MOVES[to][1])
        allow(
            self.correct_call,
            CHOOSE_CALL if self.selected_call() is None else None,
            "Een nieuw gesprek vastleggen dat dit gesprek verbetert; het oude blijft staan.",
        )

    def decision_menu(self) -> QMenu:
        return self._menu([self.new_decision, self.edit_decision, *self.moves.values()])

    def contact_menu(self) -> QMenu:
        return self._menu([self.correct_call])

    def _menu(self, actions: list[QAction]) -> QMenu:
        menu = QMenu(self.decisions)
        menu.setToolTipsVisible(True)  # a disabled action says why
        menu.addActions(actions)
        return menu

    def _context_menu(self, table: QTableWidget, menu: Callable[[], QMenu], pos: QPoint) -> None:
        """The menu on the row under the mouse, which is selected first."""
        item = table.itemAt(pos)
        if item is not None:
            table.selectRow(item.row())
        menu().exec(table.viewport().mapToGlobal(pos))
