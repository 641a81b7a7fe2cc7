"""Tables the employee sizes: columns dragged wider or narrower, fitted to their content at
first, and a long note that wraps in a taller row."""

from datetime import timedelta

from PySide6.QtWidgets import QHeaderView, QTableView
from sqlalchemy import select

from correspondence.rules.vocabulary import Channel
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.decisions import log_explanation
from correspondence.workflows.demo import demo_bsn
from store.models import Client
from tests.support.ui import open_window, search_for
from ui.widgets import WIDEST_COLUMN

LONG_NOTE = " ".join(["Klant gebeld over de ontbrekende stukken en wat dat betekent."] * 8)


def add_call(database, note: str) -> None:
    with database.session() as session, session.begin():
        client = session.scalar(select(Client).where(Client.bsn == demo_bsn(13)))  # Öztürk
        decision = client.cases[0].decisions[0]
        first = decision.explanations[0].at
        log_explanation(
            session,
            acting_employee(session, "pjansen"),
            decision.id,
            first + timedelta(minutes=30),
            Channel.PHONE,
            True,
            note,
        )


def test_a_long_note_wraps_in_a_taller_row(qtbot, demo_database, app_context):
    add_call(demo_database, LONG_NOTE)
    window = open_window(qtbot, app_context(demo_database))
    search_for(qtbot, window, "Öztürk")
    view = window.dossier_view
    view.tabs.setCurrentIndex(1)
    contacts = view.contacts
    notes = [contacts.item(row, 4).text() for row in range(contacts.rowCount())]
    short, long = notes.index(next(n for n in notes if n != LONG_NOTE)), notes.index(LONG_NOTE)
    assert contacts.wordWrap()
    assert contacts.horizontalHeader().sectionSize(4) == WIDEST_COLUMN
    assert contacts.rowHeight(long) > 2 * contacts.rowHeight(short)


def test_every_table_is_sized_by_the_employee_and_fits_its_content(
    qtbot, demo_database, app_context
):
    window = open_window(qtbot, app_context(demo_database))
    search_for(qtbot, window, "Ørsted")
    tables = window.findChildren(QTableView) + window.open_batch().findChildren(QTableView)
    assert len(tables) >= 7  # results, four of the dossier, two of the batch
    for table in tables:
        header = table.horizontalHeader()
        modes = {header.sectionResizeMode(c) for c in range(header.count())}
        assert modes == {QHeaderView.ResizeMode.Interactive}, table.objectName()
    steps = window.dossier_view.steps
    first = steps.horizontalHeader().sectionSize(0)
    assert first >= steps.sizeHintForColumn(0)  # "Bijeenkomst Rechten en Plichten" fits
    steps.horizontalHeader().resizeSection(0, first + 40)  # dragged wider by the employee
    search_for(qtbot, window, "Wiśniewski")
    assert steps.horizontalHeader().sectionSize(0) == first + 40  # kept for the next dossier


def test_a_long_last_column_wraps_within_a_narrow_table_instead_of_running_off(qtbot):
    from ui.widgets import fill, fit, table

    steps = table("steps", ["Stap", "Status", "Datum", "Uiterlijk", "Toelichting"])
    qtbot.addWidget(steps)
    steps.resize(560, 300)
    steps.show()
    fill(steps, [["Participatiegesprek", "te doen", "30-11-2026", "07-12-2026", LONG_NOTE]])
    fit(steps)
    qtbot.waitUntil(lambda: steps.viewport().width() > 0)
    header = steps.horizontalHeader()
    widths = [header.sectionSize(column) for column in range(5)]
    assert sum(widths) <= steps.viewport().width()
    assert steps.horizontalScrollBar().maximum() == 0
    assert steps.rowHeight(0) > 3 * steps.fontMetrics().height()
