"""Forms whose fields show their own Dutch validation message underneath, and a dialog that
saves one off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

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

    def show_errors(self, errors: dict[str, str], focus: bool = True) -> list[str]:
        """Show each message under its field; returns the messages that have no field here.
        `focus` moves to the first field refused, unless the employee is still typing."""
        for label in self.errors.values():
            label.hide()
        unplaced = []
        for name, message in errors.items():
            if name in self.errors:
                self.errors[name].setText(message)
                self.errors[name].show()
            else:
                unplaced.append(message)
        if errors and focus:
            first = next((self.fields[n] for n in errors if n in self.fields), None)
            if first is not None:
                first.setFocus()
        return unplaced

    def is_empty(self) -> bool:
        """Nothing typed in any text field (choices and dates always hold a value)."""
        texts = [w.text() for w in self.fields.values() if isinstance(w, QLineEdit)]
        texts += [w.toPlainText() for w in self.fields.values() if isinstance(w, QPlainTextEdit)]
        return not any(t.strip() for t in texts)


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
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        first = next(iter(self.form.fields.values()), None)
        if first is not None:
            first.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a form nobody has typed in yet is a slip, not a save
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.form.is_empty():
            event.accept()
            return
        super().keyPressEvent(event)

    def change(self) -> Write[Any]:
        """The write to carry out, built from the form in the UI thread: it closes over plain
        values only, the session and the acting employee are handed to it."""
        raise NotImplementedError

    def changed_client(self, saved: Any) -> int | None:
        """The client whose dossier the saved change touched; None when it touched none."""
        raise NotImplementedError

    def save(self) -> None:
        change = self.change()
        self.buttons.setEnabled(False)
        self.context.ops.write(
            self,
            "Niet opgeslagen",
            change,
            client=self.changed_client,
            on_done=self._saved,
            on_refused=self._show_errors,
            on_failed=self._failed,
        )

    def _saved(self, value: Any) -> None:
        self._show_errors({})
        self.saved_value = value
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        self.buttons.setEnabled(True)
        self.general_error.setText("\n".join(self.form.show_errors(errors)))
        self.adjustSize()  # a message that wraps gets the room it needs, never clipped

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        QMessageBox.critical(self, "Niet opgeslagen", f"Niet opgeslagen: {message}")
