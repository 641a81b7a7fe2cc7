"""Starting the desktop app: open (and upgrade) the database off the UI thread, then show the
main window; a first run on an empty database offers the demo data."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from correspondence import logbook
from correspondence.workflows import unit_of_work
from correspondence.workflows.unit_of_work import Database
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.operations import run_in_background
from ui.workers import thread_pool


def speak_dutch(app: QApplication) -> None:
    """Qt's own buttons and dialogs (Opslaan, Annuleren, Ja, Nee) and its dates in Dutch,
    whatever the language of the machine."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    if translator.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)


def open_window(context: AppContext) -> MainWindow:
    window = MainWindow(context)
    window.show()
    window.begin()
    return window


def run(url: str | None, username: str) -> int:
    logbook.start()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Poortpost")
    speak_dutch(app)
    windows: list[MainWindow] = []
    runner = thread_pool()

    def opened(database: Database) -> None:
        windows.append(open_window(AppContext(database, username, runner=runner)))

    def failed(message: str) -> None:
        QMessageBox.critical(
            None, "Poortpost", f"De database kan niet worden geopend.\n\n{message}"
        )
        app.exit(2)

    run_in_background(runner, lambda _progress: unit_of_work.open_database(url), opened, failed)
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()
