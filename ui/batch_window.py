"""Administration's batch printing: the queue of ready decisions, what is held back and why,
and the print run with a progress bar and cancel, off the UI thread."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from correspondence.batch.output import default_output
from correspondence.batch.queue import BatchFilter, Queue, build_queue, check_print_date
from correspondence.batch.run import BatchResult, BatchRun, run_batch
from correspondence.letters.saving import FileProblem, save_copy
from correspondence.queries import views
from correspondence.queries.views import Choice
from correspondence.rules.formatting import count_noun, weekday_date
from correspondence.rules.kinds import KIND_OF_DECISION, LABELS
from correspondence.rules.vocabulary import DecisionKind
from ui import asking
from ui.context import AppContext
from ui.printing import print_pdf
from ui.widgets import HELD_BACK, OptionalDate, add_options, combo, date_edit, day_of, fill, table
from ui.workers import Cancelled, Job, Progress

ALL = None


class BatchWindow(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.queue: Queue | None = None
        self.outcome: BatchResult | None = None
        self.output: Path | None = None
        self.print_job: Job | None = None
        self.running = False
        self.stop = threading.Event()  # set by Annuleren; the run checks it often
        self.setWindowTitle("Verzendbatch — administratie")
        self.resize(1000, 700)
        # the municipalities and case managers are added once they are read
        self.municipality = combo([(ALL, "Alle gemeenten")])
        self.kind = combo(
            [(ALL, "Alle soorten")] + [(k, LABELS[KIND_OF_DECISION[k]]) for k in DecisionKind]
        )
        self.manager = combo([(ALL, "Alle klantmanagers")])
        self.decided_from, self.decided_until = OptionalDate(), OptionalDate()
        self.sent_on = date_edit(context.today())  # the day the window works on
        filters = QFormLayout()
        filters.addRow("Gemeente", self.municipality)
        filters.addRow("Soort", self.kind)
        filters.addRow("Klantmanager", self.manager)
        filters.addRow("Besloten vanaf", self.decided_from)
        filters.addRow("Besloten tot en met", self.decided_until)
        filters.addRow("Verzenddatum", self.sent_on)
        self.ready = table(
            "ready", ["Naam", "BSN", "Postcode", "Besluit", "Klantmanager", "Gemeente"]
        )
        self.held_back = table("held_back", ["Naam", "BSN", "Besluit", "Waarom tegengehouden"])
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        # what the last run did; it stays until the next run, beside the file it made
        self.last_run = QLabel()
        self.last_run.setObjectName("last_run")
        self.last_run.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setFormat("%v van %m")
        self.cancel_button = QPushButton("Annuleren")
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        refresh = QPushButton("Vernieuwen")
        self.print_button = QPushButton("Batch afdrukken…")
        self.send_to_printer = QPushButton("Naar printer…")
        self.save_button = QPushButton("PDF opslaan als…")
        refresh.clicked.connect(self.refresh)
        self.print_button.clicked.connect(self.start)
        self.send_to_printer.clicked.connect(self.to_printer)
        self.save_button.clicked.connect(self.save_as)
        for widget in (self.municipality, self.kind, self.manager):
            widget.currentIndexChanged.connect(self.refresh)
        self.sent_on.dateChanged.connect(self.refresh)
        for optional in (self.decided_from, self.decided_until):
            optional.enabled.toggled.connect(self.refresh)
            optional.editor.dateChanged.connect(self.refresh)
        buttons = QHBoxLayout()
        for button in (refresh, self.print_button, self.send_to_printer, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(QLabel("<b>Klaar om te verzenden</b> (op volgorde van postcode)"))
        layout.addWidget(self.ready, 2)
        layout.addWidget(QLabel("<b>Tegengehouden</b>"))
        layout.addWidget(self.held_back, 1)
        layout.addWidget(self.summary)
        layout.addLayout(running)
        layout.addWidget(self.last_run)
        layout.addLayout(buttons)
        self._show_running(False)
        self._offer_output(None)
        context.ops.read(
            self,
            lambda session: (views.municipalities(session), views.case_managers(session)),
            on_done=self._show_choices,
            title="Verzendbatch",
        )

    def _show_choices(self, choices: tuple[list[Choice], list[Choice]]) -> None:
        municipalities, managers = choices
        add_options(self.municipality, [(m.value, m.label) for m in municipalities])
        add_options(self.manager, [(m.value, m.label) for m in managers])

    def filters(self) -> BatchFilter:
        return BatchFilter(
            municipality=self.municipality.currentData(),
            kind=self.kind.currentData(),
            case_manager_id=self.manager.currentData(),
            decided_from=self.decided_from.value(),
            decided_until=self.decided_until.value(),
        )

    def refresh(self) -> Job:
        filters, sent_on = self.filters(), day_of(self.sent_on)
        self.print_button.setEnabled(False)
        return self.context.ops.read(
            self,
            lambda session: build_queue(session, filters, sent_on),
            on_done=self._show_queue,
            on_failed=lambda message: self.summary.setText(
                f"De wachtrij is niet te laden: {message}"
            ),
        )

    def _show_queue(self, queue: Queue) -> None:
        self.queue = queue
        fill(
            self.ready,
            [
                [
                    e.name,
                    e.bsn,
                    e.postcode,
                    LABELS[KIND_OF_DECISION[e.kind]],
                    e.case_manager,
                    e.municipality,
                ]
                for e in queue.ready
            ],
        )
        fill(
            self.held_back,
            [[h.name, h.bsn, LABELS[KIND_OF_DECISION[h.kind]], h.reason] for h in queue.held_back],
            [HELD_BACK] * len(queue.held_back),
        )
        self.summary.setText(f"{len(queue.ready)} klaar, {len(queue.held_back)} tegengehouden.")
        self._may_print()

    def start(self) -> Job:
        """Check the date the letters will carry, then print what the filters choose."""
        sent_on = day_of(self.sent_on)
        filters, today = self.filters(), self.context.today()
        self.print_button.setEnabled(False)  # one run at a time, also while the date is checked

        def refused(message: str) -> None:  # a date in the past: say why, print nothing
            QMessageBox.warning(self, "Verzendbatch", message)
            self._may_print()

        return self.context.ops.read(
            self,
            lambda session: check_print_date(sent_on, today, session),
            on_done=lambda warning: self._print(filters, sent_on, warning),
            on_failed=refused,
        )

    def _may_print(self) -> None:
        self.print_button.setEnabled(bool(self.queue and self.queue.ready) and not self.running)

    def _print(self, filters: BatchFilter, sent_on: date, warning: str | None) -> None:
        count = len(self.queue.ready) if self.queue else 0
        decisions = count_noun(count, "besluit", "besluiten")
        question = f"{decisions} verzenden op {weekday_date(sent_on)}?"
        # one question, with the date's warning (a weekend, a holiday) in it when there is one
        if not asking.confirm(
            self, "Verzendbatch", f"{warning}.\n\n{question}" if warning else question
        ):
            self._may_print()
            return
        # the file of an earlier batch is no longer offered: whatever this run ends in, only
        # its own file may be printed or saved
        self.outcome = None
        self._offer_output(None)
        self.last_run.clear()
        self.stop.clear()
        self._show_running(True)
        out = default_output(sent_on)
        database, username, stop = self.context.database, self.context.username, self.stop

        def check() -> None:
            if stop.is_set():
                raise Cancelled

        def work(report: Progress) -> BatchResult:
            run = BatchRun(database, username, sent_on, filters, out, progress=report, check=check)
            return run_batch(run)

        def done(result: BatchResult) -> None:
            self._show_running(False)
            self.outcome = result
            self._offer_output(out if result.printed else None)
            printed = count_noun(len(result.printed), "besluit", "besluiten")
            pages = count_noun(result.pages, "pagina", "pagina's")
            self.last_run.setText(
                f"Klaar: {printed} verzonden op {weekday_date(sent_on)}, {pages}; "
                f"{len(result.held_back)} tegengehouden."
            )
            self.refresh()

        def failed(message: str) -> None:
            self._show_running(False)
            if stop.is_set():
                self.last_run.setText("Afgebroken: er is niets verzonden.")
            else:
                self.last_run.setText(f"Niet afgedrukt: {message.rstrip('.')}.")
            self.refresh()

        def advanced(done_count: int, all_count: int) -> None:
            self.progress.setRange(0, all_count)  # from busy to a count
            self.progress.setValue(done_count)

        self.print_job = self.context.ops.task(
            self, "Verzendbatch", work, on_done=done, on_failed=failed, on_progress=advanced
        )

    def cancel(self) -> None:
        """Stop the run at its next check, within a fraction of a second; nothing is sent."""
        self.stop.set()
        if self.print_job is not None:
            self.print_job.cancel()
        self.cancel_button.setEnabled(False)
        self.progress.setFormat("Annuleren…")

    def _show_running(self, running: bool) -> None:
        """While a run goes, its progress bar and cancel; busy until the first count."""
        self.running = running
        self.progress.setRange(0, 0)
        self.progress.setFormat("%v van %m")
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self._may_print()

    def _offer_output(self, output: Path | None) -> None:
        self.output = output
        self.send_to_printer.setEnabled(output is not None)
        self.save_button.setEnabled(output is not None)

    def to_printer(self) -> None:
        if self.output is None:
            return
        document = QPdfDocument(self)
        document.load(str(self.output))
        print_pdf(self, document, duplex=True)

    def save_as(self) -> None:
        if self.output is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Batch opslaan", self.output.name, "PDF (*.pdf)"
        )
        if name:
            try:
                save_copy(self.output, Path(name))
            except FileProblem as exc:
                QMessageBox.critical(self, "Niet opgeslagen", str(exc))
