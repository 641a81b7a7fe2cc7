"""What a stored decision states beside its outcome, as the sending rules read it: the batch,
the dossier and the workflows ask the same question of the same record."""

from __future__ import annotations

from correspondence.rules.sending import Content
from store.models import Decision


def decision_content(decision: Decision) -> Content:
    return Content(
        decision.reasons,
        decision.missing,
        decision.requested_on,
        decision.ground,
        decision.weighing,
    )
