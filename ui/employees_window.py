"""Beheer's *Medewerkers* window: who works in Poortpost, in which role, and adding one. The
name given here is the one every letter prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from correspondence.queries.employees import EmployeeRow, employees
from correspondence.rules.vocabulary import Role
from correspondence.workflows.employees import EmployeeInput, add_employee
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import combo, fill, table

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write


class EmployeesWindow(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Medewerkers")
        self.resize(640, 400)
        self.table = table(
            "employees",
            ["Gebruikersnaam", "Naam in brieven", "Initialen", "Rol", "Beheerrechten", "Actief"],
        )
        self.add_button = QPushButton("Medewerker toevoegen…")
        self.add_button.clicked.connect(self.add)
        close = QPushButton("Sluiten")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.context.ops.read(self, employees, on_done=self._show)

    def _show(self, rows: list[EmployeeRow]) -> None:
        fill(
            self.table,
            [
                [
                    r.username,
                    r.name,
                    r.initials,
                    r.role,
                    "ja" if r.admin or r.role == Role.ADMIN else "nee",
                    "ja" if r.active else "nee",
                ]
                for r in rows
            ],
        )

    def add(self) -> None:
        dialog = EmployeeDialog(self.context, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()


class EmployeeDialog(FormDialog):
    """One new employee; only beheer may save it, the workflow says so otherwise."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "Medewerker toevoegen", parent)
        self.setMinimumWidth(440)
        self.username = self.form.add("username", "Gebruikersnaam", QLineEdit())
        self.full_name = self.form.add("full_name", "Naam in brieven", QLineEdit())
        self.initials = self.form.add("initials", "Initialen", QLineEdit())
        self.role = self.form.add("role", "Rol", combo([(r.value, r.value) for r in Role]))
        self.email = self.form.add("email", "E-mail", QLineEdit())
        self.phone = self.form.add("phone", "Telefoon", QLineEdit())

    def change(self) -> Write[int]:
        data = EmployeeInput(
            self.username.text(),
            self.full_name.text(),
            self.role.currentData(),
            self.email.text(),
            self.phone.text(),
            self.initials.text(),
        )
        return lambda session, actor: add_employee(session, actor, data).id

    def changed_client(self, saved: int) -> None:
        return None
