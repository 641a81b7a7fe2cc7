"""Grant an advance (Participatiewet art. 52): its start and repayment proposal, with the
amount, the norm it comes from and the repayment schedule shown before anything is saved."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from correspondence.queries.advances import AdvanceProposal, propose_advance
from correspondence.rules.advance import Repayment
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import euros, short_date
from correspondence.rules.money import parse_euros
from correspondence.rules.schedule import MAX_MONTHS
from correspondence.workflows import advances
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import date_edit, day_of, fill, table

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

MONTHS, MONTHLY = "months", "monthly"
DEFAULT_MONTHS = 6


def plan_of(first_due: date, mode: str, months: int, monthly: str) -> Repayment:
    """The repayment as proposed; an amount that is no amount is refused under its field."""
    if mode == MONTHS:
        return Repayment(first_due, months=months)
    try:
        return Repayment(first_due, monthly=parse_euros(monthly))
    except ValueError as exc:
        raise ValidationFailed({"repayment": str(exc)}) from None


def percent_text(proposal: AdvanceProposal) -> str:
    return f"{proposal.percent.normalize():f}".replace(".", ",") + " %"


def terms_text(proposal: AdvanceProposal) -> str:
    """The amount and where it comes from, as the agreement letter will state it."""
    checked = "" if proposal.table_verified else " (niet geverifieerd)"
    schedule = proposal.schedule
    monthly = euros(schedule[0].amount)
    if schedule[-1].amount != schedule[0].amount:
        monthly += f", laatste termijn {euros(schedule[-1].amount)}"
    return (
        f"<b>Voorschot {euros(proposal.amount)}</b>: {percent_text(proposal)} van de norm "
        f"{euros(proposal.norm)}<br>"
        f"Norm: normtabel van {short_date(proposal.table_from)}{checked}, "
        f"{proposal.household}, {proposal.age_band}<br>"
        f"Aflossing: {len(schedule)} termijnen vanaf {short_date(schedule[0].due_on)}, "
        f"{monthly} per maand"
    )


class RepaymentField(QWidget):
    """A number of months or a monthly amount."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox()
        self.mode.addItem("in aantal maanden", MONTHS)
        self.mode.addItem("met een maandbedrag", MONTHLY)
        self.months = QSpinBox()
        self.months.setRange(1, MAX_MONTHS)
        self.months.setValue(DEFAULT_MONTHS)
        self.months.setSuffix(" maanden")
        self.monthly = QLineEdit()
        self.monthly.setPlaceholderText("bijvoorbeeld 150,00")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.mode, self.months, self.monthly):
            row.addWidget(widget)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()

    def _mode_changed(self) -> None:
        by_months = self.mode.currentData() == MONTHS
        self.months.setVisible(by_months)
        self.monthly.setVisible(not by_months)


class AdvanceDialog(FormDialog):
    def __init__(
        self,
        context: AppContext,
        client_id: int,
        case_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Voorschot toekennen", parent)
        self.client_id, self.case_id = client_id, case_id
        self.proposal: AdvanceProposal | None = None
        self.generation = 0
        start = context.today()
        self.start = self.form.add("start", "Start voorschot", date_edit(start))
        first_due = start.replace(day=1) + relativedelta(months=2)
        self.first_due = self.form.add(
            "repayment.first_due", "Eerste aflossing", date_edit(first_due)
        )
        self.repayment = self.form.add("repayment", "Aflossen", RepaymentField())
        self.terms = QLabel()
        self.terms.setObjectName("terms")
        self.terms.setWordWrap(True)
        self.schedule = table("schedule", ["Termijn", "Vervaldatum", "Bedrag", "Restschuld"])
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # FormDialog's column: form, then these
        layout.insertWidget(1, self.terms)
        layout.insertWidget(2, self.schedule, 1)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.resize(560, 620)
        for signal in (
            self.start.dateChanged,
            self.first_due.dateChanged,
            self.repayment.mode.currentIndexChanged,
            self.repayment.months.valueChanged,
            self.repayment.monthly.textChanged,
        ):
            signal.connect(self.propose)
        self.propose()

    def inputs(self) -> tuple[date, date, str, int, str]:
        field = self.repayment
        return (
            day_of(self.start),
            day_of(self.first_due),
            field.mode.currentData(),
            field.months.value(),
            field.monthly.text(),
        )

    def propose(self) -> None:
        """Compute the advance for what the form holds now; nothing can be saved until the
        amount and schedule for exactly these inputs are shown."""
        self.generation += 1
        generation, case_id = self.generation, self.case_id
        starts_on, first_due, mode, months, monthly = self.inputs()
        self.proposal = None
        self.save_button.setEnabled(False)
        self.context.ops.read(
            self,
            lambda session: propose_advance(
                session, case_id, starts_on, plan_of(first_due, mode, months, monthly)
            ),
            on_done=lambda proposal: self._show(generation, proposal),
            on_refused=lambda errors: self._not_yet(generation, errors),
            on_failed=lambda message: self._not_yet(generation, {"": message}),
        )

    def _show(self, generation: int, proposal: AdvanceProposal) -> None:
        if generation != self.generation:
            return  # the form changed while this was computed
        self.proposal = proposal
        self.form.show_errors({}, focus=False)
        self.general_error.clear()
        self.terms.setText(terms_text(proposal))
        fill(
            self.schedule,
            [
                [str(i.number), short_date(i.due_on), euros(i.amount), euros(i.balance_after)]
                for i in proposal.schedule
            ],
        )
        self.save_button.setEnabled(True)

    def _not_yet(self, generation: int, errors: dict[str, str]) -> None:
        if generation != self.generation:
            return
        self.terms.setText("Vul de gegevens aan om het voorschot te berekenen.")
        self.schedule.setRowCount(0)
        self.general_error.setText("\n".join(self.form.show_errors(errors, focus=False)))

    def change(self) -> Write[int]:
        starts_on, first_due, mode, months, monthly = self.inputs()
        case_id = self.case_id
        return lambda session, actor: (
            advances.grant_advance(
                session, actor, case_id, starts_on, plan_of(first_due, mode, months, monthly)
            ).id
        )

    def changed_client(self, saved: int) -> int:
        return self.client_id

    def _show_errors(self, errors: dict[str, str]) -> None:
        super()._show_errors(errors)
        self.save_button.setEnabled(self.proposal is not None)
