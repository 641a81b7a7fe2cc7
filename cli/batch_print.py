"""`batch-print --out FILE.pdf`: print the ready decisions into one PDF, or say what would be."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from cli.errors import UsageError
from cli.reports import Planned, batch_report, describe_report
from correspondence import logbook
from correspondence.batch.queue import BatchFilter, build_queue, check_print_date
from correspondence.batch.run import BatchRun, run_batch
from correspondence.records import reference
from correspondence.rules import deadlines
from correspondence.workflows.unit_of_work import Database

log = logbook.logger(__name__)


def run(database: Database, args: argparse.Namespace) -> int:
    sent_on = args.date or date.today()
    with database.session() as session:
        town = (
            None
            if args.municipality is None
            else reference.municipality_code(session, args.municipality)
        )
        warning = check_print_date(sent_on, date.today(), session)
    filters = BatchFilter(municipality=town)
    if warning and not confirm(f"{warning}. Toch deze verzenddatum gebruiken?"):
        raise UsageError(f"{warning}; kies een werkdag")
    if args.dry_run:
        with database.session() as session:
            queue = build_queue(session, filters, sent_on)
            deadline = deadlines.objection_deadline(sent_on, reference.atw_calendar(session))
        planned = [Planned(e.bsn, e.kind, sent_on, deadline) for e in queue.ready]
        report = batch_report(planned, queue.held_back, pages=0)
        log.info("dry run: %d ready, %d held back", len(planned), len(queue.held_back))
    else:
        result = run_batch(BatchRun(database, args.username, sent_on, filters, args.out))
        report = batch_report(result.printed, result.held_back, result.pages)
        log.info(
            "batch %s: %d printed, %d pages, %d held back",
            result.batch_id,
            len(result.printed),
            result.pages,
            len(result.held_back),
        )
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(describe_report(report, args.out, args.dry_run))
    return 0


def confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(f"{question} [j/N] ")
    return answer.strip().lower() in ("j", "ja")
