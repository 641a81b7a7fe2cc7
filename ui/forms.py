"""Form helpers: a form whose fields show their own Dutch validation message underneath."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from store.models import Employee
from ui.context import AppContext, Outcome
from ui.workers import run_job

ERROR_STYLE = "color: #b00020;"
W = TypeVar("W", bound=QWidget)


class ValidatedForm(QWidget):
    """A QFormLayout where each field has an error label, keyed by the workflow's field name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}

    def add(self, name: str, label: str, widget: W) -> W:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(widget)
        column.addWidget(error)
        widget.setObjectName(name)
        self.layout_.addRow(label, holder)
        self.errors[name] = error
        self.fields[name] = widget
        return widget

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Show each message under its field; returns the messages that have no field here."""
        for label in self.errors.values():
            label.hide()
        unplaced = []
        for name, message in errors.items():
            if name in self.errors:
                self.errors[name].setText(message)
                self.errors[name].show()
            else:
                unplaced.append(message)
        if errors:
            first = next((self.fields[n] for n in errors if n in self.fields), None)
            if first is not None:
                first.setFocus()
        return unplaced


class OptionalDate(QWidget):
    """A date that may be left empty: a check box switches the date editor on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QFormLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox("bekend")
        self.editor = date_edit()
        self.editor.setEnabled(False)
        self.enabled.toggled.connect(self.editor.setEnabled)
        row.addRow(self.enabled, self.editor)

    def value(self) -> date | None:
        return self.editor.date().toPython() if self.enabled.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.editor.setDate(QDate(value))


def date_edit(value: date | None = None) -> QDateEdit:
    editor = QDateEdit()
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("dd-MM-yyyy")
    editor.setDate(QDate(value or date.today()))
    return editor


def select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def combo(options: list[tuple[Any, str]]) -> QComboBox:
    box = QComboBox()
    for value, label in options:
        box.addItem(label, value)
    return box


class FormDialog(QDialog):
    """A dialog around a ValidatedForm that saves off the UI thread.

    A refused save keeps the dialog open with everything typed still there and the messages
    under their fields; `saved_value` holds what the change returned once it is stored.
    """

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_value: Any = None
        self.setWindowTitle(title)
        self.form = ValidatedForm()
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def change(self) -> Callable[[Session, Employee], Any]:
        """The write to carry out, built from the form in the UI thread."""
        raise NotImplementedError

    def save(self) -> None:
        change = self.change()
        self.buttons.setEnabled(False)
        run_job(lambda _progress: self.context.write(change), self._saved, self._failed)

    def _saved(self, outcome: Outcome) -> None:
        self.buttons.setEnabled(True)
        self.general_error.setText("\n".join(self.form.show_errors(outcome.errors)))
        if not outcome.errors:
            self.saved_value = outcome.value
            self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        QMessageBox.critical(self, "Niet opgeslagen", f"Niet opgeslagen: {message}")
