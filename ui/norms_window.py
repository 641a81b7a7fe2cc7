"""Beheer's *Normtabellen* window: the norm tables with who imported and who verified them, the
nine amounts of the one chosen, importing a table from its CSV file and verifying one against
its publication (ui.verified_list)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QPushButton, QWidget

from correspondence.queries.norms import NormTableRow, norm_tables
from correspondence.rules import verification
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
from ui.context import AppContext
from ui.forms import FormDialog
from ui.verified_list import VerifiedListWindow
from ui.widgets import date_edit, day_of, fill

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

NOTHING_STORED = "nothing_stored"  # no field of the form: the line under it


class NormsWindow(VerifiedListWindow[NormTableRow]):
    verify_hint = "Deze normtabel controleren tegen de publicatie"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        import_button = QPushButton("Importeren…")
        super().__init__(
            context,
            "Normtabellen",
            norm_tables,
            (
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
            ),
            ("norm_amounts", ["Leefvorm en leeftijd", "Bedrag per maand"]),
            [import_button],
            parent,
        )
        self.import_dialog: NormImportDialog | None = None
        self.import_button = import_button
        import_button.clicked.connect(self.import_table)
        self.resize(900, 520)
        self._chosen()
        self.refresh()

    def key(self, row: NormTableRow) -> int:
        return row.id

    def cells(self, row: NormTableRow) -> list[str]:
        return [
            long_date(row.effective_from),
            row.source,
            "ja" if row.verified else "nee",
            row.verified_by or "",
            moment(row.verified_at) if row.verified_at else "",
            row.imported_by or "",
            moment(row.imported_at) if row.imported_at else "",
            "ja" if row.superseded else "nee",
        ]

    def show_details(self, row: NormTableRow | None) -> None:
        if row is None:
            self.details_title.setText("Bedragen")
            fill(self.details, [])
            return
        self.details_title.setText(f"Bedragen van de normtabel van {long_date(row.effective_from)}")
        fill(self.details, [[a.label, a.amount] for a in row.amounts])
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for line in range(self.details.rowCount()):
            item = self.details.item(line, 1)
            if item is not None:
                item.setTextAlignment(right)

    def why_not_verifiable(self, row: NormTableRow | None) -> str | None:
        return why_not_verifiable(row)

    def verify_question(self, row: NormTableRow) -> tuple[str, str]:
        day = long_date(row.effective_from)
        return (
            "Normtabel verifiëren",
            f"Normtabel van {day} verifiëren? Daarna kan hij niet meer worden gewijzigd.",
        )

    def verify_change(self, row: NormTableRow) -> Write[int]:
        table_id = row.id
        return lambda session, actor: verify_norm_table(session, actor, table_id).id

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
        whom = verification.by_whom(row.verified_by, row.verified_at)
        return f"Deze normtabel is al geverifieerd{whom}; hij verandert niet meer"
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
