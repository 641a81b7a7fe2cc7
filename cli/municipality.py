"""`municipality list`, `municipality set CODE FIELD VALUE` and `municipality verify CODE`: the
data of each municipality that letters print, kept and verified by beheer."""

from __future__ import annotations

import argparse
import json

from correspondence import logbook
from correspondence.queries.municipalities import MunicipalityRow, municipalities
from correspondence.rules import verification
from correspondence.rules.municipality_data import FIELDS_BY_NAME
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.municipalities import change_municipality, verify_municipality
from correspondence.workflows.unit_of_work import Database, committing

log = logbook.logger(__name__)


def run(database: Database, args: argparse.Namespace) -> int:
    if args.action == "set":
        with committing(database) as session:
            actor = acting_employee(session, args.username)
            change = change_municipality(
                session, actor, args.municipality, {args.field: args.value}
            )
        label = FIELDS_BY_NAME[args.field].label
        if not change.changed:
            print(f"{label} van {change.name} was al zo; er is niets gewijzigd.")
            return 0
        log.info("municipality %s: %s changed", change.code, args.field)
        print(
            f"{label} van {change.name} gewijzigd; de gegevens moeten opnieuw worden geverifieerd."
        )
        return 0
    if args.action == "verify":
        with committing(database) as session:
            actor = acting_employee(session, args.username)
            town = verify_municipality(session, actor, args.municipality)
            code, name = town.code, town.name
        log.info("municipality %s verified", code)
        print(f"De gegevens van {name} zijn geverifieerd.")
        return 0
    with database.session() as session:
        rows = municipalities(session)
    if args.json:
        print(json.dumps([as_json(row) for row in rows], ensure_ascii=False))
    else:
        for row in rows:
            state = verification.state(row.verified, row.verified_by, row.verified_at)
            print(f"{row.code}\t{row.name}\t{state}")
    return 0


def as_json(row: MunicipalityRow) -> dict[str, object]:
    return {
        "code": row.code,
        **row.values,
        "verified": row.verified,
        "verified_by": row.verified_by,
        "verified_at": row.verified_at.isoformat() if row.verified_at else None,
    }
