"""Fetching the record a workflow acts on, or a Dutch NotFound when it is gone."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from correspondence.rules.errors import NotFound
from store.models import Base, Booking, Case, Client, Decision

T = TypeVar("T", bound=Base)

GONE = {
    Client: "deze klant bestaat niet meer",
    Case: "dit dossier bestaat niet meer",
    Booking: "deze inschrijving bestaat niet meer",
    Decision: "dit besluit bestaat niet meer",
}


def require(session: Session, model: type[T], key: int) -> T:
    record = session.get(model, key)
    if record is None:
        raise NotFound(GONE.get(model, "dit gegeven bestaat niet meer"))
    return record
