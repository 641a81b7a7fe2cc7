"""The one way a window asks before an act that cannot simply be undone: a Ja/Nee question,
Nee by default, so Enter sends nothing. Tests answer it in place of the employee by replacing
`confirm`."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget, title: str, question: str) -> bool:
    """True when the employee answers Ja."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    yes = box.addButton("Ja", QMessageBox.ButtonRole.YesRole)
    box.setDefaultButton(box.addButton("Nee", QMessageBox.ButtonRole.NoRole))
    box.exec()
    return box.clickedButton() is yes
