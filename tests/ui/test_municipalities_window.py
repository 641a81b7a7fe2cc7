"""Beheer's Gemeenten window: the municipalities and every field of the one chosen, changing a
field (which asks for verifying again), verifying after a single question, and the refusals in
Dutch under their fields with nothing typed lost."""

from correspondence.queries.municipalities import municipalities
from correspondence.rules.municipality_data import MUNICIPALITY_FIELDS
from correspondence.workflows.unit_of_work import read
from tests.support.ui import (
    add_colleague,
    cells,
    open_window,
    verify_declined_then_confirmed,
    verify_refused,
)
from ui.municipalities_window import MunicipalitiesWindow, MunicipalityDialog

COLUMNS = ("code", "name", "verified", "by", "on")


def rows(window: MunicipalitiesWindow) -> list[dict[str, str]]:
    return [dict(zip(COLUMNS, row, strict=True)) for row in cells(window.table)]


def opened(qtbot, context) -> MunicipalitiesWindow:
    window = MunicipalitiesWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def edit_dialog(qtbot, window: MunicipalitiesWindow) -> MunicipalityDialog:
    window.edit_button.click()
    dialog = window.edit_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def test_the_list_shows_the_shipped_municipalities_unverified_with_their_data(
    qtbot, sqlite_database, app_context
):
    window = opened(qtbot, app_context(sqlite_database, "beheerder"))
    assert [(r["code"], r["name"], r["verified"], r["by"]) for r in rows(window)] == [
        ("haarlem", "Haarlem", "nee", ""),
        ("heemstede", "Heemstede", "nee", ""),
        ("zandvoort", "Zandvoort", "nee", ""),
    ]
    data = dict(cells(window.details))
    assert list(data) == [field.label for field in MUNICIPALITY_FIELDS]
    assert (data["Postbus"], data["Telefoon van het team"]) == ("511", "14 023")
    assert window.details_title.text() == "Gegevens van Haarlem"
    assert window.verify_button.isEnabled() and window.edit_button.isEnabled()


def test_verifying_asks_once_and_a_change_asks_for_it_again(
    qtbot, sqlite_database, app_context, monkeypatch
):
    add_colleague(sqlite_database, "pjansen", "Petra Jansen", "beheer")
    window = opened(qtbot, app_context(sqlite_database, "pjansen"))
    window.table.selectRow(2)
    asked = verify_declined_then_confirmed(monkeypatch, window, lambda: rows(window))
    assert asked == [
        "Gegevens van Zandvoort verifiëren? Daarna gaan de brieven van Zandvoort met deze "
        "gegevens de deur uit."
    ]
    zandvoort = rows(window)[2]
    assert (zandvoort["verified"], zandvoort["by"]) == ("ja", "Petra Jansen")
    assert not window.verify_button.isEnabled()  # the verified one stays chosen
    assert window.verify_button.toolTip().startswith(
        "De gegevens van deze gemeente zijn al geverifieerd door Petra Jansen op "
    )
    dialog = edit_dialog(qtbot, window)
    assert dialog.fields["team_phone"].text() == "023 574 0100"
    dialog.fields["objection_url"].setText("https://loket.zandvoort.nl/bezwaar")
    dialog.fields["objection_login"].setText("DigiD")
    dialog.save()
    assert dialog.result() == MunicipalityDialog.DialogCode.Accepted
    zandvoort = rows(window)[2]
    assert (zandvoort["code"], zandvoort["verified"], zandvoort["by"]) == ("zandvoort", "nee", "")
    assert dict(cells(window.details))["Webadres voor digitaal bezwaar"] == (
        "https://loket.zandvoort.nl/bezwaar"
    )
    assert window.verify_button.isEnabled()


def test_bad_values_are_shown_under_their_fields_and_nothing_is_stored(
    qtbot, sqlite_database, app_context
):
    window = opened(qtbot, app_context(sqlite_database, "beheerder"))
    dialog = edit_dialog(qtbot, window)
    dialog.fields["postbus_postcode"].setText("2003")
    dialog.fields["team_phone"].setText("12")
    dialog.fields["postbus"].setText("512")
    dialog.save()
    assert dialog.result() != MunicipalityDialog.DialogCode.Accepted and dialog.isVisible()
    shown = {
        name: label.text() for name, label in dialog.form.errors.items() if not label.isHidden()
    }
    assert shown == {
        "postbus_postcode": "een postcode is 4 cijfers en 2 letters, zoals 2011 VA",
        "team_phone": "een telefoonnummer is bijvoorbeeld 14 023 of 023 511 5115",
    }
    assert dialog.fields["postbus"].text() == "512"  # nothing typed is lost
    [haarlem] = [r for r in read(sqlite_database, municipalities) if r.code == "haarlem"]
    assert haarlem.values["postbus"] == "511"


def test_only_beheer_changes_or_verifies_and_is_told_so_in_dutch(
    qtbot, sqlite_database, app_context, monkeypatch
):
    add_colleague(sqlite_database, "km", "Klant Manager", "klantmanager")
    window = opened(qtbot, app_context(sqlite_database, "km"))
    shown = verify_refused(monkeypatch, window)
    dialog = edit_dialog(qtbot, window)
    dialog.fields["postbus"].setText("1")
    dialog.save()
    assert shown == [
        "alleen beheer mag gemeentegegevens verifiëren",
        "Niet opgeslagen: alleen beheer mag gemeentegegevens wijzigen",
    ]
    assert [r["verified"] for r in rows(window)] == ["nee", "nee", "nee"]


def test_beheer_finds_the_window_next_to_the_norm_tables(qtbot, sqlite_database, app_context):
    window = open_window(qtbot, app_context(sqlite_database, "beheerder"))
    [beheer] = [a.menu() for a in window.menuBar().actions() if a.text() == "B&eheer"]
    items = [a.text() for a in beheer.actions()]
    assert items[items.index("Normtabellen…") + 1] == "Gemeenten…"
