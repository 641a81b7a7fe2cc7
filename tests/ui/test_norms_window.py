"""Beheer's Normtabellen window: the tables and their amounts, importing one from its CSV file,
verifying one after a single question, and the refusals in Dutch."""

import re
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog

from correspondence.queries.norms import norm_tables
from correspondence.workflows.unit_of_work import read, write
from tests.support.norms import ASSET_LIMITS_CSV, NORMS_CSV, norms_file, verify_all_norm_tables
from tests.support.ui import (
    add_colleague,
    cells,
    open_window,
    verify_declined_then_confirmed,
    verify_refused,
)
from ui.norms_window import NormImportDialog, NormsWindow

COLUMNS = ("date", "source", "verified", "by", "on", "imported_by", "imported_on", "superseded")
DUTCH_MONEY = re.compile(r"^€\xa0\d{1,3}(\.\d{3})*,\d{2}$")
MOMENT = re.compile(r"^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$")


def rows(window: NormsWindow) -> list[dict[str, str]]:
    return [dict(zip(COLUMNS, row, strict=True)) for row in cells(window.table)]


def amounts(window: NormsWindow) -> list[tuple[str, str]]:
    return [(label, amount) for label, amount in cells(window.details)]


def opened(qtbot, context) -> NormsWindow:
    window = NormsWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def import_dialog(qtbot, window: NormsWindow, monkeypatch, path) -> NormImportDialog:
    """Importeren… with the file dialog answered by `path`."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    window.import_button.click()
    dialog = window.import_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def test_the_list_shows_the_shipped_tables_unverified(qtbot, sqlite_database, app_context):
    window = opened(qtbot, app_context(sqlite_database, "beheerder"))
    shown = rows(window)
    assert [(r["date"], r["verified"], r["by"], r["superseded"]) for r in shown] == [
        ("1 juli 2026", "nee", "", "nee"),
        ("1 januari 2026", "nee", "", "nee"),
    ]
    assert all(r["source"] for r in shown)
    assert window.verify_button.isEnabled()  # the newest is chosen, and may be verified


def test_choosing_a_table_shows_its_nine_amounts_the_dutch_way(qtbot, sqlite_database, app_context):
    window = opened(qtbot, app_context(sqlite_database, "beheerder"))
    window.table.selectRow(1)
    shown = amounts(window)
    expected = next(r for r in read(sqlite_database, norm_tables) if r.effective_from.month == 1)
    assert [amount for _label, amount in shown] == [a.amount for a in expected.amounts]
    assert len(shown) == 9
    assert all(DUTCH_MONEY.match(amount) for _label, amount in shown)
    assert shown[0][0].startswith("alleenstaande, ")
    assert window.details_title.text() == "Bedragen van de normtabel van 1 januari 2026"


def test_importing_a_csv_adds_an_unverified_table(
    qtbot, sqlite_database, app_context, monkeypatch, tmp_path
):
    window = opened(qtbot, app_context(sqlite_database, "beheerder"))
    dialog = import_dialog(qtbot, window, monkeypatch, norms_file(tmp_path))
    assert dialog.file_name.text().endswith("normen.csv")
    dialog.effective_from.setDate(QDate(2027, 1, 1))
    dialog.source.setText("Staatscourant 2026, 40000")
    dialog.save()
    assert dialog.result() == NormImportDialog.DialogCode.Accepted
    new = rows(window)[0]
    assert new["date"] == "1 januari 2027" and new["source"] == "Staatscourant 2026, 40000"
    assert (new["verified"], new["by"], new["imported_by"]) == ("nee", "", "beheerder")
    assert MOMENT.match(new["imported_on"])
    assert window.details_title.text() == "Bedragen van de normtabel van 1 januari 2027"
    assert ("alleenstaande, 21 jaar tot de AOW-leeftijd", "€\xa01.430,28") in amounts(window)
    assert window.verify_button.isEnabled()


def test_a_table_with_asset_limits_shows_them_beside_the_norms(
    qtbot, sqlite_database, app_context, monkeypatch, tmp_path
):
    window = opened(qtbot, app_context(sqlite_database, "beheerder"))
    path = norms_file(tmp_path, NORMS_CSV + ASSET_LIMITS_CSV)
    dialog = import_dialog(qtbot, window, monkeypatch, path)
    dialog.effective_from.setDate(QDate(2027, 1, 1))
    dialog.source.setText("Staatscourant 2026, 40000")
    dialog.save()
    shown = amounts(window)
    assert len(shown) == 12
    assert ("alleenstaande, vermogensgrens", "€\xa07.770,00") in shown


def test_verifying_asks_once_and_shows_who_verified(
    qtbot, sqlite_database, app_context, monkeypatch
):
    add_colleague(sqlite_database, "pjansen", "Petra Jansen", "beheer")
    window = opened(qtbot, app_context(sqlite_database, "pjansen"))
    asked = verify_declined_then_confirmed(monkeypatch, window, lambda: rows(window))
    assert asked == [
        "Normtabel van 1 juli 2026 verifiëren? Daarna kan hij niet meer worden gewijzigd."
    ]
    july = rows(window)[0]
    assert (july["date"], july["verified"], july["by"]) == ("1 juli 2026", "ja", "Petra Jansen")
    assert MOMENT.match(july["on"])
    assert not window.verify_button.isEnabled()  # the verified table stays chosen


def test_a_verified_table_cannot_be_verified_again_and_says_why(
    qtbot, sqlite_database, app_context
):
    add_colleague(sqlite_database, "pjansen", "Petra Jansen", "beheer")
    write(
        sqlite_database,
        "pjansen",
        lambda session, _actor: verify_all_norm_tables(session, "pjansen"),
    )
    window = opened(qtbot, app_context(sqlite_database, "pjansen"))
    window.table.selectRow(1)
    assert rows(window)[1]["by"] == "Petra Jansen"
    assert not window.verify_button.isEnabled()
    tooltip = window.verify_button.toolTip()
    assert tooltip.startswith("Deze normtabel is al geverifieerd door Petra Jansen op ")
    assert tooltip.endswith("; hij verandert niet meer")


def test_a_replaced_table_that_was_never_verified_is_not_offered(
    qtbot, sqlite_database, app_context, monkeypatch, tmp_path
):
    window = opened(qtbot, app_context(sqlite_database, "beheerder"))
    dialog = import_dialog(qtbot, window, monkeypatch, norms_file(tmp_path))
    dialog.effective_from.setDate(QDate(2026, 7, 1))
    dialog.source.setText("Staatscourant 2026, correctie")
    dialog.save()
    assert [(r["date"], r["superseded"]) for r in rows(window)][:2] == [
        ("1 juli 2026", "nee"),
        ("1 juli 2026", "ja"),
    ]
    window.table.selectRow(1)
    assert not window.verify_button.isEnabled()
    assert window.verify_button.toolTip() == (
        "Deze normtabel is vervangen door een latere import met dezelfde ingangsdatum"
    )


def test_a_bad_csv_is_refused_in_dutch_under_its_field_and_nothing_is_stored(
    qtbot, sqlite_database, app_context, monkeypatch, tmp_path
):
    window = opened(qtbot, app_context(sqlite_database, "beheerder"))
    bad = norms_file(tmp_path, NORMS_CSV.replace("gehuwden;aow", "stel;aow"))
    dialog = import_dialog(qtbot, window, monkeypatch, bad)
    dialog.effective_from.setDate(QDate(2027, 1, 1))
    dialog.source.setText("Staatscourant 2026, 40000")
    dialog.save()
    assert dialog.result() != NormImportDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.form.errors["file"].text().startswith("regel 10: onbekende leefvorm 'stel'")
    assert not dialog.form.errors["file"].isHidden()
    assert dialog.general_error.text() == "Normtabel niet ingelezen; er is niets opgeslagen."
    assert dialog.source.text() == "Staatscourant 2026, 40000"  # nothing typed is lost
    assert len(read(sqlite_database, norm_tables)) == 2


def test_a_wrong_date_and_no_source_are_shown_under_their_fields(
    qtbot, sqlite_database, app_context, monkeypatch, tmp_path
):
    window = opened(qtbot, app_context(sqlite_database, "beheerder"))
    dialog = import_dialog(qtbot, window, monkeypatch, norms_file(tmp_path))
    dialog.effective_from.setDate(QDate(2027, 1, 15))
    dialog.save()
    errors = {name: label.text() for name, label in dialog.form.errors.items()}
    assert errors == {
        "file": "",
        "effective_from": (
            "een normtabel gaat in op de eerste van een maand (meestal 1 januari of 1 juli)"
        ),
        "source": "geef de bron (bijvoorbeeld de Staatscourant van de publicatie)",
    }
    assert dialog.form.errors["file"].isHidden()
    assert dialog.effective_from.date().toPython() == date(2027, 1, 15)
    assert len(read(sqlite_database, norm_tables)) == 2


def test_only_beheer_imports_or_verifies_and_is_told_so_in_dutch(
    qtbot, sqlite_database, app_context, monkeypatch, tmp_path
):
    add_colleague(sqlite_database, "km", "Klant Manager", "klantmanager")
    window = opened(qtbot, app_context(sqlite_database, "km"))
    shown = verify_refused(monkeypatch, window)
    dialog = import_dialog(qtbot, window, monkeypatch, norms_file(tmp_path))
    dialog.effective_from.setDate(QDate(2027, 1, 1))
    dialog.source.setText("Staatscourant 2026, 40000")
    dialog.save()
    assert shown == [
        "alleen beheer mag een normtabel verifiëren",
        "Niet opgeslagen: alleen beheer mag normtabellen inlezen",
    ]
    assert [r["verified"] for r in rows(window)] == ["nee", "nee"]
    assert len(read(sqlite_database, norm_tables)) == 2


def test_beheer_finds_the_window_in_its_menu(qtbot, sqlite_database, app_context):
    window = open_window(qtbot, app_context(sqlite_database, "beheerder"))
    [beheer] = [a.menu() for a in window.menuBar().actions() if a.text() == "B&eheer"]
    assert "Normtabellen…" in [a.text() for a in beheer.actions()]
