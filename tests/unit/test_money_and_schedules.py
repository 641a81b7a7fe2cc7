from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from correspondence.rules.money import parse_euros, percentage_of
from correspondence.rules.norms import (
    NormNotFound,
    NormTable,
    advance_amount,
    age_band,
    aow_age_reached,
    norm_for,
)
from correspondence.rules.schedule import (
    MAX_MONTHS,
    MIN_INSTALMENT,
    ScheduleError,
    monthly_due_date,
    schedule_by_amount,
    schedule_by_months,
)
from store.vocabulary import AgeBand, Household


def table(day: date, single: int, couple: int) -> NormTable:
    amounts = {}
    for band in AgeBand:
        amounts[(Household.SINGLE, band)] = single
        amounts[(Household.SINGLE_PARENT, band)] = single
        amounts[(Household.COUPLE, band)] = couple
    return NormTable(day, "test", True, amounts)


TABLES = [table(date(2026, 1, 1), 140_914, 201_306), table(date(2026, 7, 1), 143_028, 204_326)]
ADULT = date(1980, 5, 1)


def test_percentage_rounds_half_up_to_the_cent():
    assert percentage_of(140_914, Decimal(90)) == 126_823  # 1268.226 -> 1268.23
    assert percentage_of(5, Decimal(50)) == 3  # 2.5 cents -> 3
    assert advance_amount(201_306) == 181_175  # 1811.754


def test_parse_euros_the_dutch_way():
    assert parse_euros("€ 1.234,56") == 123_456
    assert parse_euros("800") == 80_000
    assert parse_euros("12,5") == 1_250
    with pytest.raises(ValueError, match="geen bedrag"):
        parse_euros("twaalf")
    with pytest.raises(ValueError, match="hele centen"):
        parse_euros("1,234")


def test_norm_in_force_on_the_start_date():
    assert norm_for(TABLES, date(2026, 6, 30), Household.SINGLE, ADULT)[1] == 140_914
    assert norm_for(TABLES, date(2026, 7, 1), Household.SINGLE, ADULT)[1] == 143_028
    assert norm_for(TABLES, date(2027, 3, 1), Household.COUPLE, ADULT)[1] == 204_326
    with pytest.raises(NormNotFound, match="geen normtabel"):
        norm_for(TABLES, date(2025, 12, 31), Household.SINGLE, ADULT)


def test_age_bands_for_young_adults_and_pension_age():
    assert age_band(date(2006, 1, 1), date(2026, 12, 31)) is AgeBand.YOUNG  # 20
    assert age_band(date(2005, 12, 31), date(2026, 12, 31)) is AgeBand.ADULT  # 21 today
    assert age_band(date(1959, 6, 1), date(2026, 6, 1)) is AgeBand.PENSION  # 67
    assert not aow_age_reached(date(1961, 1, 1), date(2028, 1, 1))  # 67 + 3 months from 2028
    assert aow_age_reached(date(1961, 1, 1), date(2028, 4, 1))


def test_schedule_by_months_last_instalment_absorbs_the_remainder():
    schedule = schedule_by_months(126_823, 6, date(2027, 1, 1))
    assert [i.amount for i in schedule] == [21_137] * 5 + [21_138]
    assert schedule[-1].balance_after == 0
    assert [i.balance_after for i in schedule][:2] == [105_686, 84_549]


def test_schedule_by_amount_ends_with_what_is_left():
    schedule = schedule_by_amount(100_000, 30_000, date(2027, 1, 15))
    assert [i.amount for i in schedule] == [30_000, 30_000, 30_000, 10_000]
    assert [i.due_on for i in schedule] == [
        date(2027, 1, 15),
        date(2027, 2, 15),
        date(2027, 3, 15),
        date(2027, 4, 15),
    ]


def test_due_dates_keep_their_day_through_short_months():
    assert [monthly_due_date(date(2027, 1, 31), n) for n in range(4)] == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
    ]
    assert monthly_due_date(date(2027, 12, 31), 2) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: schedule_by_months(0, 3, date(2027, 1, 1)), "groter zijn dan nul"),
        (lambda: schedule_by_months(100, 0, date(2027, 1, 1)), "minstens 1"),
        (lambda: schedule_by_months(2, 3, date(2027, 1, 1)), "minstens € 1,00"),
        (lambda: schedule_by_amount(100, 0, date(2027, 1, 1)), "maandbedrag"),
    ],
)
def test_impossible_schedules_are_refused(call, message):
    with pytest.raises(ScheduleError, match=message):
        call()


totals = st.integers(min_value=1, max_value=10_000_000)
starts = st.dates(min_value=date(2026, 1, 1), max_value=date(2040, 12, 31))


def check_schedule(total, schedule):
    assert sum(i.amount for i in schedule) == total
    balance = total
    for instalment in schedule:
        assert 0 < instalment.amount <= balance
        balance -= instalment.amount
        assert instalment.balance_after == balance
    assert balance == 0
    dates = [i.due_on for i in schedule]
    assert dates == sorted(set(dates))


@given(totals, st.integers(min_value=1, max_value=120), starts)
def test_instalments_by_months_always_sum_to_the_advance(total, months, first_due):
    if total // months < MIN_INSTALMENT:
        return
    schedule = schedule_by_months(total, months, first_due)
    assert len(schedule) == months
    check_schedule(total, schedule)


@given(totals, st.integers(min_value=1, max_value=1_000_000), starts)
def test_instalments_by_amount_always_sum_to_the_advance(total, monthly, first_due):
    if monthly < MIN_INSTALMENT or -(-total // monthly) > MAX_MONTHS:
        return
    schedule = schedule_by_amount(total, monthly, first_due)
    assert all(i.amount == monthly for i in schedule[:-1])
    check_schedule(total, schedule)
