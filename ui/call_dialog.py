"""The quick form to log a call (or conversation) about a decision, right after it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QPlainTextEdit, QWidget

from correspondence.queries.decisions import LoggedCall
from correspondence.rules import labels
from correspondence.rules.dates import DateRefused, local_moment
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.rules.vocabulary import Channel
from correspondence.workflows import decisions
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import combo, select, wall_time_of

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

CHANNELS = [(channel, label.capitalize()) for channel, label in labels.CHANNELS.items()]


def moment_of(wall: datetime) -> datetime:
    """A time in the hour the clocks skip or repeat is refused under its field."""
    try:
        return local_moment(wall)
    except DateRefused as exc:
        raise ValidationFailed({"at": str(exc)}) from None


class CallDialog(FormDialog):
    def __init__(
        self,
        context: AppContext,
        client_id: int,
        decisions: list[tuple[int, str]],
        chosen: int | None = None,
        corrects: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`decisions`: the decisions of the client's dossier a call can explain, as
        (number, label)."""
        super().__init__(context, "Gesprek vastleggen", parent)
        self.client_id = client_id
        self.corrects = corrects
        self.decision = self.form.add("decision", "Over besluit", combo(decisions))
        if chosen is not None and (index := self.decision.findData(chosen)) >= 0:
            self.decision.setCurrentIndex(index)
        self.channel = self.form.add("channel", "Hoe", combo(CHANNELS))
        self.reached = self.form.add("reached", "Klant bereikt", QCheckBox("ja"))
        # Dutch wall-clock time, whatever the zone of the machine
        now = datetime.now(LOCAL_ZONE).replace(second=0, microsecond=0, tzinfo=None)
        self.at = self.form.add("at", "Wanneer", QDateTimeEdit(QDateTime(now)))
        self.at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.note = self.form.add("note", "Wat is er gezegd", QPlainTextEdit())
        self.note.setObjectName("note")

    @classmethod
    def correcting(
        cls, context: AppContext, client_id: int, logged: LoggedCall, parent: QWidget | None
    ) -> CallDialog:
        """The form filled in as `logged` was logged; saving logs a new entry correcting it."""
        dialog = cls(
            context, client_id, list(logged.decisions), logged.decisions[0][0], logged.id, parent
        )
        dialog.setWindowTitle("Gesprek corrigeren")
        # a correction belongs to the decisions of the entry it corrects, whichever is named
        dialog.decision.setEnabled(False)
        select(dialog.channel, logged.channel)
        dialog.reached.setChecked(logged.reached)
        wall = logged.at.astimezone(LOCAL_ZONE).replace(tzinfo=None)
        dialog.at.setDateTime(QDateTime(wall))
        dialog.note.setPlainText(logged.note)
        return dialog

    def change(self) -> Write[int]:
        decision_id, corrects = self.decision.currentData(), self.corrects
        channel: Channel = self.channel.currentData()
        reached, note = self.reached.isChecked(), self.note.toPlainText()
        wall = wall_time_of(self.at)

        return lambda session, actor: (
            decisions.log_explanation(
                session, actor, decision_id, moment_of(wall), channel, reached, note, corrects
            ).id
        )

    def changed_client(self, saved: int) -> int:
        return self.client_id
