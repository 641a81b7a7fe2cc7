"""Forms whose fields show their own Dutch validation message underneath, and a dialog that
saves one off the UI thread and asks before it throws typed input away."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

ERROR_STYLE = "color: #b00020;"
W = TypeVar("W", bound=QWidget)
TITLE_BAR = 40  # what the window manager adds above a window, at most


def screen_room(widget: QWidget) -> QSize:
    """The room a window has on its screen: the screen less its task bar and the title bar."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() - QSize(0, TITLE_BAR)


def confirm_discard(parent: QWidget, what: str) -> bool:
    """Whether the employee throws away the unsaved changes in the form `what`. The one place
    that asks, so the tests can answer for every form at once."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Wijzigingen weggooien?",
        f"De wijzigingen in ‘{what}’ zijn niet opgeslagen. Wijzigingen weggooien?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText("Ja")
    box.button(QMessageBox.StandardButton.No).setText("Nee")
    box.setDefaultButton(QMessageBox.StandardButton.No)  # Enter keeps what was typed
    return box.exec() == QMessageBox.StandardButton.Yes


def input_state(widget: QWidget) -> object:
    """What an input shows, comparable with what it showed before; a composite input (a date
    that may be left empty) is the state of its inputs."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return tuple(input_state(child) for child in children)


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

    def state(self) -> tuple[object, ...]:
        return tuple(input_state(widget) for widget in self.fields.values())

    def is_empty(self) -> bool:
        """Nothing typed in any text field (choices and dates always hold a value)."""
        texts = [w.text() for w in self.fields.values() if isinstance(w, QLineEdit)]
        texts += [w.toPlainText() for w in self.fields.values() if isinstance(w, QPlainTextEdit)]
        return not any(t.strip() for t in texts)


class FormScroll(QScrollArea):
    """Holds a form and asks for all the room it needs (a scroll area asks for 24 lines at
    most); it scrolls only when the screen is smaller than the form."""

    def __init__(self, form: QWidget) -> None:
        super().__init__()
        self.form = form
        self.setWidget(form)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def sizeHint(self) -> QSize:
        form = self.form
        hint = form.sizeHint()
        if form.hasHeightForWidth():  # a message that wraps needs more lines
            hint.setHeight(form.heightForWidth(max(form.width(), hint.width())))
        margin = 2 * self.frameWidth()
        return hint + QSize(margin + self.verticalScrollBar().sizeHint().width(), margin)


class FormDialog(QDialog):
    """A dialog around a ValidatedForm that saves off the UI thread.

    A refused save keeps the dialog open with everything typed still there and the messages
    under their fields; `saved_value` holds what the change returned once it is stored. Esc,
    Annuleren and the window's close button all reject, which asks first when a field differs
    from what the form opened with.
    """

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saved_value: Any = None
        self.opened_with: tuple[object, ...] | None = None
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
        self.form_area = FormScroll(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_area, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.opened_with is None:  # the subclass has filled the form by now
            self.opened_with = self.form.state()
            self.fit_to_screen()
        first = next(iter(self.form.fields.values()), None)
        if first is not None:
            first.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a form nobody has typed in yet is a slip, not a save
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.form.is_empty():
            event.accept()
            return
        super().keyPressEvent(event)

    def is_changed(self) -> bool:
        return self.opened_with is not None and self.form.state() != self.opened_with

    def reject(self) -> None:
        if self.is_changed() and not confirm_discard(self, self.windowTitle()):
            return
        super().reject()

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
        self.fit_to_screen()  # a message that wraps gets the room it needs, never clipped

    def fit_to_screen(self) -> None:
        """As large as the form with its messages asks, within the screen: on a small screen
        the form scrolls and the buttons stay in view."""
        self.form.layout_.activate()  # the messages just shown count in the form's size
        self.form_area.updateGeometry()
        wanted = self.sizeHint().expandedTo(self.size())
        self.resize(wanted.boundedTo(screen_room(self)))

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        QMessageBox.critical(self, "Niet opgeslagen", f"Niet opgeslagen: {message}")
