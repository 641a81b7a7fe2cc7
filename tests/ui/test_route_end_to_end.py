"""The whole intake route acted out in the window, on a fresh SQLite database without demo data.

Petra Jansen starts Poortpost for the first time, adds her colleague from administration, and
takes a new client from the melding to a rejection that is ready; the batch holds it back until
she has logged the explanation call; Ahmed Bakker, in his own window on the same database,
sends it. Every step is taken through the real widgets: fields are filled, buttons clicked,
actions triggered. The database is only read, to check what the window did.

The route spans two weeks, so the window's today moves on with the story (the workflows refuse
booking a session in the past and attendance before its day): a client booked on the Monday of
the melding attends on the Thursday. The explanation call is logged at a time that is also in
the past of the machine's clock, since a call in the future is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pypdf
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QPushButton,
    QWidget,
)
from sqlalchemy import func, select

from correspondence.rules.kinds import LetterKind
from correspondence.rules.route_steps import StepAction, StepKey
from correspondence.rules.vocabulary import Attendance, Partner
from store.models import Client, Decision, StoredLetter
from store.vocabulary import DecisionKind, DecisionStatus, RejectionGround
from tests.support.municipalities import verify_all_municipalities
from tests.support.norms import verify_all_norm_tables
from tests.support.ui import SynchronousRunner, answer, open_window, search_for
from ui.batch_window import BatchWindow
from ui.case_dialog import CaseDialog
from ui.client_dialog import ClientDialog
from ui.context import AppContext
from ui.employees_window import EmployeeDialog, EmployeesWindow
from ui.main_window import MainWindow

A = StepAction
MELDING = date(2026, 11, 16)  # a Monday
MEETING = date(2026, 11, 19)  # the Thursday after: the first meeting from the next day on
INTERVIEW = date(2026, 11, 24)  # a Tuesday, within 7 days of the meeting
WORKSHOP = date(2026, 11, 26)  # the Thursday after the interview
COMPLETE_BY = date(2026, 12, 10)  # the term to complete the application, a Thursday
DECIDED = date(2026, 11, 27)  # a Friday
CALLED = datetime(2026, 11, 27, 11, 30)  # Dutch wall-clock time, past for the machine too
SENT = date(2026, 11, 30)  # a Monday: administration prints the batch
OBJECTION_UNTIL = date(2027, 1, 11)  # six weeks after sending
KENMERK = "HLM-2026-000001/BAF1"  # the first case of Haarlem in 2026, its first decision
BSN = "111222333"
REASONS = [
    "U woont samen met uw partner. Uw partner heeft een inkomen uit werk van € 2.900 per maand.",
    "Dat inkomen is hoger dan de bijstandsnorm voor gehuwden. Daarom heeft u geen recht op "
    "bijstand.",
]
MEETING_NAME = "Bijeenkomst Rechten en Plichten"


@dataclass
class Clock:
    """The day of the story; both windows work on it."""

    day: date


@dataclass(eq=False)
class OnTheDay(AppContext):
    """A window context whose today is the story's day, not the machine's, and whose reads
    and writes are done when the call that asks returns."""

    clock: Clock = field(default_factory=lambda: Clock(MELDING))

    def today(self) -> date:
        return self.clock.day


# --- driving the window ---


def while_modal[D: QDialog](kind: type[D], act: Callable[[D], Any]) -> list[D]:
    """Do `act` on the modal dialog of `kind` once it is shown: a dialog that runs its own
    event loop holds up the click that opened it until it closes. Returns the dialogs acted
    on; one that `act` left open (a failed assert, a refused save) is closed, so the test ends
    with what went wrong instead of waiting."""
    acted: list[D] = []

    def attempt(left: int = 300) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            if left:
                QTimer.singleShot(10, lambda: attempt(left - 1))
            return
        try:
            act(dialog)
            acted.append(dialog)
        finally:
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, attempt)
    return acted


def press_save(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


def button(parent: QWidget, text: str) -> QPushButton:
    return next(b for b in parent.findChildren(QPushButton) if b.text() == text)


def menu_item(window: MainWindow, menu: str, text: str) -> QAction:
    [bar_item] = [a for a in window.menuBar().actions() if a.text().replace("&", "") == menu]
    submenu = bar_item.menu()
    assert isinstance(submenu, QMenu)
    return next(a for a in submenu.actions() if a.text() == text)


def press_shortcut(qtbot, window: MainWindow, keys: str) -> None:
    """The keys as the employee presses them, in the active window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key, *mods = reversed(keys.split("+"))
    modifiers = Qt.KeyboardModifier.NoModifier
    for mod in mods:
        modifiers |= {
            "Ctrl": Qt.KeyboardModifier.ControlModifier,
            "Shift": Qt.KeyboardModifier.ShiftModifier,
        }[mod]
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{key}"), modifiers)


def next_day(qtbot, window: MainWindow, clock: Clock, day: date) -> None:
    """The employee comes back on `day` and looks the client up again."""
    clock.day = day
    search_for(qtbot, window, "Dijk")
    assert window.dossier_view.dossier is not None


def step_button(window: MainWindow, key: StepKey, action: StepAction) -> Any:
    """Select the step's row, click the button of `action` beside the table; the dialog the
    click opened."""
    panel = window.dossier_view.step_panel
    panel.select(key)
    pressed = panel.buttons[action]
    assert pressed.isVisible() and pressed.isEnabled(), pressed.toolTip()
    pressed.click()
    return window.step_actions.dialog


# --- reading the window ---


def table_rows(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def step_row(window: MainWindow, title: str) -> dict[str, str]:
    [row] = [r for r in table_rows(window.dossier_view.steps) if r[0] == title]
    return dict(zip(("title", "state", "on", "deadline", "note"), row, strict=True))


def next_step(window: MainWindow) -> str:
    """The step the "Volgende stap" line names, checked against the table: it is the first row
    that is "te doen" or "te laat", with that state; "" when no step asks for action."""
    view = window.dossier_view
    line = view.next_due.text()
    due = [r for r in table_rows(view.steps) if r[1] in ("te doen", "te laat")]
    if not due:
        nothing = (
            "geen openstaande acties"
            if view.dossier and view.dossier.case
            else ("een dossier openen (Dossier › Nieuw dossier)")
        )
        assert line == f"<b>Volgende stap:</b> {nothing}"
        return ""
    title, state = due[0][0], due[0][1]
    assert line.startswith(f"<b>Volgende stap:</b> {title}"), line
    assert f" — {state}" in line, line
    return title


def read_db(database, query: Callable[[Any], Any]) -> Any:
    with database.session() as session:
        return query(session)


def the_decision(session) -> Decision:
    return session.scalars(select(Decision)).one()


# --- the route ---


def first_start(qtbot, database, clock: Clock, monkeypatch) -> MainWindow:
    """Nobody is registered: the window asks who is working, then offers the demo, declined."""
    asked = answer(monkeypatch, yes=False)
    window = open_window(qtbot, OnTheDay(database, "pjansen", SynchronousRunner(), clock=clock))
    window.begin()
    dialog = window.first_start_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.full_name.setText("Petra Jansen")
    dialog.initials.setText("P.J.")
    dialog.role.setCurrentIndex(dialog.role.findData("klantmanager"))
    press_save(dialog)
    assert not dialog.isVisible()
    assert asked == ["Deze database bevat nog geen klanten. Wilt u fictieve demogegevens laden?"]
    assert read_db(database, lambda s: s.scalar(select(func.count()).select_from(Client))) == 0
    assert window.statusBar().currentMessage() == "Aangemeld als Petra Jansen (klantmanager)"
    assert window.dossier_view.start_here.isVisible()
    return window


def add_colleague(window: MainWindow) -> None:
    """Beheer › Medewerkers…: Petra, with beheer rights, adds Ahmed of administration."""
    before: list[list[str]] = []
    after: list[list[str]] = []

    def fill_in(dialog: EmployeeDialog) -> None:
        dialog.username.setText("abakker")
        dialog.full_name.setText("Ahmed Bakker")
        dialog.initials.setText("A.")
        dialog.role.setCurrentIndex(dialog.role.findData("administratie"))
        press_save(dialog)

    def in_the_window(staff: EmployeesWindow) -> None:
        before.extend(table_rows(staff.table))
        added = while_modal(EmployeeDialog, fill_in)
        staff.add_button.click()
        assert len(added) == 1
        after.extend(table_rows(staff.table))
        button(staff, "Sluiten").click()

    shown = while_modal(EmployeesWindow, in_the_window)
    menu_item(window, "Beheer", "Medewerkers…").trigger()
    assert len(shown) == 1
    assert before == [["pjansen", "Petra Jansen", "P.J.", "klantmanager", "ja", "ja"]]
    assert ["abakker", "Ahmed Bakker", "A.", "administratie", "nee", "ja"] in after


def new_client_and_case(qtbot, window: MainWindow) -> None:
    """Ctrl+N: the client; then Nieuw dossier on the standard route, registered today."""

    def client(dialog: ClientDialog) -> None:
        values = {
            "bsn": BSN,
            "initials": "N.",
            "first_name": "Noor",
            "prefix": "van",
            "surname": "Dijk",
            "street": "Kleverparkweg",
            "house_number": "12",
            "postcode": "2023 cb",
            "city": "Haarlem",
            "phone": "06 12345678",
        }
        for name, value in values.items():
            dialog.inputs[name].setText(value)
        dialog.salutation.setCurrentIndex(dialog.salutation.findData("mevrouw"))
        dialog.birth_date.setDate(QDate(1985, 3, 14))
        dialog.household.setCurrentIndex(dialog.household.findData("single"))
        dialog.municipality.setCurrentIndex(dialog.municipality.findData("haarlem"))
        press_save(dialog)

    assert window.new_client_action.shortcut().toString() == "Ctrl+N"
    saved = while_modal(ClientDialog, client)
    press_shortcut(qtbot, window, "Ctrl+N")
    assert len(saved) == 1 and saved[0].result() == QDialog.DialogCode.Accepted
    view = window.dossier_view
    assert view.dossier is not None and view.title.text() == "Noor van Dijk"
    assert "Nog geen dossier." in view.details.text()
    assert next_step(window) == ""  # no case, no steps: the line says to open one

    def case(dialog: CaseDialog) -> None:
        assert dialog.route.currentData() == "standard"
        dialog.registered_on.setDate(QDate(MELDING))
        assert dialog.case_manager.currentText() == "Petra Jansen"
        press_save(dialog)

    assert window.new_case_action.isEnabled(), window.new_case_action.toolTip()
    opened = while_modal(CaseDialog, case)
    window.new_case_action.trigger()
    assert len(opened) == 1 and opened[0].result() == QDialog.DialogCode.Accepted
    assert "melding 16-11-2026 · klantmanager Petra Jansen · dossier open" in view.details.text()
    assert not window.new_case_action.isEnabled()  # one open case per client
    assert step_row(window, "Melding")["state"] == "afgerond"
    assert step_row(window, MEETING_NAME)["note"] == "nog niet ingepland"
    assert next_step(window) == MEETING_NAME


def rights_meeting_and_interview(qtbot, window: MainWindow, clock: Clock) -> None:
    """Booked on the proposed Thursday; present; the interview planned within 7 days and held."""
    dialog = step_button(window, StepKey.RIGHTS_MEETING, A.BOOK)
    assert dialog.windowTitle() == "Inschrijven voor de bijeenkomst"
    assert dialog.proposed == MEETING and dialog.chosen_day() == MEETING
    press_save(dialog)
    assert not dialog.isVisible()
    row = step_row(window, MEETING_NAME)
    assert (row["state"], row["on"]) == ("gepland", "19-11-2026")
    assert next_step(window) == "Participatiegesprek"

    next_day(qtbot, window, clock, MEETING)
    dialog = step_button(window, StepKey.RIGHTS_MEETING, A.ATTENDANCE)
    dialog.attendance.setCurrentIndex(dialog.attendance.findData(Attendance.PRESENT))
    press_save(dialog)
    assert not dialog.isVisible()
    assert step_row(window, MEETING_NAME)["state"] == "afgerond"
    assert next_step(window) == "Participatiegesprek"
    assert step_row(window, "Participatiegesprek")["deadline"] == "26-11-2026"

    dialog = step_button(window, StepKey.INTERVIEW, A.PLAN)
    due = dialog.findChild(type(dialog.general_error), "interview_due")
    assert due.text() == "Uiterlijk donderdag 26 november 2026 (7 dagen na de bijeenkomst)"
    assert dialog.location.text().startswith("Werkplein")
    dialog.day.setDate(QDate(INTERVIEW))
    dialog.clock.setTime(QTime(10, 30))
    press_save(dialog)
    assert not dialog.isVisible()
    row = step_row(window, "Participatiegesprek")
    assert (row["state"], row["on"], row["note"]) == ("gepland", "24-11-2026", "")
    assert next_step(window) == "Workshop naar Werk"
    held = window.dossier_view.step_panel.buttons[A.HELD]
    assert not held.isEnabled() and held.toolTip() == "Het gesprek is nog niet geweest."

    next_day(qtbot, window, clock, INTERVIEW)
    dialog = step_button(window, StepKey.INTERVIEW, A.HELD)
    assert dialog.held.currentData() is True
    press_save(dialog)
    assert not dialog.isVisible()
    assert step_row(window, "Participatiegesprek")["state"] == "afgerond"
    assert next_step(window) == "Workshop naar Werk"


def workshop_application_and_advance(qtbot, window: MainWindow, clock: Clock, monkeypatch):
    """The workshop with Pasmatch, attended; the application with one thing missing and a
    term; the advance, then the agreement letter opened on it."""
    dialog = step_button(window, StepKey.WORKSHOP, A.BOOK)
    assert dialog.proposed == WORKSHOP
    dialog.partner.setCurrentIndex(dialog.partner.findData(Partner.PASMATCH))
    press_save(dialog)
    assert not dialog.isVisible()
    row = step_row(window, "Workshop naar Werk")
    assert (row["state"], row["on"]) == ("gepland", "26-11-2026")
    route = window.dossier_view.dossier.route if window.dossier_view.dossier else None
    booked = route.workshop if route else None
    assert booked is not None and booked.partner is Partner.PASMATCH
    assert next_step(window) == "Aanvraag ontvangen"

    next_day(qtbot, window, clock, WORKSHOP)
    dialog = step_button(window, StepKey.WORKSHOP, A.ATTENDANCE)
    dialog.attendance.setCurrentIndex(dialog.attendance.findData(Attendance.PRESENT))
    press_save(dialog)
    assert step_row(window, "Workshop naar Werk")["state"] == "afgerond"
    assert next_step(window) == "Aanvraag ontvangen"

    dialog = step_button(window, StepKey.APPLICATION, A.APPLICATION)
    assert dialog.deadline.text() == "donderdag 21 januari 2027 (8 weken na ontvangst)"
    dialog.missing.setPlainText("bankafschriften van oktober")
    dialog.complete_by.set_value(COMPLETE_BY)
    press_save(dialog)
    assert not dialog.isVisible()
    row = step_row(window, "Aanvraag ontvangen")
    assert (row["state"], row["on"], row["deadline"]) == ("afgerond", "26-11-2026", "10-12-2026")
    assert row["note"] == "ontbreekt nog: bankafschriften van oktober"
    assert step_row(window, "Besluit")["deadline"] == "21-01-2027"
    assert next_step(window) == "Besluit"

    asked = answer(monkeypatch, yes=True)
    step_button(window, StepKey.ADVANCE, A.ADVANCE)
    advance = window.advance_dialog
    assert advance is not None and advance.isVisible()
    terms = advance.terms.text()
    # 90 % of the norm for a single person from 21 to the AOW age, in force on 1 July 2026
    assert terms.startswith("<b>Voorschot €\xa01.287,25</b>: 90 % van de norm €\xa01.430,28")
    assert advance.schedule.rowCount() == 6  # six months, the default
    press_save(advance)
    assert not advance.isVisible()
    assert asked == ["Het voorschot is toegekend. Wilt u nu de voorschotovereenkomst maken?"]
    letter = window.letter_dialog
    assert letter is not None and letter.isVisible()
    assert letter.kind.currentData().kind is LetterKind.ADVANCE
    qtbot.waitUntil(lambda: letter.letter is not None, timeout=20000)
    assert letter.keep_button.isEnabled()
    letter.accept()
    row = step_row(window, "Voorschot")
    assert (row["state"], row["on"]) == ("afgerond", "26-11-2026")
    assert next_step(window) == "Besluit"


def rejection_held_back(qtbot, window: MainWindow, clock: Clock, database) -> BatchWindow:
    """The rejection, two paragraphs, saved as ready; the batch holds it back for want of a
    call."""
    next_day(qtbot, window, clock, DECIDED)
    step_button(window, StepKey.DECISION, A.DECISION)
    form = window.decision_dialog
    assert form is not None and form.isVisible()
    form.kind.setCurrentIndex(form.kind.findData(DecisionKind.REJECTION))
    assert form.decided_on.value() == DECIDED
    form.reasons.editors[0].setPlainText(REASONS[0])
    form.reasons.add_button.click()
    form.reasons.editors[1].setPlainText(REASONS[1])
    form.ground.setCurrentIndex(form.ground.findData(RejectionGround.INCOME))
    form.save_ready.click()
    assert not form.isVisible()
    decision = read_db(database, the_decision)
    assert (decision.kind, decision.status) == (DecisionKind.REJECTION, DecisionStatus.READY)
    assert decision.reasons == REASONS
    waiting = "er is nog geen uitleg vooraf aan de klant vastgelegd"
    [row] = table_rows(window.dossier_view.decisions)
    assert row == ["Besluit: afwijzing", "gereed", KENMERK, "27-11-2026", "", "", waiting]
    assert next_step(window) == "Besluit"

    window.batch_action.trigger()
    batch = window.batch_window
    assert batch is not None and batch.isVisible()
    assert batch.sent_on.date() == QDate(DECIDED)  # the window's today
    assert table_rows(batch.held_back) == [["N. van Dijk", BSN, "Besluit: afwijzing", waiting]]
    assert batch.ready.rowCount() == 0
    assert batch.summary.text() == "0 klaar, 1 tegengehouden."
    assert not batch.print_button.isEnabled()
    return batch


def explanation_call(window: MainWindow, batch: BatchWindow) -> None:
    """Gesprek vastleggen…: the client was reached; the decision is held back no longer."""
    assert window.call_action.isEnabled(), window.call_action.toolTip()
    window.call_action.trigger()
    call = window.call_dialog
    assert call is not None and call.isVisible()
    assert call.decision.currentText() == "Besluit: afwijzing (gereed)"
    call.reached.setChecked(True)
    call.at.setDateTime(QDateTime(QDate(CALLED.date()), QTime(CALLED.hour, CALLED.minute)))
    call.note.setPlainText("Afwijzing uitgelegd: het inkomen van de partner is te hoog.")
    press_save(call)
    assert not call.isVisible()
    [contact] = table_rows(window.dossier_view.contacts)
    assert contact[0].startswith("27-11-2026 11:30") and contact[3] == "ja"
    assert table_rows(window.dossier_view.decisions)[0][6] == "in orde"

    button(batch, "Vernieuwen").click()
    assert batch.held_back.rowCount() == 0
    assert [r[:4] for r in table_rows(batch.ready)] == [
        ["N. van Dijk", BSN, "2023 CB", "Besluit: afwijzing"]
    ]
    assert batch.summary.text() == "1 klaar, 0 tegengehouden."
    batch.close()
    assert next_step(window) == "Besluit"  # until it is sent


def administration_sends(qtbot, database, clock: Clock, monkeypatch) -> BatchWindow:
    """Ahmed, in his own window, prints the batch on Monday: one question, answered Ja."""
    clock.day = SENT
    ahmed = open_window(qtbot, OnTheDay(database, "abakker", SynchronousRunner(), clock=clock))
    assert ahmed.statusBar().currentMessage() == "Aangemeld als Ahmed Bakker (administratie)"
    menu_item(ahmed, "Verzenden", "Verzendbatch…").trigger()
    batch = ahmed.batch_window
    assert batch is not None and batch.isVisible()
    assert batch.sent_on.date() == QDate(SENT)
    assert [r[0] for r in table_rows(batch.ready)] == ["N. van Dijk"]
    asked = answer(monkeypatch, yes=True)
    batch.print_button.click()
    qtbot.waitUntil(lambda: batch.outcome is not None, timeout=60000)
    assert asked == ["1 besluit verzenden op maandag 30 november 2026?"]
    assert batch.last_run.text().startswith(
        "Klaar: 1 besluit verzonden op maandag 30 november 2026, "
    )
    assert batch.ready.rowCount() == 0 and batch.held_back.rowCount() == 0
    assert batch.output is not None and batch.output.is_file()
    return batch


def test_the_route_from_the_first_start_to_the_sent_rejection(qtbot, sqlite_database, monkeypatch):
    clock = Clock(MELDING)
    window = first_start(qtbot, sqlite_database, clock, monkeypatch)
    add_colleague(window)
    # every letter prints the municipality's data: beheer verifies them before the first one
    with sqlite_database.session() as session, session.begin():
        verify_all_municipalities(session, "pjansen")
    new_client_and_case(qtbot, window)
    rights_meeting_and_interview(qtbot, window, clock)
    # the agreement states an amount: beheer (Petra has the rights) verifies the shipped norms
    with sqlite_database.session() as session, session.begin():
        verify_all_norm_tables(session, "pjansen")
    workshop_application_and_advance(qtbot, window, clock, monkeypatch)
    batch = rejection_held_back(qtbot, window, clock, sqlite_database)
    explanation_call(window, batch)
    printed = administration_sends(qtbot, sqlite_database, clock, monkeypatch)

    decision = read_db(sqlite_database, the_decision)
    assert decision.status is DecisionStatus.SENT
    assert (decision.sent_on, decision.objection_deadline) == (SENT, OBJECTION_UNTIL)
    stored = read_db(
        sqlite_database,
        lambda s: (
            s.scalars(select(StoredLetter).where(StoredLetter.decision_id == decision.id))
            .one()
            .batch_id
        ),
    )
    assert stored is not None  # kept with the dossier, as part of the batch

    # Petra looks the dossier up again
    search_for(qtbot, window, "Dijk")
    [row] = table_rows(window.dossier_view.decisions)
    assert row[:6] == [
        "Besluit: afwijzing",
        "verzonden",
        KENMERK,
        "27-11-2026",
        "30-11-2026",
        "11-01-2027",
    ]
    step = step_row(window, "Besluit")
    assert (step["state"], step["on"]) == ("afgerond", "30-11-2026")
    assert step["note"] == "bezwaar mogelijk tot en met 11 januari 2027"
    assert next_step(window) == ""
    [letter] = table_rows(window.dossier_view.letters)
    assert "afwijzing" in letter[1].lower() and letter[2] == "Ahmed Bakker"

    assert printed.output is not None
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(printed.output).pages)
    assert "N. van Dijk" in text
    assert "bezwaar" in text
    assert "11 januari 2027" in text
