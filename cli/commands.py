"""Which module runs which command. A command's module is imported only when it runs, so a
quick command (a deadline) never loads the batch printer, the letter renderer or Qt."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from correspondence import logbook
from correspondence.workflows.unit_of_work import Database

COMMANDS = {
    "deadline": "cli.deadline",
    "demo": "cli.demo",
    "letter": "cli.letter",
    "import": "cli.importing",
    "explain": "cli.explain",
    "batch-print": "cli.batch_print",
    "user": "cli.user",
    "norms": "cli.norms",
    "municipality": "cli.municipality",
}

Command = Callable[[Database, argparse.Namespace], int]

log = logbook.logger(__name__)


def run_command(args: argparse.Namespace) -> int:
    """Run the command `args` names on the database it names; its exit status."""
    log.info("%s started", args.command)
    run: Command = importlib.import_module(COMMANDS[args.command]).run
    database = Database.open(args.db)
    try:
        return run(database, args)
    finally:
        database.close()
