"""The quick form to log a call (or conversation) about a decision, right after it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from correspondence.rules import labels
from correspondence.rules.dates import DateRefused, local_moment
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.workflows import decisions
from store.models import Employee
from store.vocabulary import Channel
from ui.context import AppContext
from ui.forms import FormDialog, combo

CHANNELS = [(channel, label.capitalize()) for channel, label in labels.CHANNELS.items()]


class CallDialog(FormDialog):
    def __init__(
        self,
        context: AppContext,
        decisions: list[tuple[int, str]],
        chosen: int | None = None,
        corrects: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`decisions`: the decisions a call can explain, as (number, label)."""
        super().__init__(context, "Gesprek vastleggen", parent)
        self.corrects = corrects
        self.decision = self.form.add("decision", "Over besluit", combo(decisions))
        if chosen is not None and (index := self.decision.findData(chosen)) >= 0:
            self.decision.setCurrentIndex(index)
        self.channel = self.form.add("channel", "Hoe", combo(CHANNELS))
        self.reached = self.form.add("reached", "Klant bereikt", QCheckBox("ja"))
        # Dutch wall-clock time, whatever the zone of the machine
        now = datetime.now(LOCAL_ZONE).replace(second=0, microsecond=0, tzinfo=None)
        self.at = self.form.add("at", "Wanneer", QDateTimeEdit(now))
        self.at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.note = self.form.add("note", "Wat is er gezegd", QPlainTextEdit())
        self.note.setObjectName("note")

    def change(self) -> Callable[[Session, Employee], int]:
        decision_id, corrects = self.decision.currentData(), self.corrects
        channel: Channel = self.channel.currentData()
        reached, note = self.reached.isChecked(), self.note.toPlainText()
        wall = self.at.dateTime().toPython().replace(second=0, microsecond=0, tzinfo=None)

        def write(session: Session, actor: Employee) -> int:
            try:  # a time in the hour the clocks skip or repeat is refused under its field
                moment = local_moment(wall)
            except DateRefused as exc:
                raise ValidationFailed({"at": str(exc)}) from None
            return decisions.log_explanation(
                session, actor, decision_id, moment, channel, reached, note, corrects
            ).id

        return write
