"""Widgets the screens share: read-only tables, sized by the employee, and how they are filled,
choice lists, and dates that may be left empty."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

# a decision that may not be sent yet, wherever it is listed
HELD_BACK = "#f8d7da"
# a column fitted to a long note stays this wide and the note wraps
WIDEST_COLUMN = 360


def user_sized(view: QTableView) -> None:
    """Columns the employee can drag wider or narrower; rows grow as their text wraps."""
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.sectionResized.connect(lambda *_: view.resizeRowsToContents())


def fit(view: QTableView) -> None:
    """The columns fit what the first rows shown hold, none wider than WIDEST_COLUMN (after
    that they keep the width the employee gave them); the last takes the room that is left,
    so on a narrow screen its text wraps instead of running off; every row as tall as its text."""
    if view.model().rowCount() and not view.property("fitted"):
        view.resizeColumnsToContents()
        header = view.horizontalHeader()
        last = header.count() - 1
        for column in range(last):
            header.resizeSection(column, min(header.sectionSize(column), WIDEST_COLUMN))
        header.resizeSection(last, header.minimumSectionSize())  # the stretch gives it the rest
        view.setProperty("fitted", True)
    view.resizeRowsToContents()


def table(name: str, headers: Sequence[str]) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setObjectName(name)
    widget.setHorizontalHeaderLabels(list(headers))
    widget.verticalHeader().hide()
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    user_sized(widget)
    return widget


def fill(
    widget: QTableWidget, rows: Sequence[Sequence[str]], colours: Sequence[str | None] = ()
) -> None:
    widget.setRowCount(len(rows))
    for row, values in enumerate(rows):
        colour = colours[row] if row < len(colours) else None
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if colour:
                item.setBackground(QBrush(QColor(colour)))
            widget.setItem(row, column, item)
    fit(widget)


def combo(options: list[tuple[Any, str]]) -> QComboBox:
    box = QComboBox()
    add_options(box, options)
    return box


def add_options(box: QComboBox, options: list[tuple[Any, str]]) -> None:
    for value, label in options:
        box.addItem(label, value)


def select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def day_of(editor: QDateEdit) -> date:
    """The day an editor shows; Qt's own conversion is typed as any object."""
    day = editor.date().toPython()
    if not isinstance(day, date):
        raise TypeError("de datumkiezer gaf geen datum")
    return day


def wall_time_of(editor: QDateTimeEdit) -> datetime:
    """The wall-clock time an editor shows, to the minute, without a zone."""
    moment = editor.dateTime().toPython()
    if not isinstance(moment, datetime):
        raise TypeError("de tijdkiezer gaf geen tijdstip")
    return moment.replace(second=0, microsecond=0, tzinfo=None)


def date_edit(value: date | None = None) -> QDateEdit:
    editor = QDateEdit()
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("dd-MM-yyyy")
    editor.setDate(QDate(value or date.today()))
    return editor


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
        return day_of(self.editor) if self.enabled.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.editor.setDate(QDate(value))
