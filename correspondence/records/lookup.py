"""Fetching the record a workflow acts on, or a Dutch NotFound when it is gone."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from correspondence.rules.errors import NotFound
from store.models import Base, Booking, Case, Client, ContactLogEntry, Decision
from store.vocabulary import CaseStatus

GONE = {
    Client: "deze klant bestaat niet meer",
    Case: "dit dossier bestaat niet meer",
    Booking: "deze inschrijving bestaat niet meer",
    Decision: "dit besluit bestaat niet meer",
    ContactLogEntry: "dit gesprek staat niet in de contactlog",
}


def require[T: Base](session: Session, model: type[T], key: int) -> T:
    record = session.get(model, key)
    if record is None:
        raise NotFound(GONE.get(model, "dit gegeven bestaat niet meer"))
    return record


def open_case(client: Client) -> Case | None:
    """The case a command or an import acts on: the client's latest open case."""
    open_cases = [c for c in client.cases if c.status is CaseStatus.OPEN]
    return open_cases[-1] if open_cases else None


def open_case_of(session: Session, bsn: str) -> Case:
    """The open case of the client with this BSN."""
    client = session.scalar(select(Client).where(Client.bsn == bsn))
    if client is None:
        raise NotFound("geen klant met dit BSN")
    case = open_case(client)
    if case is None:
        raise NotFound("de klant met dit BSN heeft geen open dossier")
    return case
