"""The kostendelersnorm (Participatiewet art. 22a) and the age bands of the norm tables."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from correspondence.rules.money import percentage_of
from correspondence.rules.norms import (
    MAX_COST_SHARERS,
    NormTable,
    age_band,
    applicable_norm,
    cost_sharer_norm,
    norm_for,
)
from store.vocabulary import AgeBand, Household

# the couple norm of 1 July 2026 (21 to AOW age) as shipped: B of art. 22a lid 1
B = 204_326


def shipped_like_table() -> NormTable:
    amounts = {}
    for band, single, couple in (
        (AgeBand.YOUNG, 35_304, 70_608),
        (AgeBand.ADULT, 143_028, 204_326),
        (AgeBand.PENSION, 159_925, 218_980),
    ):
        amounts[(Household.SINGLE, band)] = single
        amounts[(Household.SINGLE_PARENT, band)] = single
        amounts[(Household.COUPLE, band)] = couple
    return NormTable(date(2026, 7, 1), "test", True, amounts)


TABLE = shipped_like_table()


def test_worked_examples_for_one_to_four_cost_sharers():
    # (40 + 30 A) / A %: 70 %, 50 %, 43 1/3 %, 40 % of B, rounded once, half up, to the cent
    assert cost_sharer_norm(B, 1) == 143_028  # 1430,282 -> € 1.430,28
    assert cost_sharer_norm(B, 2) == 102_163  # exactly € 1.021,63
    assert cost_sharer_norm(B, 3) == 88_541  # 885,4126... -> € 885,41 (not 43,33 % x B)
    assert cost_sharer_norm(B, 4) == 81_730  # 817,304 -> € 817,30
    assert cost_sharer_norm(201_306, 3) == 87_233  # 872,326 -> € 872,33
    assert cost_sharer_norm(100_001, 2) == 50_001  # half a cent rounds up


def test_the_single_norm_of_the_table_for_someone_living_alone():
    single = (Household.SINGLE, AgeBand.ADULT)
    assert applicable_norm(TABLE, *single) == 143_028
    assert applicable_norm(TABLE, *single, cost_sharers=2) == 102_163
    assert applicable_norm(TABLE, Household.SINGLE_PARENT, AgeBand.ADULT, 3) == 88_541
    assert applicable_norm(TABLE, Household.SINGLE, AgeBand.PENSION, 2) == 109_490  # 50 %


def test_a_couple_gets_the_sum_of_both_spouses_norms():
    # art. 22a lid 2; A counts both spouses, so a couple alone (A = 1 or 2) keeps its norm
    assert applicable_norm(TABLE, Household.COUPLE, AgeBand.ADULT, 1) == B
    assert applicable_norm(TABLE, Household.COUPLE, AgeBand.ADULT, 2) == B
    assert applicable_norm(TABLE, Household.COUPLE, AgeBand.ADULT, 3) == 2 * 88_541
    assert applicable_norm(TABLE, Household.COUPLE, AgeBand.ADULT, 4) == 2 * 81_730


def test_no_cost_sharer_norm_under_21():
    # art. 22a lid 1 is for a claimant of 21 or older; art. 20 keeps its own norm
    assert applicable_norm(TABLE, Household.SINGLE, AgeBand.YOUNG, 3) == 35_304


def test_norm_for_passes_the_cost_sharers_on():
    born = date(1980, 5, 1)
    assert norm_for([TABLE], date(2026, 8, 1), Household.SINGLE, born, 4)[1] == 81_730


def test_out_of_range_counts_are_refused():
    with pytest.raises(ValueError, match="kostendelers"):
        cost_sharer_norm(B, 0)
    with pytest.raises(ValueError, match="kostendelers"):
        cost_sharer_norm(B, MAX_COST_SHARERS + 1)


couple_norms = st.integers(min_value=0, max_value=1_000_000)
counts = st.integers(min_value=1, max_value=MAX_COST_SHARERS)


@given(couple_norms)
def test_one_cost_sharer_is_the_single_norm_of_70_percent(couple):
    assert cost_sharer_norm(couple, 1) == percentage_of(couple, Decimal(70))


@given(couple_norms, counts)
def test_the_norm_never_rises_with_another_cost_sharer(couple, a):
    if a < MAX_COST_SHARERS:
        assert cost_sharer_norm(couple, a + 1) <= cost_sharer_norm(couple, a)
    # and never drops below the 30 % every extra adult adds
    assert cost_sharer_norm(couple, a) >= percentage_of(couple, Decimal(30))


@given(st.integers(min_value=1_000, max_value=1_000_000), counts)
def test_the_household_total_grows_by_30_percent_per_cost_sharer(couple, a):
    # A persons together get (40 + 30 A) % of B, up to a rounding of half a cent each
    total = a * cost_sharer_norm(couple, a)
    exact = couple * (40 + 30 * a) / 100
    assert abs(total - exact) <= a / 2


# --- the age bands at their boundaries ---


def test_eighteen_to_twenty_ends_on_the_21st_birthday():
    born = date(2005, 7, 1)
    assert age_band(born, date(2026, 6, 30)) is AgeBand.YOUNG
    assert age_band(born, date(2026, 7, 1)) is AgeBand.ADULT


def test_born_on_29_february_turns_21_on_1_march_in_a_common_year():
    born = date(2004, 2, 29)
    assert age_band(born, date(2025, 2, 28)) is AgeBand.YOUNG
    assert age_band(born, date(2025, 3, 1)) is AgeBand.ADULT


def test_aow_age_67_up_to_2027():
    born = date(1959, 6, 15)
    assert age_band(born, date(2026, 6, 14)) is AgeBand.ADULT
    assert age_band(born, date(2026, 6, 15)) is AgeBand.PENSION


def test_aow_age_reached_in_2027_stays_reached_in_2028():
    born = date(1960, 12, 15)  # 67 on 15 December 2027
    assert age_band(born, date(2027, 12, 14)) is AgeBand.ADULT
    assert age_band(born, date(2027, 12, 15)) is AgeBand.PENSION
    assert age_band(born, date(2028, 1, 5)) is AgeBand.PENSION


def test_aow_age_67_and_3_months_from_2028():
    born = date(1961, 1, 10)  # 67 on 10 January 2028, AOW age on 10 April 2028
    assert age_band(born, date(2028, 1, 10)) is AgeBand.ADULT
    assert age_band(born, date(2028, 4, 9)) is AgeBand.ADULT
    assert age_band(born, date(2028, 4, 10)) is AgeBand.PENSION
