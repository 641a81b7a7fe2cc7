"""`deadline KIND DAY`: the last day of a term, on the Atw calendar beheer keeps.

`deadline advance DAY` gives the last day of the municipality's own offer: an advance on
request four weeks after a melding on DAY. With `--from-application` DAY is the day the
application was received and the answer is the legal one: the last day of the first advance
the college grants unasked (Participatiewet art. 52 lid 1).
"""

from __future__ import annotations

import argparse

from cli.errors import UsageError
from correspondence.records import reference
from correspondence.rules import deadlines
from correspondence.workflows.unit_of_work import Database


def run(database: Database, args: argparse.Namespace) -> int:
    legal = getattr(args, "from_application", False)
    if legal and args.kind != "advance":
        raise UsageError("--from-application hoort alleen bij de termijn advance")
    with database.engine.connect() as connection:
        calendar = reference.atw_calendar(connection)
    if legal:
        day = deadlines.legal_advance_dates(args.day, calendar, count=1)[0]
    else:
        day = deadlines.TERMS[args.kind](args.day, calendar)
    print(day.isoformat())
    return 0
