"""The checks of the municipality data: each field says in Dutch what it expects."""

import pytest

from correspondence.rules.errors import ValidationFailed
from correspondence.rules.municipality_data import MUNICIPALITY_FIELDS, checked_values


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("postbus_postcode", "2003pb", "2003 PB"),
        ("team_phone", "14 023", "14 023"),
        ("team_phone", "023  511 5115", "023 511 5115"),
        ("team_phone", "+31 23 511 5115", "+31 23 511 5115"),
        ("team_phone", "0800-1234", "0800-1234"),
        ("team_email", "werkplein@haarlem.nl", "werkplein@haarlem.nl"),
        ("objection_url", "https://loket.haarlem.nl/bezwaar", "https://loket.haarlem.nl/bezwaar"),
        ("objection_url", "", ""),
        ("objection_login", " DigiD\u200b ", "DigiD"),
        (
            "college",
            "het college van\nburgemeester en wethouders",
            "het college van burgemeester en wethouders",
        ),
    ],
)
def test_a_good_value_is_stored_cleaned(field, typed, stored):
    assert checked_values({field: typed}) == {field: stored}


def test_every_fault_is_named_under_its_field_in_dutch():
    with pytest.raises(ValidationFailed) as refused:
        checked_values(
            {
                "name": " ",
                "postbus": "5a",
                "postbus_postcode": "0123 AB",
                "postbus_city": "Haarlem 🙂",
                "team_email": "werkplein.haarlem.nl",
                "team_phone": "12345",
                "objection_url": "http://loket.haarlem.nl",
                "college": "x" * 201,
                "colour": "rood",
            }
        )
    assert refused.value.errors == {
        "name": "verplicht veld",
        "postbus": "een postbus is een nummer, zoals 511",
        "postbus_postcode": "een postcode is 4 cijfers en 2 letters, zoals 2011 VA",
        "postbus_city": (
            "bevat tekens die niet in een brief kunnen worden afgedrukt: 🙂 (U+1F642)"
        ),
        "team_email": "dit is geen e-mailadres",
        "team_phone": "een telefoonnummer is bijvoorbeeld 14 023 of 023 511 5115",
        "objection_url": "een webadres begint met https://, zoals https://www.haarlem.nl/bezwaar",
        "college": "is te lang: hoogstens 200 tekens (nu 201)",
        "colour": (
            "onbekend gegeven van een gemeente; kies uit: "
            + ", ".join(field.name for field in MUNICIPALITY_FIELDS)
        ),
    }


def test_every_field_has_a_dutch_label():
    assert all(field.label and field.label[0].isupper() for field in MUNICIPALITY_FIELDS)
    assert len({field.name for field in MUNICIPALITY_FIELDS}) == len(MUNICIPALITY_FIELDS)
