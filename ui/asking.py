"""The one way a window asks before an act that cannot simply be undone: a Ja/Nee question,
Nee by default. Tests answer it by replacing `confirm`."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget, title: str, question: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    yes = box.addButton("Ja", QMessageBox.ButtonRole.YesRole)
    box.setDefaultButton(box.addButton("Nee", QMessageBox.ButtonRole.NoRole))
    box.exec()
    return box.clickedButton() is yes
