"""`user list` and `user add USERNAME --name NAME --role ROLE`: the employees and their roles."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from correspondence import logbook
from correspondence.queries.employees import employees
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.employees import EmployeeInput, add_employee
from correspondence.workflows.unit_of_work import Database, committing

log = logbook.logger(__name__)


def run(database: Database, args: argparse.Namespace) -> int:
    if args.action == "add":
        data = EmployeeInput(
            args.new_username, args.name, args.role, args.email, args.phone, args.initials
        )
        with committing(database) as session:
            employee = add_employee(session, acting_employee(session, args.username), data)
            added = employee.id
        log.info("employee %d added", added)
        print(f"Medewerker {data.username.strip().lower()} toegevoegd.")
        return 0
    with database.session() as session:
        rows = employees(session)
    if args.json:
        print(json.dumps([asdict(row) for row in rows], ensure_ascii=False))
    else:
        for row in rows:
            state = "" if row.active else " (niet actief)"
            print(f"{row.username}\t{row.name}\t{row.role}{state}")
    return 0
