import pytest


@pytest.fixture(autouse=True)
def no_unanswered_questions(monkeypatch):
    """A question or message no test answers would wait for a click that never comes: it
    fails the test instead, with what it said."""
    from PySide6.QtWidgets import QMessageBox

    from ui import asking

    def unanswered(_parent, _title: str, question: str, *args, **kwargs):
        raise AssertionError(f"unanswered: {question}")

    monkeypatch.setattr(asking, "confirm", unanswered)
    monkeypatch.setattr(QMessageBox, "critical", unanswered)
