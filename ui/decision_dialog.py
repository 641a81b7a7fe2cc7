"""Write or edit a decision: its kind, its date, the case manager's reasons one paragraph per
field, and what the letter of its kind needs; saved as a draft or as ready."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from correspondence.queries.decisions import DecisionForm
from correspondence.rules import labels
from correspondence.rules.grounds import GROUNDS
from correspondence.rules.vocabulary import DecisionKind, DecisionStatus, RejectionGround
from correspondence.workflows import decisions
from correspondence.workflows.decisions import DecisionText
from ui.context import AppContext
from ui.forms import ERROR_STYLE, FormDialog
from ui.widgets import OptionalDate, combo, select

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

KINDS = [(kind, label.capitalize()) for kind, label in labels.DECISION_KINDS.items()]
# none chosen yet: the workflow refuses a rejection without its kind of reason
GROUND_OPTIONS = [(None, "(kies)"), *((g, ground.label) for g, ground in GROUNDS.items())]
# the fields only a decision of one kind has (Awb 4:5; a grant's start; the articles of a
# rejection; the weighing of a recovery, Awb 3:4)
OWN_FIELDS = {
    "missing": DecisionKind.NOT_PROCESSED,
    "requested_on": DecisionKind.NOT_PROCESSED,
    "starts_on": DecisionKind.GRANT,
    "ground": DecisionKind.REJECTION,
    "weighing": DecisionKind.ADVANCE_RECOVERY,
}
PARAGRAPH_LINES = 4
PARAGRAPH_WIDTH = 720  # the form's width: a paragraph of about ninety characters a line


class Paragraphs(QWidget):
    """The reasons, one multi-line field per paragraph, each with its own error line; a
    paragraph can be added after the last or removed."""

    rows_changed = Signal()  # a paragraph was added or removed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: list[QPlainTextEdit] = []
        self.errors: list[QLabel] = []
        self.rows: list[QWidget] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton("Alinea toevoegen")
        self.add_button.setObjectName("add_paragraph")
        self.add_button.clicked.connect(lambda: self.add().setFocus())
        self.column.addWidget(self.add_button)

    def add(self, text: str = "") -> QPlainTextEdit:
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        line = QHBoxLayout()
        editor = QPlainTextEdit(text)
        editor.setObjectName(f"paragraph_{len(self.editors)}")
        editor.setTabChangesFocus(True)
        height = editor.fontMetrics().lineSpacing() * PARAGRAPH_LINES
        editor.setFixedHeight(height + 2 * editor.frameWidth() + 8)
        remove = QPushButton("Verwijderen")
        remove.setToolTip("Deze alinea weghalen")
        remove.clicked.connect(lambda: self.remove(self.editors.index(editor)))
        line.addWidget(editor, 1)
        line.addWidget(remove)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        layout.addLayout(line)
        layout.addWidget(error)
        self.column.insertWidget(len(self.rows), row)
        self.editors.append(editor)
        self.errors.append(error)
        self.rows.append(row)
        self.rows_changed.emit()
        return editor

    def remove(self, index: int) -> None:
        self.editors.pop(index)
        self.errors.pop(index)
        self.rows.pop(index).deleteLater()
        if not self.editors:  # there is always a field to type the first paragraph in
            self.add()
        self.rows_changed.emit()

    def texts(self) -> list[str]:
        return [editor.toPlainText() for editor in self.editors]

    def set_texts(self, texts: tuple[str, ...] | list[str]) -> None:
        while self.editors:
            self.editors.pop()
            self.errors.pop()
            self.rows.pop().deleteLater()
        for text in texts or [""]:
            self.add(text)

    def show_errors(self, errors: dict[int, str]) -> None:
        for index, label in enumerate(self.errors):
            label.setText(errors.get(index, ""))
            label.setVisible(index in errors)


class DecisionDialog(FormDialog):
    """A new decision of the case (`existing` None) or an existing draft or ready one."""

    def __init__(
        self,
        context: AppContext,
        client_id: int,
        case_id: int,
        registered_on: date,
        existing: DecisionForm | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Besluit bewerken" if existing else "Nieuw besluit", parent)
        # wide enough that a paragraph of reasons reads as one, four lines at a time
        self.setMinimumWidth(PARAGRAPH_WIDTH)
        self.client_id, self.case_id = client_id, case_id
        self.decision_id = existing.id if existing else None
        self.status = DecisionStatus.DRAFT
        self.kind = self.form.add("kind", "Soort besluit", combo(KINDS))
        self.decided_on = self.form.add("decided_on", "Datum besluit", OptionalDate())
        self.reasons = self.form.add("reasons", "Motivering (één alinea per veld)", Paragraphs())
        # a paragraph added grows the form within the screen, once its row is laid out
        self.reasons.rows_changed.connect(lambda: QTimer.singleShot(0, self._grow))
        self.missing = self.form.add(
            "missing", "Ontbrekende informatie (één per regel)", QPlainTextEdit()
        )
        self.requested_on = self.form.add("requested_on", "Gevraagd op", OptionalDate())
        self.starts_on = self.form.add("starts_on", "Ingangsdatum bijstand", OptionalDate())
        self.ground = self.form.add("ground", "Soort reden", combo(GROUND_OPTIONS))
        self.weighing = self.form.add(
            "weighing", "Afweging van de belangen van de klant", QPlainTextEdit()
        )
        self.weighing.setTabChangesFocus(True)
        self.weighing.setPlaceholderText(
            "Wat betekent terugbetalen voor de klant, en waarom vordert u toch terug?"
        )
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.buttons.accepted.disconnect(self.save)
        self.buttons.removeButton(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.save_draft = self.buttons.addButton("Opslaan als concept", role)
        self.save_ready = self.buttons.addButton("Opslaan als gereed", role)
        self.save_draft.clicked.connect(lambda: self.save_as(DecisionStatus.DRAFT))
        self.save_ready.clicked.connect(lambda: self.save_as(DecisionStatus.READY))
        if existing is None:
            self.decided_on.set_value(context.today())
            self.starts_on.set_value(registered_on)
            self.reasons.set_texts([""])
        else:
            self.fill(existing)
        self._kind_changed()

    def fill(self, existing: DecisionForm) -> None:
        select(self.kind, existing.kind)
        # a call logged about this decision explained a decision of this kind
        self.kind.setEnabled(False)
        self.kind.setToolTip("Een ander soort besluit is een nieuw besluit; trek dit besluit in.")
        self.decided_on.set_value(existing.decided_on)
        self.reasons.set_texts(existing.reasons)
        self.missing.setPlainText("\n".join(existing.missing))
        self.requested_on.set_value(existing.requested_on)
        self.starts_on.set_value(existing.starts_on)
        select(self.ground, existing.ground)
        self.weighing.setPlainText(existing.weighing)

    def _grow(self) -> None:
        if self.isVisible():
            self.fit_to_screen()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.kind.isEnabled():
            self.reasons.editors[0].setFocus()

    def current_kind(self) -> DecisionKind:
        # Qt hands a string enum back as a plain string
        return DecisionKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        for name, own in OWN_FIELDS.items():
            # the row holds the field with its error line
            holder = self.form.fields[name].parentWidget()
            if holder is not None:
                self.form.layout_.setRowVisible(holder, kind is own)

    def save_as(self, status: DecisionStatus) -> None:
        self.status = status
        self.save()

    def text(self) -> DecisionText:
        kind = self.current_kind()
        own = {name: kind is k for name, k in OWN_FIELDS.items()}
        return DecisionText(
            decided_on=self.decided_on.value(),
            reasons=self.reasons.texts(),
            missing=self.missing.toPlainText().splitlines() if own["missing"] else [],
            requested_on=self.requested_on.value() if own["requested_on"] else None,
            starts_on=self.starts_on.value() if own["starts_on"] else None,
            ground=self.current_ground() if own["ground"] else None,
            weighing=self.weighing.toPlainText() if own["weighing"] else "",
        )

    def current_ground(self) -> RejectionGround | None:
        value = self.ground.currentData()
        return None if value is None else RejectionGround(value)

    def change(self) -> Write[int]:
        text, status, kind = self.text(), self.status, self.current_kind()
        case_id, decision_id = self.case_id, self.decision_id
        if decision_id is not None:
            return lambda session, actor: (
                decisions.revise_decision(session, actor, decision_id, text, status).id
            )
        return lambda session, actor: (
            decisions.draft_decision(
                session,
                actor,
                case_id,
                kind,
                list(text.reasons),
                text.decided_on,
                status,
                list(text.missing),
                text.requested_on,
                text.starts_on,
                text.ground,
                text.weighing,
            ).id
        )

    def changed_client(self, saved: int) -> int:
        return self.client_id

    def _show_errors(self, errors: dict[str, str]) -> None:
        """A paragraph's message goes under that paragraph, a line of what is missing under
        the list with its number."""
        fielded: dict[str, str] = {}
        paragraphs: dict[int, str] = {}
        lines = []
        for name, message in errors.items():
            field, _dot, index = name.partition(".")
            if field == "reasons" and index.isdigit():
                paragraphs[int(index)] = message
            elif field == "missing" and index.isdigit():
                lines.append(f"regel {int(index) + 1}: {message}")
            elif field == "weighing":  # one field, whatever line of it is at fault
                fielded[field] = message
            else:
                fielded[name] = message
        if lines:
            fielded["missing"] = "; ".join([*lines, fielded.get("missing", "")]).strip("; ")
        self.reasons.show_errors(paragraphs)
        super()._show_errors(fielded)
        if paragraphs and not fielded:
            self.reasons.editors[min(paragraphs)].setFocus()
