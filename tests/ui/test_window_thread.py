"""The windows on the thread pool, as in the app: every read and write they ask for runs off
the window's thread, so a slow database never freezes a window."""

import threading
import traceback

from PySide6.QtCore import Qt

from ui import app as app_module
from ui.batch_window import BatchWindow
from ui.case_dialog import CaseDialog
from ui.client_dialog import ClientDialog
from ui.context import AppContext
from ui.workers import Job


class WatchedDatabase:
    """A database that notes where each session is opened on the window's thread."""

    def __init__(self, database):
        self.database = database
        self.url = database.url
        self.on_window_thread: list[str] = []

    def session(self):
        if threading.current_thread() is threading.main_thread():
            self.on_window_thread.append("".join(traceback.format_stack(limit=6)))
        return self.database.session()


def test_no_window_reads_the_database_on_its_own_thread(qtbot, demo_database, monkeypatch):
    opened = []
    for dialog in (ClientDialog, CaseDialog):
        monkeypatch.setattr(dialog, "exec", lambda self: opened.append(type(self).__name__))
    monkeypatch.setattr(BatchWindow, "_print", lambda self, *args: opened.append("print"))
    database = WatchedDatabase(demo_database)
    window = app_module.open_window(AppContext(database, "pjansen"))
    qtbot.addWidget(window)

    def settled():
        qtbot.waitUntil(lambda: not Job._running, timeout=10000)

    batch = window.open_batch()
    settled()
    assert batch.queue is not None
    assert batch.municipality.count() > 1
    batch.start()
    window.search_box.setText("Wiśniewski")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    settled()
    assert window.dossier_view.dossier is not None
    for ask in (window.new_client, window.edit_client, window.edit_case, window.make_letter):
        ask()
        settled()
    assert window.letter_dialog is not None
    qtbot.addWidget(window.letter_dialog)
    assert window.letter_dialog.letter is not None
    assert opened == ["print", "ClientDialog", "ClientDialog", "CaseDialog"]
    assert database.on_window_thread == []
