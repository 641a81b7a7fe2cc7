"""The dossier of one client: who, which route, the Poortmodel steps and what is due next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from correspondence.dossier import StepState
from correspondence.formatting import LOCAL_ZONE, clock_time, short_date
from correspondence.views import Dossier

STATE_COLOURS = {
    StepState.OVERDUE: "#f8d7da",
    StepState.DUE: "#fff3cd",
    StepState.DONE: "#e2f0d9",
    StepState.SKIPPED: "#eeeeee",
}
COLUMNS = ["Stap", "Status", "Datum", "Uiterlijk", "Toelichting"]


class DossierView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Kies een klant")
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel()
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.next_due = QLabel()
        self.next_due.setObjectName("next_due")
        self.next_due.setWordWrap(True)
        self.steps = QTableWidget(0, len(COLUMNS))
        self.steps.setObjectName("steps")
        self.steps.setHorizontalHeaderLabels(COLUMNS)
        self.steps.verticalHeader().hide()
        self.steps.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.steps.setSelectionMode(QAbstractItemView.NoSelection)
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.letters_label = QLabel("<b>Brieven bij dit dossier</b>")
        self.letters = QTableWidget(0, 3)
        self.letters.setObjectName("letters")
        self.letters.setHorizontalHeaderLabels(["Gemaakt", "Brief", "SHA-256 van de PDF"])
        self.letters.verticalHeader().hide()
        self.letters.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.letters.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.letters.horizontalHeader().setStretchLastSection(True)
        self.letters.setMaximumHeight(140)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.next_due)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.letters_label)
        layout.addWidget(self.letters)
        self.dossier: Dossier | None = None

    def show_dossier(self, dossier: Dossier | None) -> None:
        self.dossier = dossier
        self.steps.setRowCount(0)
        self.letters.setRowCount(0)
        if dossier is None:
            self.title.setText("Kies een klant")
            self.details.clear()
            self.next_due.clear()
            return
        self.title.setText(dossier.name)
        lines = [
            f"BSN {dossier.bsn} · geboren {dossier.birth_date} · gemeente {dossier.municipality}",
            " · ".join(dossier.address_lines),
        ]
        if dossier.case:
            case = dossier.case
            state = "open" if case.open else "gesloten"
            lines.append(
                f"Route: {case.route} · melding {short_date(case.registered_on)} · "
                f"klantmanager {case.case_manager} · dossier {state}"
            )
        else:
            lines.append("Nog geen dossier.")
        self.details.setText("\n".join(lines))
        if dossier.next_due:
            step = dossier.next_due
            when = f" (uiterlijk {short_date(step.deadline)})" if step.deadline else ""
            self.next_due.setText(f"<b>Volgende stap:</b> {step.title}{when} — {step.state.value}")
        else:
            self.next_due.setText("<b>Volgende stap:</b> geen openstaande acties")
        self.steps.setRowCount(len(dossier.steps))
        for row, step in enumerate(dossier.steps):
            values = [
                step.title,
                step.state.value,
                short_date(step.on) if step.on else "",
                short_date(step.deadline) if step.deadline else "",
                step.note,
            ]
            colour = STATE_COLOURS.get(step.state)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if colour:
                    item.setBackground(QBrush(QColor(colour)))
                if step.state is StepState.OVERDUE and column == 1:
                    bold = item.font()
                    bold.setBold(True)
                    item.setFont(bold)
                self.steps.setItem(row, column, item)
        self.letters.setRowCount(len(dossier.letters))
        for row, letter in enumerate(dossier.letters):
            made = letter.created_at.astimezone(LOCAL_ZONE)
            values = [
                f"{short_date(made.date())} {clock_time(made)}",
                letter.label,
                letter.pdf_sha256,
            ]
            for column, value in enumerate(values):
                self.letters.setItem(row, column, QTableWidgetItem(value))
