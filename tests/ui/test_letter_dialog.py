"""Letters from the dossier window: a live PDF preview, then kept with the dossier."""

import hashlib
import json
import re

from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from sqlalchemy import select

from store.models import StoredLetter
from tests.support.ui import open_window, search_for


def open_client(qtbot, context, name):
    window = open_window(qtbot, context)
    search_for(qtbot, window, name)
    assert window.dossier_view.dossier is not None
    return window


def make_letter(qtbot, window):
    window.make_letter()
    qtbot.addWidget(window.letter_dialog)
    return window.letter_dialog


def test_preview_then_keep_the_letter_with_the_dossier(qtbot, demo_database, app_context):
    window = open_client(qtbot, app_context(demo_database, "pjansen"), "Wiśniewski")
    dialog = make_letter(qtbot, window)
    labels = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert labels == ["Begeleidende brief huiswerkmap", "Afspraakformulier participatiegesprek"]
    assert dialog.letter is not None
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.document.pageCount() >= 1
    assert dialog.keep_button.isEnabled()
    preview = dialog.letter

    dialog.keep_button.click()
    assert "Bewaard" in dialog.status.text()
    with demo_database.session() as session:
        stored = session.scalars(select(StoredLetter)).one()
        assert stored.kind == "homework-letter"
        assert stored.pdf == preview.pdf
        assert stored.pdf_sha256 == hashlib.sha256(stored.pdf).hexdigest()
        assert stored.docx_sha256 == hashlib.sha256(stored.docx).hexdigest()
        assert "brieven/homework-letter.docx" in stored.versions
        assert json.loads(stored.data)["klant"]["naam"] == "Ł. Wiśniewski"

    # the dossier behind the dialog shows the kept letter at once
    assert window.dossier_view.letters.rowCount() == 1
    assert window.dossier_view.letters.item(0, 1).text() == "Begeleidende brief huiswerkmap"
    dialog.accept()


def test_a_decision_before_sending_is_a_preview_only(
    qtbot, demo_database, app_context, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QFileDialog

    window = open_client(qtbot, app_context(demo_database, "pjansen"), "Ørsted")
    dialog = make_letter(qtbot, window)
    index = dialog.kind.findText("Besluit: afwijzing (concept)")
    assert index >= 0
    dialog.kind.setCurrentIndex(index)
    assert dialog.letter is not None
    assert dialog.letter.kind.value == "decision-rejection"
    assert "Concept" in dialog.status.text()
    assert not dialog.keep_button.isEnabled()
    assert dialog.print_button.isEnabled()
    # what is shown, saved or printed is the concept, marked on every page
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _p, _t, name, _f: (str(tmp_path / name), "")
    )
    dialog.save_as("pdf")
    (saved,) = tmp_path.glob("concept-besluit-afwijzing-*.pdf")
    assert saved.read_bytes() == dialog.letter.pdf
    pages = PdfReader(saved).pages
    assert len(pages) == dialog.document.pageCount()
    assert all("CONCEPT" in page.extract_text() for page in pages)


def test_a_letter_that_cannot_be_made_yet_says_why(qtbot, demo_database, app_context):
    # the interview is 12 days after the meeting
    window = open_client(qtbot, app_context(demo_database, "pjansen"), "Yılmaz")
    dialog = make_letter(qtbot, window)
    dialog.kind.setCurrentIndex(dialog.kind.findText("Afspraakformulier participatiegesprek"))
    assert "kan nog niet" in dialog.status.text()
    assert "participatiegesprek: ligt niet binnen 7 dagen na de bijeenkomst" in dialog.status.text()
    assert not dialog.keep_button.isEnabled()


def test_nothing_fits_a_fresh_registration(qtbot, demo_database, app_context):
    window = open_client(qtbot, app_context(demo_database, "pjansen"), "Vries")
    dialog = make_letter(qtbot, window)
    assert dialog.kind.count() == 0
    assert "nog geen brief" in dialog.status.text()


def test_save_as_proposes_a_dutch_file_name_and_writes_the_pdf(
    qtbot, demo_database, app_context, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QFileDialog

    window = open_client(qtbot, app_context(demo_database, "pjansen"), "Wiśniewski")
    dialog = make_letter(qtbot, window)
    proposed: list[str] = []

    def choose(_parent, _title, name, _filter):
        proposed.append(name)
        return str(tmp_path / name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog.save_as("pdf")
    # the homework letter is dated the day it is handed over: the registration
    assert re.fullmatch(
        r"begeleidende-brief-huiswerkmap-Wisniewski-\d{4}-\d\d-\d\d\.pdf", proposed[0]
    )
    assert (tmp_path / proposed[0]).read_bytes() == dialog.letter.pdf
    dialog.accept()
