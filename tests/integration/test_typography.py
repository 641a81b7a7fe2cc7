"""Typography for B1 readers, read back from real letters: body text of 11 pt in lines of at
most about 75 characters, amounts right-aligned in their tables, and page breaks that never
leave a heading or a lead-in ("Zet in uw brief:") at the foot of a page, nor the closing and
signature alone on one. Checked in the DOCX (styles, keep with next, alignment) and measured
in the PDF, over letters whose length varies so that the page breaks fall everywhere."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

import docx
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from correspondence.letters.context import LetterReference
from correspondence.letters.produce import LetterProducer, ProducedLetter, example_case
from correspondence.rules.kinds import LetterKind
from tests.support.letters import house_page, verified_references

BODY_SIZE = 11
HEADING_SIZE = BODY_SIZE + 1
# "about 75 characters": a full line averages fewer, and one of narrow letters may run over
FULL_LINE_AVERAGE = 70
MAX_LINE = 80
CLOSING = "Met vriendelijke groet,"
AMOUNT = re.compile(r"€\s?[\d.]+,\d\d")
REASON = (
    "Uit de gegevens van het UWV blijkt dat u in de maanden voor uw aanvraag inkomsten uit "
    "werk had die hoger waren dan de bijstandsnorm."
)


@pytest.fixture(scope="module")
def references() -> dict[str, LetterReference]:
    return verified_references()


@pytest.fixture(scope="module")
def producer() -> LetterProducer:
    return LetterProducer()


def produce(producer, references, kind: LetterKind, **decision) -> ProducedLetter:
    case = example_case(kind)
    if decision:
        assert case.decision is not None
        case = replace(case, decision=replace(case.decision, **decision))
    return producer.produce(kind, case, references[case.municipality])


@dataclass(frozen=True)
class Line:
    text: str
    size: float  # of its first glyph, in points


def body_lines(pdf: bytes, municipality: str) -> Iterator[list[Line]]:
    """Each page's lines of body text (between the header and the footer), top to bottom."""
    page_setup = house_page(municipality)
    document = pdfium.PdfDocument(io.BytesIO(pdf))
    try:
        for page in document:
            height = page.get_height()
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            assert len(text) == textpage.count_chars()
            lines, start = [], 0
            for raw in text.split("\r\n"):
                first = start + len(raw) - len(raw.lstrip())
                start += len(raw) + 2
                if not raw.strip():
                    continue
                top = textpage.get_charbox(first)[3]
                if page_setup.bottom < top < height - page_setup.top + 2:
                    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, first)
                    lines.append(Line(raw.strip(), round(size, 1)))
            yield lines
    finally:
        document.close()


# --- size and measure ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(LetterKind))
def test_body_text_is_11_pt_in_lines_of_about_75_characters_at_most(producer, references, kind):
    letter = produce(producer, references, kind)
    municipality = example_case(kind).municipality
    pages = list(body_lines(letter.pdf, municipality))
    salutation = next(line for line in pages[0] if line.text.startswith("Geachte"))
    assert salutation.size == BODY_SIZE
    lengths = [len(line.text) for page in pages for line in page]
    assert max(lengths) <= MAX_LINE
    full = [n for n in lengths if n > MAX_LINE * 2 / 3]  # a paragraph's last line is shorter
    assert sum(full) / len(full) <= FULL_LINE_AVERAGE

    assert letter.docx is not None
    document = docx.Document(io.BytesIO(letter.docx))
    for style in ("Normal", "Opsomming"):
        size = document.styles[style].font.size
        assert size is not None and size.pt == BODY_SIZE
    heading = document.styles["Kop"].font.size
    assert heading is not None and heading.pt == HEADING_SIZE


def test_amounts_are_right_aligned_in_their_table(producer, references):
    letter = produce(producer, references, LetterKind.ADVANCE)
    assert letter.docx is not None
    document = docx.Document(io.BytesIO(letter.docx))
    (schedule,) = [t for t in document.tables if t.cell(0, 0).text == "Termijn"]
    for row in schedule.rows:
        for cell in row.cells:
            (paragraph,) = cell.paragraphs
            right = paragraph.alignment == WD_ALIGN_PARAGRAPH.RIGHT
            assert right == (
                "€" in cell.text or cell.text in ("Bedrag", "Daarna nog te betalen")
            ), cell.text

    # in the PDF: the amounts of a column end where the column ends, whatever their length
    document_pdf = pdfium.PdfDocument(io.BytesIO(letter.pdf))
    try:
        ends: list[tuple[float, int]] = []  # right edge (to half a point) and length
        for page in document_pdf:
            textpage = page.get_textpage()
            for found in AMOUNT.finditer(textpage.get_text_range()):
                right = textpage.get_charbox(found.end() - 1)[2]
                ends.append((round(right * 2) / 2, len(found[0])))
    finally:
        document_pdf.close()
    columns = [x for x, count in Counter(x for x, _ in ends).items() if count >= 3]
    assert len(columns) == 2, ends  # the instalment and the balance after it
    lengths = [{n for x, n in ends if x == column} for column in columns]
    assert any(len(found) > 1 for found in lengths), "no amounts of different lengths to compare"


# --- keeping together ------------------------------------------------------------------------


def check_page_breaks(pdf: bytes, municipality: str) -> None:
    pages = list(body_lines(pdf, municipality))
    for number, lines in enumerate(pages[:-1], start=1):
        last = lines[-1]
        assert not last.text.endswith(":"), f"page {number} ends on a lead-in: {last.text}"
        assert last.size < HEADING_SIZE, f"page {number} ends on a heading: {last.text}"
    (closing_page,) = [p for p in pages if any(line.text == CLOSING for line in p)]
    before = next(i for i, line in enumerate(closing_page) if line.text == CLOSING)
    assert before > 0, "the closing and signature stand alone on their page"


@pytest.mark.parametrize("reasons", range(1, 16))
def test_no_page_ends_on_a_heading_or_a_lead_in_nor_holds_only_the_closing(
    producer, references, reasons
):
    """Each reason adds two lines, so the page breaks walk over the whole letter."""
    letter = produce(producer, references, LetterKind.REJECTION, reasons=(REASON,) * reasons)
    check_page_breaks(letter.pdf, example_case(LetterKind.REJECTION).municipality)


@pytest.mark.parametrize("missing", range(1, 12))
def test_a_lead_in_keeps_with_the_list_it_introduces(producer, references, missing):
    kind = LetterKind.NOT_PROCESSED
    letter = produce(
        producer,
        references,
        kind,
        missing=tuple(f"bankafschriften van rekening {n} over de laatste drie maanden" for n in
                      range(missing)),
        reasons=(REASON,) * missing,
    )  # fmt: skip
    check_page_breaks(letter.pdf, example_case(kind).municipality)


def test_the_docx_keeps_lead_ins_headings_and_the_closing_with_what_follows(producer, references):
    letter = produce(producer, references, LetterKind.REJECTION)
    assert letter.docx is not None
    document = docx.Document(io.BytesIO(letter.docx))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]

    def kept(paragraph) -> bool:
        own = paragraph.paragraph_format.keep_with_next
        return bool(own if own is not None else paragraph.style.paragraph_format.keep_with_next)

    lead_ins = [p for p in paragraphs if p.text.endswith(":")]
    assert any(p.text == "Zet in uw brief:" for p in lead_ins)
    assert all(kept(p) for p in lead_ins)
    assert all(kept(p) for p in paragraphs if p.style.name == "Kop")
    closing = next(i for i, p in enumerate(paragraphs) if p.text == CLOSING)
    # the closing and signature hold together, and the text before them holds on to them
    assert all(kept(p) for p in paragraphs[closing - 1 : -1])
    assert not kept(paragraphs[-1])
