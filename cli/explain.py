"""`explain BSN`: log a call or conversation that explains a decision in advance."""

from __future__ import annotations

import argparse

from cli.errors import UsageError
from correspondence import logbook
from correspondence.records.lookup import open_case_of
from correspondence.rules.dates import LOCAL_ZONE
from correspondence.rules.identifiers import InvalidIdentifier, normalise_bsn
from correspondence.rules.vocabulary import Channel
from correspondence.workflows import audit
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.decisions import decision_to_explain, log_explanation
from correspondence.workflows.unit_of_work import Database, committing

log = logbook.logger(__name__)


def run(database: Database, args: argparse.Namespace) -> int:
    try:
        bsn = normalise_bsn(args.bsn)
    except InvalidIdentifier as exc:
        raise UsageError(f"BSN: {exc}") from None
    reached = args.reached == "yes"
    with committing(database) as session:
        actor = acting_employee(session, args.username)
        decision = decision_to_explain(session, open_case_of(session, bsn), args.decision)
        entry = log_explanation(
            session,
            actor,
            decision.id,
            args.at or audit.now(),
            Channel(args.channel),
            reached,
            args.note,
        )
        when = entry.at.astimezone(LOCAL_ZONE).strftime("%d-%m-%Y %H:%M")
    log.info(
        "contact log entry %d on decision %d of case %d, reached: %s",
        entry.id,
        decision.id,
        decision.case_id,
        reached,
    )
    print(f"Gesprek vastgelegd ({when}, {'bereikt' if reached else 'niet bereikt'}).")
    return 0
