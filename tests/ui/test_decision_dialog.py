"""Decisions written, edited and moved from the dossier, and a logged call corrected, driven
as a case manager would on the demo database."""

from datetime import date

from PySide6.QtCore import QDate, QDateTime
from sqlalchemy import select

from correspondence.workflows.demo import demo_bsn
from store.models import Client, ContactLogEntry, Decision
from store.vocabulary import DecisionKind, DecisionStatus, RejectionGround
from tests.support.ui import answer, open_window, search_for

DRAFT, READY, WITHDRAWN = DecisionStatus.DRAFT, DecisionStatus.READY, DecisionStatus.WITHDRAWN


def open_client(qtbot, context, name):
    window = open_window(qtbot, context)
    search_for(qtbot, window, name)
    assert window.dossier_view.dossier is not None
    return window


def decisions_of(database, bsn):
    with database.session() as session:
        client = session.scalar(select(Client).where(Client.bsn == bsn))
        return [(d.kind, d.status, d.reasons) for d in client.cases[0].decisions]


def cells(view, row):
    return [view.decisions.item(row, c).text() for c in range(2)]


def enabled_and_tip(button):
    return button.isEnabled(), button.toolTip()


def save(qtbot, dialog, button):
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        button.click()


def test_a_rejection_is_written_edited_set_ready_back_to_draft_and_withdrawn(
    qtbot, demo_database, app_context, monkeypatch
):
    idrissi = demo_bsn(8)  # application received, no decision yet
    window = open_client(qtbot, app_context(demo_database, "pjansen"), "Idrissi")
    view = window.dossier_view

    dialog = window.new_decision()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(DecisionKind.REJECTION))
    assert not dialog.form.fields["missing"].isVisibleTo(dialog)
    dialog.reasons.editors[0].setPlainText("Uw inkomen is hoger dan de bijstandsnorm.")
    dialog.reasons.add_button.click()
    dialog.reasons.editors[1].setPlainText("Dat blijkt uit uw loonstroken van oktober.")
    # the kind of reason decides the articles the letter cites; none chosen is refused
    assert dialog.form.fields["ground"].isVisibleTo(dialog)
    assert not dialog.form.fields["weighing"].isVisibleTo(dialog)
    dialog.save_draft.click()
    assert "kies de soort reden" in dialog.form.errors["ground"].text()
    dialog.ground.setCurrentIndex(dialog.ground.findData(RejectionGround.INCOME))
    save(qtbot, dialog, dialog.save_draft)
    assert cells(view, 0) == ["Besluit: afwijzing", "concept"]
    reasons = [
        "Uw inkomen is hoger dan de bijstandsnorm.",
        "Dat blijkt uit uw loonstroken van oktober.",
    ]
    assert decisions_of(demo_database, idrissi) == [(DecisionKind.REJECTION, DRAFT, reasons)]

    view.decisions.selectRow(0)
    window.edit_decision()
    dialog = window.decision_dialog
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Besluit bewerken"
    assert not dialog.kind.isEnabled()
    assert dialog.reasons.texts() == reasons
    dialog.reasons.editors[1].setPlainText("Dat blijkt uit uw loonstroken van september.")
    save(qtbot, dialog, dialog.save_draft)
    assert decisions_of(demo_database, idrissi)[0][2][1].endswith("september.")

    # the decision stays chosen when the dossier reloads after a change
    assert view.selected_decision() is not None
    view.status_buttons[READY].click()
    assert cells(view, 0)[1] == "gereed"
    assert enabled_and_tip(view.status_buttons[READY]) == (False, "Dit besluit is al gereed.")

    asked = answer(monkeypatch, yes=False)
    view.status_buttons[DRAFT].click()
    assert asked == [
        "Besluit ‘afwijzing’ terug naar concept? Het gaat niet mee in de verzendbatch tot het "
        "weer gereed is gezet."
    ]
    assert cells(view, 0)[1] == "gereed"  # Nee changes nothing
    answer(monkeypatch, yes=True)
    view.status_buttons[DRAFT].click()
    assert cells(view, 0)[1] == "concept"

    asked = answer(monkeypatch, yes=True)
    view.status_buttons[WITHDRAWN].click()
    assert asked == [
        "Besluit ‘afwijzing’ intrekken? Het wordt niet verzonden; intrekken kan niet ongedaan "
        "worden gemaakt."
    ]
    assert cells(view, 0)[1] == "ingetrokken"
    assert decisions_of(demo_database, idrissi)[0][1] is WITHDRAWN
    buttons = view.decision_actions.buttons
    edit = buttons[view.decision_actions.edit_decision]
    assert enabled_and_tip(edit) == (
        False,
        "Dit besluit is ingetrokken; het kan niet meer worden bewerkt.",
    )
    assert enabled_and_tip(view.status_buttons[WITHDRAWN]) == (
        False,
        "Dit besluit is al ingetrokken.",
    )


def test_disabled_actions_say_why_in_the_buttons_and_the_context_menu(
    qtbot, demo_database, app_context
):
    window = open_client(qtbot, app_context(demo_database, "pjansen"), "Dijk")  # sent grant
    view = window.dossier_view
    actions = view.decision_actions
    for button in view.status_buttons.values():
        assert enabled_and_tip(button) == (False, "Kies eerst een besluit in de lijst.")
    assert actions.new_decision.isEnabled()
    view.decisions.selectRow(0)
    assert enabled_and_tip(view.status_buttons[READY]) == (
        False,
        "Dit besluit is verzonden; het kan niet meer gereed worden gezet.",
    )
    assert enabled_and_tip(view.status_buttons[DRAFT]) == (
        False,
        "Dit besluit is verzonden; het kan niet terug naar concept.",
    )
    menu = actions.decision_menu()
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [
        ("Nieuw besluit…", True),
        ("Besluit bewerken…", False),
        ("Gereed zetten", False),
        ("Terug naar concept", False),
        ("Intrekken", False),
    ]
    assert menu.toolTipsVisible()
    shortcuts = {
        window.new_decision_action.shortcut().toString(),
        window.edit_decision_action.shortcut().toString(),
    }
    assert shortcuts == {"Ctrl+Shift+B", "Ctrl+E"}


def test_a_refused_form_keeps_what_was_typed(qtbot, demo_database, app_context):
    window = open_client(qtbot, app_context(demo_database, "pjansen"), "Idrissi")
    dialog = window.new_decision()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(DecisionKind.NOT_PROCESSED))
    assert dialog.form.fields["requested_on"].isVisibleTo(dialog)
    dialog.missing.setPlainText("uw huurcontract\nbankafschriften van oktober")
    dialog.reasons.editors[0].setPlainText("U heeft de stukken niet ingeleverd 漢字.")
    dialog.save_ready.click()
    assert dialog.result() == 0
    requested = dialog.form.errors["requested_on"]
    assert requested.text() == "noem de datum waarop om de informatie is gevraagd"
    assert not requested.isHidden()
    paragraph = dialog.reasons.errors[0]
    assert paragraph.text().startswith("bevat tekens die niet in een brief kunnen")
    assert not paragraph.isHidden()
    assert dialog.missing.toPlainText() == "uw huurcontract\nbankafschriften van oktober"
    assert dialog.reasons.texts() == ["U heeft de stukken niet ingeleverd 漢字."]
    assert decisions_of(demo_database, demo_bsn(8)) == []

    dialog.reasons.editors[0].setPlainText("U heeft de stukken niet ingeleverd.")
    dialog.requested_on.set_value(date(2026, 11, 16))
    save(qtbot, dialog, dialog.save_ready)
    with demo_database.session() as session:
        decision = session.scalars(select(Decision)).all()[-1]
        assert (decision.kind, decision.status) == (DecisionKind.NOT_PROCESSED, READY)
        assert decision.missing == ["uw huurcontract", "bankafschriften van oktober"]
        assert decision.requested_on == date(2026, 11, 16)


def test_a_call_is_corrected_by_a_new_entry_that_points_at_the_old_one(
    qtbot, demo_database, app_context
):
    window = open_client(qtbot, app_context(demo_database, "pjansen"), "Öztürk")
    view = window.dossier_view
    correct = view.decision_actions.buttons[view.decision_actions.correct_call]
    assert enabled_and_tip(correct) == (False, "Kies eerst een gesprek in de contactlog.")
    view.contacts.selectRow(0)
    assert correct.isEnabled()
    old_id = view.dossier.contacts[0].id
    old_note = view.dossier.contacts[0].note
    correct.click()
    dialog = window.call_dialog
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Gesprek corrigeren"
    assert dialog.note.toPlainText() == old_note
    assert dialog.reached.isChecked()
    assert not dialog.decision.isEnabled()
    dialog.at.setDateTime(QDateTime(QDate(2026, 11, 20), dialog.at.time()))
    dialog.note.setPlainText("Uitgelegd; de klant levert het huurcontract alsnog niet.")
    save(qtbot, dialog, dialog.buttons.button(dialog.buttons.StandardButton.Save))

    assert view.contacts.rowCount() == 2
    corrects = sorted(view.contacts.item(r, 5).text() for r in range(2))
    assert corrects == ["", f"gesprek {old_id}"]
    with demo_database.session() as session:
        old = session.get(ContactLogEntry, old_id)
        new = session.scalars(
            select(ContactLogEntry).where(ContactLogEntry.corrects_id == old_id)
        ).one()
        assert old.note == old_note  # the log only grows
        assert new.note.endswith("alsnog niet.")
        assert [d.id for d in new.decisions] == [d.id for d in old.decisions]


def test_a_recovery_needs_the_weighing_of_the_clients_interests(qtbot, demo_database, app_context):
    idrissi = demo_bsn(8)
    window = open_client(qtbot, app_context(demo_database, "pjansen"), "Idrissi")
    dialog = window.new_decision()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(DecisionKind.ADVANCE_RECOVERY))
    assert dialog.form.fields["weighing"].isVisibleTo(dialog)
    assert not dialog.form.fields["ground"].isVisibleTo(dialog)
    dialog.reasons.editors[0].setPlainText("Uw aanvraag is afgewezen.")
    dialog.save_draft.click()  # Awb 3:4: refused while the weighing is empty
    assert "afgewogen (artikel 3:4 Awb)" in dialog.form.errors["weighing"].text()
    assert decisions_of(demo_database, idrissi) == []
    weighing = "U kunt € 50 per maand missen.\nTerugbetalen is daarom redelijk."
    dialog.weighing.setPlainText(weighing)
    save(qtbot, dialog, dialog.save_draft)
    with demo_database.session() as session:
        client = session.scalar(select(Client).where(Client.bsn == idrissi))
        (decision,) = client.cases[0].decisions
        assert decision.weighing == weighing
        assert decision.ground is None
    window.dossier_view.decisions.selectRow(0)
    window.edit_decision()
    edited = window.decision_dialog
    qtbot.addWidget(edited)
    assert edited.weighing.toPlainText() == weighing
