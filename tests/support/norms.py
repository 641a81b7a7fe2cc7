"""Reference data for the tests: a norm table's CSV file as beheer imports it, verifying the
shipped tables and setting the accounts for repayments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.queries.norms import norm_tables
from correspondence.rules.identifiers import FICTIONAL_IBAN
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.norms import import_norm_file, verify_norm_table
from store.models import Municipality
from tests.support.municipalities import verify_all_municipalities

NORMS_CSV = """leefvorm;leeftijd;bedrag
alleenstaande;18-20;353,04
alleenstaande;21-aow;1.430,28
alleenstaande;aow;1.599,25
alleenstaande ouder;18-20;353,04
alleenstaande ouder;21-aow;1.430,28
alleenstaande ouder;aow;1.599,25
gehuwden;18-20;706,08
gehuwden;21-aow;2.043,26
gehuwden;aow;2.189,80
"""


# the asset limits of Participatiewet art. 34 lid 3 as consolidated on 1 January 2025, as test
# data for a table of 1 January
ASSET_LIMITS_CSV = """alleenstaande;vermogensgrens;7.770,00
alleenstaande ouder;vermogensgrens;15.540,00
gehuwden;vermogensgrens;15.540,00
"""


def norms_file(folder: Path, text: str = NORMS_CSV) -> Path:
    path = folder / "normen.csv"
    path.write_text(text, encoding="utf-8")
    return path


def verify_all_norm_tables(session: Session, username: str = "beheerder") -> None:
    """Beheer verifies every table in force, as a municipality does before it sends amounts;
    one a later import of its date replaced is left, as the workflow refuses it."""
    actor = acting_employee(session, username)
    for table in norm_tables(session):
        if not table.verified and not table.superseded:
            verify_norm_table(session, actor, table.id)


def set_repayment_accounts(session: Session, iban: str = FICTIONAL_IBAN) -> None:
    """Beheer sets every municipality's account for repayments, which a recovery names."""
    for town in session.scalars(select(Municipality)):
        town.repayment_iban = iban


def import_asset_limits(
    session: Session, effective_from: date, username: str = "beheerder"
) -> None:
    """Beheer imports the table of `effective_from` again with its asset limits, as the
    publication of 1 January carries them; it is verified with the others afterwards."""
    actor = acting_employee(session, username)
    import_norm_file(session, actor, effective_from, "test", NORMS_CSV + ASSET_LIMITS_CSV)


def reference_data_for_letters(session: Session, username: str = "tester") -> None:
    """Everything a municipality sets before it sends letters with amounts: the limits of 2026
    (a rejection for assets names them), verified norm tables, the accounts for repayments,
    and the municipalities' data verified."""
    acting_employee(session, username)
    import_asset_limits(session, date(2026, 1, 1), username)
    verify_all_norm_tables(session, username)
    set_repayment_accounts(session)
    verify_all_municipalities(session, username)
