"""Rendering a batch's letters in a render process. This module imports only what rendering
needs (no database: the reference data comes along), so a render process is ready quickly."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any

from correspondence.letters.context import LetterReference
from correspondence.letters.produce import LetterProducer
from correspondence.letters.registry import FolderRegistry, SettledRegistry
from correspondence.rules.case_data import CaseData
from correspondence.rules.concept import is_concept
from correspondence.rules.errors import WorkflowError
from correspondence.rules.kinds import KIND_OF_DECISION, LetterKind
from correspondence.rules.vocabulary import DecisionStatus

_worker: dict[str, Any] = {}


def _go_on() -> None:
    pass


def start_worker(
    references: dict[str, LetterReference], check: Callable[[], None] = _go_on
) -> None:
    """Set up a render process: its own producer, the reference data, and every decision
    template prepared, while the printing process is still building the queue. `check` is
    called before each template, so a printing thread that prepares them may be cancelled.
    The templates are looked at once here, not again for each letter of the batch."""
    producer = _worker.get("producer") or LetterProducer()  # keeps what it prepared
    producer.registry = SettledRegistry(FolderRegistry())
    _worker.update(producer=producer, references=references)
    for town in references.values():
        for kind in KIND_OF_DECISION.values():
            check()
            # a refused template is reported with the first letter that needs it
            with suppress(WorkflowError):
                producer.prepared(kind, town)


def render(kind: str, case: CaseData) -> tuple[bytes, dict[str, str], str]:
    producer: LetterProducer = _worker["producer"]
    references = _worker["references"]
    letter_kind = LetterKind(kind)
    # the batch only prints ready decisions, and prints them to send them
    concept = is_concept(letter_kind, DecisionStatus.READY, sending=True)
    reference = references[case.municipality]
    letter = producer.produce(letter_kind, case, reference, docx=False, concept=concept)
    return letter.pdf, dict(letter.versions), letter.data
