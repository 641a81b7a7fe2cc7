"""How a form behaves: the focus on its first field, and Enter in an empty form saves nothing."""

from PySide6.QtCore import Qt

from ui.employees_window import EmployeeDialog


def test_a_form_opens_on_its_first_field(qtbot, sqlite_database, app_context):
    dialog = EmployeeDialog(app_context(sqlite_database, "beheerder"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.username


def test_enter_in_an_empty_form_saves_nothing_but_in_a_filled_one_it_saves(
    qtbot, sqlite_database, app_context
):
    dialog = EmployeeDialog(app_context(sqlite_database, "beheerder"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.saved_value is None
    assert all(label.isHidden() for label in dialog.form.errors.values())  # not even refused
    dialog.username.setText("pjansen")
    dialog.full_name.setText("Petra Jansen")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    assert dialog.saved_value is not None and not dialog.isVisible()
