"""Who works in Poortpost, as beheer sees it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Employee


@dataclass(frozen=True)
class EmployeeRow:
    username: str
    name: str
    role: str
    active: bool
    initials: str = ""
    admin: bool = False  # beheer rights beside the role


def _row(employee: Employee) -> EmployeeRow:
    return EmployeeRow(
        employee.username,
        employee.full_name,
        employee.role.value,
        employee.active,
        employee.initials,
        employee.admin,
    )


def employees(session: Session) -> list[EmployeeRow]:
    """Every employee, by user name."""
    return [_row(e) for e in session.scalars(select(Employee).order_by(Employee.username))]


def has_employees(session: Session) -> bool:
    """False on a new database, before the first person has said who they are."""
    return session.scalar(select(Employee.id).limit(1)) is not None


def signed_in(session: Session, username: str) -> EmployeeRow | None:
    """The employee working under `username`, or None before they are registered."""
    employee = session.scalar(select(Employee).where(Employee.username == username))
    if employee is None:
        return None
    return _row(employee)
