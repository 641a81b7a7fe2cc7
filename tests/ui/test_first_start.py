"""The first start on a new database: the person at the keyboard says who they are, becomes
the first employee with beheer rights, is offered the demo data, and sees what to do next."""

from correspondence.queries.employees import employees
from correspondence.workflows.unit_of_work import read
from tests.support.ui import answer, open_window


def test_a_new_database_asks_who_you_are_then_offers_the_demo(
    qtbot, sqlite_database, app_context, monkeypatch
):
    asked = answer(monkeypatch, yes=False)
    window = open_window(qtbot, app_context(sqlite_database, "pjansen"))
    window.begin()
    dialog = window.first_start_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.username.text() == "pjansen" and dialog.username.isReadOnly()
    dialog.full_name.setText("Petra Jansen")
    dialog.initials.setText("P.J.")
    dialog.role.setCurrentIndex(dialog.role.findData("klantmanager"))
    dialog.save()
    assert not dialog.isVisible()
    [me] = read(sqlite_database, employees)
    assert (me.username, me.name, me.initials, me.role, me.admin) == (
        "pjansen", "Petra Jansen", "P.J.", "klantmanager", True,
    )  # fmt: skip
    assert window.statusBar().currentMessage() == "Aangemeld als Petra Jansen (klantmanager)"
    assert len(asked) == 1 and "demogegevens" in asked[0]
    assert window.dossier_view.start_here.isVisible()
    assert "Nieuwe klant" in window.dossier_view.start_here.text()
    assert window.dossier_view.tabs.isHidden()


def test_a_name_is_required_and_nothing_is_registered_without_it(
    qtbot, sqlite_database, app_context, monkeypatch
):
    answer(monkeypatch, yes=False)
    window = open_window(qtbot, app_context(sqlite_database, "pjansen"))
    window.begin()
    dialog = window.first_start_dialog
    assert dialog is not None
    dialog.initials.setText("P.J.")
    dialog.save()
    assert dialog.isVisible()
    assert "naam" in dialog.form.errors["full_name"].text()
    assert dialog.initials.text() == "P.J."
    assert read(sqlite_database, employees) == []


def test_a_database_with_employees_does_not_ask_again(
    qtbot, demo_database, app_context, monkeypatch
):
    asked = answer(monkeypatch, yes=False)
    window = open_window(qtbot, app_context(demo_database, "pjansen"))
    window.begin()
    assert window.first_start_dialog is None
    assert asked == []
