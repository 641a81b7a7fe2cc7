from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from correspondence.rules.addresses import Address
from correspondence.rules.formatting import (
    clock_time,
    euros,
    long_date,
    time_of_day,
    weekday_date,
)
from correspondence.rules.identifiers import (
    InvalidIdentifier,
    normalise_bsn,
    normalise_iban,
    normalise_postcode,
)
from correspondence.rules.names import PersonName, sort_key
from store.vocabulary import Salutation


def test_bsn_elfproef():
    assert normalise_bsn("123456782") == "123456782"
    assert normalise_bsn("1234.56.782") == "123456782"
    with pytest.raises(InvalidIdentifier, match="elfproef"):
        normalise_bsn("123456789")
    with pytest.raises(InvalidIdentifier, match="9 cijfers"):
        normalise_bsn("12345")
    with pytest.raises(InvalidIdentifier, match="9 cijfers"):
        normalise_bsn("12345678a")


@pytest.mark.parametrize("raw", ["2013dn", "2013 DN", " 2013  dn "])
def test_postcode_is_normalised(raw):
    assert normalise_postcode(raw) == "2013 DN"


@pytest.mark.parametrize("raw", ["0123 AB", "2013 SA", "2013 SD", "2013 SS", "201 AB", "ABCD 12"])
def test_bad_postcodes_are_refused(raw):
    with pytest.raises(InvalidIdentifier, match="postcode"):
        normalise_postcode(raw)


def test_iban_mod97():
    assert normalise_iban("nl91abna0417164300") == "NL91 ABNA 0417 1643 00"
    with pytest.raises(InvalidIdentifier, match="IBAN"):
        normalise_iban("NL91ABNA0417164301")


def test_names_with_prefixes():
    name = PersonName("J.", "de", "Vries", "Jan")
    assert name.formal == "J. de Vries"
    assert name.full == "Jan de Vries"
    assert name.salutation(Salutation.MR) == "Geachte heer De Vries"
    assert name.addressee(Salutation.MR) == "De heer J. de Vries"
    zoe = PersonName("Z.", "van der", "Berg-d'Hondt", "Zoë")
    assert zoe.salutation(Salutation.MRS) == "Geachte mevrouw Van der Berg-d'Hondt"
    assert zoe.surname_first == "Berg-d'Hondt, Z. van der"
    assert zoe.salutation(Salutation.NEUTRAL) == "Geachte Z. van der Berg-d'Hondt"
    assert PersonName("Ş.", "", "Yılmaz").salutation(Salutation.MR) == "Geachte heer Yılmaz"


def test_sorting_ignores_prefixes_and_accents():
    names = [
        PersonName("Z.", "van der", "Berg"),
        PersonName("A.", "", "Ørsted"),
        PersonName("J.", "de", "Vries"),
        PersonName("E.", "", "Álvarez"),
        PersonName("K.", "", "Bakker"),
    ]
    ordered = [n.surname for n in sorted(names, key=sort_key)]
    # Ørsted is filed under O, where a Dutch reader looks for it
    assert ordered == ["Álvarez", "Bakker", "Berg", "Ørsted", "Vries"]


def test_address_layout():
    address = Address("Zijlsingel", "1", "", "2013 DN", "Haarlem")
    assert address.lines == ("Zijlsingel 1", "2013 DN  HAARLEM")
    assert Address("Kerkstraat", "12", "A", "2042 JE", "Zandvoort").street_line == "Kerkstraat 12-A"


def test_dutch_dates_and_money():
    assert long_date(date(2026, 3, 5)) == "5 maart 2026"
    assert weekday_date(date(2026, 3, 5)) == "donderdag 5 maart 2026"
    assert euros(123_456) == "€\xa01.234,56"
    assert euros(5) == "€\xa00,05"
    moment = datetime(2026, 11, 5, 8, 0, tzinfo=ZoneInfo("UTC"))
    assert clock_time(moment) == "09:00"


def test_a_letter_writes_a_time_the_dutch_way():
    """ "om 9.00 uur", "om 10.30 uur": a point, no leading zero, in Dutch local time."""
    assert time_of_day(datetime(2026, 11, 5, 8, 0, tzinfo=ZoneInfo("UTC"))) == "9.00"
    assert time_of_day(datetime(2026, 11, 10, 10, 30)) == "10.30"
    assert time_of_day(datetime(2026, 7, 1, 21, 5, tzinfo=ZoneInfo("UTC"))) == "23.05"
