"""How a form behaves: the focus on its first field, Enter in an empty form saves nothing, and
closing a changed form asks before it throws the input away."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit
from sqlalchemy import select

from correspondence.queries import views
from correspondence.workflows.demo import demo_bsn
from store.models import Client
from tests.support.data import TODAY
from tests.support.ui import answer_next_question
from ui import forms
from ui.call_dialog import CallDialog
from ui.case_dialog import CaseDialog
from ui.client_dialog import ClientDialog
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


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.real_discard_question
def test_esc_on_a_changed_form_asks_and_nee_keeps_the_input(qtbot, sqlite_database, app_context):
    dialog = shown(qtbot, EmployeeDialog(app_context(sqlite_database, "beheerder")))
    dialog.username.setText("pjansen")
    asked = answer_next_question("Nee")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [
        "De wijzigingen in ‘Medewerker toevoegen’ zijn niet opgeslagen. Wijzigingen weggooien?"
    ]
    assert dialog.isVisible() and dialog.username.text() == "pjansen"
    dialog.username.clear()  # as it opened: pytest-qt closes it without a question


@pytest.mark.real_discard_question
@pytest.mark.parametrize("how", ["annuleren", "close button"])
def test_a_changed_form_closes_when_ja_throws_the_input_away(
    qtbot, sqlite_database, app_context, how
):
    dialog = shown(qtbot, EmployeeDialog(app_context(sqlite_database, "beheerder")))
    dialog.role.setCurrentIndex(dialog.role.count() - 1)
    asked = answer_next_question("Ja")
    if how == "annuleren":
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    else:
        dialog.close()
    assert len(asked) == 1 and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.saved_value is None


@pytest.mark.real_discard_question
def test_an_unchanged_or_saved_form_closes_without_asking(qtbot, sqlite_database, app_context):
    context = app_context(sqlite_database, "beheerder")
    untouched = shown(qtbot, EmployeeDialog(context))
    untouched.username.setText("typed")
    untouched.username.setText("")  # typed and taken back: as it opened
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert not untouched.isVisible()  # no question: it would have waited for an answer
    saved = shown(qtbot, EmployeeDialog(context))
    saved.username.setText("pjansen")
    saved.full_name.setText("Petra Jansen")
    saved.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert saved.saved_value is not None and not saved.isVisible()


def dialogs(database, context):
    """Each form built on FormDialog, opened on what it edits where it edits something."""
    with database.session() as session:
        client = session.scalar(select(Client).where(Client.bsn == demo_bsn(6)))
        dossier = views.dossier_of(session, client.id, TODAY)
        municipalities, managers = views.municipalities(session), views.case_managers(session)
    waiting = [(d.id, d.label) for d in dossier.decisions]
    return {
        "Klant bewerken": (
            ClientDialog(context, municipalities, (client.id, dossier.client_input)),
            "surname",
        ),
        "Dossier bewerken": (
            CaseDialog(context, client.id, managers, (dossier.case.id, dossier.case_input)),
            "interview_delay_reason",
        ),
        "Gesprek vastleggen": (CallDialog(context, client.id, waiting), "note"),
        "Medewerker toevoegen": (EmployeeDialog(context), "full_name"),
    }


def test_every_form_asks_only_once_a_field_differs(qtbot, demo_database, app_context, monkeypatch):
    asked = []
    monkeypatch.setattr(forms, "confirm_discard", lambda parent, what: asked.append(what))
    for title, (dialog, field) in dialogs(demo_database, app_context(demo_database)).items():
        shown(qtbot, dialog)
        dialog.reject()
        assert not dialog.isVisible() and asked == []  # opened as it was stored: no question
        dialog.show()
        widget = dialog.form.fields[field]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText("anders")
        else:
            widget.setText("anders")
        dialog.reject()  # the recorder answers no: the input stays
        assert asked == [title] and dialog.isVisible()
        asked.clear()
        monkeypatch.setattr(forms, "confirm_discard", lambda parent, what: True)
        dialog.reject()
        assert not dialog.isVisible()
        monkeypatch.setattr(forms, "confirm_discard", lambda parent, what: asked.append(what))
