"""Beheer's Medewerkers window: the list, adding an employee, and the refusals in Dutch."""

from PySide6.QtWidgets import QMessageBox

from correspondence.workflows.employees import EmployeeInput, add_employee
from correspondence.workflows.unit_of_work import write
from ui.employees_window import EmployeeDialog, EmployeesWindow


def rows(window: EmployeesWindow) -> list[list[str]]:
    grid = window.table
    cells = [[grid.item(r, c) for c in range(grid.columnCount())] for r in range(grid.rowCount())]
    return [[cell.text() if cell else "" for cell in row] for row in cells]


def fill_in(dialog: EmployeeDialog, username: str, name: str, role: str) -> None:
    dialog.username.setText(username)
    dialog.full_name.setText(name)
    dialog.role.setCurrentIndex(dialog.role.findData(role))


def test_beheer_adds_an_employee_and_the_list_shows_it(qtbot, sqlite_database, app_context):
    context = app_context(sqlite_database, "beheerder")
    write(sqlite_database, "beheerder", lambda session, actor: actor.id)  # the first beheer
    window = EmployeesWindow(context)
    qtbot.addWidget(window)
    assert rows(window) == [["beheerder", "beheerder", "", "beheer", "ja", "ja"]]
    dialog = EmployeeDialog(context, window)
    qtbot.addWidget(dialog)
    fill_in(dialog, "pjansen", "Petra Jansen", "klantmanager")
    dialog.save()
    assert dialog.result() == EmployeeDialog.DialogCode.Accepted
    window.refresh()
    assert rows(window)[1] == ["pjansen", "Petra Jansen", "", "klantmanager", "nee", "ja"]


def test_a_bad_login_name_is_shown_under_its_field_and_kept(qtbot, sqlite_database, app_context):
    dialog = EmployeeDialog(app_context(sqlite_database, "beheerder"))
    qtbot.addWidget(dialog)
    fill_in(dialog, "Petra Jansen", "Petra Jansen", "klantmanager")
    dialog.save()
    assert "zonder spaties" in dialog.form.errors["username"].text()
    assert dialog.username.text() == "Petra Jansen"
    assert dialog.result() != EmployeeDialog.DialogCode.Accepted


def test_only_beheer_may_add_and_is_told_so_in_dutch(
    qtbot, sqlite_database, app_context, monkeypatch
):
    write(
        sqlite_database,
        "beheerder",
        lambda session, actor: (
            add_employee(
                session, actor, EmployeeInput("pjansen", "Petra Jansen", "klantmanager")
            ).id
        ),
    )
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[-1]))
    dialog = EmployeeDialog(app_context(sqlite_database, "pjansen"))
    qtbot.addWidget(dialog)
    fill_in(dialog, "kees", "Kees de Boer", "beheer")
    dialog.save()
    assert shown == ["Niet opgeslagen: alleen beheer mag medewerkers toevoegen"]
