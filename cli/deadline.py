"""`deadline KIND DAY`: the last day of a term, on the Atw calendar beheer keeps."""

from __future__ import annotations

import argparse

from correspondence.records import reference
from correspondence.rules import deadlines
from correspondence.workflows.unit_of_work import Database


def run(database: Database, args: argparse.Namespace) -> int:
    with database.engine.connect() as connection:
        calendar = reference.atw_calendar(connection)
    print(deadlines.TERMS[args.kind](args.day, calendar).isoformat())
    return 0
