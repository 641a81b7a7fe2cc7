"""`demo`: fill the database with fictional demo data, once."""

from __future__ import annotations

import argparse
from datetime import date

from correspondence import logbook
from correspondence.rules.formatting import count_noun
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.demo import already_loaded, load_demo
from correspondence.workflows.unit_of_work import Database, committing

log = logbook.logger(__name__)


def run(database: Database, args: argparse.Namespace) -> int:
    with committing(database) as session:
        if already_loaded(session):
            log.info("already loaded")
            print("De demogegevens staan al in deze database.")
            return 0
        actor = acting_employee(session, args.username)
        count = load_demo(session, actor, date.today())
    log.info("%d clients loaded", count)
    print(f"Demogegevens geladen: {count_noun(count, 'klant', 'klanten')}.")
    return 0
