"""The Atw calendar with the days beheer equated to holidays, read with SQLAlchemy Core: a
command that needs only the calendar (a deadline) never loads the ORM and its models."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from correspondence.rules.calendar import AtwCalendar
from store.tables import ATW_EQUATED_DAYS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def atw_calendar(connection: Connection | Session) -> AtwCalendar:
    return AtwCalendar.with_equated(connection.scalars(select(ATW_EQUATED_DAYS.c.day)))
