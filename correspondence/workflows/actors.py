"""Who acts: every workflow runs on behalf of an employee."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from correspondence.rules.errors import UnknownEmployee
from correspondence.workflows import audit
from store.models import Employee
from store.vocabulary import Role


def acting_employee(session: Session, username: str) -> Employee:
    """The active employee with `username`.

    On a database without employees the first one to act becomes its first beheer user, so a
    new installation can be set up without a separate step; this is recorded in the audit trail.
    """
    employee = session.scalar(select(Employee).where(Employee.username == username))
    if employee is not None:
        if not employee.active:
            raise UnknownEmployee(f"medewerker '{username}' is niet meer actief")
        return employee
    if session.scalar(select(func.count()).select_from(Employee)) == 0:
        employee = Employee(username=username, full_name=username, role=Role.ADMIN)
        session.add(employee)
        session.flush()
        audit.record(
            session,
            employee,
            "bootstrap",
            "employee",
            employee.id,
            role=Role.ADMIN.value,
        )
        return employee
    raise UnknownEmployee(
        f"onbekende medewerker '{username}': beheer voegt u toe onder Beheer › Medewerkers"
    )
