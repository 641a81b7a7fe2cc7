"""Every form closes without a question in the tests unless a test asks for the real one:
pytest-qt closes the widgets a test leaves open, and a modal question then would wait for
ever."""

from __future__ import annotations

import pytest

from ui import forms


@pytest.fixture(autouse=True)
def discard_without_asking(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if "real_discard_question" not in request.keywords:
        monkeypatch.setattr(forms, "confirm_discard", lambda parent, what: True)
