"""The desktop shell driven as a person would, with real widgets on a real SQLite file."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from correspondence.queries import views
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.clients import create_client
from correspondence.workflows.demo import demo_bsn
from correspondence.workflows.unit_of_work import write
from store.models import Client
from tests.support.data import TODAY, VALID
from tests.support.ui import answer, open_window, search_for
from ui import app as app_module
from ui.case_dialog import CaseDialog
from ui.client_dialog import ClientDialog
from ui.context import AppContext


def test_search_a_demo_client_and_open_the_dossier(qtbot, demo_database):
    # the one test of the shell whose reads run on the thread pool, as in the app
    window = open_window(qtbot, AppContext(demo_database, "tester"))
    qtbot.keyClicks(window.search_box, "wisniewski")
    qtbot.waitUntil(lambda: window.results.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.dossier_view.dossier is not None, timeout=5000)
    view = window.dossier_view
    assert view.title.text() == "Łukasz Wiśniewski"
    assert "De heer Ł. Wiśniewski" in view.details.text()
    assert "2032 EK  HAARLEM" in view.details.text()
    titles = [view.steps.item(row, 0).text() for row in range(view.steps.rowCount())]
    assert titles[:3] == ["Melding", "Bijeenkomst Rechten en Plichten", "Participatiegesprek"]
    assert view.steps.item(1, 1).text() == "afgerond"
    assert "Volgende stap" in view.next_due.text()
    assert window.edit_client_action.isEnabled()
    assert not window.new_case_action.isEnabled()  # the client already has an open case


def test_search_by_bsn_and_postcode(qtbot, demo_database, app_context):
    window = open_window(qtbot, app_context(demo_database))
    search_for(qtbot, window, demo_bsn(4))
    assert [r.name for r in window.results.rows] == ["Nguyễn Thị Minh, T.M."]
    search_for(qtbot, window, "2101 je")
    assert [r.name for r in window.results.rows] == ["Berg-d'Hondt, Z. van der"]


def test_overdue_steps_are_marked(qtbot, demo_database, app_context):
    window = open_window(qtbot, app_context(demo_database))
    search_for(qtbot, window, "Yılmaz")
    view = window.dossier_view
    row = [view.steps.item(r, 0).text() for r in range(view.steps.rowCount())].index(
        "Participatiegesprek"
    )
    assert view.steps.item(row, 1).text() == "te laat"
    assert view.steps.item(row, 1).font().bold()
    assert "te laat" in view.next_due.text()


def fill(dialog, **values):
    for name, value in values.items():
        dialog.inputs[name].setText(value)


def test_client_form_shows_dutch_messages_and_keeps_the_input(qtbot, sqlite_database):
    # saved on the thread pool, as in the app: the refusal comes back to the form
    context = AppContext(sqlite_database, "tester")
    saved = []
    context.changes.dossier_changed.connect(saved.append)
    dialog = ClientDialog(context, [type("C", (), {"value": "haarlem", "label": "Haarlem"})()])
    qtbot.addWidget(dialog)
    fill(
        dialog,
        bsn="123456789",
        initials="J.",
        surname="Jansen & Zn",
        street="Zijlsingel",
        house_number="1",
        postcode="SS12",
        city="Haarlem",
    )
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    bsn_error = dialog.findChild(QLabel, "error_bsn")
    qtbot.waitUntil(lambda: bsn_error.text() != "", timeout=5000)
    assert bsn_error.text() == "dit BSN klopt niet (elfproef)"
    assert dialog.findChild(QLabel, "error_postcode").text().startswith("een postcode is")
    assert dialog.inputs["surname"].text() == "Jansen & Zn"
    assert dialog.result() == 0
    with sqlite_database.session() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 0

    dialog.inputs["bsn"].setText("123456782")
    dialog.inputs["postcode"].setText("2013dn")
    dialog.birth_date.setDate(dialog.birth_date.date().addYears(-40))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    with sqlite_database.session() as session:
        client = session.get(Client, dialog.saved_value)
        assert (client.surname, client.postcode) == ("Jansen & Zn", "2013 DN")
    assert saved == [dialog.saved_value]


def test_a_database_without_clients_offers_the_demo(
    qtbot, sqlite_database, app_context, monkeypatch
):
    write(sqlite_database, "tester", lambda session, actor: actor.id)  # someone is registered
    asked = answer(monkeypatch, yes=True)
    window = app_module.open_window(app_context(sqlite_database))
    qtbot.addWidget(window)
    assert asked and "demogegevens" in asked[0]
    with sqlite_database.session() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 15


def test_case_form_refuses_a_bypass_without_reason_then_opens_the_case(
    qtbot, demo_database, app_context
):
    with demo_database.session() as session, session.begin():
        client_id = create_client(session, acting_employee(session, "tester"), VALID, TODAY).id
        managers = views.case_managers(session)
    dialog = CaseDialog(app_context(demo_database), client_id, managers)
    qtbot.addWidget(dialog)
    dialog.route.setCurrentIndex(dialog.route.findData("bypass"))
    assert dialog.bypass_reason.isEnabled()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    error = dialog.findChild(QLabel, "error_bypass_reason")
    assert error.text() == "leg vast waarom de klant stappen overslaat"
    dialog.bypass_reason.setText("Dakloos")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    with demo_database.session() as session:
        dossier = views.dossier_of(session, client_id, TODAY)
    assert dossier.case.route == "bypass (maatwerk)"
    assert dossier.steps[1].note == "bypass: Dakloos"


def test_qts_own_buttons_speak_dutch(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.app import speak_dutch

    speak_dutch(qapp)
    kinds = (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel)
    buttons = QDialogButtonBox(kinds[0] | kinds[1])
    labels = [buttons.button(kind).text().replace("&", "") for kind in kinds]
    assert labels == ["Opslaan", "Annuleren"]


def test_editing_a_client_keeps_the_dossier_open_and_renames_the_row(
    qtbot, demo_database, app_context, monkeypatch
):
    from ui.client_dialog import ClientDialog

    def save_new_street(dialog: ClientDialog) -> int:
        dialog.inputs["street"].setText("Kleine Houtstraat")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ClientDialog, "exec", save_new_street)
    window = open_window(qtbot, app_context(demo_database))
    search_for(qtbot, window, "a")
    names = [row.name for row in window.results.rows]
    assert len(names) > 1
    chosen = next(i for i, name in enumerate(names) if name.startswith("Yılmaz"))
    window.table.selectRow(chosen)
    client_id = window.dossier_view.dossier.client_id
    window.edit_client()
    view = window.dossier_view
    assert view.dossier is not None and view.dossier.client_id == client_id
    assert "Kleine Houtstraat" in view.details.text()
    assert window.selected_client == client_id
    assert window.edit_client_action.isEnabled()


def test_enter_searches_once_and_a_dossier_chosen_after_it_stays_open(
    qtbot, demo_database, app_context
):
    window = open_window(qtbot, app_context(demo_database))
    search_for(qtbot, window, "a")  # typed, then Enter at once
    assert not window.search_timer.isActive()
    window.table.selectRow(0)
    chosen = window.dossier_view.dossier
    assert chosen is not None
    qtbot.wait(400)  # longer than the delay after typing
    assert window.dossier_view.dossier is not None
    assert window.dossier_view.dossier.client_id == chosen.client_id
