"""How long until the window can be used? From the start of a process to a shown main window
whose search has answered, offscreen, on a SQLite database with the demo data.

    uv run benchmarks/startup.py [--runs 5]

Each run is a new process; the last line is the median: startup_s=…
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# what `uv run main.py` does up to a usable window, then one search, then the time it took
CHILD = """
import sys, time
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from ui.app import open_window, speak_dutch
from ui.context import AppContext
from correspondence.workflows import unit_of_work

app = QApplication(sys.argv[:1])
speak_dutch(app)
context = AppContext(unit_of_work.open_database(sys.argv[1]), "beheerder")
window = open_window(context)
window.search_box.setText("2042")
window.search()
while window.results.rowCount() == 0:
    app.processEvents()
print(f"ready {time.time()!r}", flush=True)
QThreadPool.globalInstance().waitForDone()  # as the app does before it exits
"""


def one_run(url: str) -> float:
    """Seconds from starting the process to the moment its window has answered a search;
    shutting the process down afterwards is not part of it."""
    started = time.time()
    process = subprocess.run(
        [sys.executable, "-c", CHILD, url, str(ROOT)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=True,
    )
    ready = [line for line in process.stdout.splitlines() if line.startswith("ready ")]
    if not ready:
        raise RuntimeError(process.stderr)
    return float(ready[0].split()[1]) - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="poortpost-startup-"))
    url = f"sqlite:///{folder / 'poortpost.sqlite3'}"
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", url, "--as", "beheerder", "demo"],
        check=True,
        capture_output=True,
    )
    one_run(url)  # bytecode written, files in the page cache
    times = [one_run(url) for _ in range(args.runs)]
    print(" ".join(f"{t:.2f}" for t in times))
    print(f"startup_s={statistics.median(times):.2f}")


if __name__ == "__main__":
    main()
