"""The shipped municipalities verified, as beheer does before letters go out."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.workflows.actors import acting_employee
from correspondence.workflows.municipalities import verify_municipality
from store.models import Municipality


def verify_all_municipalities(session: Session, username: str = "beheerder") -> None:
    actor = acting_employee(session, username)
    for code in session.scalars(select(Municipality.code).where(Municipality.verified.is_(False))):
        verify_municipality(session, actor, code)
