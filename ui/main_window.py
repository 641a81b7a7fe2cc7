"""The main window: client search on the left, the chosen client's dossier on the right.

Each dialog is imported where it opens, so the window starts without loading them all."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from correspondence.queries import views
from correspondence.queries.decisions import DecisionForm, LoggedCall, decision_form, logged_call
from correspondence.queries.employees import EmployeeRow, has_employees, signed_in
from correspondence.queries.stored_letters import StoredLetterFile, stored_letter
from correspondence.queries.views import Choice, ClientRow, Dossier
from correspondence.rules import labels
from correspondence.rules.formatting import count_noun
from correspondence.rules.inputs import ClientInput
from correspondence.rules.kinds import LetterKind
from correspondence.rules.vocabulary import DecisionStatus
from correspondence.workflows import decisions
from ui import asking
from ui.client_table import ClientTableModel
from ui.context import AppContext
from ui.dossier_view import DossierView
from ui.navigation import DownIntoResults, build_menus, offer, unavailable
from ui.recent import RecentMenu
from ui.step_actions import StepActionRunner
from ui.widgets import fit, user_sized
from ui.workers import Job

if TYPE_CHECKING:
    from correspondence.letters.dossier_letters import LetterChoice
    from correspondence.workflows.unit_of_work import Read
    from ui.advance_dialog import AdvanceDialog
    from ui.batch_window import BatchWindow
    from ui.call_dialog import CallDialog
    from ui.decision_dialog import DecisionDialog
    from ui.first_start import FirstStartDialog
    from ui.letter_dialog import LetterDialog
    from ui.stored_letter_dialog import StoredLetterDialog

SEARCH_DELAY_MS = 250
# what the employee confirms before a decision moves back or is withdrawn
CONFIRM = {
    DecisionStatus.DRAFT: (
        "Besluit ‘{kind}’ terug naar concept? Het gaat niet mee in de verzendbatch tot het "
        "weer gereed is gezet."
    ),
    DecisionStatus.WITHDRAWN: (
        "Besluit ‘{kind}’ intrekken? Het wordt niet verzonden; intrekken kan niet ongedaan "
        "worden gemaakt."
    ),
}


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle("Poortpost — Werkplein Zuid-Kennemerland")
        self.resize(1200, 720)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("search")
        self.search_box.setPlaceholderText("Zoek op BSN, naam of postcode")
        self.search_box.setClearButtonEnabled(True)
        self.results = ClientTableModel()
        self.table = QTableView()
        self.table.setObjectName("results")
        self.table.setModel(self.results)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        user_sized(self.table)
        self.result_count = QLabel()
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.search_box)
        column.addWidget(self.table, 1)
        column.addWidget(self.result_count)
        self.dossier_view = DossierView()
        splitter = self.splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.dossier_view)
        splitter.setSizes([520, 880])
        self.setCentralWidget(splitter)
        self._restore_layout()

        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search)
        self.search_box.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_box.returnPressed.connect(self.search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._build_actions()
        self.step_actions = StepActionRunner(self)  # opens the dialog of a step's action
        self.dossier_view.open_letter.connect(self.open_stored_letter)
        actions = self.dossier_view.decision_actions
        for status, action in actions.moves.items():
            action.triggered.connect(
                lambda _checked=False, status=status: self.set_decision(status)
            )
        actions.new_decision.triggered.connect(self.new_decision)
        actions.edit_decision.triggered.connect(self.edit_decision)
        actions.correct_call.triggered.connect(self.correct_call)
        self.search_generation = 0
        self.batch_window: BatchWindow | None = None
        self.letter_dialog: LetterDialog | None = None
        self.decision_dialog: DecisionDialog | None = None
        self.call_dialog: CallDialog | None = None
        self.advance_dialog: AdvanceDialog | None = None
        self.first_start_dialog: FirstStartDialog | None = None
        self.stored_letter_dialog: StoredLetterDialog | None = None
        self.selected_client: int | None = None
        self.opening = False  # what a dialog offers is being read
        # whatever changed a dossier, the one it changed is shown as it is now
        context.changes.dossier_changed.connect(self.open_dossier)
        # the first to act on an empty database is registered by that write
        context.changes.dossier_changed.connect(lambda _client: self.show_signed_in())
        self._update_actions()

    def _restore_layout(self) -> None:
        """Size, position and splitter as the employee left them (in Qt's own settings file)."""
        settings = QSettings("Poortpost", "Poortpost")
        if geometry := settings.value("main/geometry"):
            self.restoreGeometry(geometry)
        if splitter := settings.value("main/splitter"):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings("Poortpost", "Poortpost")
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        super().closeEvent(event)

    def _build_actions(self) -> None:
        toolbar = self.addToolBar("Dossier")
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        self.find_action = QAction("Zoeken", self)
        self.find_action.triggered.connect(self.focus_search)
        self.quit_action = QAction("Afsluiten", self)
        self.quit_action.triggered.connect(self.close)
        self.new_client_action = QAction("Nieuwe klant", self)
        self.edit_client_action = QAction("Klant bewerken", self)
        self.new_case_action = QAction("Nieuw dossier", self)
        self.case_action = QAction("Dossier bewerken", self)
        self.letter_action = QAction("Brief maken…", self)
        self.call_action = QAction("Gesprek vastleggen…", self)
        self.advance_action = QAction("Voorschot toekennen…", self)
        self.advance_action.triggered.connect(self.grant_advance)
        # the decision actions live with the decisions they act on, in the dossier view
        self.new_decision_action = self.dossier_view.decision_actions.new_decision
        self.edit_decision_action = self.dossier_view.decision_actions.edit_decision
        self.correct_call_action = self.dossier_view.decision_actions.correct_call
        self.batch_action = QAction("Verzendbatch…", self)
        self.demo_action = QAction("Demogegevens laden", self)
        self.new_client_action.triggered.connect(self.new_client)
        self.edit_client_action.triggered.connect(self.edit_client)
        self.new_case_action.triggered.connect(self.new_case)
        self.case_action.triggered.connect(self.edit_case)
        self.letter_action.triggered.connect(lambda: self.make_letter())
        self.call_action.triggered.connect(self.log_call)
        self.batch_action.triggered.connect(self.open_batch)
        self.demo_action.triggered.connect(self.load_demo)
        self.recent_menu = RecentMenu(self.context, self.open_recent, self)
        for action in (
            self.new_client_action,
            self.edit_client_action,
            self.new_case_action,
            self.case_action,
            self.letter_action,
            self.call_action,
            self.advance_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.batch_action)
        toolbar.addAction(self.demo_action)
        build_menus(self)
        DownIntoResults(self.search_box, self.table)
        self.table.activated.connect(lambda _index: self.dossier_view.setFocus())
        self.show_signed_in()

    def show_signed_in(self) -> None:
        """Who works in the window and in which role, as registered."""
        username = self.context.username

        def show(employee: EmployeeRow | None) -> None:
            who = (
                f"{employee.name} ({employee.role})"
                if employee
                else f"{username} (nog niet geregistreerd)"
            )
            self.statusBar().showMessage(f"Aangemeld als {who}")

        self.context.ops.read(self, lambda session: signed_in(session, username), on_done=show)

    def _update_actions(self) -> None:
        for name, reason in unavailable(self.dossier_view.dossier).items():
            offer(getattr(self, name), reason)

    # --- search and dossier, both read off the UI thread ---

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def search(self) -> None:
        """A new search forgets the dossier shown: no action may touch a client out of view."""
        # Enter searches at once: the search the typing scheduled would repeat it and close the
        # dossier chosen meanwhile
        self.search_timer.stop()
        self.selected_client = None
        self.dossier_view.show_dossier(None)
        self._update_actions()
        self._list(keep=None)

    def _list(self, keep: int | None) -> None:
        """Fill the list from the search box; with `keep`, that client stays chosen."""
        text = self.search_box.text()
        self.search_generation += 1
        generation = self.search_generation
        self.context.ops.read(
            self,
            lambda session: views.search(session, text),
            on_done=lambda rows: self._show_results(generation, rows, keep),
        )

    def _show_results(self, generation: int, rows: list[ClientRow], keep: int | None) -> None:
        if generation != self.search_generation:
            return  # an older search finished after a newer one started
        self.results.set_rows(rows)
        fit(self.table)
        found = f"{count_noun(len(rows), 'klant', 'klanten')} gevonden"
        self.result_count.setText(found if self.search_box.text() else "")
        ids = [row.id for row in rows]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif len(rows) == 1:
            self.table.selectRow(0)

    def _selection_changed(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if indexes:
            self.open_dossier(self.results.rows[indexes[0].row()].id)

    def open_dossier(self, client_id: int) -> Job:
        self.selected_client = client_id
        today = self.context.today()
        return self.context.ops.read(
            self,
            lambda session: views.dossier_of(session, client_id, today),
            on_done=self._show_dossier,
        )

    def _show_dossier(self, dossier: Dossier | None) -> None:
        if dossier is not None and dossier.client_id != self.selected_client:
            return
        self.dossier_view.show_dossier(dossier)
        if dossier is not None:
            self.recent_menu.remember(dossier.client_id)
        self._update_actions()

    def open_recent(self, client_id: int) -> Job:
        """A dossier from Bestand → Recente dossiers; the search list keeps its rows."""
        self.table.selectionModel().clearSelection()
        return self.open_dossier(client_id)

    def _report_failure(self, message: str) -> None:
        QMessageBox.critical(self, "Poortpost", message)

    # --- editing ---

    def _open_with(self, offered: Read[Any], show: Callable[[Any], None]) -> None:
        """Read what a dialog offers, then open it; another click meanwhile opens nothing."""
        if self.opening:
            return
        self.opening = True

        def done(value: Any) -> None:
            self.opening = False
            show(value)

        def failed(message: str) -> None:
            self.opening = False
            self._report_failure(message)

        self.context.ops.read(self, offered, on_done=done, on_failed=failed)

    def new_client(self) -> None:
        self._open_with(views.municipalities, lambda choices: self._client_dialog(choices, None))

    def edit_client(self) -> None:
        dossier = self.dossier_view.dossier
        if dossier is None:
            return
        existing = (dossier.client_id, dossier.client_input)
        self._open_with(
            views.municipalities, lambda choices: self._client_dialog(choices, existing)
        )

    def _client_dialog(
        self, municipalities: list[Choice], existing: tuple[int, ClientInput] | None
    ) -> None:
        from ui.client_dialog import ClientDialog

        dialog = ClientDialog(self.context, municipalities, existing, parent=self)
        if not dialog.exec():
            return
        if existing is None:
            # the new client's dossier stays open, ready for Nieuw dossier; a search would
            # forget it, and the text in the search box need not find the new client
            self.open_recent(dialog.saved_value)
        else:
            # the list shows the new name or address; the dossier stays open
            self._list(keep=existing[0])

    def new_case(self) -> None:
        self._case_dialog(new=True)

    def edit_case(self) -> None:
        self._case_dialog(new=False)

    def _case_dialog(self, new: bool) -> None:
        dossier = self.dossier_view.dossier
        if dossier is None:
            return
        existing = None
        if not new and dossier.case and dossier.case_input:
            existing = (dossier.case.id, dossier.case_input)
        client_id = dossier.client_id

        def show(managers: list[Choice]) -> None:
            from ui.case_dialog import CaseDialog

            CaseDialog(self.context, client_id, managers, existing, parent=self).exec()

        self._open_with(views.case_managers, show)

    def make_letter(self, kind: LetterKind | None = None) -> None:
        """The letter dialog opens once the letters that fit the case are known, on `kind`
        when it is one of them."""
        dossier = self.dossier_view.dossier
        if dossier is None or dossier.case is None:
            return
        client_id, case_id, letters = dossier.client_id, dossier.case.id, self.context.letters

        def show(choices: list[LetterChoice]) -> None:
            from ui.letter_dialog import LetterDialog  # the PDF viewer loads when first needed

            self.letter_dialog = LetterDialog(
                self.context, client_id, case_id, choices, preselect=kind, parent=self
            )
            self.letter_dialog.open()

        self._open_with(lambda session: letters.choices(session, case_id), show)

    def open_stored_letter(self, letter_id: int) -> None:
        """A letter kept with the dossier, its PDF read when it is opened."""

        def show(letter: StoredLetterFile) -> None:
            from ui.stored_letter_dialog import StoredLetterDialog  # the PDF viewer loads now

            self.stored_letter_dialog = StoredLetterDialog(letter, parent=self)
            self.stored_letter_dialog.open()

        self._open_with(lambda session: stored_letter(session, letter_id), show)

    # --- decisions, the contact log and the advance ---

    def new_decision(self) -> DecisionDialog | None:
        dossier = self.dossier_view.dossier
        if dossier is None or dossier.case is None or not dossier.case.open:
            return None
        from ui.decision_dialog import DecisionDialog

        self.decision_dialog = DecisionDialog(
            self.context, dossier.client_id, dossier.case.id, dossier.case.registered_on, None, self
        )
        self.decision_dialog.open()
        return self.decision_dialog

    def edit_decision(self) -> None:
        """The chosen decision's form opens once its text is read."""
        dossier, decision_id = self.dossier_view.dossier, self.dossier_view.selected_decision()
        if dossier is None or dossier.case is None or decision_id is None:
            return
        client_id, case = dossier.client_id, dossier.case

        def show(existing: DecisionForm) -> None:
            from ui.decision_dialog import DecisionDialog

            self.decision_dialog = DecisionDialog(
                self.context, client_id, case.id, case.registered_on, existing, self
            )
            self.decision_dialog.open()

        self._open_with(lambda session: decision_form(session, decision_id), show)

    def set_decision(self, status: DecisionStatus) -> Job | None:
        """Set the chosen decision ready, back to draft or withdrawn; the last two only once
        the employee has confirmed what will happen."""
        decision = self.dossier_view.decision_actions.selected()
        dossier = self.dossier_view.dossier
        if decision is None or dossier is None:
            self.statusBar().showMessage("Kies eerst een besluit.", 5000)
            return None
        if (question := CONFIRM.get(status)) and not asking.confirm(
            self, "Besluit", question.format(kind=labels.DECISION_KINDS[decision.kind])
        ):
            return None
        decision_id = decision.id
        return self.context.ops.write(
            self,
            "Poortpost",
            lambda session, actor: decisions.set_status(session, actor, decision_id, status).id,
            client=dossier.client_id,
        )

    def correct_call(self) -> None:
        """The call form, filled in as the chosen entry was logged; saving logs a new entry
        that corrects it, as the contact log only grows."""
        dossier, entry_id = self.dossier_view.dossier, self.dossier_view.selected_call()
        if dossier is None or entry_id is None:
            return
        client_id = dossier.client_id

        def show(logged: LoggedCall) -> None:
            from ui.call_dialog import CallDialog

            self.call_dialog = CallDialog.correcting(self.context, client_id, logged, self)
            self.call_dialog.open()

        self._open_with(lambda session: logged_call(session, entry_id), show)

    def grant_advance(self) -> AdvanceDialog | None:
        """The advance form; once it is granted, the agreement letter is offered."""
        dossier = self.dossier_view.dossier
        if dossier is None or dossier.case is None or not dossier.case.open:
            return None
        from ui.advance_dialog import AdvanceDialog

        dialog = self.advance_dialog = AdvanceDialog(
            self.context, dossier.client_id, dossier.case.id, parent=self
        )
        dialog.accepted.connect(self._offer_agreement)
        dialog.open()
        return dialog

    def _offer_agreement(self) -> None:
        if asking.confirm(
            self,
            "Voorschot toegekend",
            "Het voorschot is toegekend. Wilt u nu de voorschotovereenkomst maken?",
        ):
            self.make_letter(LetterKind.ADVANCE)

    def log_call(self) -> CallDialog | None:
        dossier = self.dossier_view.dossier
        if dossier is None or dossier.case is None:
            return None
        waiting = [(d.id, f"{d.label} ({d.status})") for d in dossier.decisions if d.awaits_call]
        if not waiting:
            self._report_failure("Geen besluit in dit dossier wacht op uitleg vooraf.")
            return None
        chosen = self.dossier_view.selected_decision()
        from ui.call_dialog import CallDialog

        dialog = self.call_dialog = CallDialog(
            self.context, dossier.client_id, waiting, chosen, parent=self
        )
        dialog.open()
        return dialog

    def open_batch(self) -> BatchWindow:
        if self.batch_window is None:
            from ui.batch_window import BatchWindow  # the batch printer loads when first needed

            self.batch_window = BatchWindow(self.context, parent=self)
        self.batch_window.show()
        self.batch_window.raise_()
        self.batch_window.refresh()
        return self.batch_window

    # --- a new database ---

    def begin(self) -> Job:
        """A database without employees asks who is working; one without clients then offers
        the demo data; the dossier pane meanwhile says what to do next."""

        def decide(state: tuple[bool, bool]) -> None:
            registered, empty = state
            if not registered:
                self.first_start(offer_demo=empty)
            elif empty:
                self.offer_demo()

        return self.context.ops.read(
            self, lambda session: (has_employees(session), views.is_empty(session)), on_done=decide
        )

    def first_start(self, offer_demo: bool) -> FirstStartDialog:
        from ui.first_start import FirstStartDialog

        dialog = self.first_start_dialog = FirstStartDialog(self.context, self)

        def registered() -> None:
            self.show_signed_in()
            if offer_demo:
                self.offer_demo()

        dialog.accepted.connect(registered)
        dialog.open()
        return dialog

    def offer_demo(self) -> None:
        """Asked as every Ja/Nee question is, Nee by default: Enter never fills a real
        database with fictional clients."""
        if asking.confirm(
            self,
            "Lege database",
            "Deze database bevat nog geen klanten. Wilt u fictieve demogegevens laden?",
        ):
            self.load_demo()

    def load_demo(self) -> Job:
        from correspondence.workflows import demo  # only a new database needs it

        progress = QProgressDialog(
            "Demogegevens laden…", "Annuleren", 0, len(demo.DEMO_CLIENTS), self
        )
        progress.setWindowTitle("Poortpost")
        progress.setMinimumDuration(0)
        today = self.context.today()

        def done(_count: int) -> None:
            progress.close()
            self.statusBar().showMessage("Demogegevens geladen", 5000)
            self.search_box.setText("")
            self.search()

        def failed(message: str) -> None:
            progress.close()
            self._report_failure(message)

        job = self.context.ops.write(
            self,
            "Poortpost",
            lambda session, actor, report: demo.load_demo(session, actor, today, report),
            on_done=done,
            on_failed=failed,
            on_progress=lambda n, _total: progress.setValue(n),
        )
        progress.canceled.connect(job.cancel)
        return job
