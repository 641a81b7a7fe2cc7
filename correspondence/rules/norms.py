"""Bijstand norms (Participatiewet art. 20-22): dated tables maintained by beheer."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from correspondence.rules import labels
from correspondence.rules.money import Cents, percentage_of
from store.vocabulary import AgeBand, Household

DEFAULT_ADVANCE_PERCENT = Decimal(90)


@dataclass(frozen=True)
class NormTable:
    effective_from: date
    source: str
    verified: bool
    amounts: Mapping[tuple[Household, AgeBand], Cents]


class NormNotFound(LookupError):
    pass


def aow_age_reached(birth_date: date, on: date) -> bool:
    """Whether the state pension age (AOW-leeftijd) is reached on `on`.

    67 years up to and including 2027; 67 years and 3 months from 2028 (as fixed by law).
    """
    months = 67 * 12 + (3 if on.year >= 2028 else 0)
    return age_in_months(birth_date, on) >= months


def age_in_months(birth_date: date, on: date) -> int:
    months = (on.year - birth_date.year) * 12 + on.month - birth_date.month
    return months - (1 if on.day < birth_date.day else 0)


# Participatiewet art. 41 lid 4: a client under 27 first searches for work or study for four
# weeks; the youth route is theirs
YOUTH_AGE_LIMIT = 27


def is_young(birth_date: date, on: date) -> bool:
    return age_in_months(birth_date, on) < YOUTH_AGE_LIMIT * 12


def age_band(birth_date: date, on: date) -> AgeBand:
    if aow_age_reached(birth_date, on):
        return AgeBand.PENSION
    if age_in_months(birth_date, on) < 21 * 12:
        return AgeBand.YOUNG
    return AgeBand.ADULT


def table_in_force(tables: Iterable[NormTable], on: date) -> NormTable:
    ordered = sorted(tables, key=lambda t: t.effective_from)
    index = bisect_right([t.effective_from for t in ordered], on)
    if index == 0:
        raise NormNotFound(f"geen normtabel van kracht op {on.isoformat()}")
    return ordered[index - 1]


def norm_for(
    tables: Iterable[NormTable], on: date, household: Household, birth_date: date
) -> tuple[NormTable, Cents]:
    table = table_in_force(tables, on)
    key = (household, age_band(birth_date, on))
    if key not in table.amounts:
        raise NormNotFound(
            f"normtabel van {table.effective_from.isoformat()} kent geen norm voor "
            f"{labels.HOUSEHOLDS[household]} ({key[1].value})"
        )
    return table, table.amounts[key]


def advance_amount(norm: Cents, percent: Decimal = DEFAULT_ADVANCE_PERCENT) -> Cents:
    """The advance of Participatiewet art. 52: a percentage (a setting, 90 %) of the norm."""
    return percentage_of(norm, percent)
