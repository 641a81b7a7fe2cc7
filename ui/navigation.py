"""How the main window is worked by menu and keyboard: the menu bar with the common shortcuts,
why an action is not available now, and the arrow key from the search field into the
results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTableView

if TYPE_CHECKING:
    from correspondence.queries.views import Dossier
    from ui.main_window import MainWindow

SHORTCUTS = {
    "find_action": "Ctrl+F",
    "new_client_action": "Ctrl+N",
    "letter_action": "Ctrl+B",
    "call_action": "Ctrl+G",
    "new_decision_action": "Ctrl+Shift+B",
    "edit_decision_action": "Ctrl+E",
    "quit_action": "Ctrl+Q",
}


def build_menus(window: MainWindow) -> None:
    """Bestand, Dossier, Brieven, Verzenden, Beheer and Help, over the window's own actions."""
    staff = QAction("Medewerkers…", window)
    staff.triggered.connect(lambda: _staff(window))
    norms = QAction("Normtabellen…", window)
    norms.triggered.connect(lambda: _norms(window))
    towns = QAction("Gemeenten…", window)
    towns.triggered.connect(lambda: _municipalities(window))
    about = QAction("Over Poortpost", window)
    about.triggered.connect(lambda: QMessageBox.about(window, "Over Poortpost", ABOUT))
    for name, keys in SHORTCUTS.items():
        getattr(window, name).setShortcut(QKeySequence(keys))
    bar = window.menuBar()
    menus = (
        ("&Bestand", [window.recent_menu.menuAction(), None, window.quit_action]),
        (
            "&Dossier",
            [
                window.find_action,
                window.new_client_action,
                window.edit_client_action,
                window.new_case_action,
                window.case_action,
                None,
                window.new_decision_action,
                window.edit_decision_action,
                window.correct_call_action,
                window.advance_action,
            ],
        ),
        ("B&rieven", [window.letter_action, window.call_action]),
        ("&Verzenden", [window.batch_action]),
        ("B&eheer", [staff, norms, towns, window.demo_action]),
        ("&Help", [about]),
    )
    for title, actions in menus:
        menu = bar.addMenu(title)
        menu.setToolTipsVisible(True)  # a disabled item says why, as in the toolbar
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)


def _staff(window: MainWindow) -> None:
    from ui.employees_window import EmployeesWindow  # loads when beheer first opens it

    EmployeesWindow(window.context, window).exec()


def _norms(window: MainWindow) -> None:
    from ui.norms_window import NormsWindow  # loads when beheer first opens it

    NormsWindow(window.context, window).exec()


def _municipalities(window: MainWindow) -> None:
    from ui.municipalities_window import MunicipalitiesWindow  # loads when beheer opens it

    MunicipalitiesWindow(window.context, window).exec()


def unavailable(dossier: Dossier | None) -> dict[str, str | None]:
    """Why each action on the shown dossier cannot be used now (Dutch), by the window's
    attribute; None when it can."""
    case = dossier.case if dossier else None
    no_client = None if dossier else "Kies eerst een klant"
    no_case = no_client or (None if case else "Deze klant heeft nog geen dossier")
    no_open_case = no_case or (None if case and case.open else "Dit dossier is afgesloten")
    nothing_to_explain = no_open_case or (
        None
        if dossier and any(d.awaits_call for d in dossier.decisions)
        else "Geen besluit wacht op uitleg vooraf"
    )
    return {
        "edit_client_action": no_client,
        "new_case_action": no_client
        or ("Deze klant heeft al een open dossier" if case and case.open else None),
        "case_action": no_case,
        "letter_action": no_case,
        "call_action": nothing_to_explain,
        "advance_action": no_open_case,
    }


def offer(action: QAction, reason: str | None) -> None:
    """Enable the action, or disable it with the reason as its tooltip and status tip; an
    enabled action's tooltip is its own text again."""
    action.setEnabled(reason is None)
    action.setToolTip(reason or "")
    action.setStatusTip(reason or "")


ABOUT = (
    "Poortpost maakt de brieven van het Poortmodel: de huiswerkmap, het afspraakformulier, "
    "de voorschotovereenkomst en de besluiten met hun bezwaarclausule."
)


class DownIntoResults(QObject):
    """The arrow key down in the search field moves into the results, on the first row."""

    def __init__(self, search_box: QLineEdit, results: QTableView) -> None:
        super().__init__(search_box)
        self.results = results
        search_box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.results.model().rowCount() > 0
        ):
            self.results.setFocus()
            if not self.results.selectionModel().hasSelection():
                self.results.selectRow(0)
            return True
        return super().eventFilter(watched, event)
