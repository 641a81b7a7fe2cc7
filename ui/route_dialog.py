"""Another route for the case (standard, youth or bypass), with the reason recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from correspondence.queries.route import RouteView
from correspondence.rules.formatting import weekday_date
from correspondence.rules.norms import YOUTH_AGE_LIMIT
from correspondence.rules.vocabulary import Route
from correspondence.workflows import route
from ui.case_dialog import ROUTES
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import combo, select

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write


class RouteDialog(FormDialog):
    def __init__(
        self, context: AppContext, client_id: int, view: RouteView, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "Route wijzigen", parent)
        self.client_id, self.view = client_id, view
        self.route = self.form.add("route", "Nieuwe route", combo(ROUTES))
        self.route_reason = self.form.add("route_reason", "Reden van de wijziging", QLineEdit())
        self.bypass_reason = self.form.add(
            "bypass_reason", "Reden bypass", QLineEdit(view.bypass_reason)
        )
        self.hint = QLabel()
        self.hint.setObjectName("route_hint")
        self.hint.setWordWrap(True)
        self.form.layout_.addRow(self.hint)
        self.route.currentIndexChanged.connect(self._route_changed)
        # the route it follows now is not a change: propose the first other one
        other = next(value for value, _label in ROUTES if value != view.route.value)
        select(self.route, other)
        self._route_changed()

    def _route_changed(self) -> None:
        chosen = self.route.currentData()
        self.bypass_reason.setEnabled(chosen == Route.BYPASS.value)
        hint = ""
        if chosen == Route.YOUTH.value:
            ends = weekday_date(self.view.search_period_ends)
            first = weekday_date(self.view.apply_from)
            hint = f"Zoektermijn van 4 weken tot en met {ends}; aanvragen kan vanaf {first}."
            if not self.view.young:
                hint += f" Alleen voor klanten jonger dan {YOUTH_AGE_LIMIT}."
        elif chosen == Route.BYPASS.value:
            hint = "Bij bypass slaat de klant de bijeenkomst, het gesprek en de workshop over."
        self.hint.setText(hint)

    def change(self) -> Write[int]:
        case_id, today = self.view.case_id, self.context.today()
        chosen, reason = str(self.route.currentData()), self.route_reason.text()
        bypass = self.bypass_reason.text()
        return lambda session, actor: (
            route.switch_route(session, actor, case_id, chosen, reason, today, bypass).id
        )

    def changed_client(self, saved: int) -> int:
        return self.client_id
