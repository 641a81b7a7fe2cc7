"""A decision letter before sending is a concept on every page, in both files; the batch
prints the real letter without the mark, and a concept is never kept with the dossier."""

import io

import pytest
from docx import Document
from pypdf import PdfReader
from sqlalchemy import select

from correspondence.batch.queue import BatchFilter
from correspondence.batch.run import BatchRun, run_batch
from correspondence.letters.dossier_letters import DossierLetters, LetterChoice
from correspondence.rules.concept import is_concept
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.kinds import LetterKind
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.demo import demo_bsn
from store.models import Client, StoredLetter
from store.vocabulary import DecisionStatus
from tests.support.data import TODAY

ORSTED = demo_bsn(6)  # a rejection, ready and explained


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_rule_marks_decision_letters_until_the_batch_sends_them():
    for status in (DecisionStatus.DRAFT, DecisionStatus.READY):
        assert is_concept(LetterKind.REJECTION, status, sending=False)
        assert not is_concept(LetterKind.REJECTION, status, sending=True)
    assert not is_concept(LetterKind.GRANT, DecisionStatus.SENT, sending=False)
    assert not is_concept(LetterKind.HOMEWORK, None, sending=False)


def test_a_preview_is_concept_on_every_page_and_the_batch_letter_is_not(demo_database, tmp_path):
    letters = DossierLetters()
    with demo_database.session() as session:
        client = session.scalar(select(Client).where(Client.bsn == ORSTED))
        case = client.cases[0]
        decision = case.decisions[0]
        assert decision.status is DecisionStatus.READY
        choice = next(c for c in letters.choices(session, case.id) if c.decision_id)
        assert choice.draft
        preview = letters.produce(session, case.id, choice, TODAY)
        case_id, decision_id = case.id, decision.id

    texts = page_texts(preview.pdf)
    assert len(texts) >= 2
    assert all("CONCEPT" in text for text in texts)
    assert preview.file_stem.startswith("concept-besluit-afwijzing-")
    # the Word file carries Word's own watermark in every header: on every page
    document = Document(io.BytesIO(preview.docx))
    headers = {section.first_page_header.part.partname for section in document.sections} | {
        section.header.part.partname for section in document.sections
    }
    for part in document.part.package.parts:
        if part.partname in headers:
            assert b'string="CONCEPT"' in part.blob

    # kept with the dossier it would pass for the letter sent: refused, also when asked as
    # if the choice were no concept
    with demo_database.session() as session, session.begin():
        actor = acting_employee(session, "pjansen")
        for asked in (choice, LetterChoice(choice.kind, decision_id, draft=False)):
            with pytest.raises(ValidationFailed):
                letters.keep(session, actor, case_id, asked, preview)

    out = tmp_path / "batch.pdf"
    result = run_batch(BatchRun(demo_database, "tester", TODAY, BatchFilter(), out, workers=1))
    assert decision_id in [p.decision_id for p in result.printed]
    with demo_database.session() as session:
        sent = session.scalars(
            select(StoredLetter).where(StoredLetter.decision_id == decision_id)
        ).one()
        sent_texts = page_texts(sent.pdf)
    assert len(sent_texts) == len(texts)
    assert not any("CONCEPT" in text for text in sent_texts)
    assert not any("CONCEPT" in text for text in page_texts(out.read_bytes()))
