"""Bijstand norms (Participatiewet art. 20-22): dated tables maintained by beheer."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
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
    id: int | None = None  # its number in the store
    # Participatiewet art. 34 lid 3, by household; empty for a table published without them
    asset_limits: Mapping[Household, Cents] = field(default_factory=dict)


class NormNotFound(LookupError):
    pass


def aow_age_reached(birth_date: date, on: date) -> bool:
    """Whether the state pension age (AOW-leeftijd) is reached on `on`.

    The age belongs to the year in which it is reached (AOW art. 7a lid 1): 67 years for
    whoever turns 67 up to and including 2027, that is who was born before 1961; 67 years and
    3 months from 2028 on. Someone who turned 67 in December 2027 keeps the AOW age in 2028.
    """
    months = 67 * 12 + (3 if birth_date.year >= 1961 else 0)
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
    """The table with the latest effective date on or before `on`; of tables with the same date
    the last one given (a correction is imported after the table it corrects)."""
    ordered = sorted(tables, key=lambda t: t.effective_from)  # stable: keeps the given order
    index = bisect_right([t.effective_from for t in ordered], on)
    if index == 0:
        raise NormNotFound(f"geen normtabel van kracht op {on.isoformat()}")
    return ordered[index - 1]


# Kostendelersnorm, Participatiewet art. 22a (text in force since 1 January 2023):
# lid 1: a claimant of 21 or older who has one or more cost-sharing co-residents gets
#        ((40 % + A x 30 %) / A) x B, with A the co-residents who share costs plus the claimant
#        (and the spouse of 21 or older), and B the married-couple norm of art. 21 onderdeel b
#        (under the AOW age) or art. 22 onderdeel b (AOW age) - the couple norm of the
#        claimant's own age band in our tables;
# lid 2: the norm of a married couple is the sum of that norm for each spouse.
# Who counts as a cost-sharer (art. 19a: 27 or older, no student, no commercial tenant) is the
# case manager's finding; the case records the number A. Claimants of 18 to 20 keep the norm
# of art. 20 (lid 1 is for 21 or older). Not modelled: lid 1 onderdeel b (a spouse of AOW age
# beside one who is younger) and lid 3 (a spouse of 18 to 20 beside one of 21 or older).
COST_SHARER_BASE_PERCENT = 40
COST_SHARER_STEP_PERCENT = 30
MAX_COST_SHARERS = 20


def cost_sharer_norm(couple_norm: Cents, cost_sharers: int) -> Cents:
    """((40 % + A x 30 %) / A) x B for one person, rounded once, half up, to the cent.

    Computed in whole numbers (no 43,33 % rounded beforehand): B x (40 + 30 A) / (100 A).
    A = 1 gives 70 % of B, the single norm (art. 21 onderdeel a is 70 % of onderdeel b).
    """
    if not 1 <= cost_sharers <= MAX_COST_SHARERS:
        raise ValueError(f"aantal kostendelers {cost_sharers} ligt niet tussen 1 en 20")
    numerator = couple_norm * (COST_SHARER_BASE_PERCENT + COST_SHARER_STEP_PERCENT * cost_sharers)
    denominator = 100 * cost_sharers
    return (2 * numerator + denominator) // (2 * denominator)


def applicable_norm(
    table: NormTable, household: Household, band: AgeBand, cost_sharers: int = 1
) -> Cents:
    """The norm of the household in the table, lowered by art. 22a when the client shares the
    home: `cost_sharers` is A, the client (and spouse) counted in, so 1 for someone living
    alone and at most 2 for a couple living alone."""
    key = (household, band)
    if key not in table.amounts:
        raise NormNotFound(
            f"normtabel van {table.effective_from.isoformat()} kent geen norm voor "
            f"{labels.HOUSEHOLDS[household]} ({band.value})"
        )
    alone = 2 if household is Household.COUPLE else 1
    if band is AgeBand.YOUNG or cost_sharers <= alone:
        return table.amounts[key]
    couple_key = (Household.COUPLE, band)
    if couple_key not in table.amounts:
        raise NormNotFound(
            f"normtabel van {table.effective_from.isoformat()} kent geen gehuwdennorm "
            f"({band.value}) voor de kostendelersnorm"
        )
    per_person = cost_sharer_norm(table.amounts[couple_key], cost_sharers)
    return 2 * per_person if household is Household.COUPLE else per_person


def norm_for(
    tables: Iterable[NormTable],
    on: date,
    household: Household,
    birth_date: date,
    cost_sharers: int = 1,
) -> tuple[NormTable, Cents]:
    table = table_in_force(tables, on)
    return table, applicable_norm(table, household, age_band(birth_date, on), cost_sharers)


def advance_amount(norm: Cents, percent: Decimal = DEFAULT_ADVANCE_PERCENT) -> Cents:
    """The advance of Participatiewet art. 52: a percentage (a setting, 90 %) of the norm."""
    return percentage_of(norm, percent)
