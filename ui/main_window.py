"""The main window: client search on the left, the chosen client's dossier on the right."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
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
from correspondence.queries.views import ClientRow, Dossier
from correspondence.rules.formatting import count_noun
from correspondence.workflows import decisions, demo
from store.vocabulary import DecisionStatus
from ui.batch_window import BatchWindow
from ui.call_dialog import CallDialog
from ui.case_dialog import CaseDialog
from ui.client_dialog import ClientDialog
from ui.context import AppContext, Outcome
from ui.dossier_view import DossierView
from ui.letter_dialog import LetterDialog
from ui.workers import Job, run_job

SEARCH_DELAY_MS = 250
NO_PARENT = QModelIndex()


class ClientTableModel(QAbstractTableModel):
    HEADERS: ClassVar[list[str]] = ["Naam", "BSN", "Postcode", "Woonplaats", "Gemeente"]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ClientRow] = []

    def set_rows(self, rows: list[ClientRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if role != Qt.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        return (row.name, row.bsn, row.postcode, row.city, row.municipality)[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole
    ) -> Any:
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.HEADERS[section]
        return None


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
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.result_count = QLabel()
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.search_box)
        column.addWidget(self.table, 1)
        column.addWidget(self.result_count)
        self.dossier_view = DossierView()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.dossier_view)
        splitter.setSizes([520, 880])
        self.setCentralWidget(splitter)

        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search)
        self.search_box.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_box.returnPressed.connect(self.search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._build_actions()
        for status, button in self.dossier_view.status_buttons.items():
            button.clicked.connect(lambda _checked=False, status=status: self.set_decision(status))
        self.search_generation = 0
        self.batch_window: BatchWindow | None = None
        self.selected_client: int | None = None
        self._update_actions()

    def _build_actions(self) -> None:
        toolbar = self.addToolBar("Dossier")
        toolbar.setObjectName("toolbar")
        toolbar.setMovable(False)
        self.new_client_action = QAction("Nieuwe klant", self, shortcut=QKeySequence.New)
        self.edit_client_action = QAction("Klant bewerken", self)
        self.new_case_action = QAction("Nieuw dossier", self)
        self.case_action = QAction("Dossier bewerken", self)
        self.letter_action = QAction("Brief maken…", self)
        self.call_action = QAction("Gesprek vastleggen…", self)
        self.batch_action = QAction("Verzendbatch…", self)
        self.demo_action = QAction("Demogegevens laden", self)
        self.new_client_action.triggered.connect(self.new_client)
        self.edit_client_action.triggered.connect(self.edit_client)
        self.new_case_action.triggered.connect(self.new_case)
        self.case_action.triggered.connect(self.edit_case)
        self.letter_action.triggered.connect(self.make_letter)
        self.call_action.triggered.connect(self.log_call)
        self.batch_action.triggered.connect(self.open_batch)
        self.demo_action.triggered.connect(self.load_demo)
        for action in (
            self.new_client_action,
            self.edit_client_action,
            self.new_case_action,
            self.case_action,
            self.letter_action,
            self.call_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.batch_action)
        toolbar.addAction(self.demo_action)
        self.statusBar().showMessage(f"Aangemeld als {self.context.username}")

    def _update_actions(self) -> None:
        dossier = self.dossier_view.dossier
        has_open_case = bool(dossier and dossier.case and dossier.case.open)
        self.edit_client_action.setEnabled(dossier is not None)
        self.new_case_action.setEnabled(dossier is not None and not has_open_case)
        self.case_action.setEnabled(bool(dossier and dossier.case))
        self.letter_action.setEnabled(bool(dossier and dossier.case))
        self.call_action.setEnabled(has_open_case)

    # --- search and dossier, both read off the UI thread ---

    def search(self) -> None:
        text = self.search_box.text()
        self.search_generation += 1
        generation = self.search_generation
        run_job(
            lambda _progress: self.context.read(lambda s: views.search(s, text)),
            lambda rows: self._show_results(generation, rows),
            self._report_failure,
        )

    def _show_results(self, generation: int, rows: list[ClientRow]) -> None:
        if generation != self.search_generation:
            return  # an older search finished after a newer one started
        self.results.set_rows(rows)
        found = f"{count_noun(len(rows), 'klant', 'klanten')} gevonden"
        self.result_count.setText(found if self.search_box.text() else "")
        if len(rows) == 1:
            self.table.selectRow(0)

    def _selection_changed(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if indexes:
            self.open_dossier(self.results.rows[indexes[0].row()].id)

    def open_dossier(self, client_id: int) -> Job:
        self.selected_client = client_id
        today = self.context.today()
        return run_job(
            lambda _progress: self.context.read(lambda s: views.dossier_of(s, client_id, today)),
            self._show_dossier,
            self._report_failure,
        )

    def _show_dossier(self, dossier: Dossier | None) -> None:
        if dossier is not None and dossier.client_id != self.selected_client:
            return
        self.dossier_view.show_dossier(dossier)
        self._update_actions()

    def _report_failure(self, message: str) -> None:
        QMessageBox.critical(self, "Poortpost", message)

    # --- editing ---

    def new_client(self) -> None:
        municipalities = self.context.read(views.municipalities)
        dialog = ClientDialog(self.context, municipalities, parent=self)
        if dialog.exec():
            self._after_save(dialog.saved_value)

    def edit_client(self) -> None:
        dossier = self.dossier_view.dossier
        if dossier is None:
            return
        municipalities = self.context.read(views.municipalities)
        dialog = ClientDialog(
            self.context,
            municipalities,
            (dossier.client_id, dossier.client_input),
            parent=self,
        )
        if dialog.exec():
            self._after_save(dossier.client_id)

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
        managers = self.context.read(views.case_managers)
        dialog = CaseDialog(self.context, dossier.client_id, managers, existing, parent=self)
        if dialog.exec():
            self._after_save(dossier.client_id)

    def make_letter(self) -> LetterDialog | None:
        dossier = self.dossier_view.dossier
        if dossier is None or dossier.case is None:
            return None
        case_id = dossier.case.id
        choices = self.context.read(lambda s: self.context.letters.choices(s, case_id))
        dialog = LetterDialog(self.context, self.context.letters, case_id, choices, parent=self)
        dialog.finished.connect(lambda _result: self.open_dossier(dossier.client_id))
        dialog.open()
        return dialog

    def set_decision(self, status: DecisionStatus) -> Job | None:
        decision_id = self.dossier_view.selected_decision()
        dossier = self.dossier_view.dossier
        if decision_id is None or dossier is None:
            self.statusBar().showMessage("Kies eerst een besluit.", 5000)
            return None

        def change(_progress):  # type: ignore[no-untyped-def]
            return self.context.write(lambda s, a: decisions.set_status(s, a, decision_id, status))

        def done(outcome: Outcome) -> None:
            if outcome.errors:
                self._report_failure("; ".join(outcome.errors.values()))
            self.open_dossier(dossier.client_id)

        return run_job(change, done, self._report_failure)

    def log_call(self) -> CallDialog | None:
        dossier = self.dossier_view.dossier
        if dossier is None or dossier.case is None:
            return None
        waiting = [(d.id, f"{d.label} ({d.status})") for d in dossier.decisions if d.awaits_call]
        if not waiting:
            self._report_failure("Geen besluit in dit dossier wacht op uitleg vooraf.")
            return None
        chosen = self.dossier_view.selected_decision()
        dialog = CallDialog(self.context, waiting, chosen, parent=self)
        dialog.accepted.connect(lambda: self.open_dossier(dossier.client_id))
        dialog.open()
        return dialog

    def open_batch(self) -> BatchWindow:
        if self.batch_window is None:
            self.batch_window = BatchWindow(self.context, parent=self)
        self.batch_window.show()
        self.batch_window.raise_()
        self.batch_window.refresh()
        return self.batch_window

    def _after_save(self, client_id: int) -> None:
        self.search()
        self.open_dossier(client_id)

    # --- demo data ---

    def offer_demo(self) -> None:
        answer = QMessageBox.question(
            self,
            "Lege database",
            "Deze database bevat nog geen klanten. Wilt u fictieve demogegevens laden?",
        )
        if answer == QMessageBox.Yes:
            self.load_demo()

    def load_demo(self) -> Job:
        progress = QProgressDialog(
            "Demogegevens laden…", "Annuleren", 0, len(demo.DEMO_CLIENTS), self
        )
        progress.setWindowTitle("Poortpost")
        progress.setMinimumDuration(0)
        today = self.context.today()

        def work(report):  # type: ignore[no-untyped-def]
            return self.context.write(lambda s, actor: demo.load_demo(s, actor, today, report))

        def done(_outcome: object) -> None:
            progress.close()
            self.statusBar().showMessage("Demogegevens geladen", 5000)
            self.search_box.setText("")
            self.search()

        def failed(message: str) -> None:
            progress.close()
            self._report_failure(message)

        job = run_job(work, done, failed, lambda n, total: progress.setValue(n))
        progress.canceled.connect(job.cancel)
        return job
