"""The quick form to log a call (or conversation) about a decision, right after it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from correspondence import decisions
from correspondence.formatting import LOCAL_ZONE
from store.models import Employee
from store.vocabulary import Channel
from ui.context import AppContext
from ui.forms import FormDialog, combo

CHANNELS = [(Channel.PHONE, "Telefoon"), (Channel.IN_PERSON, "Gesprek op het Werkplein")]


class CallDialog(FormDialog):
    def __init__(
        self,
        context: AppContext,
        case_id: int,
        corrects: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Gesprek vastleggen", parent)
        self.case_id, self.corrects = case_id, corrects
        self.channel = self.form.add("channel", "Hoe", combo(CHANNELS))
        self.reached = self.form.add("reached", "Klant bereikt", QCheckBox("ja"))
        self.at = self.form.add("at", "Wanneer", QDateTimeEdit(QDateTime.currentDateTime()))
        self.at.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.note = self.form.add("note", "Wat is er gezegd", QPlainTextEdit())
        self.note.setObjectName("note")

    def change(self) -> Callable[[Session, Employee], int]:
        case_id, corrects = self.case_id, self.corrects
        channel: Channel = self.channel.currentData()
        reached, note = self.reached.isChecked(), self.note.toPlainText()
        at = self.at.dateTime().toPython().replace(second=0, microsecond=0)
        moment = at.replace(tzinfo=LOCAL_ZONE) if at.tzinfo is None else at

        def write(session: Session, actor: Employee) -> int:
            return decisions.log_explanation(
                session, actor, case_id, moment, channel, reached, note, corrects
            ).id

        return write
