"""Norm tables for the tests: a CSV file as beheer imports it, and verifying the shipped ones."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.workflows.actors import acting_employee
from correspondence.workflows.norms import verify_norm_table
from store.models import NormTable

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


def norms_file(folder: Path, text: str = NORMS_CSV) -> Path:
    path = folder / "normen.csv"
    path.write_text(text, encoding="utf-8")
    return path


def verify_all_norm_tables(session: Session, username: str = "beheerder") -> None:
    """Beheer verifies every shipped table, as a municipality does before it sends amounts."""
    actor = acting_employee(session, username)
    for table in session.scalars(select(NormTable).where(NormTable.verified.is_(False))):
        verify_norm_table(session, actor, table.id)
