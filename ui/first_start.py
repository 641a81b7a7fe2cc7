"""The first start on a new database: the person at the keyboard says who they are, and is
registered with the role they work in and with beheer rights, so they can add colleagues."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from correspondence.rules.vocabulary import Role
from correspondence.workflows import unit_of_work
from correspondence.workflows.employees import EmployeeInput, register_first_employee
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import combo

WELCOME = (
    "<b>Welkom bij Poortpost.</b> Deze database heeft nog geen medewerkers. Vul in wie u bent: "
    "uw naam en initialen komen zo in brieven te staan. U wordt de eerste medewerker en krijgt "
    "daarbij beheerrechten, zodat u uw collega's kunt toevoegen onder Beheer › Medewerkers."
)


class FirstStartDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "Eerste start — wie bent u?", parent)
        self.setMinimumWidth(480)
        welcome = QLabel(WELCOME)
        welcome.setWordWrap(True)
        self.form.layout_.addRow(welcome)
        self.full_name = self.form.add("full_name", "Naam in brieven", QLineEdit())
        self.full_name.setPlaceholderText("bijvoorbeeld Petra Jansen")
        self.initials = self.form.add("initials", "Initialen", QLineEdit())
        self.initials.setPlaceholderText("bijvoorbeeld P.J.")
        self.role = self.form.add("role", "Uw rol", combo([(r.value, r.value) for r in Role]))
        self.email = self.form.add("email", "E-mail", QLineEdit())
        self.phone = self.form.add("phone", "Telefoon", QLineEdit())
        # the login name the operating system gives, shown so nobody wonders who is registered
        self.username = self.form.add("username", "Gebruikersnaam", QLineEdit(context.username))
        self.username.setReadOnly(True)

    def save(self) -> None:
        data = EmployeeInput(
            self.context.username,
            self.full_name.text(),
            self.role.currentData(),
            self.email.text(),
            self.phone.text(),
            self.initials.text(),
        )
        database = self.context.database

        def register(_progress: Any) -> int:
            # nobody is signed in yet: this write is the one that registers who acts
            with unit_of_work.committing(database) as session:
                return register_first_employee(session, data).id

        self.buttons.setEnabled(False)
        self.context.ops.task(
            self,
            "Niet opgeslagen",
            register,
            on_done=self._saved,
            on_refused=self._show_errors,
            on_failed=self._failed,
        )
