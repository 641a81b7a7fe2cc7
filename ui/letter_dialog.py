"""Letters from the dossier: choose a letter that fits the case, see the PDF as it will be
printed, then keep it with the dossier, save it as a file, or print it."""

from __future__ import annotations

from pathlib import Path

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

from correspondence.letters.dossier_letters import LetterChoice
from correspondence.letters.produce import ProducedLetter
from correspondence.letters.saving import FileProblem, save_file
from correspondence.rules.formatting import count_noun
from correspondence.rules.kinds import LetterKind
from ui.context import AppContext
from ui.pdf_viewer import PdfViewer
from ui.printing import print_pdf

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
        client_id: int,
        case_id: int,
        choices: list[LetterChoice],
        parent: QWidget | None = None,
        preselect: LetterKind | None = None,
    ) -> None:
        """`preselect`: the kind of letter to show first, when it fits the case."""
        super().__init__(parent)
        self.context, self.client_id, self.case_id = context, client_id, case_id
        self.letter: ProducedLetter | None = None
        self.generation = 0
        self.setWindowTitle("Brief maken")
        self.resize(820, 900)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for choice in choices:
            self.kind.addItem(choice.label, choice)
        kinds = [choice.kind for choice in choices]
        if preselect in kinds:
            self.kind.setCurrentIndex(kinds.index(preselect))
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.view = PdfViewer(self)
        self.document = self.view.pdf
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
        letters = self.context.letters
        self.letter = None
        self._enable(False)
        self.status.setText("Voorbeeld maken…")
        self.context.ops.read(
            self,
            lambda session: letters.produce(session, case_id, choice, today),
            on_done=lambda letter: self._show(generation, letter),
            on_refused=lambda errors: self._cannot_yet(generation, errors),
            on_failed=self._failed,
        )

    def _cannot_yet(self, generation: int, errors: dict[str, str]) -> None:
        if generation != self.generation:
            return  # a newer choice is being made
        lines = [
            f"{FIELD_LABELS.get(field, field)}: {message}" for field, message in errors.items()
        ]
        self.status.setText("Deze brief kan nog niet worden gemaakt:\n" + "\n".join(lines))

    def _show(self, generation: int, letter: ProducedLetter) -> None:
        if generation != self.generation:
            return  # a newer choice is being made
        self.letter = letter
        self.view.show_pdf(letter.pdf)
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
        letters = self.context.letters
        self.keep_button.setEnabled(False)
        self.context.ops.write(
            self,
            "Brief bewaren",
            lambda session, actor: letters.keep(session, actor, case_id, choice, letter).id,
            client=self.client_id,
            on_done=lambda _stored: self.status.setText(
                f"Bewaard bij het dossier (SHA-256 {letter.pdf_sha256[:16]}…)."
            ),
            on_refused=lambda errors: self.status.setText("; ".join(errors.values())),
            on_failed=self._failed,
        )

    def save_as(self, extension: str) -> None:
        if self.letter is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            "Brief opslaan",
            f"{self.letter.file_stem}.{extension}",
            "PDF (*.pdf)" if extension == "pdf" else "Word (*.docx)",
        )
        if not name:
            return
        content = self.letter.pdf if extension == "pdf" else self.letter.docx
        if content is None:
            return
        try:
            save_file(Path(name), content)
        except FileProblem as exc:
            QMessageBox.critical(self, "Niet opgeslagen", str(exc))

    def print_letter(self) -> None:
        print_pdf(self, self.document)
