"""The days a batch test prints on, an imported database, and the text of a printed PDF."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

import pypdfium2 as pdfium
from sqlalchemy import insert, select

from correspondence.workflows import audit
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.importing import import_cases, parse_cases
from store.database import Database
from store.models import Decision, Employee, PrintBatch, StoredLetter
from store.vocabulary import BatchStatus
from tests.support.municipalities import verify_all_municipalities
from tests.support.norms import set_repayment_accounts, verify_all_norm_tables
from tests.support.paths import MAIN

TODAY = date.today()
MONDAY = TODAY + timedelta(days=(7 - TODAY.weekday()) % 7 or 7)  # a Monday after today
SENT_ON = MONDAY + timedelta(days=1) if MONDAY.month == 12 and MONDAY.day in (25, 26) else MONDAY


def imported(url: str, entries: list[dict]) -> Database:
    database = Database.open(url)
    with database.session() as session, session.begin():
        import_cases(session, acting_employee(session, "admin"), parse_cases(entries), TODAY)
        verify_all_norm_tables(session, "admin")  # a grant or a recovery states an amount
        set_repayment_accounts(session)  # and a recovery where to pay it back
        verify_all_municipalities(session, "admin")
    return database


def page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def running_batch(database: Database, lease: timedelta, letters_of: Sequence[int] = ()) -> int:
    """A batch as a running (or a crashed) printer leaves it, with a letter per decision."""
    with database.session() as session, session.begin():
        employee = session.scalars(select(Employee.id)).first()
        batch_id = session.execute(
            insert(PrintBatch)
            .values(
                started_at=audit.now() - timedelta(hours=1),
                lease_until=audit.now() + lease,
                started_by=employee,
                sent_on=SENT_ON,
                status=BatchStatus.RUNNING,
                filters={},
                output="",
                letter_count=0,
                page_count=0,
            )
            .returning(PrintBatch.id)
        ).scalar_one()
        for decision_id in letters_of:
            decision = session.get(Decision, decision_id)
            assert decision is not None
            session.add(
                StoredLetter(
                    case_id=decision.case_id,
                    decision_id=decision_id,
                    kind="decision-rejection",
                    created_at=audit.now(),
                    created_by=employee,
                    pdf=b"%PDF-",
                    pdf_sha256="0" * 64,
                    versions={},
                    data="{}",
                    batch_id=batch_id,
                )
            )
    return batch_id


def batch_print_command(url: str, out: Path) -> list[str]:
    """`batch-print` as a user runs it, as a separate process, sent on SENT_ON."""
    return [
        sys.executable,
        str(MAIN),
        "--db",
        url,
        "--as",
        "admin",
        "batch-print",
        "--out",
        str(out),
        "--date",
        SENT_ON.isoformat(),
    ]
