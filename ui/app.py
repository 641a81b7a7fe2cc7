"""Starting the desktop app: open (and upgrade) the database off the UI thread, then show the
main window; a first run on an empty database offers the demo data."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from correspondence import logbook
from correspondence.queries import views
from store.database import Database
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.workers import run_job


def speak_dutch(app: QApplication) -> None:
    """Qt's own buttons and dialogs (Opslaan, Annuleren, Ja, Nee) and its dates in Dutch,
    whatever the language of the machine."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    if translator.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)


def open_window(database: Database, username: str) -> MainWindow:
    window = MainWindow(AppContext(database, username))
    window.show()
    if window.context.read(views.is_empty):
        window.offer_demo()
    return window


def run(url: str | None, username: str) -> int:
    logbook.start()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Poortpost")
    speak_dutch(app)
    windows: list[MainWindow] = []

    def opened(database: Database) -> None:
        windows.append(open_window(database, username))

    def failed(message: str) -> None:
        QMessageBox.critical(
            None, "Poortpost", f"De database kan niet worden geopend.\n\n{message}"
        )
        app.exit(2)

    run_job(lambda _progress: Database.open(url), opened, failed)
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()
