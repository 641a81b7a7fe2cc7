"""Administration's batch window and the case manager's call form, driven as people would."""

import time
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

import ui.asking
from correspondence.batch import render
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.decisions import draft_decision, log_explanation
from correspondence.workflows.demo import demo_bsn
from store.database import data_folder
from store.models import Client, Decision
from store.vocabulary import Channel, DecisionKind, DecisionStatus, RejectionGround
from tests.support.data import TODAY
from tests.support.ui import answer, open_window, search_for
from ui.batch_window import BatchWindow
from ui.context import AppContext
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
            ground=RejectionGround.INCOME,
        ).id


def explained(database, decision_id: int) -> None:
    with database.session() as session, session.begin():
        log_explanation(
            session,
            acting_employee(session, "pjansen"),
            decision_id,
            datetime.now(LOCAL_ZONE) - timedelta(hours=1),
            Channel.PHONE,
            True,
            "Afwijzing uitgelegd.",
        )


def status_of(database, decision_id: int) -> DecisionStatus:
    with database.session() as session:
        return session.get(Decision, decision_id).status


def on_monday(context: AppContext) -> AppContext:
    """The demo's Monday (30 November 2026) is today for the window."""
    context.today = lambda: TODAY  # type: ignore[method-assign]
    return context


def batch_window(qtbot, context: AppContext) -> BatchWindow:
    batch = BatchWindow(context)
    qtbot.addWidget(batch)
    batch.show()
    batch.sent_on.setDate(QDate(TODAY))
    batch.refresh()  # as the main window does when it opens the batch
    qtbot.waitUntil(lambda: batch.print_button.isEnabled(), timeout=10000)
    return batch


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
    assert decisions[0][6] == "er is nog geen uitleg vooraf aan de klant vastgelegd"
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

    monkeypatch.setattr(ui.asking, "confirm", lambda *_args: True)
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


def test_asks_once_with_the_count_and_the_dutch_date_and_keeps_the_result(
    qtbot, demo_database, app_context, monkeypatch
):
    batch = batch_window(qtbot, on_monday(app_context(demo_database, "pjansen")))
    ready = [r[0] for r in rows(batch.ready)]
    assert ready == ["A. Ørsted"]
    asked = []
    answer = False
    monkeypatch.setattr(ui.asking, "confirm", lambda _p, _t, q: asked.append(q) or answer)

    batch.start()
    assert asked == ["1 besluit verzenden op maandag 30 november 2026?"]
    assert batch.outcome is None and batch.print_job is None  # no: nothing printed
    assert batch.print_button.isEnabled()

    answer = True
    batch.start()
    assert len(asked) == 2  # once per run, also on a working day without a warning
    assert batch.outcome is not None and len(batch.outcome.printed) == 1
    result = batch.last_run.text()
    assert result.startswith("Klaar: 1 besluit verzonden op maandag 30 november 2026, ")
    # the queue was read again after the run, and a filter changed: the result stays
    assert batch.ready.rowCount() == 0
    batch.kind.setCurrentIndex(1)
    assert batch.summary.text() == "0 klaar, 0 tegengehouden."
    assert batch.last_run.text() == result
    assert batch.save_button.isEnabled()


def test_a_weekend_day_is_asked_in_the_same_single_question(
    qtbot, demo_database, app_context, monkeypatch
):
    batch = batch_window(qtbot, on_monday(app_context(demo_database, "pjansen")))
    batch.sent_on.setDate(QDate(TODAY + timedelta(days=5)))
    qtbot.waitUntil(lambda: batch.print_button.isEnabled())
    asked = []
    monkeypatch.setattr(ui.asking, "confirm", lambda _p, _t, q: asked.append(q) or False)
    batch.start()
    assert len(asked) == 1
    assert "geen werkdag (zaterdag)" in asked[0]
    assert asked[0].endswith("\n\n1 besluit verzenden op zaterdag 5 december 2026?")


def test_progress_from_the_start_cancel_within_a_second_and_no_earlier_file(
    qtbot, demo_database, monkeypatch
):
    """On the real thread pool, as the window runs for the employee."""
    first = add_rejection(demo_database)
    explained(demo_database, first)
    batch = batch_window(qtbot, on_monday(AppContext(demo_database, "pjansen")))
    asked = []
    monkeypatch.setattr(ui.asking, "confirm", lambda _p, _t, q: asked.append(q) or True)

    batch.start()
    qtbot.waitUntil(lambda: batch.outcome is not None, timeout=30000)
    assert asked == ["2 besluiten verzenden op maandag 30 november 2026?"]
    earlier = batch.output
    assert earlier is not None and earlier.is_file() and batch.save_button.isEnabled()
    assert not batch.progress.isVisible()

    second = add_rejection(demo_database)
    explained(demo_database, second)
    batch.refresh()
    qtbot.waitUntil(lambda: batch.print_button.isEnabled(), timeout=10000)
    # preparing the templates is made slow, so the run is still busy when it is cancelled
    prepared = render.LetterProducer.prepared

    def slowly(self, kind, reference):
        time.sleep(0.3)
        return prepared(self, kind, reference)

    monkeypatch.setattr(render.LetterProducer, "prepared", slowly)
    folder = data_folder() / "batches"
    files_before = set(folder.iterdir())
    batch.start()
    qtbot.waitUntil(lambda: batch.running, timeout=5000)
    # shown at once, busy until the first count arrives
    assert batch.progress.isVisible() and batch.cancel_button.isVisible()
    assert (batch.progress.minimum(), batch.progress.maximum()) == (0, 0)
    # the earlier batch's file is no longer offered while this one runs
    assert batch.output is None and not batch.save_button.isEnabled()
    assert not batch.send_to_printer.isEnabled()
    qtbot.wait(500)
    assert batch.running

    clicked = time.monotonic()
    batch.cancel_button.click()
    qtbot.waitUntil(lambda: not batch.running, timeout=1000)
    assert time.monotonic() - clicked < 1.0
    assert batch.last_run.text() == "Afgebroken: er is niets verzonden."
    assert status_of(demo_database, second) is DecisionStatus.READY
    assert batch.output is None
    assert not batch.save_button.isEnabled() and not batch.send_to_printer.isEnabled()
    assert not batch.progress.isVisible()
    assert set(folder.iterdir()) == files_before  # no print file, no partial file left
    qtbot.waitUntil(lambda: batch.print_button.isEnabled(), timeout=10000)
