"""Beheer's *Normtabellen* window: the norm tables with who imported and who verified them, the
nine amounts of the one chosen, importing a table from its CSV file and verifying one against
its publication. The workflows decide who may; this window only asks them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from correspondence.queries.norms import NormTableRow, norm_tables
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import long_date, moment
from correspondence.rules.norm_file import (
    EFFECTIVE_FROM,
    FILE,
    MAX_FILE_BYTES,
    SOURCE,
    NormFileRefused,
)
from correspondence.user_files import UnreadableFile, read_text
from correspondence.workflows.norms import import_norm_file, verify_norm_table
from ui import asking
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import date_edit, day_of, fill, table

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

NOTHING_STORED = "nothing_stored"  # no field of the form: the line under it


class NormsWindow(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list[NormTableRow] = []
        self.import_dialog: NormImportDialog | None = None
        self.setWindowTitle("Normtabellen")
        self.resize(900, 520)
        self.table = table(
            "norm_tables",
            [
                "Ingangsdatum",
                "Bron",
                "Geverifieerd",
                "Geverifieerd door",
                "Geverifieerd op",
                "Ingelezen door",
                "Ingelezen op",
                "Vervangen",
            ],
        )
        self.table.itemSelectionChanged.connect(self._chosen)
        self.amounts = table("norm_amounts", ["Leefvorm en leeftijd", "Bedrag per maand"])
        self.amounts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        amounts_box = QWidget()
        amounts_layout = QVBoxLayout(amounts_box)
        amounts_layout.setContentsMargins(0, 0, 0, 0)
        self.amounts_title = QLabel("Bedragen")
        amounts_layout.addWidget(self.amounts_title)
        amounts_layout.addWidget(self.amounts, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(amounts_box)
        splitter.setChildrenCollapsible(False)
        self.import_button = QPushButton("Importeren…")
        self.import_button.clicked.connect(self.import_table)
        self.verify_button = QPushButton("Verifiëren…")
        self.verify_button.clicked.connect(self.verify)
        close = QPushButton("Sluiten")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._offer_verify(None)
        self.refresh()

    def refresh(self, chosen: int | None = None) -> None:
        """Read the tables again; `chosen` (or the table chosen now) stays chosen."""
        keep = chosen if chosen is not None else self._chosen_id()
        self.context.ops.read(self, norm_tables, on_done=lambda rows: self._show(rows, keep))

    def _show(self, rows: list[NormTableRow], chosen: int | None) -> None:
        self.rows = rows
        fill(
            self.table,
            [
                [
                    long_date(r.effective_from),
                    r.source,
                    "ja" if r.verified else "nee",
                    r.verified_by or "",
                    moment(r.verified_at) if r.verified_at else "",
                    r.imported_by or "",
                    moment(r.imported_at) if r.imported_at else "",
                    "ja" if r.superseded else "nee",
                ]
                for r in rows
            ],
        )
        index = next((i for i, r in enumerate(rows) if r.id == chosen), 0 if rows else None)
        if index is not None:
            self.table.selectRow(index)
        self._chosen()  # also when the same row was chosen before, or none is left

    def _chosen_id(self) -> int | None:
        row = self.chosen()
        return row.id if row else None

    def chosen(self) -> NormTableRow | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected or selected[0].row() >= len(self.rows):
            return None
        return self.rows[selected[0].row()]

    def _chosen(self) -> None:
        row = self.chosen()
        if row is None:
            self.amounts_title.setText("Bedragen")
            fill(self.amounts, [])
        else:
            self.amounts_title.setText(
                f"Bedragen van de normtabel van {long_date(row.effective_from)}"
            )
            fill(self.amounts, [[a.label, a.amount] for a in row.amounts])
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            for line in range(self.amounts.rowCount()):
                item = self.amounts.item(line, 1)
                if item is not None:
                    item.setTextAlignment(right)
        self._offer_verify(row)

    def _offer_verify(self, row: NormTableRow | None) -> None:
        reason = why_not_verifiable(row)
        self.verify_button.setEnabled(reason is None)
        self.verify_button.setToolTip(reason or "Deze normtabel controleren tegen de publicatie")

    def verify(self) -> None:
        row = self.chosen()
        if row is None or why_not_verifiable(row) is not None:
            return
        day = long_date(row.effective_from)
        if not asking.confirm(
            self,
            "Normtabel verifiëren",
            f"Normtabel van {day} verifiëren? Daarna kan hij niet meer worden gewijzigd.",
        ):
            return
        table_id = row.id
        self.context.ops.write(
            self,
            "Niet geverifieerd",
            lambda session, actor: verify_norm_table(session, actor, table_id).id,
            on_done=lambda _id: self.refresh(table_id),
        )

    def import_table(self) -> NormImportDialog | None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            "Normtabel importeren",
            "",
            "CSV-bestanden (*.csv);;Alle bestanden (*)",
        )
        if not name:
            return None
        dialog = self.import_dialog = NormImportDialog(
            self.context, Path(name), self._next_month(), self
        )
        dialog.accepted.connect(lambda: self.refresh(dialog.saved_value))
        dialog.open()
        return dialog

    def _next_month(self) -> date:
        today = self.context.today()
        return date(today.year + today.month // 12, today.month % 12 + 1, 1)


def why_not_verifiable(row: NormTableRow | None) -> str | None:
    """Why the table cannot be verified here (Dutch); None when it can."""
    if row is None:
        return "Kies eerst een normtabel"
    if row.verified:
        who = f" door {row.verified_by}" if row.verified_by else ""
        when = f" op {moment(row.verified_at)}" if row.verified_at else ""
        return f"Deze normtabel is al geverifieerd{who}{when}; hij verandert niet meer"
    if row.superseded:
        return "Deze normtabel is vervangen door een latere import met dezelfde ingangsdatum"
    return None


class NormImportDialog(FormDialog):
    """A norm table from a CSV file, with the date it goes in and where its amounts come from;
    only beheer may save it, the workflow says so otherwise."""

    def __init__(
        self, context: AppContext, path: Path, effective_from: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "Normtabel importeren", parent)
        self.setMinimumWidth(480)
        self.path = path
        file_name = QLineEdit(str(path))
        file_name.setReadOnly(True)
        self.file_name = self.form.add(FILE, "Bestand", file_name)
        self.effective_from = self.form.add(
            EFFECTIVE_FROM, "Ingangsdatum", date_edit(effective_from)
        )
        self.source = self.form.add(SOURCE, "Bron", QLineEdit())
        self.source.setPlaceholderText("bijvoorbeeld de Staatscourant van de publicatie")

    def change(self) -> Write[int]:
        path, effective_from, source = self.path, day_of(self.effective_from), self.source.text()

        return lambda session, actor: refused_by_field(
            lambda: import_norm_file(session, actor, effective_from, source, _read(path)).id
        )

    def changed_client(self, saved: int) -> None:
        return None


def refused_by_field[T](work: Callable[[], T]) -> T:
    """What `work` returns; a refused norm table as ValidationFailed, each problem keyed by the
    field it is about, and a line that nothing was stored."""
    try:
        return work()
    except NormFileRefused as exc:
        errors = {field: "; ".join(problems) for field, problems in exc.fields.items()}
        errors[NOTHING_STORED] = "Normtabel niet ingelezen; er is niets opgeslagen."
        raise ValidationFailed(errors) from exc


def _read(path: Path) -> str:
    try:
        return read_text(path, MAX_FILE_BYTES)
    except UnreadableFile as exc:
        raise NormFileRefused([f"het bestand {exc}"]) from None
