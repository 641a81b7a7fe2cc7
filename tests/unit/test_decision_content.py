"""What the grant, the rejection and the recovery state by law: the holiday allowance inside an
amount (Participatiewet art. 19 lid 3), the municipality's own days, the articles of each kind
of reason for a rejection."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from correspondence.rules.benefit_days import holiday_month, payment_day
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.grounds import GROUNDS
from correspondence.rules.holiday_allowance import holiday_allowance
from correspondence.rules.identifiers import FICTIONAL_IBAN, normalise_iban
from correspondence.rules.money import MAX_AMOUNT
from store.vocabulary import RejectionGround


@pytest.mark.parametrize(
    ("amount", "allowance"),
    [
        (143_028, 6_865),  # norm single 21-AOW € 1.430,28: 4,8 % is € 68,65344
        (128_725, 6_179),  # an advance of € 1.287,25: € 61,788
        (204_326, 9_808),  # norm couple € 2.043,26: € 98,07648
        (35_304, 1_695),  # norm 18-20 € 353,04: € 16,94592
        (100_000, 4_800),  # € 1.000,00: exactly € 48,00
        (10, 0),  # € 0,10: 0,48 cent rounds down
        (11, 1),  # € 0,11: 0,528 cent rounds up
        (0, 0),
    ],
)
def test_worked_examples_of_the_holiday_allowance(amount, allowance):
    assert holiday_allowance(amount) == allowance


@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_the_allowance_is_four_point_eight_percent_rounded_once_half_up(amount):
    allowance = holiday_allowance(amount)
    # 48/1000 of the amount to the nearest cent, a half cent up
    assert allowance == (amount * 48 + 500) // 1000
    assert abs(allowance * 1000 - amount * 48) <= 500
    assert 0 <= allowance <= amount


@given(st.integers(0, MAX_AMOUNT), st.integers(0, MAX_AMOUNT))
def test_a_larger_amount_never_holds_less_allowance(a, b):
    low, high = sorted((a, b))
    assert holiday_allowance(low) <= holiday_allowance(high)


def test_a_negative_amount_is_refused():
    with pytest.raises(ValueError, match="nooit negatief"):
        holiday_allowance(-1)


def test_the_municipalitys_days_are_named_only_when_set_and_sane():
    assert payment_day(None) is None and holiday_month(None) is None
    assert payment_day(25) == 25
    assert holiday_month(6) == "juni"
    for wrong in (0, 29, True, "1", 2.5):
        with pytest.raises(ValidationFailed) as refused:
            payment_day(wrong)
        assert list(refused.value.errors) == ["benefit_payment_day"]
    for wrong in (0, 13, False, "mei"):
        with pytest.raises(ValidationFailed) as refused:
            holiday_month(wrong)
        assert list(refused.value.errors) == ["holiday_allowance_month"]


def test_every_kind_of_reason_has_its_articles_and_its_own_label():
    assert set(GROUNDS) == set(RejectionGround)
    for ground in GROUNDS.values():
        assert ground.articles.startswith("artikel ")
        assert ground.explained.endswith(".")
    assert len({g.label for g in GROUNDS.values()}) == len(GROUNDS)
    assert "artikel 34" in GROUNDS[RejectionGround.ASSETS].articles
    assert "onderdeel a" in GROUNDS[RejectionGround.DETENTION].articles


def test_the_fictional_account_is_a_valid_iban_no_bank_has():
    assert normalise_iban(FICTIONAL_IBAN) == FICTIONAL_IBAN
    assert "DEMO" in FICTIONAL_IBAN


def test_a_refusal_crosses_to_the_printing_process_with_its_fields():
    refused = ValidationFailed({"decision.weighing": "ontbreekt"})
    copy = pickle.loads(pickle.dumps(refused))
    assert (type(copy), copy.errors, str(copy)) == (
        ValidationFailed,
        {"decision.weighing": "ontbreekt"},
        "decision.weighing: ontbreekt",
    )
