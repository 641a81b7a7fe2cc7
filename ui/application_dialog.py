"""The application: the day it was received (the 8-week decision term starts then), what it
still misses and the term the client has to complete it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from correspondence.queries.route import RouteView
from correspondence.rules import deadlines
from correspondence.rules.formatting import weekday_date
from correspondence.workflows import route
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import OptionalDate, date_edit, day_of

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write


class ApplicationDialog(FormDialog):
    def __init__(
        self, context: AppContext, client_id: int, view: RouteView, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "Aanvraag vastleggen", parent)
        self.client_id, self.case_id, self.calendar = client_id, view.case_id, view.calendar
        received = view.application_received_on or context.today()
        self.received = self.form.add(
            "application_received_on", "Ontvangen op", date_edit(received)
        )
        self.deadline = QLabel()
        self.deadline.setObjectName("decision_deadline")
        self.form.layout_.addRow("Besluit uiterlijk", self.deadline)
        self.missing = self.form.add(
            "application_missing", "Ontbreekt nog (één per regel)", QPlainTextEdit()
        )
        self.missing.setPlainText("\n".join(view.application_missing))
        self.complete_by = self.form.add(
            "application_complete_by", "Aanvullen uiterlijk", OptionalDate()
        )
        self.complete_by.set_value(view.application_complete_by)
        self.received.dateChanged.connect(self._show_deadline)
        self._show_deadline()

    def _show_deadline(self) -> None:
        """The decision term that receipt on the chosen day starts (Awb 4:13, Atw)."""
        end = deadlines.decision_deadline(day_of(self.received), self.calendar)
        self.deadline.setText(f"{weekday_date(end)} (8 weken na ontvangst)")

    def change(self) -> Write[int]:
        case_id, today = self.case_id, self.context.today()
        received, term = day_of(self.received), self.complete_by.value()
        missing = self.missing.toPlainText().splitlines()
        return lambda session, actor: (
            route.record_application(session, actor, case_id, received, missing, term, today).id
        )

    def changed_client(self, saved: int) -> int:
        return self.client_id
