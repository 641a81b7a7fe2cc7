"""`import CASES.json`: store a JSON list of cases, all or none."""

from __future__ import annotations

import argparse
from datetime import date

from cli.json_files import read_json
from correspondence import logbook
from correspondence.rules.formatting import count_noun
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.importing import import_cases, parse_cases
from correspondence.workflows.unit_of_work import Database, committing

log = logbook.logger(__name__)


def run(database: Database, args: argparse.Namespace) -> int:
    items = parse_cases(read_json(args.cases), date.today())
    with committing(database) as session:
        count = import_cases(session, acting_employee(session, args.username), items, date.today())
    log.info("%d cases imported", count)
    print(f"{count_noun(count, 'zaak', 'zaken')} ingelezen.")
    return 0
