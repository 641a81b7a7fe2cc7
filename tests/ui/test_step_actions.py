"""The actions of the route's steps, driven from the dossier's steps table on a fresh database:
each opens its dialog, a refusal keeps what was typed, and afterwards the table and the
"Volgende stap" line agree."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.route_steps import ACTION_LABELS, StepAction, StepKey, primary_action
from correspondence.workflows import cases, route
from correspondence.workflows.actors import acting_employee
from store.vocabulary import Attendance, Partner, SessionKind
from tests.support.data import TODAY, open_standard_case
from tests.support.ui import open_window, search_for
from ui.application_dialog import ApplicationDialog
from ui.interview_dialog import HeldDialog, InterviewDialog
from ui.route_dialog import RouteDialog
from ui.session_dialog import AttendanceDialog, SessionDialog

A = StepAction
MEETING_DAY = date(2026, 12, 7)  # a Monday; TODAY is Monday 30 November 2026


@pytest.fixture
def case_id(sqlite_database):
    with sqlite_database.session() as session, session.begin():
        return open_standard_case(session, acting_employee(session, "tester"))


def write(database, change):
    with database.session() as session, session.begin():
        return change(session, acting_employee(session, "tester"))


def window_on(qtbot, database, app_context, today=TODAY):
    context = app_context(database)
    context.today = lambda: today
    window = open_window(qtbot, context)
    search_for(qtbot, window, "Vries")
    assert window.dossier_view.dossier is not None
    return window


def panel(window):
    return window.dossier_view.step_panel


def row_of(window, key):
    view = window.dossier_view
    index = [s.key for s in view.dossier.steps].index(key)
    return {
        "state": view.steps.item(index, 1).text(),
        "on": view.steps.item(index, 2).text(),
        "deadline": view.steps.item(index, 3).text(),
        "note": view.steps.item(index, 4).text(),
    }


def click(window, key, action):
    panel(window).select(key)
    button = panel(window).buttons[action]
    assert button.isVisible() and button.isEnabled(), button.toolTip()
    button.click()
    return window.step_actions.dialog


def save(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def assert_table_and_next_step_agree(window):
    view = window.dossier_view
    rows = [
        (view.steps.item(r, 0).text(), view.steps.item(r, 1).text())
        for r in range(view.steps.rowCount())
    ]
    due = next(((title, state) for title, state in rows if state in ("te doen", "te laat")), None)
    line = view.next_due.text()
    if due is None:
        assert "geen openstaande acties" in line
        return
    assert f"</b> {due[0]}" in line and line.split(" — ")[1].startswith(due[1])
    action = primary_action(view.dossier.next_due)
    assert action is not None and ACTION_LABELS[action] in line


def test_book_the_rights_meeting_on_the_proposed_day(qtbot, sqlite_database, app_context, case_id):
    window = window_on(qtbot, sqlite_database, app_context)
    assert panel(window).selected_step().key is StepKey.RIGHTS_MEETING  # the next step
    assert "Inschrijven…" in window.dossier_view.next_due.text()
    assert not panel(window).buttons[A.MOVE].isEnabled()
    assert panel(window).buttons[A.MOVE].toolTip() == "De klant is nog niet ingeschreven."
    dialog = click(window, StepKey.RIGHTS_MEETING, A.BOOK)
    assert isinstance(dialog, SessionDialog)
    proposed = dialog.proposed
    assert proposed == date(2026, 12, 3)
    assert proposed.weekday() in (0, 3) and AtwCalendar().is_working_day(proposed)
    assert dialog.chosen_day() == proposed
    save(dialog)
    assert not dialog.isVisible()
    row = row_of(window, StepKey.RIGHTS_MEETING)
    assert (row["state"], row["on"]) == ("gepland", "03-12-2026")
    assert panel(window).buttons[A.MOVE].isEnabled()
    assert_table_and_next_step_agree(window)


def test_absent_then_the_next_meeting_is_offered_and_booked(
    qtbot, sqlite_database, app_context, case_id
):
    write(
        sqlite_database,
        lambda s, a: route.book_on(
            s, a, case_id, SessionKind.RIGHTS_MEETING, date(2026, 12, 3), TODAY
        ),
    )
    window = window_on(qtbot, sqlite_database, app_context, today=date(2026, 12, 4))
    assert row_of(window, StepKey.RIGHTS_MEETING)["note"] == "aanwezigheid nog niet vastgelegd"
    dialog = click(window, StepKey.RIGHTS_MEETING, A.ATTENDANCE)
    assert isinstance(dialog, AttendanceDialog)
    dialog.attendance.setCurrentIndex(dialog.attendance.findData(Attendance.ABSENT))
    dialog.note.setText("niet gekomen, niet gebeld")
    save(dialog)
    offered = window.step_actions.dialog
    assert isinstance(offered, SessionDialog) and offered is not dialog
    assert offered.isVisible()
    assert offered.proposed == date(2026, 12, 7)  # the Monday after the missed Thursday
    assert row_of(window, StepKey.RIGHTS_MEETING)["state"] == "te laat"
    save(offered)
    row = row_of(window, StepKey.RIGHTS_MEETING)
    assert (row["state"], row["on"]) == ("gepland", "07-12-2026")
    assert_table_and_next_step_agree(window)


def test_plan_the_interview_late_needs_a_reason_never_on_a_saturday_then_held(
    qtbot, sqlite_database, app_context, case_id
):
    def attended(s, a):
        booking = route.book_on(s, a, case_id, SessionKind.RIGHTS_MEETING, MEETING_DAY, TODAY)
        cases.record_attendance(s, a, booking.id, Attendance.PRESENT, "", MEETING_DAY)

    write(sqlite_database, attended)
    window = window_on(qtbot, sqlite_database, app_context, today=MEETING_DAY)
    assert panel(window).selected_step().key is StepKey.INTERVIEW
    dialog = click(window, StepKey.INTERVIEW, A.PLAN)
    assert isinstance(dialog, InterviewDialog)
    assert dialog.location.text().startswith("Werkplein")
    assert (
        "maandag 14 december 2026"
        in dialog.findChild(type(dialog.general_error), "interview_due").text()
    )
    dialog.day.setDate(QDate(2026, 12, 16))  # 9 days after the meeting
    dialog.clock.setTime(QTime(14, 30))
    dialog.delay_reason.setText("")
    save(dialog)
    assert dialog.isVisible()
    error = dialog.form.errors["interview_delay_reason"]
    assert not error.isHidden() and "leg de reden vast" in error.text()
    assert dialog.day.date() == QDate(2026, 12, 16) and dialog.clock.time() == QTime(14, 30)
    dialog.delay_reason.setText("klant is tot 15 december op vakantie")
    save(dialog)
    assert not dialog.isVisible()
    row = row_of(window, StepKey.INTERVIEW)
    assert row["on"] == "16-12-2026" and row["state"] == "gepland"
    assert row["note"] == "later dan 7 dagen: klant is tot 15 december op vakantie"
    assert_table_and_next_step_agree(window)

    again = click(window, StepKey.INTERVIEW, A.PLAN)
    again.day.setDate(QDate(2026, 12, 12))
    save(again)
    assert again.isVisible()
    assert again.form.errors["day"].text() == (
        "zaterdag 12 december 2026 valt in het weekend: kies een werkdag"
    )
    again.reject()

    assert not panel(window).buttons[A.HELD].isEnabled()  # not yet the day
    later = window_on(qtbot, sqlite_database, app_context, today=date(2026, 12, 16))
    held = click(later, StepKey.INTERVIEW, A.HELD)
    assert isinstance(held, HeldDialog)
    save(held)
    assert row_of(later, StepKey.INTERVIEW)["state"] == "afgerond"
    assert later.dossier_view.dossier.route.interview.held is True
    assert panel(later).selected_step().key is StepKey.INTERVIEW  # the row stays selected
    assert_table_and_next_step_agree(later)


def test_book_a_workshop_with_agros(qtbot, sqlite_database, app_context, case_id):
    window = window_on(qtbot, sqlite_database, app_context)
    dialog = click(window, StepKey.WORKSHOP, A.BOOK)
    assert dialog.partner is not None and dialog.partner.isEnabled()
    dialog.partner.setCurrentIndex(dialog.partner.findData(Partner.AGROS))
    save(dialog)
    assert window.dossier_view.dossier.route.workshop.partner is Partner.AGROS
    assert row_of(window, StepKey.WORKSHOP)["state"] == "gepland"
    assert_table_and_next_step_agree(window)


def test_record_the_application_with_what_is_missing_and_a_term(
    qtbot, sqlite_database, app_context, case_id
):
    window = window_on(qtbot, sqlite_database, app_context)
    dialog = click(window, StepKey.APPLICATION, A.APPLICATION)
    assert isinstance(dialog, ApplicationDialog)
    assert dialog.deadline.text() == "maandag 25 januari 2027 (8 weken na ontvangst)"
    dialog.missing.setPlainText("loonstroken van oktober\nhuurcontract")
    dialog.complete_by.set_value(date(2026, 12, 12))  # a Saturday
    save(dialog)
    assert dialog.isVisible()
    assert "weekend" in dialog.form.errors["application_complete_by"].text()
    assert dialog.missing.toPlainText() == "loonstroken van oktober\nhuurcontract"
    dialog.complete_by.set_value(date(2026, 12, 14))
    save(dialog)
    assert not dialog.isVisible()
    row = row_of(window, StepKey.APPLICATION)
    assert row["note"] == "ontbreekt nog: loonstroken van oktober; huurcontract"
    assert row["deadline"] == "14-12-2026"
    assert row_of(window, StepKey.DECISION)["deadline"] == "25-01-2027"
    assert_table_and_next_step_agree(window)


def test_switch_to_bypass_with_a_reason(qtbot, sqlite_database, app_context, case_id):
    window = window_on(qtbot, sqlite_database, app_context)
    dialog = click(window, StepKey.REGISTRATION, A.ROUTE)
    assert isinstance(dialog, RouteDialog)
    dialog.route.setCurrentIndex(dialog.route.findData("bypass"))
    save(dialog)
    assert dialog.isVisible()
    assert not dialog.form.errors["route_reason"].isHidden()
    assert not dialog.form.errors["bypass_reason"].isHidden()
    dialog.route_reason.setText("sinds vorige week dakloos")
    dialog.bypass_reason.setText("dakloos")
    save(dialog)
    assert not dialog.isVisible()
    for key in (StepKey.RIGHTS_MEETING, StepKey.INTERVIEW, StepKey.WORKSHOP):
        assert row_of(window, key)["state"] == "overgeslagen"
    assert (
        "route gewijzigd: sinds vorige week dakloos" in row_of(window, StepKey.REGISTRATION)["note"]
    )
    assert (
        "Bypass" in window.dossier_view.details.text()
        or "bypass" in window.dossier_view.details.text()
    )
    assert_table_and_next_step_agree(window)


def test_the_youth_route_shows_its_search_period(qtbot, sqlite_database, app_context, case_id):
    window = window_on(qtbot, sqlite_database, app_context)
    dialog = click(window, StepKey.REGISTRATION, A.ROUTE)
    dialog.route.setCurrentIndex(dialog.route.findData("youth"))
    assert "maandag 28 december 2026" in dialog.hint.text()
    assert "jonger dan 27" in dialog.hint.text()  # this client is 46
    dialog.route_reason.setText("wil eerst zelf zoeken")
    save(dialog)
    assert "jonger dan 27" in dialog.form.errors["route"].text()


def test_the_advance_and_decision_steps_open_their_forms(
    qtbot, sqlite_database, app_context, case_id
):
    window = window_on(qtbot, sqlite_database, app_context)
    panel(window).select(StepKey.ADVANCE)
    button = panel(window).buttons[A.ADVANCE]
    assert button.isEnabled()
    button.click()
    assert window.advance_dialog is not None and window.advance_dialog.isVisible()
    window.advance_dialog.reject()
    panel(window).select(StepKey.DECISION)
    decision = panel(window).buttons[A.DECISION]
    assert not decision.isEnabled()
    assert decision.toolTip() == "Leg eerst de ontvangst van de aanvraag vast."


def test_context_menu_and_shortcut_follow_the_selected_row(
    qtbot, sqlite_database, app_context, case_id
):
    window = window_on(qtbot, sqlite_database, app_context)
    step = panel(window).steps[[s.key for s in panel(window).steps].index(StepKey.RIGHTS_MEETING)]
    menu = panel(window).context_menu(step)
    items = {a.text(): a for a in menu.actions()}
    assert list(items) == ["Inschrijven…", "Verplaatsen…", "Aanwezigheid…"]
    assert items["Inschrijven…"].isEnabled() and not items["Verplaatsen…"].isEnabled()
    assert items["Verplaatsen…"].toolTip() == "De klant is nog niet ingeschreven."
    panel(window).select(StepKey.APPLICATION)
    window.activateWindow()
    # a shortcut goes to the active window: one left by an earlier test must not take it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.dossier_view.tabs.setCurrentIndex(0)
    window.dossier_view.steps.setFocus()
    qtbot.waitUntil(window.dossier_view.steps.hasFocus)
    assert panel(window).selected_step().key is StepKey.APPLICATION
    qtbot.keyClick(
        window.dossier_view.steps, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert isinstance(window.step_actions.dialog, ApplicationDialog)


def test_the_next_step_link_opens_its_action(qtbot, sqlite_database, app_context, case_id):
    window = window_on(qtbot, sqlite_database, app_context)
    panel(window).select(StepKey.APPLICATION)
    window.dossier_view.next_due.linkActivated.emit("book")
    assert isinstance(window.step_actions.dialog, SessionDialog)
    assert panel(window).selected_step().key is StepKey.RIGHTS_MEETING
