"""The main window by menu and keyboard, and who is signed in."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QToolBar

from correspondence.workflows.employees import EmployeeInput, add_employee
from correspondence.workflows.unit_of_work import write
from tests.support.ui import open_window, search_for


def test_the_menus_carry_the_actions_with_their_shortcuts(qtbot, demo_database, app_context):
    window = open_window(qtbot, app_context(demo_database))
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Bestand", "&Dossier", "B&rieven", "&Verzenden", "B&eheer", "&Help"]
    shortcuts = {
        window.find_action: "Ctrl+F",
        window.new_client_action: "Ctrl+N",
        window.letter_action: "Ctrl+B",
        window.call_action: "Ctrl+G",
        window.quit_action: "Ctrl+Q",
    }
    assert {a.shortcut().toString(): keys for a, keys in shortcuts.items()} == {
        keys: keys for keys in shortcuts.values()
    }
    window.table.setFocus()
    window.find_action.trigger()
    assert window.focusWidget() is window.search_box


def test_the_arrow_key_moves_from_the_search_field_into_the_results(
    qtbot, demo_database, app_context
):
    window = open_window(qtbot, app_context(demo_database))
    window.activateWindow()
    search_for(qtbot, window, "2042")  # three clients
    window.search_box.setFocus()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    assert window.focusWidget() is window.table
    assert [i.row() for i in window.table.selectionModel().selectedRows()] == [0]


def test_the_status_bar_names_who_is_signed_in_as_registered(qtbot, sqlite_database, app_context):
    write(
        sqlite_database,
        "beheerder",
        lambda session, actor: (
            add_employee(
                session, actor, EmployeeInput("pjansen", "Petra Jansen", "klantmanager")
            ).id
        ),
    )
    window = open_window(qtbot, app_context(sqlite_database, "pjansen"))
    assert window.statusBar().currentMessage() == "Aangemeld als Petra Jansen (klantmanager)"


def test_a_new_search_shows_no_dossier_until_a_client_is_chosen(qtbot, demo_database, app_context):
    window = open_window(qtbot, app_context(demo_database))
    search_for(qtbot, window, "Wiśniewski")
    assert window.dossier_view.dossier is not None and window.edit_client_action.isEnabled()
    search_for(qtbot, window, "2042")  # three clients: none is chosen for the user
    assert window.dossier_view.dossier is None
    assert window.selected_client is None
    assert not window.edit_client_action.isEnabled() and not window.letter_action.isEnabled()


def test_the_window_reopens_with_the_size_and_splitter_it_was_left_with(
    qtbot, demo_database, app_context
):
    context = app_context(demo_database)
    window = open_window(qtbot, context)
    window.resize(700, 500)
    window.splitter.setSizes([250, 450])
    sizes = window.splitter.sizes()
    window.close()
    again = open_window(qtbot, context)
    assert (again.width(), again.height()) == (700, 500)
    assert again.splitter.sizes() == sizes


def test_the_window_fits_a_laptop_screen(qtbot, sqlite_database, app_context):
    from PySide6.QtCore import QSettings

    QSettings("Poortpost", "Poortpost").clear()  # a first start
    window = open_window(qtbot, app_context(sqlite_database))
    assert window.width() <= 1366 and window.height() <= 768


def test_a_disabled_action_says_why_and_an_enabled_one_does_not(qtbot, demo_database, app_context):
    window = open_window(qtbot, app_context(demo_database))
    toolbar = window.findChild(QToolBar, "toolbar")

    def why(action):
        button_tip = toolbar.widgetForAction(action).toolTip()
        assert button_tip == action.toolTip()  # the toolbar shows the action's own tooltip
        return None if action.isEnabled() else action.toolTip()

    assert why(window.edit_client_action) == "Kies eerst een klant"
    assert why(window.call_action) == "Kies eerst een klant"
    search_for(qtbot, window, "Wiśniewski")  # an open case, no decision yet
    assert why(window.edit_client_action) is None
    assert window.edit_client_action.toolTip() == "Klant bewerken"
    assert why(window.new_case_action) == "Deze klant heeft al een open dossier"
    assert why(window.call_action) == "Geen besluit wacht op uitleg vooraf"
    assert window.call_action.statusTip() == "Geen besluit wacht op uitleg vooraf"
    search_for(qtbot, window, "Dvořák")  # an advance recovery that waits for its call
    assert why(window.call_action) is None and window.call_action.statusTip() == ""
    assert all(action.menu().toolTipsVisible() for action in window.menuBar().actions())


def test_recent_dossiers_newest_first_by_number_only(qtbot, demo_database, app_context):
    window = open_window(qtbot, app_context(demo_database))
    recent = window.recent_menu
    assert recent.menuAction() in window.menuBar().actions()[0].menu().actions()
    recent.refresh()
    assert [a.text() for a in recent.actions()] == ["Geen recente dossiers"]
    for name in ("Wiśniewski", "Ørsted", "Yılmaz", "Wiśniewski"):
        search_for(qtbot, window, name)
    wisniewski, yilmaz, orsted = recent.ids()
    recent.remember(987654)  # a client no longer in this database
    stored = QSettings("Poortpost", "Poortpost").value(recent.key)
    assert stored == [str(i) for i in (987654, wisniewski, yilmaz, orsted)]  # no name, no BSN
    recent.refresh()
    assert [a.text() for a in recent.actions()] == [
        "Wiśniewski, Ł. — Haarlem",
        "Yılmaz, Ş. — Haarlem",
        "Ørsted, A. — Zandvoort",
    ]
    assert recent.ids() == [wisniewski, yilmaz, orsted]  # the missing one is forgotten

    search_for(qtbot, window, "2042")  # three clients, none chosen
    assert window.dossier_view.dossier is None
    recent.actions()[2].trigger()
    assert window.dossier_view.dossier.name == "Astrid Ørsted"
    assert window.edit_client_action.isEnabled()
    assert recent.ids()[0] == orsted


def test_recent_dossiers_keeps_the_last_eight(qtbot, sqlite_database, app_context):
    window = open_window(qtbot, app_context(sqlite_database))
    for client_id in range(1, 11):
        window.recent_menu.remember(client_id)
    assert window.recent_menu.ids() == [10, 9, 8, 7, 6, 5, 4, 3]
