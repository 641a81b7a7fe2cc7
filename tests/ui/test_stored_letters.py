"""The letters kept with a dossier open from its Brieven tab, with who made them, when in
Dutch time and with which template versions."""

import io
import subprocess
import sys
from zoneinfo import ZoneInfo

from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from store.models import Employee, StoredLetter
from tests.support.paths import ROOT
from tests.support.ui import open_window, search_for


def keep_homework_letter(qtbot, window):
    window.make_letter()
    dialog = window.letter_dialog
    qtbot.addWidget(dialog)
    dialog.keep_button.click()
    assert "Bewaard" in dialog.status.text()
    dialog.accept()


def test_a_kept_letter_opens_in_the_viewer_with_its_maker_and_versions(
    qtbot, demo_database, app_context, new_york
):
    window = open_window(qtbot, app_context(demo_database, "pjansen"))
    search_for(qtbot, window, "Wiśniewski")
    keep_homework_letter(qtbot, window)
    with demo_database.session() as session:
        stored = session.scalars(select(StoredLetter)).one()
        maker = session.scalar(select(Employee).where(Employee.username == "pjansen"))
        full_name, versions = maker.full_name, dict(stored.versions)
        dutch = stored.created_at.astimezone(ZoneInfo("Europe/Amsterdam"))
        pages = len(PdfReader(io.BytesIO(stored.pdf)).pages)
    assert full_name != "pjansen"

    view = window.dossier_view
    row = [view.letters.item(0, c).text() for c in range(view.letters.columnCount())]
    assert row[0] == dutch.strftime("%d-%m-%Y %H:%M")
    assert row[1:3] == ["Begeleidende brief huiswerkmap", full_name]
    template = "brieven/homework-letter.docx"
    assert row[3] == f"{template} {versions[template]}"

    # Enter on the chosen letter opens it; the PDF is read only now
    view.tabs.setCurrentIndex(view.tabs.count() - 1)
    view.letters.selectRow(0)
    view.letters.setFocus()
    qtbot.keyClick(view.letters, Qt.Key.Key_Return)
    viewer = window.stored_letter_dialog
    assert viewer is not None
    qtbot.addWidget(viewer)
    assert viewer.view.pdf.pageCount() == pages >= 1
    made = viewer.made.text()
    assert f"door {full_name}" in made
    assert dutch.strftime("%d-%m-%Y %H:%M") in made
    shown = viewer.versions.text()
    assert all(f"{name}  versie {version}" in shown for name, version in versions.items())
    viewer.accept()

    # and so does the button, and a double-click
    window.stored_letter_dialog = None
    view.open_letter_button.click()
    assert window.stored_letter_dialog is not None
    qtbot.addWidget(window.stored_letter_dialog)
    window.stored_letter_dialog.accept()
    window.stored_letter_dialog = None
    cell = view.letters.visualItemRect(view.letters.item(0, 1)).center()
    # as a person double-clicks: a press first (the view opens only the row pressed)
    qtbot.mousePress(view.letters.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(view.letters.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert window.stored_letter_dialog is not None
    qtbot.addWidget(window.stored_letter_dialog)
    assert window.stored_letter_dialog.view.pdf.pageCount() == pages


def test_the_main_window_starts_without_the_pdf_viewer():
    code = (
        "import sys; import ui.main_window; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6.QtPdf')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
