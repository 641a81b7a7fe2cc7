"""The data of each municipality as beheer keeps it: changed field by field, then verified
against the municipality's own publication. A change clears the mark, so no letter prints
changed data before beheer has verified it again (rules.letter_marks)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.records import reference
from correspondence.rules.errors import WorkflowError
from correspondence.rules.municipality_data import checked_values
from correspondence.workflows import audit
from correspondence.workflows.employees import may_manage
from correspondence.workflows.verification import mark_verified
from store.models import Employee, Municipality


def _municipality(session: Session, given: str) -> Municipality:
    """The municipality named by code or name; an unknown one is refused with the known codes."""
    code = reference.municipality_code(session, given)
    return session.scalars(select(Municipality).where(Municipality.code == code)).one()


@dataclass(frozen=True)
class MunicipalityChange:
    code: str
    name: str
    changed: tuple[str, ...]  # the fields whose value is new, in the order given


def change_municipality(
    session: Session, actor: Employee, given: str, values: Mapping[str, str]
) -> MunicipalityChange:
    """Set the fields in `values` (by name, as typed); only beheer may. ValidationFailed names
    every field at fault and nothing is stored then. A field that really changes clears the
    verified mark and is audited with what it was; a value as it was changes nothing."""
    if not may_manage(actor):
        raise WorkflowError("alleen beheer mag gemeentegegevens wijzigen")
    municipality = _municipality(session, given)
    checked = checked_values(values)
    changed = {
        name: value for name, value in checked.items() if getattr(municipality, name) != value
    }
    for name, value in changed.items():
        audit.record(
            session,
            actor,
            "change",
            "municipality",
            municipality.id,
            code=municipality.code,
            field=name,
            before=getattr(municipality, name),
            after=value,
            was_verified=municipality.verified,
        )
        setattr(municipality, name, value)
    if changed:
        municipality.verified = False
        municipality.verified_by = None
        municipality.verified_at = None
    session.flush()
    return MunicipalityChange(municipality.code, municipality.name, tuple(changed))


def verify_municipality(session: Session, actor: Employee, given: str) -> Municipality:
    """Beheer confirms that the municipality's data match its own publication: who and when
    are recorded, until the next change."""
    if not may_manage(actor):
        raise WorkflowError("alleen beheer mag gemeentegegevens verifiëren")
    municipality = _municipality(session, given)
    mark_verified(session, actor, municipality, f"gemeente {municipality.name}")
    audit.record(session, actor, "verify", "municipality", municipality.id, code=municipality.code)
    return municipality
