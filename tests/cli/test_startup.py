"""A quick command loads only what it needs: a deadline never waits for the batch printer,
the letter renderer, Qt, the migrations or the ORM."""

import subprocess
import sys

from tests.support.paths import MAIN

HEAVY = ("correspondence.batch", "reportlab", "docxtpl", "alembic", "PySide6", "sqlalchemy.orm")


def imported_modules(*args: str) -> set[str]:
    """The modules `main.py ARGS` imports, as `-X importtime` lists them; it must succeed."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(MAIN), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {
        line.split("|")[2].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_a_deadline_loads_no_printer_renderer_qt_migrations_or_orm(tmp_path):
    deadline = (
        "--db",
        f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "deadline",
        "objection",
        "2026-12-01",
    )
    assert "alembic" in imported_modules(*deadline)  # a new database is migrated first
    modules = imported_modules(*deadline)
    assert "correspondence.rules.deadlines" in modules
    assert [m for m in modules if any(m == h or m.startswith(f"{h}.") for h in HEAVY)] == []
