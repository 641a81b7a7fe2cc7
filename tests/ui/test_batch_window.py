"""Administration's batch window and the case manager's call form, driven as people would."""

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.decisions import draft_decision
from correspondence.workflows.demo import demo_bsn
from store.models import Client, Decision
from store.vocabulary import DecisionKind, DecisionStatus
from tests.support.ui import answer, open_window, search_for
from ui.main_window import MainWindow

IDRISSI = demo_bsn(8)  # application received, no decision yet


def add_rejection(database) -> int:
    with database.session() as session, session.begin():
        client = session.scalar(select(Client).where(Client.bsn == IDRISSI))
        return draft_decision(
            session,
            acting_employee(session, "pjansen"),
            client.cases[0].id,
            DecisionKind.REJECTION,
            ["Uw inkomen is te hoog."],
            date.today(),
            DecisionStatus.READY,
        ).id


def find(qtbot, window, text):
    search_for(qtbot, window, text)
    assert window.dossier_view.dossier is not None


def rows(widget):
    return [
        [widget.item(r, c).text() for c in range(widget.columnCount())]
        for r in range(widget.rowCount())
    ]


def test_held_back_until_the_call_is_logged_then_printed(
    qtbot, demo_database, app_context, monkeypatch
):
    decision_id = add_rejection(demo_database)
    window = open_window(qtbot, app_context(demo_database, "pjansen"))

    batch = window.open_batch()
    assert batch.queue is not None
    held = rows(batch.held_back)
    assert [r[1] for r in held] == [IDRISSI]
    assert held[0][3] == "er is nog geen uitleg vooraf aan de klant vastgelegd"
    assert [r[0] for r in rows(batch.ready)] == ["A. Ørsted"]

    # the case manager logs the call from the dossier
    find(qtbot, window, "Idrissi")
    decisions = rows(window.dossier_view.decisions)
    assert decisions[0][1] == "gereed"
    assert decisions[0][5] == "er is nog geen uitleg vooraf aan de klant vastgelegd"
    call = window.log_call()
    qtbot.addWidget(call)
    call.reached.setChecked(True)
    call.note.setPlainText("Afwijzing uitgelegd; klant begrijpt het besluit.")
    with qtbot.waitSignal(call.accepted, timeout=5000):
        call.buttons.button(call.buttons.StandardButton.Save).click()
    assert window.dossier_view.contacts.rowCount() == 1
    assert rows(window.dossier_view.contacts)[0][3] == "ja"

    batch.queue = None
    batch.refresh()
    assert batch.queue is not None
    assert batch.held_back.rowCount() == 0
    assert sorted(r[1] for r in rows(batch.ready)) == sorted([IDRISSI, demo_bsn(6)])

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    batch.start()
    assert batch.print_job is not None
    assert batch.outcome is not None
    assert len(batch.outcome.printed) == 2
    assert all(p.first_page % 2 == 1 for p in batch.outcome.printed)
    assert batch.output.is_file()
    assert batch.save_button.isEnabled()
    with demo_database.session() as session:
        assert session.get(Decision, decision_id).status is DecisionStatus.SENT


def test_a_call_in_the_future_is_refused_with_a_message(qtbot, demo_database, app_context):
    add_rejection(demo_database)
    window = open_window(qtbot, app_context(demo_database, "pjansen"))
    find(qtbot, window, "Idrissi")
    call = window.log_call()
    qtbot.addWidget(call)
    call.at.setDateTime(call.at.dateTime().addDays(2))
    call.buttons.button(call.buttons.StandardButton.Save).click()
    error = call.form.errors["at"]
    assert error.text() == "een gesprek kan niet in de toekomst liggen"


def test_a_decision_moves_from_ready_back_to_draft_and_is_withdrawn(
    qtbot, demo_database, app_context, monkeypatch
):
    answer(monkeypatch)
    window = open_window(qtbot, app_context(demo_database, "pjansen"))
    find(qtbot, window, "Ørsted")
    view = window.dossier_view
    view.decisions.selectRow(0)
    view.status_buttons[DecisionStatus.DRAFT].click()
    assert rows(view.decisions)[0][1] == "concept"
    view.decisions.selectRow(0)
    view.status_buttons[DecisionStatus.WITHDRAWN].click()
    assert rows(view.decisions)[0][1] == "ingetrokken"
    with demo_database.session() as session:
        client = session.scalar(select(Client).where(Client.bsn == demo_bsn(6)))
        assert client.cases[0].decisions[0].status is DecisionStatus.WITHDRAWN


def test_a_call_is_logged_for_the_decision_chosen_in_the_dossier(qtbot, demo_database, app_context):
    first = add_rejection(demo_database)
    second = add_rejection(demo_database)
    window = open_window(qtbot, app_context(demo_database, "pjansen"))
    find(qtbot, window, "Idrissi")
    row = [d.id for d in window.dossier_view.dossier.decisions].index(second)
    window.dossier_view.decisions.selectRow(row)
    call = window.log_call()
    qtbot.addWidget(call)
    assert call.decision.count() == 2
    assert call.decision.currentData() == second
    call.reached.setChecked(True)
    call.note.setPlainText("Tweede afwijzing uitgelegd.")
    with qtbot.waitSignal(call.accepted, timeout=5000):
        call.buttons.button(call.buttons.StandardButton.Save).click()
    with demo_database.session() as session:
        explained = {d: len(session.get(Decision, d).explanations) for d in (first, second)}
    assert explained == {first: 0, second: 1}


def test_no_call_form_when_no_decision_awaits_a_call(
    qtbot, demo_database, app_context, monkeypatch
):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[-1]))
    window = open_window(qtbot, app_context(demo_database, "pjansen"))
    find(qtbot, window, "Idrissi")
    assert window.log_call() is None
    assert shown == ["Geen besluit in dit dossier wacht op uitleg vooraf."]


def test_the_call_form_starts_at_the_dutch_time_whatever_the_machines_zone(
    qtbot, demo_database, app_context
):
    add_rejection(demo_database)
    window = MainWindow(app_context(demo_database, "pjansen"))
    qtbot.addWidget(window)
    find(qtbot, window, "Idrissi")
    call = window.log_call()
    qtbot.addWidget(call)
    shown = call.at.dateTime().toPython()
    dutch = datetime.now(LOCAL_ZONE).replace(tzinfo=None)
    assert abs(shown - dutch) < timedelta(minutes=2)
