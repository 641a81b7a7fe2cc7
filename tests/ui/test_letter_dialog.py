"""Letters from the dossier window: a live PDF preview, then kept with the dossier."""

import hashlib
import json

from PySide6.QtPdf import QPdfDocument
from sqlalchemy import select

from store.models import StoredLetter
from ui.context import AppContext
from ui.main_window import MainWindow


def open_client(qtbot, database, name):
    window = MainWindow(AppContext(database, "pjansen"))
    qtbot.addWidget(window)
    window.show()
    window.search_box.setText(name)
    qtbot.waitUntil(lambda: window.dossier_view.dossier is not None, timeout=5000)
    return window


def test_preview_then_keep_the_letter_with_the_dossier(qtbot, demo_database):
    window = open_client(qtbot, demo_database, "Wiśniewski")
    dialog = window.make_letter()
    qtbot.addWidget(dialog)
    labels = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert labels == ["Begeleidende brief huiswerkmap", "Afspraakformulier participatiegesprek"]
    qtbot.waitUntil(lambda: dialog.letter is not None, timeout=10000)
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.document.pageCount() >= 1
    assert dialog.keep_button.isEnabled()
    preview = dialog.letter

    dialog.keep_button.click()
    qtbot.waitUntil(lambda: "Bewaard" in dialog.status.text(), timeout=5000)
    with demo_database.session() as session:
        stored = session.scalars(select(StoredLetter)).one()
        assert stored.kind == "homework-letter"
        assert stored.pdf == preview.pdf
        assert stored.pdf_sha256 == hashlib.sha256(stored.pdf).hexdigest()
        assert stored.docx_sha256 == hashlib.sha256(stored.docx).hexdigest()
        assert "brieven/homework-letter.docx" in stored.versions
        assert json.loads(stored.data)["klant"]["naam"] == "Ł. Wiśniewski"

    dialog.accept()
    qtbot.waitUntil(lambda: window.dossier_view.letters.rowCount() == 1, timeout=5000)
    assert window.dossier_view.letters.item(0, 1).text() == "Begeleidende brief huiswerkmap"


def test_a_decision_before_sending_is_a_preview_only(qtbot, demo_database):
    window = open_client(qtbot, demo_database, "Ørsted")
    dialog = window.make_letter()
    qtbot.addWidget(dialog)
    index = dialog.kind.findText("Besluit: afwijzing (concept)")
    assert index >= 0
    dialog.kind.setCurrentIndex(index)
    qtbot.waitUntil(
        lambda: dialog.letter is not None and dialog.letter.kind.value == "decision-rejection",
        timeout=10000,
    )
    assert "Concept" in dialog.status.text()
    assert not dialog.keep_button.isEnabled()
    assert dialog.print_button.isEnabled()


def test_a_letter_that_cannot_be_made_yet_says_why(qtbot, demo_database):
    window = open_client(qtbot, demo_database, "Yılmaz")  # interview 12 days after the meeting
    dialog = window.make_letter()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findText("Afspraakformulier participatiegesprek"))
    qtbot.waitUntil(lambda: "kan nog niet" in dialog.status.text(), timeout=10000)
    assert "participatiegesprek: ligt niet binnen 7 dagen na de bijeenkomst" in dialog.status.text()
    assert not dialog.keep_button.isEnabled()


def test_nothing_fits_a_fresh_registration(qtbot, demo_database):
    window = open_client(qtbot, demo_database, "Vries")
    dialog = window.make_letter()
    qtbot.addWidget(dialog)
    assert dialog.kind.count() == 0
    assert "nog geen brief" in dialog.status.text()
