"""The shape of beheer's windows over reference data that beheer verifies (norm tables,
municipalities): the records above, the chosen one's details below, buttons of the window's
own, and Verifiëren…, which is offered only when the record may be verified (its tooltip says
why not otherwise) and asks once. The workflows decide who may; the window only asks them."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui import asking
from ui.context import AppContext
from ui.widgets import fill, table

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Read, Write


class VerifiedListWindow[R](QDialog):
    """The records `query` reads, one line each from `cells`; a record is known by `key`."""

    verify_hint = ""  # the verify button's tooltip when it is offered

    def __init__(
        self,
        context: AppContext,
        title: str,
        query: Read[list[R]],
        columns: tuple[str, Sequence[str]],
        details: tuple[str, Sequence[str]],
        buttons: Sequence[QPushButton],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.query = query
        self.rows: list[R] = []
        self.setWindowTitle(title)
        self.table = table(*columns)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.details = table(*details)
        self.details.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        details_box = QWidget()
        details_layout = QVBoxLayout(details_box)
        details_layout.setContentsMargins(0, 0, 0, 0)
        self.details_title = QLabel()
        details_layout.addWidget(self.details_title)
        details_layout.addWidget(self.details, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details_box)
        splitter.setChildrenCollapsible(False)
        self.verify_button = QPushButton("Verifiëren…")
        self.verify_button.clicked.connect(self.verify)
        close = QPushButton("Sluiten")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for button in (*buttons, self.verify_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)

    # what each window says of its own records
    def key(self, row: R) -> Hashable:
        raise NotImplementedError

    def cells(self, row: R) -> list[str]:
        raise NotImplementedError

    def show_details(self, row: R | None) -> None:
        raise NotImplementedError

    def why_not_verifiable(self, row: R | None) -> str | None:
        raise NotImplementedError

    def verify_question(self, row: R) -> tuple[str, str]:
        """The title and the one question before verifying."""
        raise NotImplementedError

    def verify_change(self, row: R) -> Write[Any]:
        raise NotImplementedError

    def refresh(self, chosen: Hashable | None = None) -> None:
        """Read the records again; `chosen` (or the record chosen now) stays chosen."""
        keep = chosen if chosen is not None else self._chosen_key()
        self.context.ops.read(self, self.query, on_done=lambda rows: self._show(rows, keep))

    def _show(self, rows: list[R], chosen: Hashable | None) -> None:
        self.rows = rows
        fill(self.table, [self.cells(r) for r in rows])
        index = next((i for i, r in enumerate(rows) if self.key(r) == chosen), 0 if rows else None)
        if index is not None:
            self.table.selectRow(index)
        self._chosen()  # also when the same row was chosen before, or none is left

    def _chosen_key(self) -> Hashable | None:
        row = self.chosen()
        return self.key(row) if row is not None else None

    def chosen(self) -> R | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected or selected[0].row() >= len(self.rows):
            return None
        return self.rows[selected[0].row()]

    def _chosen(self) -> None:
        row = self.chosen()
        self.show_details(row)
        reason = self.why_not_verifiable(row)
        self.verify_button.setEnabled(reason is None)
        self.verify_button.setToolTip(reason or self.verify_hint)

    def verify(self) -> None:
        row = self.chosen()
        if row is None or self.why_not_verifiable(row) is not None:
            return
        title, question = self.verify_question(row)
        if not asking.confirm(self, title, question):
            return
        key = self.key(row)
        self.context.ops.write(
            self,
            "Niet geverifieerd",
            self.verify_change(row),
            on_done=lambda _done: self.refresh(key),
        )
