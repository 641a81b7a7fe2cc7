"""What the windows may reach: correspondence, never the store or the database library; and a
screen never borrows from another screen."""

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "ui"
FORBIDDEN = ("sqlalchemy", "store")
# the windows and dialogs; the main window and the app put them together
SCREENS = {
    "batch_window",
    "call_dialog",
    "case_dialog",
    "client_dialog",
    "dossier_view",
    "letter_dialog",
    "norms_window",
    "stored_letter_dialog",
}


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


MODULES = sorted(UI.glob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_no_window_reaches_the_store_or_the_database_library(path):
    reached = {name for name in imported(path) if name.split(".")[0] in FORBIDDEN}
    assert reached == set()


@pytest.mark.parametrize("path", [p for p in MODULES if p.stem in SCREENS], ids=lambda p: p.stem)
def test_no_screen_imports_another_screen(path):
    others = {f"ui.{screen}" for screen in SCREENS - {path.stem}}
    assert imported(path) & others == set()


def test_the_check_sees_every_way_of_importing(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import sqlalchemy.orm\nfrom store import models\nfrom store.database import Database\n"
        "if True:\n    from ui.dossier_view import HELD_BACK\n"
    )
    assert {"sqlalchemy.orm", "store", "store.database", "ui.dossier_view"} <= imported(sample)
