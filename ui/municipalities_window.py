"""Beheer's *Gemeenten* window: the municipalities with whether and by whom their data were
verified, every field of the one chosen, changing them and verifying them against the
municipality's own publication (ui.verified_list). A change asks for verifying again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from correspondence.queries.municipalities import MunicipalityRow, municipalities
from correspondence.rules import verification
from correspondence.rules.formatting import moment
from correspondence.rules.municipality_data import MUNICIPALITY_FIELDS
from correspondence.workflows.municipalities import change_municipality, verify_municipality
from ui.context import AppContext
from ui.forms import FormDialog
from ui.verified_list import VerifiedListWindow
from ui.widgets import fill

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write


class MunicipalitiesWindow(VerifiedListWindow[MunicipalityRow]):
    verify_hint = "De gegevens van deze gemeente controleren tegen haar eigen publicatie"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        edit_button = QPushButton("Wijzigen…")
        super().__init__(
            context,
            "Gemeenten",
            municipalities,
            (
                "municipalities",
                ["Code", "Naam", "Geverifieerd", "Geverifieerd door", "Geverifieerd op"],
            ),
            ("municipality_data", ["Gegeven", "Waarde"]),
            [edit_button],
            parent,
        )
        self.edit_dialog: MunicipalityDialog | None = None
        self.edit_button = edit_button
        edit_button.clicked.connect(self.edit)
        self.resize(820, 520)
        self._chosen()
        self.refresh()

    def key(self, row: MunicipalityRow) -> str:
        return row.code

    def cells(self, row: MunicipalityRow) -> list[str]:
        return [
            row.code,
            row.name,
            "ja" if row.verified else "nee",
            row.verified_by or "",
            moment(row.verified_at) if row.verified_at else "",
        ]

    def show_details(self, row: MunicipalityRow | None) -> None:
        self.details_title.setText(f"Gegevens van {row.name}" if row else "Gegevens")
        fill(
            self.details,
            [[f.label, row.values[f.name]] for f in MUNICIPALITY_FIELDS] if row else [],
        )
        self.edit_button.setEnabled(row is not None)
        self.edit_button.setToolTip(
            "Kies eerst een gemeente" if row is None else "De gegevens van deze gemeente wijzigen"
        )

    def why_not_verifiable(self, row: MunicipalityRow | None) -> str | None:
        if row is None:
            return "Kies eerst een gemeente"
        if row.verified:
            whom = verification.by_whom(row.verified_by, row.verified_at)
            return f"De gegevens van deze gemeente zijn al geverifieerd{whom}"
        return None

    def verify_question(self, row: MunicipalityRow) -> tuple[str, str]:
        return (
            "Gemeente verifiëren",
            f"Gegevens van {row.name} verifiëren? Daarna gaan de brieven van {row.name} "
            "met deze gegevens de deur uit.",
        )

    def verify_change(self, row: MunicipalityRow) -> Write[str]:
        code = row.code
        return lambda session, actor: verify_municipality(session, actor, code).code

    def edit(self) -> MunicipalityDialog | None:
        row = self.chosen()
        if row is None:
            return None
        dialog = self.edit_dialog = MunicipalityDialog(self.context, row, self)
        dialog.accepted.connect(lambda: self.refresh(row.code))
        dialog.open()
        return dialog


class MunicipalityDialog(FormDialog):
    """Every field of one municipality, filled in as stored; saving changes the fields that
    differ, after which the data must be verified again. Only beheer may save, the workflow
    says so otherwise."""

    def __init__(
        self, context: AppContext, row: MunicipalityRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, f"Gegevens van {row.name} wijzigen", parent)
        self.setMinimumWidth(520)
        self.code = row.code
        self.fields = {
            field.name: self.form.add(field.name, field.label, QLineEdit(row.values[field.name]))
            for field in MUNICIPALITY_FIELDS
        }

    def change(self) -> Write[str]:
        code = self.code
        values = {name: widget.text() for name, widget in self.fields.items()}
        return lambda session, actor: change_municipality(session, actor, code, values).code

    def changed_client(self, saved: str) -> None:
        return None
