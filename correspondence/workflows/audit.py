"""The audit trail: every write of a workflow leaves an event naming who acted."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from store.audit_trail import AuditEvent
from store.models import Employee


def now() -> datetime:
    return datetime.now(UTC)


def record(
    session: Session,
    actor: Employee | None,
    action: str,
    entity: str,
    entity_id: object,
    **details: Any,
) -> None:
    session.add(
        AuditEvent(
            at=now(),
            employee_id=actor.id if actor else None,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            details=details,
        )
    )
