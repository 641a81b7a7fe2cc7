"""A letter kept with the dossier, shown as it was kept: who made it, when (Dutch time) and
with which template versions, above the PDF itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from correspondence.queries.stored_letters import StoredLetterFile
from correspondence.rules.formatting import count_noun, moment
from ui.pdf_viewer import PdfViewer


class StoredLetterDialog(QDialog):
    def __init__(self, letter: StoredLetterFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letter = letter
        self.setWindowTitle(f"{letter.label} — {moment(letter.created_at)}")
        self.resize(820, 900)
        self.view = PdfViewer(self)
        self.view.show_pdf(letter.pdf)
        pages = count_noun(self.view.pdf.pageCount(), "pagina", "pagina's")
        # plain text: a name is shown as registered, whatever characters it holds
        self.made = QLabel(
            f"{letter.label} · {pages} · gemaakt {moment(letter.created_at)} door {letter.made_by}"
        )
        self.made.setObjectName("made")
        self.made.setTextFormat(Qt.TextFormat.PlainText)
        versions = [f"{name}  versie {version}" for name, version in letter.versions]
        self.versions = QLabel(
            "\n".join(["Sjabloonversies:", *versions, f"SHA-256 van de PDF: {letter.pdf_sha256}"])
        )
        self.versions.setObjectName("versions")
        self.versions.setTextFormat(Qt.TextFormat.PlainText)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton("Sluiten")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.made)
        layout.addWidget(self.versions)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
