"""Create or edit a client, with a Dutch message under every field that is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from correspondence.queries.views import Choice
from correspondence.rules.inputs import ClientInput
from correspondence.rules.norms import MAX_COST_SHARERS
from correspondence.workflows import clients
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import combo, date_edit, day_of, select

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

SALUTATIONS = [("heer", "De heer"), ("mevrouw", "Mevrouw"), ("neutraal", "Neutraal")]
HOUSEHOLDS = [
    ("single", "Alleenstaande"),
    ("single_parent", "Alleenstaande ouder"),
    ("couple", "Gehuwden of samenwonenden"),
]
TEXT_FIELDS = [
    ("bsn", "BSN"),
    ("initials", "Voorletters"),
    ("first_name", "Roepnaam"),
    ("prefix", "Tussenvoegsel"),
    ("surname", "Achternaam"),
    ("street", "Straat"),
    ("house_number", "Huisnummer"),
    ("house_number_addition", "Toevoeging"),
    ("postcode", "Postcode"),
    ("city", "Woonplaats"),
    ("phone", "Telefoon"),
    ("email", "E-mail"),
    ("iban", "IBAN"),
]


class ClientDialog(FormDialog):
    def __init__(
        self,
        context: AppContext,
        municipalities: list[Choice],
        existing: tuple[int, ClientInput] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Klant bewerken" if existing else "Nieuwe klant", parent)
        self.client_id = existing[0] if existing else None
        self.inputs: dict[str, QLineEdit] = {
            name: self.form.add(name, label, QLineEdit()) for name, label in TEXT_FIELDS
        }
        self.salutation = self.form.add("salutation", "Aanhef", combo(SALUTATIONS))
        self.birth_date = self.form.add("birth_date", "Geboortedatum", date_edit())
        self.household = self.form.add("household", "Leefvorm", combo(HOUSEHOLDS))
        self.cost_sharers = self.form.add("cost_sharers", "Kostendelers", QSpinBox())
        self.cost_sharers.setRange(1, MAX_COST_SHARERS)
        self.cost_sharers.setToolTip(
            "Het aantal kostendelers in de woning, de klant (en partner) meegeteld: 1 als de "
            "klant alleen woont (Participatiewet art. 22a)"
        )
        self.municipality = self.form.add(
            "municipality",
            "Gemeente",
            combo([(m.value, m.label) for m in municipalities]),
        )
        if existing:
            self.fill(existing[1])

    def fill(self, data: ClientInput) -> None:
        for name, field in self.inputs.items():
            field.setText(str(getattr(data, name) or ""))
        select(self.salutation, data.salutation)
        select(self.household, data.household)
        self.cost_sharers.setValue(data.cost_sharers)
        select(self.municipality, data.municipality)
        if data.birth_date:
            self.birth_date.setDate(QDate(data.birth_date))

    def data(self) -> ClientInput:
        return ClientInput(
            **{name: field.text() for name, field in self.inputs.items()},
            salutation=self.salutation.currentData(),
            birth_date=day_of(self.birth_date),
            household=self.household.currentData(),
            cost_sharers=self.cost_sharers.value(),
            municipality=self.municipality.currentData(),
        )

    def change(self) -> Write[int]:
        data, client_id, today = self.data(), self.client_id, self.context.today()
        if client_id is None:
            return lambda session, actor: clients.create_client(session, actor, data, today).id
        return lambda session, actor: (
            clients.update_client(session, actor, client_id, data, today).id
        )

    def changed_client(self, saved: int) -> int:
        return saved  # a new client's number is known once it is stored
