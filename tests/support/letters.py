"""Reading produced letters back with real parsers, for the letter tests."""

from __future__ import annotations

import io
import re
import unicodedata

import docx
import pypdfium2 as pdfium
from docx.oxml.ns import qn

from correspondence.letters.context import LetterReference
from correspondence.letters.model import Page, read_page
from correspondence.letters.package import DOCUMENT, Package, w
from correspondence.letters.produce import ProducedLetter
from correspondence.letters.reference_data import letter_reference
from correspondence.letters.registry import FolderRegistry
from store.database import Database
from tests.support.norms import reference_data_for_letters


def words(text: str) -> list[str]:
    """Words for comparison: compatibility forms folded (ligatures), whitespace normalised."""
    return unicodedata.normalize("NFKC", text).split()


def docx_text(content: bytes) -> str:
    """All text of a .docx as python-docx reads it: body paragraphs and table cells."""
    document = docx.Document(io.BytesIO(content))
    parts = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append("".join(t.text or "" for t in block.iter(qn("w:t"))))
        elif tag == "tbl":
            for t in block.iter(qn("w:t")):
                parts.append(t.text or "")
    return "\n".join(parts)


def docx_paragraphs(content: bytes) -> list[str]:
    """The text of every paragraph of a .docx as python-docx reads it, those in table cells
    too, each on its own; a line break inside a paragraph reads as a space."""
    document = docx.Document(io.BytesIO(content))
    paragraphs = []
    for paragraph in document.element.body.iter(qn("w:p")):
        parts = []
        for node in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
            parts.append(node.text or "" if node.tag == qn("w:t") else " ")
        if text := "".join(parts).strip():
            paragraphs.append(text)
    return paragraphs


def both_texts(letter: ProducedLetter, municipality: str) -> list[str]:
    """The letter's words as the DOCX and as our PDF say them, each flattened to one line."""
    assert letter.docx is not None, "a letter for the dossier has its DOCX"
    body, _ = pdf_regions(letter.pdf, house_page(municipality))
    return [" ".join(words(docx_text(letter.docx))), " ".join(body)]


def pdf_regions(content: bytes, page_setup: Page) -> tuple[list[str], list[str]]:
    """Body words of the whole PDF, and furniture (header and footer) words, page by page."""
    document = pdfium.PdfDocument(io.BytesIO(content))
    body, furniture = [], []
    try:
        for page in document:
            width, height = page.get_size()
            text = page.get_textpage()
            top, bottom = height - page_setup.top + 2, page_setup.bottom - 2
            body += words(text.get_text_bounded(0, bottom, width, top))
            furniture += words(text.get_text_bounded(0, top, width, height))
            furniture += words(text.get_text_bounded(0, 0, width, bottom))
    finally:
        document.close()
    return body, furniture


def page_count(content: bytes) -> int:
    document = pdfium.PdfDocument(io.BytesIO(content))
    try:
        return len(document)
    finally:
        document.close()


def without_numbers(items: list[str]) -> list[str]:
    return [w for w in items if not re.fullmatch(r"\d+", w)]


def house_page(municipality: str) -> Page:
    """The page geometry of a municipality's house style."""
    source = FolderRegistry().house_style(municipality)
    document = Package.read(source.name, source.content).xml(DOCUMENT)
    sect = document.find(f"{w('body')}/{w('sectPr')}")
    assert sect is not None, f"the house style of {municipality} sets no page"
    return read_page(sect)


MUNICIPALITIES = ("haarlem", "zandvoort", "heemstede")


def verified_references(url: str = "sqlite://") -> dict[str, LetterReference]:
    """Every municipality's reference data for letters, from a new database whose norm tables
    and municipality data are verified and whose accounts for repayments are set, so that
    letters print without the PROEF mark."""
    database = Database.open(url)
    try:
        with database.session() as session, session.begin():
            reference_data_for_letters(session)  # the first to act is beheer
            return {code: letter_reference(session, code) for code in MUNICIPALITIES}
    finally:
        database.close()
