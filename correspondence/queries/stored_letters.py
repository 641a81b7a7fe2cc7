"""The letters kept with a dossier, as quality staff audit them: who made each one, with which
template versions, and its PDF, loaded only when one letter is opened."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from correspondence.records.lookup import require
from correspondence.rules.kinds import LABELS, LetterKind
from store.models import Employee, StoredLetter

LETTER_FOLDER = "brieven/"


@dataclass(frozen=True)
class StoredLetterFile:
    id: int
    label: str
    created_at: datetime
    made_by: str  # the employee's name as registered
    versions: tuple[tuple[str, str], ...]  # (template file, version), sorted by file
    pdf_sha256: str
    pdf: bytes


def made_by(session: Session, letter: StoredLetter) -> str:
    """The name of the employee who made the letter, as registered (never a login name)."""
    return require(session, Employee, letter.created_by).full_name


def sorted_versions(versions: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(versions.items()))


def letter_template_version(versions: Mapping[str, str]) -> str:
    """The version of the letter's own template (not its house style or text blocks)."""
    return next(
        (f"{name} {v}" for name, v in sorted(versions.items()) if name.startswith(LETTER_FOLDER)),
        "",
    )


def stored_letter(session: Session, letter_id: int) -> StoredLetterFile:
    """One kept letter with its PDF; the dossier lists letters without loading their files."""
    letter = session.scalars(
        select(StoredLetter).where(StoredLetter.id == letter_id).options(undefer(StoredLetter.pdf))
    ).one_or_none()
    if letter is None:
        letter = require(session, StoredLetter, letter_id)  # says, in Dutch, that it is gone
    return StoredLetterFile(
        id=letter.id,
        label=LABELS[LetterKind(letter.kind)],
        created_at=letter.created_at,
        made_by=made_by(session, letter),
        versions=sorted_versions(letter.versions),
        pdf_sha256=letter.pdf_sha256,
        pdf=letter.pdf,
    )
