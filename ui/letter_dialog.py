"""Letters from the dossier: choose a letter that fits the case, see the PDF as it will be
printed, then keep it with the dossier, save it as a file, or print it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from correspondence.letters.dossier_letters import DossierLetters, LetterChoice
from correspondence.letters.produce import ProducedLetter
from correspondence.rules.formatting import count_noun
from store.files import FileProblem, write_private
from ui.context import AppContext, Outcome
from ui.workers import run_job

# the case fields a letter may miss, as an employee knows them
FIELD_LABELS = {
    "rights_meeting": "bijeenkomst Rechten en Plichten",
    "interview": "participatiegesprek",
    "advance": "voorschot",
    "advance.start": "start voorschot",
    "advance.repayment": "aflossing",
    "application_received_on": "datum ontvangst aanvraag",
    "decision.explained": "uitleg vooraf",
    "decision.reasons": "motivering",
    "decision.missing": "ontbrekende informatie",
    "decision.requested_on": "datum verzoek om informatie",
    "client.birth_date": "geboortedatum",
}


class LetterDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        letters: DossierLetters,
        case_id: int,
        choices: list[LetterChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.letters, self.case_id = context, letters, case_id
        self.letter: ProducedLetter | None = None
        self.generation = 0
        self.setWindowTitle("Brief maken")
        self.resize(820, 900)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for choice in choices:
            self.kind.addItem(choice.label, choice)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.buffer = QBuffer(self)
        self.keep_button = QPushButton("Bewaren bij dossier")
        self.save_pdf_button = QPushButton("Opslaan als PDF…")
        self.save_docx_button = QPushButton("Opslaan als Word…")
        self.print_button = QPushButton("Afdrukken…")
        close = QPushButton("Sluiten")
        self.keep_button.clicked.connect(self.keep)
        self.save_pdf_button.clicked.connect(lambda: self.save_as("pdf"))
        self.save_docx_button.clicked.connect(lambda: self.save_as("docx"))
        self.print_button.clicked.connect(self.print_letter)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (
            self.keep_button,
            self.save_pdf_button,
            self.save_docx_button,
            self.print_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self.preview)
        self._enable(False)
        if choices:
            self.preview()
        else:
            self.status.setText("Bij deze stap van het dossier past nog geen brief.")

    def _enable(self, ready: bool) -> None:
        choice = self.kind.currentData()
        for button in (self.save_pdf_button, self.save_docx_button, self.print_button):
            button.setEnabled(ready)
        self.keep_button.setEnabled(ready and choice is not None and not choice.draft)

    def preview(self) -> None:
        choice: LetterChoice = self.kind.currentData()
        self.generation += 1
        generation, case_id, today = self.generation, self.case_id, self.context.today()
        self.letter = None
        self._enable(False)
        self.status.setText("Voorbeeld maken…")

        def work(_progress):  # type: ignore[no-untyped-def]
            return self.context.attempt(lambda s: self.letters.produce(s, case_id, choice, today))

        run_job(work, lambda outcome: self._show(generation, outcome), self._failed)

    def _show(self, generation: int, outcome: Outcome) -> None:
        if generation != self.generation:
            return  # a newer choice is being made
        if outcome.errors:
            lines = [
                f"{FIELD_LABELS.get(field, field)}: {message}"
                for field, message in outcome.errors.items()
            ]
            self.status.setText("Deze brief kan nog niet worden gemaakt:\n" + "\n".join(lines))
            return
        self.letter = outcome.value
        self.document.close()
        self.buffer.close()
        self.buffer.setData(QByteArray(self.letter.pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)
        choice: LetterChoice = self.kind.currentData()
        note = " Concept: het besluit krijgt zijn datum bij verzending." if choice.draft else ""
        pages = count_noun(self.document.pageCount(), "pagina", "pagina's")
        self.status.setText(f"{pages}.{note}")
        self._enable(True)

    def _failed(self, message: str) -> None:
        self.status.setText(f"De brief kan niet worden gemaakt: {message}")

    def keep(self) -> None:
        letter, choice, case_id = self.letter, self.kind.currentData(), self.case_id
        if letter is None:
            return
        self.keep_button.setEnabled(False)

        def work(_progress):  # type: ignore[no-untyped-def]
            return self.context.write(
                lambda s, actor: self.letters.keep(s, actor, case_id, choice, letter).id
            )

        def kept(outcome: Outcome) -> None:
            if outcome.errors:
                self.status.setText("; ".join(outcome.errors.values()))
                return
            self.status.setText(f"Bewaard bij het dossier (SHA-256 {letter.pdf_sha256[:16]}…).")

        run_job(work, kept, self._failed)

    def save_as(self, extension: str) -> None:
        if self.letter is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            "Brief opslaan",
            f"{self.letter.kind.value}.{extension}",
            "PDF (*.pdf)" if extension == "pdf" else "Word (*.docx)",
        )
        if not name:
            return
        content = self.letter.pdf if extension == "pdf" else self.letter.docx
        try:
            write_private(Path(name), content)
        except FileProblem as exc:
            QMessageBox.critical(self, "Niet opgeslagen", str(exc))

    def print_letter(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_document(self.document, printer)


def print_document(document: QPdfDocument, printer: QPrinter) -> None:
    """Print every page of the PDF as an image at the printer's resolution."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("de printer is niet te openen")
    try:
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(index).toSize().scaled(target.size(), Qt.KeepAspectRatio)
            image = document.render(index, QSize(size.width(), size.height()))
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
