"""The lease of a running batch: when it stores its letters so far and renews the lease, and how
the batches whose lease ran out are cleaned up, their partial print files with them."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy.orm import Session

from correspondence.batch.output import remove_partials
from correspondence.workflows import print_batches
from store.models import Employee

COMMIT_EVERY = 100  # letters
RENEW_EVERY = 30.0  # seconds: often enough to keep the lease of a batch that renders slowly


class Renewal:
    """When the letters rendered so far are stored and the lease renewed: every COMMIT_EVERY
    letters, after the last one, and whenever RENEW_EVERY seconds have passed."""

    def __init__(self) -> None:
        self._at = time.monotonic() + RENEW_EVERY

    def due(self, done: int, total: int) -> bool:
        return done % COMMIT_EVERY == 0 or done == total or time.monotonic() >= self._at

    def renewed(self) -> None:
        self._at = time.monotonic() + RENEW_EVERY


def clean_up_stale(session: Session, actor: Employee) -> None:
    """Batches that stopped without finishing: their stored letters and partial files go, the
    batch stays on record as abandoned."""
    for batch_id, output in print_batches.abandon_stale(session, actor):
        if output:
            remove_partials(Path(output), batch_id)
