"""Remake the screenshots in docs/ from the app itself, on demo data, grabbed offscreen:

- hoofdvenster.png: the main window with a client's dossier;
- dossier-stappen.png: a dossier's steps with the buttons beside them, a step chosen;
- besluitformulier.png: the decision form on a rejection for assets with two paragraphs.

Run with `uv run scripts/screenshot.py` whenever the windows change.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the window remembers its size in Qt's settings when closed: not in the user's own settings
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="poortpost-screenshot-")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from correspondence.rules.route_steps import StepKey  # noqa: E402
from correspondence.rules.vocabulary import DecisionKind, RejectionGround  # noqa: E402
from correspondence.workflows.demo import load_demo  # noqa: E402
from correspondence.workflows.unit_of_work import open_database, write  # noqa: E402
from ui import forms  # noqa: E402
from ui.app import speak_dutch  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

DOCS = ROOT / "docs"
LAPTOP = QSize(1360, 700)  # a 1366×768 laptop screen, less the panel
REASONS = [
    "U heeft op 6 november 2026 bijstand aangevraagd. Uit uw bankafschriften blijkt dat u "
    "een spaartegoed heeft van € 14.200.",
    # the limit itself is not typed here: the letter prints it from the verified norm table
    "Dat is meer dan het vermogen dat u als alleenstaande mag hebben. Zolang u van dat geld "
    "kunt leven, heeft u geen recht op bijstand.",
]


def wait_until(app: QApplication, condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("het venster werd niet op tijd bijgewerkt")
        app.processEvents()
        time.sleep(0.01)


def save(app: QApplication, widget: QWidget, name: str) -> None:
    # let the layouts take the new texts and sizes before the grab (a text field set while
    # its row was being laid out shows a scroll bar until then)
    settle = time.monotonic() + 0.3
    while time.monotonic() < settle:
        app.processEvents()
        time.sleep(0.01)
    widget.grab().save(str(DOCS / name))
    print(f"geschreven: docs/{name}")


def laptop_room(widget: QWidget) -> QSize:
    """The forms fit themselves to the laptop's screen, whatever screen this runs on."""
    return LAPTOP - QSize(0, forms.TITLE_BAR)


def open_client(app: QApplication, window: MainWindow, name: str) -> None:
    """Choose the client whose listed name starts with `name` in the search results."""
    rows = window.results.rows
    row = next(i for i, r in enumerate(rows) if r.name.startswith(name))
    window.table.selectRow(row)

    def shown() -> bool:
        dossier = window.dossier_view.dossier
        return dossier is not None and dossier.client_id == rows[row].id

    wait_until(app, shown)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication), "the window needs a widget application, not a core one"
    speak_dutch(app)
    forms.screen_room = laptop_room
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{folder}/demo.sqlite3")
        write(database, "edewit", lambda session, actor: load_demo(session, actor, date.today()))
        window = MainWindow(AppContext(database, "pjansen"))
        window.resize(LAPTOP)
        window.show()
        window.search_box.setText("a")
        window.search_timer.stop()  # searched at once, not again while a dossier opens
        window.search()
        wait_until(app, lambda: window.results.rowCount() > 1)

        open_client(app, window, "Yılmaz")
        save(app, window, "hoofdvenster.png")

        # the results pane dragged narrower, so the steps' notes show whole beside the buttons
        window.splitter.setSizes([380, LAPTOP.width() - 380])
        open_client(app, window, "Wiśniewski")
        window.dossier_view.step_panel.select(StepKey.INTERVIEW)
        save(app, window.dossier_view, "dossier-stappen.png")

        form = window.new_decision()
        assert form is not None
        form.kind.setCurrentIndex(form.kind.findData(DecisionKind.REJECTION))
        form.reasons.add_button.click()  # a second paragraph: the form grows to hold it
        wait_until(app, lambda: form.reasons.height() >= form.reasons.sizeHint().height())
        for editor, text in zip(form.reasons.editors, REASONS, strict=True):
            editor.setPlainText(text)
        form.ground.setCurrentIndex(form.ground.findData(RejectionGround.ASSETS))
        save(app, form, "besluitformulier.png")
        form.done(0)

        window.close()
        database.close()


if __name__ == "__main__":
    main()
