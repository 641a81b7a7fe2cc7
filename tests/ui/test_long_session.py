"""A working day of clicks and background jobs, in a process of its own that must end cleanly:
the Qt binding may not lose a reference to None or True however often it is called."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SESSION = """
import sys
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from correspondence.workflows import unit_of_work
from ui.context import AppContext
from ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
window = MainWindow(AppContext(unit_of_work.open_database(sys.argv[1]), "tester"))
window.show()
for round in range(2500):
    window.search_box.setText(f"{round}")
    window.dossier_view.show_dossier(None)
for _ in range(300):
    window.search()
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
window.close()
QThreadPool.globalInstance().waitForDone()
print("ended", flush=True)
"""


def test_a_long_session_ends_without_a_crash(tmp_path):
    url = f"sqlite:///{tmp_path / 'poortpost.sqlite3'}"
    done = subprocess.run(
        [sys.executable, "-c", SESSION, url, str(ROOT)],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
        timeout=300,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "ended\n"), done.stderr[-2000:]
