"""The return address and every line of the address print inside the window of the envelope,
less its clearance (rules/envelope.py), measured on the glyphs of the PDF: for the longest
address a letter can realistically carry, in every house style."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pypdfium2 as pdfium
import pytest

from correspondence.letters.context import LetterReference
from correspondence.letters.produce import LetterProducer, example_case
from correspondence.rules.case_data import AddressData
from correspondence.rules.envelope import ADDRESS_AREA, Area
from correspondence.rules.kinds import LetterKind
from tests.support.letters import MUNICIPALITIES, verified_references

POINTS_PER_MM = 72 / 25.4
# The longest a Dutch postal address gets: a street name of 24 characters (the most a BAG
# short name has), a five-digit number with a letter and a four-character addition, the
# longest place name; and a client whose name is written in another script.
LONGEST = AddressData(
    street="Burgemeester Vlasblomstr",
    number="10234",
    addition="Abis",
    postcode="7676 XZ",
    city="Westerhaar-Vriezenveensewijk",
)
NAME = {"initials": "Ю.О.", "first_name": "Юлія", "prefix": "", "surname": "Шевченко-Коваленко"}


@pytest.fixture(scope="module")
def references() -> dict[str, LetterReference]:
    return verified_references()


def printed_area(pdf: bytes, text: str) -> Area:
    """The box around the glyphs of `text` on the first page, in mm from the top left."""
    document = pdfium.PdfDocument(io.BytesIO(pdf))
    try:
        page = document[0]
        height = page.get_height()
        textpage = page.get_textpage()
        # found on its glyphs alone: the spaces between them come out of a PDF as they may
        page_text = textpage.get_text_range()
        glyphs = [i for i, c in enumerate(page_text) if not c.isspace()]
        start = "".join(page_text[i] for i in glyphs).find("".join(text.split()))
        assert start >= 0, f"«{text}» is not on the first page"
        wanted = glyphs[start : start + len("".join(text.split()))]
        boxes = [textpage.get_charbox(i) for i in wanted]
    finally:
        document.close()
    left = min(b[0] for b in boxes)
    right = max(b[2] for b in boxes)
    return Area(
        left=left / POINTS_PER_MM,
        top=(height - max(b[3] for b in boxes)) / POINTS_PER_MM,
        right=right / POINTS_PER_MM,
        bottom=(height - min(b[1] for b in boxes)) / POINTS_PER_MM,
    )


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_the_longest_address_prints_inside_the_window(references, municipality):
    kind = LetterKind.GRANT
    case = example_case(kind)
    client = replace(case.client, address=LONGEST, **NAME)
    case = replace(case, client=client, municipality=municipality)
    reference = references[municipality]
    letter = LetterProducer().produce(kind, case, reference, docx=False)
    data = json.loads(letter.data)
    lines = [f"Retouradres: {data['gemeente']['retouradres']}", *data["klant"]["adresregels"]]
    assert lines[1:] == [
        "De heer Ю.О. Шевченко-Коваленко",
        "Burgemeester Vlasblomstr 10234-Abis",
        "7676 XZ  WESTERHAAR-VRIEZENVEENSEWIJK",
    ]
    for line in lines:
        printed = printed_area(letter.pdf, line)
        assert ADDRESS_AREA.holds(printed), f"«{line}» prints at {printed}, not in {ADDRESS_AREA}"
