"""Beheer declares reference data checked against its source: who did and when is recorded on
the record itself; data already verified says by whom."""

from __future__ import annotations

from sqlalchemy.orm import Session

from correspondence.rules import verification
from correspondence.rules.errors import WorkflowError
from correspondence.workflows import audit
from store.models import Employee, Municipality, NormTable


def mark_verified(
    session: Session, actor: Employee, record: NormTable | Municipality, name: str
) -> None:
    """`record` verified by `actor` now; WorkflowError naming `name` ("normtabel 3") and who
    verified it when it already is."""
    if record.verified:
        by = session.get(Employee, record.verified_by) if record.verified_by else None
        whom = verification.by_whom(by.full_name if by else None, record.verified_at)
        raise WorkflowError(f"{name} is al geverifieerd{whom}")
    record.verified = True
    record.verified_by = actor.id
    record.verified_at = audit.now()
    session.flush()
