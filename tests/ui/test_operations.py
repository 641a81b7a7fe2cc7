"""The operations layer as a window meets it: what it hears after a read or a write, how a
failure is told, and that the work runs on the thread pool while the window hears back in its
own thread."""

import threading
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import text

from correspondence.queries import clients as client_queries
from correspondence.queries import views
from correspondence.rules.vocabulary import DecisionStatus
from correspondence.workflows import clients, decisions
from tests.support.data import TODAY, VALID
from ui.context import AppContext
from ui.workers import Job


def new_client(data=VALID):
    return lambda session, actor: clients.create_client(session, actor, data, TODAY).id


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, message: shown.append((title, message))
    )
    return shown


def heard(context):
    changed = []
    context.changes.dossier_changed.connect(changed.append)
    return changed


def save_client(context, parent, data=VALID, **callbacks):
    return context.ops.write(
        parent, "Klant opslaan", new_client(data), client=lambda client_id: client_id, **callbacks
    )


def test_a_write_says_once_which_dossier_it_changed(sqlite_database, app_context, parent):
    context = app_context(sqlite_database)
    changed, done = heard(context), []
    save_client(context, parent, on_done=done.append)
    assert len(done) == 1
    assert changed == done
    context.ops.write(
        parent, "Klant opslaan", lambda s, a: None, client=done[0], on_done=done.append
    )
    assert changed == [done[0], done[0]]


def test_a_refused_write_goes_back_to_whoever_asked_and_changes_nothing(
    sqlite_database, app_context, parent, boxes
):
    context = app_context(sqlite_database)
    changed, refused = heard(context), []
    save_client(context, parent, replace(VALID, bsn="123456789"), on_refused=refused.append)
    assert refused == [{"bsn": "dit BSN klopt niet (elfproef)"}]
    assert (changed, boxes) == ([], [])
    found = []
    context.ops.read(parent, lambda s: views.search(s, "Vries"), on_done=found.append)
    assert found == [[]]


def test_failures_are_told_in_dutch(sqlite_database, app_context, parent, boxes):
    context = app_context(sqlite_database)
    context.ops.write(parent, "Aanmelden", lambda s, a: None)  # the first to act is beheer
    save_client(context, parent, replace(VALID, bsn="123456789"))
    context.ops.write(
        parent, "Besluit", lambda s, a: decisions.set_status(s, a, 404, DecisionStatus.READY)
    )
    context.ops.write(
        parent,
        "Klant opslaan",
        lambda s, a: s.execute(text("INSERT INTO clients (bsn) VALUES ('1')")),
    )
    AppContext(sqlite_database, "onbekend", runner=context.runner).ops.write(
        parent, "Klant opslaan", new_client()
    )
    told = []
    context.ops.read(
        parent,
        lambda s: s.execute(text("SELECT 1 FROM nergens")),
        on_done=told.append,
        on_failed=told.append,
    )
    assert boxes[0] == ("Klant opslaan", "dit BSN klopt niet (elfproef)")
    assert boxes[1] == ("Besluit", "dit besluit bestaat niet meer")
    title, message = boxes[2]
    assert title == "Klant opslaan"
    assert message.startswith("de database weigert de wijziging")
    assert "INSERT" not in message
    assert boxes[3] == (
        "Klant opslaan",
        "onbekende medewerker 'onbekend': beheer voegt u toe onder Beheer › Medewerkers",
    )
    assert told == ["de database is niet bereikbaar of bezet; probeer het later opnieuw"]


def test_the_work_runs_on_the_thread_pool_and_the_window_hears_back_in_its_own(
    qtbot, sqlite_database, parent
):
    context = AppContext(sqlite_database, "tester")
    worked, answered = [], []

    def change(session, actor):
        worked.append(threading.get_ident())
        return new_client()(session, actor)

    context.changes.dossier_changed.connect(lambda _client: answered.append(threading.get_ident()))
    with qtbot.waitSignal(context.changes.dossier_changed, timeout=5000):
        job = context.ops.write(parent, "Klant opslaan", change, client=lambda client_id: client_id)
    qtbot.waitUntil(lambda: job not in Job._running, timeout=5000)
    assert worked and worked[0] != threading.get_ident()
    assert answered == [threading.get_ident()]


def test_rows_of_the_database_never_reach_a_window(demo_database, app_context, parent, boxes):
    shown = []
    app_context(demo_database).ops.read(
        parent, lambda s: client_queries.search_clients(s, "Ørsted"), on_done=shown.append
    )
    assert shown == []
    assert boxes == [("Poortpost", "interne fout: het resultaat is nog aan de database gebonden")]
