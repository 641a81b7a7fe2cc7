"""The fixed day the workflow tests work on, and a valid client."""

from datetime import date

from correspondence.rules.inputs import ClientInput

TODAY = date(2026, 11, 30)

VALID = ClientInput(
    bsn="123456782",
    initials="J.",
    first_name="Jan",
    prefix="de",
    surname="Vries",
    salutation="heer",
    birth_date=date(1980, 5, 1),
    household="single",
    street="Zijlsingel",
    house_number="1",
    postcode="2013dn",
    city="Haarlem",
    municipality="haarlem",
)
