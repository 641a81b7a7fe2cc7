"""Never unverified municipality data or an unverified amount in a letter: refused, or a proof
marked PROEF on every page; a demo database's letters carry the DEMO mark. Read back from the
PDF with pypdf."""

from __future__ import annotations

import io
import zipfile

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from correspondence.letters.produce import LetterProducer, example_case
from correspondence.letters.reference_data import letter_reference
from correspondence.rules.kinds import LetterKind
from correspondence.rules.letter_marks import (
    DEMO_MARK,
    MUNICIPALITY_PROOF_MARK,
    PROOF_MARK,
    UnverifiedData,
)
from correspondence.workflows.actors import acting_employee
from store.database import Database
from store.models import Setting
from tests.support.municipalities import verify_all_municipalities
from tests.support.norms import verify_all_norm_tables


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def reference(sqlite_database: Database):
    def read(*, verified: bool = False, demo: bool = False, towns_verified: bool = True):
        with sqlite_database.session() as session, session.begin():
            acting_employee(session, "beheerder")
            if towns_verified:
                verify_all_municipalities(session)
            if verified:
                verify_all_norm_tables(session)
            if demo:
                session.merge(Setting(key="demo_data", value=True))
            return letter_reference(session, "haarlem")

    return read


@pytest.mark.parametrize(
    "kind", [LetterKind.ADVANCE, LetterKind.GRANT, LetterKind.ADVANCE_RECOVERY]
)
def test_an_amount_from_an_unverified_table_is_refused_naming_the_table(reference, kind):
    with pytest.raises(UnverifiedData) as refused:
        LetterProducer().produce(kind, example_case(kind), reference())
    message = str(refused.value)
    assert message.startswith("de normtabel van 2026-")
    assert "(bron: Netto normbedragen" in message and "niet geverifieerd" in message


def test_a_proof_carries_proef_on_every_page_and_is_no_concept(reference):
    kind = LetterKind.ADVANCE
    letter = LetterProducer().produce(kind, example_case(kind), reference(), proofreading=True)
    assert letter.proof and not letter.concept
    assert letter.file_stem.startswith("proef-")
    texts = page_texts(letter.pdf)
    assert texts and all(PROOF_MARK in text for text in texts)
    assert letter.docx is not None
    with zipfile.ZipFile(io.BytesIO(letter.docx)) as docx:  # Word's own watermark, per header
        headers = [n for n in docx.namelist() if n.startswith("word/header")]
        assert headers and all(PROOF_MARK in docx.read(n).decode() for n in headers)


def test_a_letter_without_an_amount_needs_no_verified_table(reference):
    kind = LetterKind.HOMEWORK
    letter = LetterProducer().produce(kind, example_case(kind), reference())
    assert not letter.proof
    assert not any(PROOF_MARK in t or DEMO_MARK in t for t in page_texts(letter.pdf))


def test_a_verified_table_gives_the_real_letter_without_marks(reference):
    kind = LetterKind.ADVANCE
    letter = LetterProducer().produce(kind, example_case(kind), reference(verified=True))
    assert not letter.proof
    assert not any(PROOF_MARK in t or DEMO_MARK in t for t in page_texts(letter.pdf))


def test_a_letter_of_an_unverified_municipality_is_refused_naming_it(reference):
    kind = LetterKind.HOMEWORK  # no amount: the municipality's own data are enough
    with pytest.raises(UnverifiedData) as refused:
        LetterProducer().produce(kind, example_case(kind), reference(towns_verified=False))
    assert str(refused.value) == (
        "de gegevens van de gemeente Haarlem zijn niet geverifieerd; een brief van deze "
        "gemeente kan niet worden gemaakt tot beheer ze verifieert (Beheer › Gemeenten of "
        "municipality verify)"
    )


def test_its_proof_says_the_municipality_data_are_unverified_on_every_page(reference):
    kind = LetterKind.ADVANCE  # its norm table is unverified too: the municipality comes first
    letter = LetterProducer().produce(
        kind, example_case(kind), reference(towns_verified=False), proofreading=True
    )
    assert letter.proof.startswith("de gegevens van de gemeente Haarlem zijn niet geverifieerd")
    texts = page_texts(letter.pdf)
    assert texts and all(MUNICIPALITY_PROOF_MARK in text for text in texts)


def test_a_demo_database_counts_as_verified_and_marks_every_page_demo(reference):
    kind = LetterKind.ADVANCE
    letter = LetterProducer().produce(
        kind, example_case(kind), reference(demo=True, towns_verified=False)
    )
    assert not letter.proof
    texts = page_texts(letter.pdf)
    assert texts and all(DEMO_MARK in text for text in texts)
    assert not any(PROOF_MARK in text for text in texts)


def test_the_demo_loader_marks_its_database(demo_database: Database):
    with demo_database.session() as session:
        assert session.scalar(select(Setting.value).where(Setting.key == "demo_data")) is True
        assert letter_reference(session, "haarlem").demo
