"""The employees who work in Poortpost: beheer adds them and gives each a role. A letter names
an employee as registered here (full name), never by the login name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.rules.text import TextRefused, check_length, clean_line, letter_text
from correspondence.workflows import audit
from store.models import Employee
from store.vocabulary import EMPLOYEE_LIMITS, Role

# a login name as operating systems and directories allow it: no spaces, no letters to confuse
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]*")


@dataclass(frozen=True)
class EmployeeInput:
    username: str
    full_name: str
    role: str
    email: str = ""
    phone: str = ""
    initials: str = ""


def may_manage(employee: Employee) -> bool:
    """Beheer by role, or beheer rights beside another role (the first person on a database)."""
    return employee.role is Role.ADMIN or employee.admin


def add_employee(session: Session, actor: Employee, data: EmployeeInput) -> Employee:
    """A new active employee with a role; only beheer may add one."""
    if not may_manage(actor):
        raise WorkflowError("alleen beheer mag medewerkers toevoegen")
    employee = _new_employee(session, data)
    session.add(employee)
    session.flush()
    audit.record(session, actor, "add", "employee", employee.id, role=employee.role.value)
    return employee


def register_first_employee(session: Session, data: EmployeeInput) -> Employee:
    """The first person on a new database: registered with the role they work in and with
    beheer rights, so that they can add their colleagues."""
    if session.scalar(select(Employee.id).limit(1)) is not None:
        raise WorkflowError(
            "Poortpost heeft al medewerkers: beheer voegt u toe onder Beheer › Medewerkers"
        )
    employee = _new_employee(session, data)
    employee.admin = True
    session.add(employee)
    session.flush()
    audit.record(session, employee, "bootstrap", "employee", employee.id, role=employee.role.value)
    return employee


def _new_employee(session: Session, data: EmployeeInput) -> Employee:
    """An employee from what was typed, or ValidationFailed naming every field that is wrong."""
    errors: dict[str, str] = {}
    username = data.username.strip().lower()
    if not USERNAME.fullmatch(username):
        errors["username"] = "gebruik kleine letters, cijfers en . _ -, zonder spaties"
    elif len(username) > EMPLOYEE_LIMITS["username"]:
        errors["username"] = f"is te lang: hoogstens {EMPLOYEE_LIMITS['username']} tekens"
    elif session.scalar(select(Employee.id).where(Employee.username == username)) is not None:
        errors["username"] = "deze gebruikersnaam bestaat al"
    roles = {r.value: r for r in Role}
    if data.role not in roles:
        errors["role"] = f"onbekende rol; kies uit: {', '.join(roles)}"
    texts: dict[str, str] = {}
    for field, value, printed in (
        ("full_name", data.full_name, True),
        ("initials", data.initials, True),
        ("email", data.email, False),
        ("phone", data.phone, False),
    ):
        try:
            limit = EMPLOYEE_LIMITS[field]
            texts[field] = (
                letter_text(value, limit) if printed else check_length(clean_line(value), limit)
            )
        except TextRefused as exc:
            errors[field] = str(exc)
    if not errors and not texts["full_name"]:
        errors["full_name"] = "vul de naam in zoals die in brieven komt te staan"
    if errors:
        raise ValidationFailed(errors)
    return Employee(
        username=username,
        full_name=texts["full_name"],
        initials=texts["initials"],
        role=roles[data.role],
        email=texts["email"],
        phone=texts["phone"],
    )
