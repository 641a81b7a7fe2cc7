"""Running the windows' background work at once, in the test's own thread: when a click
returns, what it asked of the database has been read or written and shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRunnable, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget

from correspondence.workflows.employees import EmployeeInput, add_employee
from correspondence.workflows.unit_of_work import write
from ui.context import AppContext
from ui.main_window import MainWindow


class SynchronousRunner:
    """Stands in for the thread pool: `start` runs the work before it returns."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


def synchronous_context(database, username: str = "tester") -> AppContext:
    return AppContext(database, username, runner=SynchronousRunner())


def cells(grid: QTableWidget) -> list[list[str]]:
    """The text of every cell of a table, row by row."""
    items = [[grid.item(r, c) for c in range(grid.columnCount())] for r in range(grid.rowCount())]
    return [[item.text() if item else "" for item in row] for row in items]


def add_colleague(database, username: str, name: str, role: str) -> None:
    """`beheerder` is the first beheer of the database; they add the colleague."""
    write(
        database,
        "beheerder",
        lambda session, actor: add_employee(session, actor, EmployeeInput(username, name, role)).id,
    )


def open_window(qtbot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def search_for(qtbot, window: MainWindow, text: str) -> None:
    """Type in the search box and press Enter, as someone who does not wait for the list."""
    window.search_box.setText(text)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)


def answer_next_question(answer: str, tries: int = 200) -> list[str]:
    """Click the button labelled `answer` on the next modal message box; returns the texts it
    asked, once it has been answered."""
    asked: list[str] = []

    def click(left: int = tries) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if left:
                QTimer.singleShot(10, lambda: click(left - 1))
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == answer).click()

    QTimer.singleShot(0, click)
    return asked


def answer(monkeypatch, yes: bool = True) -> list[str]:
    """Answer every question a window asks with Ja (or Nee); returns the questions asked."""
    from ui import asking

    asked: list[str] = []

    def confirm(_parent, _title: str, question: str) -> bool:
        asked.append(question)
        return yes

    monkeypatch.setattr(asking, "confirm", confirm)
    return asked


def verify_declined_then_confirmed(monkeypatch, window, shown: Callable[[], object]) -> list[str]:
    """Verifiëren… in a beheer window, answered Nee (what `shown` reads stays as it was) and
    then Ja; the one question it asked."""
    before = shown()
    declined = answer(monkeypatch, yes=False)
    window.verify_button.click()
    assert len(declined) == 1 and shown() == before
    asked = answer(monkeypatch, yes=True)
    window.verify_button.click()
    assert asked == declined
    return asked


def verify_refused(monkeypatch, window) -> list[str]:
    """Verifiëren… answered Ja by someone the workflow refuses; the messages of the error boxes
    shown from then on, instead of the boxes."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[-1]))
    answer(monkeypatch, yes=True)
    window.verify_button.click()
    return shown
