"""How the main window is worked by menu and keyboard: the menu bar with the common shortcuts,
and the arrow key from the search field into the results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTableView

from ui.employees_window import EmployeesWindow

if TYPE_CHECKING:
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
    staff.triggered.connect(lambda: EmployeesWindow(window.context, window).exec())
    about = QAction("Over Poortpost", window)
    about.triggered.connect(lambda: QMessageBox.about(window, "Over Poortpost", ABOUT))
    for name, keys in SHORTCUTS.items():
        getattr(window, name).setShortcut(QKeySequence(keys))
    bar = window.menuBar()
    menus = (
        ("&Bestand", [window.quit_action]),
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
        ("B&eheer", [staff, window.demo_action]),
        ("&Help", [about]),
    )
    for title, actions in menus:
        menu = bar.addMenu(title)
        menu.setToolTipsVisible(True)  # a disabled action says why
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)


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
