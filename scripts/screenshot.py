"""Remake docs/hoofdvenster.png: the main window on demo data, grabbed offscreen.

Run with `uv run scripts/screenshot.py` whenever the window changes.
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

from PySide6.QtWidgets import QApplication  # noqa: E402

from correspondence.workflows.demo import load_demo  # noqa: E402
from correspondence.workflows.unit_of_work import open_database, write  # noqa: E402
from ui.app import speak_dutch  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

OUTPUT = ROOT / "docs" / "hoofdvenster.png"


def wait_until(app: QApplication, condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("het venster werd niet op tijd bijgewerkt")
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication), "the window needs a widget application, not a core one"
    speak_dutch(app)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{folder}/demo.sqlite3")
        write(database, "edewit", lambda session, actor: load_demo(session, actor, date.today()))
        window = MainWindow(AppContext(database, "pjansen"))
        window.resize(1360, 700)  # a 1366×768 laptop screen, less the panel
        window.show()
        window.search_box.setText("a")
        window.search()
        wait_until(app, lambda: window.results.rowCount() > 1)
        names = [row.name for row in window.results.rows]
        window.table.selectRow(next(i for i, n in enumerate(names) if n.startswith("Yılmaz")))
        wait_until(app, lambda: window.dossier_view.dossier is not None)
        app.processEvents()  # let the layouts take the new texts before the grab
        OUTPUT.parent.mkdir(exist_ok=True)
        window.grab().save(str(OUTPUT))
        window.close()
        database.close()
    print(f"geschreven: {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
