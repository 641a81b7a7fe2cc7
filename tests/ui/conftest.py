"""What no test may leave to chance: a question nobody answers would wait for a click that
never comes. Every form closes without a question unless a test asks for the real one (pytest-qt
closes the widgets a test leaves open), and any other question or error box fails the test with
what it said."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from ui import asking, forms


@pytest.fixture(autouse=True)
def discard_without_asking(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if "real_discard_question" not in request.keywords:
        monkeypatch.setattr(forms, "confirm_discard", lambda parent, what: True)


@pytest.fixture(autouse=True)
def no_unanswered_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    def unanswered(_parent, _title: str, question: str, *args, **kwargs):
        raise AssertionError(f"unanswered: {question}")

    monkeypatch.setattr(asking, "confirm", unanswered)
    monkeypatch.setattr(QMessageBox, "critical", unanswered)


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine runs in another zone than the Netherlands."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
