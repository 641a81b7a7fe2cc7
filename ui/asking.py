"""Asking the employee a yes-or-no question before something that cannot be undone. Windows
ask through this one function, so a test answers it in place of the employee."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, title: str, question: str) -> bool:
    """True when the employee answers yes; No is the default, so Enter sends nothing."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
