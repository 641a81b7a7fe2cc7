"""Open or edit a client's case (dossier): route, dates and the fixed contact person."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLineEdit, QWidget

from correspondence.queries.views import Choice
from correspondence.rules.inputs import CaseInput
from correspondence.workflows import cases
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import OptionalDate, combo, date_edit, day_of, select

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

ROUTES = [
    ("standard", "Standaard (27 jaar en ouder)"),
    ("youth", "Jongeren (onder 27): zoektermijn"),
    ("bypass", "Bypass (maatwerk)"),
]


class CaseDialog(FormDialog):
    def __init__(
        self,
        context: AppContext,
        client_id: int,
        managers: list[Choice],
        existing: tuple[int, dict[str, Any]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Dossier bewerken" if existing else "Nieuw dossier", parent)
        self.client_id = client_id
        self.case_id = existing[0] if existing else None
        self.route = self.form.add("route", "Route", combo(ROUTES))
        self.bypass_reason = self.form.add("bypass_reason", "Reden bypass", QLineEdit())
        self.registered_on = self.form.add("registered_on", "Datum melding", date_edit())
        self.ww_ends_on = self.form.add("ww_ends_on", "Einde WW", OptionalDate())
        self.case_manager = self.form.add(
            "case_manager_id",
            "Klantmanager",
            combo([(m.value, m.label) for m in managers]),
        )
        self.received = self.form.add(
            "application_received_on", "Aanvraag ontvangen", OptionalDate()
        )
        self.delay_reason = self.form.add(
            "interview_delay_reason", "Reden gesprek na 7 dagen", QLineEdit()
        )
        self.route.currentIndexChanged.connect(self._route_changed)
        if existing:
            self.fill(existing[1])
        self._route_changed()

    def _route_changed(self) -> None:
        self.bypass_reason.setEnabled(self.route.currentData() == "bypass")

    def fill(self, values: dict[str, Any]) -> None:
        select(self.route, values["route"])
        self.bypass_reason.setText(values["bypass_reason"])
        self.registered_on.setDate(QDate(values["registered_on"]))
        self.ww_ends_on.set_value(values["ww_ends_on"])
        select(self.case_manager, values["case_manager_id"])
        self.received.set_value(values["application_received_on"])
        self.delay_reason.setText(values["interview_delay_reason"])

    def data(self) -> CaseInput:
        return CaseInput(
            route=self.route.currentData(),
            registered_on=day_of(self.registered_on),
            case_manager_id=self.case_manager.currentData(),
            bypass_reason=self.bypass_reason.text(),
            ww_ends_on=self.ww_ends_on.value(),
            application_received_on=self.received.value(),
            interview_delay_reason=self.delay_reason.text(),
        )

    def change(self) -> Write[int]:
        data, client_id, case_id, today = (
            self.data(),
            self.client_id,
            self.case_id,
            self.context.today(),
        )
        if case_id is None:
            return lambda session, actor: cases.open_case(session, actor, client_id, data, today).id
        return lambda session, actor: cases.update_case(session, actor, case_id, data, today).id

    def changed_client(self, saved: int) -> int:
        return self.client_id
