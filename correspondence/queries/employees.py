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


def employees(session: Session) -> list[EmployeeRow]:
    """Every employee, by user name."""
    rows = session.scalars(select(Employee).order_by(Employee.username))
    return [EmployeeRow(e.username, e.full_name, e.role.value, e.active) for e in rows]


def signed_in(session: Session, username: str) -> EmployeeRow | None:
    """The employee working under `username`, or None before they are registered."""
    employee = session.scalar(select(Employee).where(Employee.username == username))
    if employee is None:
        return None
    return EmployeeRow(employee.username, employee.full_name, employee.role.value, employee.active)
