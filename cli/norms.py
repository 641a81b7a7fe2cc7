"""`norms list`, `norms import FILE.csv --from DATE --source TEXT` and `norms verify ID`: the
norm tables of the bijstand, kept by beheer."""

from __future__ import annotations

import argparse
import json

from cli.json_files import read_file
from correspondence import logbook
from correspondence.queries.norms import NormTableRow, norm_tables
from correspondence.rules import verification
from correspondence.rules.norm_file import MAX_FILE_BYTES
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.norms import import_norm_file, verify_norm_table
from correspondence.workflows.unit_of_work import Database, committing

log = logbook.logger(__name__)


def run(database: Database, args: argparse.Namespace) -> int:
    if args.action == "import":
        text = read_file(args.file, MAX_FILE_BYTES)
        with committing(database) as session:
            actor = acting_employee(session, args.username)
            table = import_norm_file(session, actor, args.effective_from, args.source, text)
            number = table.id
        log.info("norm table %d imported", number)
        print(
            f"Normtabel {number} van {args.effective_from.isoformat()} ingelezen, "
            "nog niet geverifieerd."
        )
        return 0
    if args.action == "verify":
        with committing(database) as session:
            actor = acting_employee(session, args.username)
            table = verify_norm_table(session, actor, args.table_id)
            day = table.effective_from.isoformat()
        log.info("norm table %d verified", args.table_id)
        print(f"Normtabel {args.table_id} van {day} geverifieerd.")
        return 0
    with database.session() as session:
        rows = norm_tables(session)
    if args.json:
        print(json.dumps([as_json(row) for row in rows], ensure_ascii=False))
    else:
        for row in rows:
            print(line(row))
    return 0


def as_json(row: NormTableRow) -> dict[str, object]:
    return {
        "id": row.id,
        "effective_from": row.effective_from.isoformat(),
        "source": row.source,
        "verified": row.verified,
        "verified_by": row.verified_by,
        "verified_at": row.verified_at.isoformat() if row.verified_at else None,
        "imported_by": row.imported_by,
        "imported_at": row.imported_at.isoformat() if row.imported_at else None,
        "superseded": row.superseded,
        "amounts": [
            {"household": a.household, "age_band": a.age_band, "amount_cents": a.amount_cents}
            for a in row.amounts
        ],
    }


def line(row: NormTableRow) -> str:
    state = verification.state(row.verified, row.verified_by, row.verified_at)
    if row.superseded:
        state += " (vervangen door een latere tabel van dezelfde datum)"
    return f"{row.id}\t{row.effective_from.isoformat()}\t{state}\t{row.source}"
