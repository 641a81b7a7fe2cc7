"""What `batch-print` reports: one JSON object, or Dutch lines for a person."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from correspondence.batch.printing import BatchResult, Queue
from correspondence.records import reference
from correspondence.rules import deadlines
from correspondence.rules.formatting import count_noun
from store.database import Database


def dry_run_report(queue: Queue, sent_on: date, database: Database) -> dict[str, Any]:
    with database.session() as session:
        deadline = deadlines.objection_deadline(sent_on, reference.atw_calendar(session))
    return {
        "printed": [
            {
                "bsn": e.bsn,
                "kind": e.kind.value,
                "first_page": None,
                "pages": None,
                "sent_on": sent_on.isoformat(),
                "objection_deadline": deadline.isoformat(),
            }
            for e in queue.ready
        ],
        "held_back": [
            {"bsn": h.bsn, "kind": h.kind.value, "reason": h.reason} for h in queue.held_back
        ],
        "pages": 0,
    }


def batch_report(result: BatchResult) -> dict[str, Any]:
    return {
        "printed": [
            {
                "bsn": p.bsn,
                "kind": p.kind.value,
                "first_page": p.first_page,
                "pages": p.pages,
                "sent_on": p.sent_on.isoformat(),
                "objection_deadline": p.objection_deadline.isoformat(),
            }
            for p in result.printed
        ],
        "held_back": [
            {"bsn": h.bsn, "kind": h.kind.value, "reason": h.reason} for h in result.held_back
        ],
        "pages": result.pages,
    }


def describe_report(report: dict[str, Any], out: Path, dry_run: bool) -> str:
    printed, held = report["printed"], report["held_back"]
    decisions = count_noun(len(printed), "besluit", "besluiten")
    if dry_run:
        lines = [f"Zou afdrukken: {decisions}."]
    elif printed:
        pages = count_noun(report["pages"], "pagina", "pagina's")
        lines = [f"Afgedrukt: {decisions}, {pages} in {out}."]
    else:
        lines = ["Geen besluiten gereed; er is geen bestand gemaakt."]
    lines += [f"Tegengehouden: BSN {h['bsn']} ({h['kind']}): {h['reason']}" for h in held]
    return "\n".join(lines)
