"""The dossier of one client: who, which route, the Poortmodel steps and what is due next,
its decisions with the contact log, and the letters kept with it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from correspondence.queries.dossier import StepState
from correspondence.queries.views import Dossier
from correspondence.rules.formatting import moment, short_date
from ui.decision_actions import DecisionActions
from ui.step_actions import StepPanel
from ui.widgets import HELD_BACK, fill, fit, table

# what the pane shows before a client is chosen: where a new employee begins
START_HERE = (
    "<b>Wat nu?</b><ul>"
    "<li>Zoek een klant op BSN, naam of postcode (Ctrl+F) en kies hem in de lijst.</li>"
    "<li>Een nieuwe melding: <i>Nieuwe klant</i> (Ctrl+N), daarna <i>Nieuw dossier</i>.</li>"
    "<li>In het dossier staat steeds de volgende stap, met de knop die hem zet.</li>"
    "<li>Gereed staande besluiten verzenden: Verzenden › Verzendbatch.</li>"
    "<li>Collega's toevoegen en hun rol geven: Beheer › Medewerkers.</li>"
    "</ul>"
)

STATE_COLOURS = {
    StepState.OVERDUE: "#f8d7da",
    StepState.DUE: "#fff3cd",
    StepState.DONE: "#e2f0d9",
    StepState.SKIPPED: "#eeeeee",
}


def day(value: date | None) -> str:
    return short_date(value) if value else ""


class DossierView(QWidget):
    open_letter = Signal(int)  # a kept letter to show: its id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Kies een klant")
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel()
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.next_due = QLabel()
        self.next_due.setObjectName("next_due")
        self.next_due.setWordWrap(True)
        self.steps = table("steps", ["Stap", "Status", "Datum", "Uiterlijk", "Toelichting"])
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.decisions = table(
            "decisions",
            [
                "Besluit",
                "Status",
                "Kenmerk",
                "Besloten",
                "Verzonden",
                "Bezwaar tot",
                "Uitleg vooraf",
            ],
        )
        self.contacts = table(
            "contacts", ["Wanneer", "Door", "Hoe", "Bereikt", "Wat is er gezegd", "Corrigeert"]
        )
        self.letters = table(
            "letters", ["Gemaakt", "Brief", "Gemaakt door", "Sjabloonversie", "SHA-256 van de PDF"]
        )
        # double-click or Enter on a letter, or the button, opens it
        self.letters.activated.connect(lambda _index: self._open_selected_letter())
        self.open_letter_button = QPushButton("Openen")
        self.open_letter_button.clicked.connect(self._open_selected_letter)
        self.decision_actions = DecisionActions(self.decisions, self.contacts)
        self.status_buttons = {
            to: self.decision_actions.buttons[action]
            for to, action in self.decision_actions.moves.items()
        }
        decisions_tab = QWidget()
        column = QVBoxLayout(decisions_tab)
        column.addWidget(self.decisions, 1)
        column.addLayout(self.decision_actions.decision_buttons)
        column.addWidget(QLabel("<b>Contactlog</b> (alleen aan te vullen)"))
        column.addWidget(self.contacts, 2)
        column.addLayout(self.decision_actions.contact_buttons)
        self.tabs = QTabWidget()
        self.step_panel = StepPanel(self.steps)  # the buttons of the steps' actions beside it
        self.next_due.linkActivated.connect(self.step_panel.run_next)
        self.tabs.addTab(self.step_panel, "Stappen")
        self.tabs.addTab(decisions_tab, "Besluiten en gesprekken")
        letters_tab = QWidget()
        letters_column = QVBoxLayout(letters_tab)
        letters_column.addWidget(self.letters, 1)
        letters_buttons = QHBoxLayout()
        letters_buttons.addWidget(self.open_letter_button)
        letters_buttons.addStretch(1)
        letters_column.addLayout(letters_buttons)
        self.tabs.addTab(letters_tab, "Brieven")
        self.start_here = QLabel(START_HERE)
        self.start_here.setObjectName("start_here")
        self.start_here.setWordWrap(True)
        self.start_here.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.next_due)
        layout.addWidget(self.start_here, 1)
        layout.addWidget(self.tabs, 1)
        self.dossier: Dossier | None = None
        self.tabs.hide()

    def selected_decision(self) -> int | None:
        row = self.decision_actions.selected()
        return row.id if row else None

    def selected_call(self) -> int | None:
        return self.decision_actions.selected_call()

    def _open_selected_letter(self) -> None:
        rows = self.letters.selectionModel().selectedRows()
        if rows and self.dossier is not None:
            self.open_letter.emit(self.dossier.letters[rows[0].row()].id)

    def show_dossier(self, dossier: Dossier | None) -> None:
        """Show `dossier`; the decision chosen stays chosen when the same dossier reloads."""
        same = self.dossier and dossier and self.dossier.client_id == dossier.client_id
        chosen = self.selected_decision() if same else None
        self.dossier = dossier
        for widget in (self.steps, self.decisions, self.contacts, self.letters):
            widget.setRowCount(0)
        self.tabs.setVisible(dossier is not None)
        self.start_here.setVisible(dossier is None)
        if dossier is None:
            self.decision_actions.show_dossier(None)
            self.title.setText("Kies een klant")
            self.details.clear()
            self.next_due.clear()
            self.step_panel.show_steps(None)
            return
        self.title.setText(dossier.name)
        lines = [
            f"BSN {dossier.bsn} · geboren {dossier.birth_date} · gemeente {dossier.municipality}",
            " · ".join(dossier.address_lines),
        ]
        if dossier.case:
            case = dossier.case
            lines.append(
                f"Zaak {case.number} · route: {case.route} · melding "
                f"{short_date(case.registered_on)} · "
                f"klantmanager {case.case_manager} · dossier {case.status}"
            )
        else:
            lines.append("Nog geen dossier.")
        self.details.setText("\n".join(lines))
        if dossier.next_due:
            step = dossier.next_due
            when = f" (uiterlijk {short_date(step.deadline)})" if step.deadline else ""
            self.next_due.setText(f"<b>Volgende stap:</b> {step.title}{when} — {step.state.value}")
        elif dossier.case is None:
            self.next_due.setText(
                "<b>Volgende stap:</b> een dossier openen (Dossier › Nieuw dossier)"
            )
        else:
            self.next_due.setText("<b>Volgende stap:</b> geen openstaande acties")
        self._fill_steps(dossier)
        self.step_panel.show_steps(dossier)
        self.next_due.setText(self.next_due.text() + self.step_panel.next_link())
        fill(
            self.decisions,
            [
                [
                    d.label,
                    d.status,
                    d.kenmerk,
                    day(d.decided_on),
                    day(d.sent_on),
                    day(d.objection_deadline),
                    d.held_back or ("in orde" if d.open else ""),
                ]
                for d in dossier.decisions
            ],
            [HELD_BACK if d.held_back else None for d in dossier.decisions],
        )
        fill(
            self.contacts,
            [
                [
                    moment(c.at),
                    c.by,
                    c.channel,
                    "ja" if c.reached else "nee",
                    c.note,
                    f"gesprek {c.corrects_id}" if c.corrects_id else "",
                ]
                for c in dossier.contacts
            ],
        )
        fill(
            self.letters,
            [
                [moment(k.created_at), k.label, k.made_by, k.template, k.pdf_sha256]
                for k in dossier.letters
            ],
        )
        ids = [d.id for d in dossier.decisions]
        if chosen in ids:
            self.decisions.selectRow(ids.index(chosen))
        self.decision_actions.show_dossier(dossier)

    def _fill_steps(self, dossier: Dossier) -> None:
        self.steps.setRowCount(len(dossier.steps))
        for row, step in enumerate(dossier.steps):
            values = [step.title, step.state.value, day(step.on), day(step.deadline), step.note]
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
        fit(self.steps)
