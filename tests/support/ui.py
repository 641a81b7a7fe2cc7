"""Running the windows' background work at once, in the test's own thread: when a click
returns, what it asked of the database has been read or written and shown."""

from __future__ import annotations

from PySide6.QtCore import QRunnable, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.context import AppContext
from ui.main_window import MainWindow


class SynchronousRunner:
    """Stands in for the thread pool: `start` runs the work before it returns."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


def synchronous_context(database, username: str = "tester") -> AppContext:
    return AppContext(database, username, runner=SynchronousRunner())


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
