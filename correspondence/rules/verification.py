"""How Poortpost says whether beheer verified reference data (a norm table, a municipality's
data) against its source, and who did and when: the same words in every window, command and
refusal."""

from __future__ import annotations

from datetime import datetime

from correspondence.rules.formatting import moment


def by_whom(by: str | None, at: datetime | None) -> str:
    """ " door Petra Jansen op 30-11-2026 10:00", with the parts that are known."""
    who = f" door {by}" if by else ""
    when = f" op {moment(at)}" if at else ""
    return who + when


def state(verified: bool, by: str | None, at: datetime | None) -> str:
    return f"geverifieerd{by_whom(by, at)}" if verified else "NIET geverifieerd"
