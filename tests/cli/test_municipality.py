"""`municipality list`, `municipality set` and `municipality verify`: beheer keeps the data of
each municipality that letters print."""

import json
from datetime import date

from tests.support.commands import example, letter, refused, run_cli


def listed(capsys, url: str) -> dict[str, dict]:
    code, out, err = run_cli(
        capsys, "--db", url, "--as", "beheerder", "municipality", "list", "--json"
    )
    assert code == 0, err
    return {town["code"]: town for town in json.loads(out)}


def test_list_shows_the_shipped_municipalities_unverified(capsys, sqlite_url):
    towns = listed(capsys, sqlite_url)
    assert sorted(towns) == ["haarlem", "heemstede", "zandvoort"]
    haarlem = towns["haarlem"]
    assert (haarlem["verified"], haarlem["verified_by"], haarlem["verified_at"]) == (
        False,
        None,
        None,
    )
    assert (haarlem["postbus"], haarlem["postbus_postcode"], haarlem["team_phone"]) == (
        "511",
        "2003 PB",
        "14 023",
    )
    assert (haarlem["objection_url"], haarlem["objection_login"]) == ("", "")
    code, out, _err = run_cli(
        capsys, "--db", sqlite_url, "--as", "beheerder", "municipality", "list"
    )
    assert code == 0
    assert out.splitlines()[0] == "haarlem\tHaarlem\tNIET geverifieerd"


def test_set_then_verify_and_a_change_asks_for_verifying_again(capsys, sqlite_url):
    base = ("--db", sqlite_url, "--as", "beheerder", "municipality")
    url = "https://loket.haarlem.nl/bezwaar"
    code, out, err = run_cli(capsys, *base, "set", "haarlem", "objection_url", url)
    assert (code, err) == (0, "")
    assert out == (
        "Webadres voor digitaal bezwaar van Haarlem gewijzigd; de gegevens moeten opnieuw "
        "worden geverifieerd.\n"
    )
    code, out, err = run_cli(capsys, *base, "verify", "Haarlem")
    assert (code, out, err) == (0, "De gegevens van Haarlem zijn geverifieerd.\n", "")
    haarlem = listed(capsys, sqlite_url)["haarlem"]
    assert (haarlem["objection_url"], haarlem["verified"], haarlem["verified_by"]) == (
        url,
        True,
        "beheerder",
    )
    assert date.fromisoformat(haarlem["verified_at"][:10]) >= date(2026, 1, 1)
    again = refused(capsys, *base, "verify", "haarlem")
    assert again.startswith("poortpost: gemeente Haarlem is al geverifieerd door beheerder op ")
    code, out, _err = run_cli(capsys, *base, "set", "haarlem", "objection_url", url)
    assert (code, out) == (
        0,
        "Webadres voor digitaal bezwaar van Haarlem was al zo; er is niets gewijzigd.\n",
    )
    assert listed(capsys, sqlite_url)["haarlem"]["verified"]
    code, _out, _err = run_cli(capsys, *base, "set", "haarlem", "objection_login", "DigiD")
    assert code == 0
    assert not listed(capsys, sqlite_url)["haarlem"]["verified"]


def test_only_beheer_sets_or_verifies(capsys, sqlite_url):
    listed(capsys, sqlite_url)
    run_cli(
        capsys, "--db", sqlite_url, "--as", "beheerder", "user", "add", "km", "--name", "K M",
        "--role", "klantmanager",
    )  # fmt: skip
    base = ("--db", sqlite_url, "--as", "km", "municipality")
    err = refused(capsys, *base, "set", "haarlem", "postbus", "1")
    assert err == "poortpost: alleen beheer mag gemeentegegevens wijzigen\n"
    err = refused(capsys, *base, "verify", "haarlem")
    assert err == "poortpost: alleen beheer mag gemeentegegevens verifiëren\n"
    assert listed(capsys, sqlite_url)["haarlem"]["postbus"] == "511"


def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(capsys, sqlite_url):
    before = listed(capsys, sqlite_url)
    base = ("--db", sqlite_url, "--as", "beheerder", "municipality")
    assert refused(capsys, *base, "set", "haarlem", "team_phone", "12") == (
        "poortpost: veld team_phone: een telefoonnummer is bijvoorbeeld 14 023 of 023 511 5115\n"
    )
    assert refused(capsys, *base, "set", "haarlem", "postbus_postcode", "2003") == (
        "poortpost: veld postbus_postcode: een postcode is 4 cijfers en 2 letters, zoals 2011 VA\n"
    )
    assert refused(capsys, *base, "set", "haarlem", "team_email", "werkplein") == (
        "poortpost: veld team_email: dit is geen e-mailadres\n"
    )
    assert refused(capsys, *base, "set", "haarlem", "objection_url", "loket.haarlem.nl") == (
        "poortpost: veld objection_url: een webadres begint met https://, zoals "
        "https://www.haarlem.nl/bezwaar\n"
    )
    err = refused(capsys, *base, "set", "haarlem", "kleur", "rood")
    assert err.startswith("poortpost: onbekende keuze 'kleur'; kies uit: name, college, ")
    err = refused(capsys, *base, "set", "zwolle", "postbus", "1")
    assert err == (
        "poortpost: veld municipality: onbekende gemeente 'zwolle'; bekend: haarlem, "
        "heemstede, zandvoort\n"
    )
    assert refused(capsys, *base, "set", "haarlem", "postbus") == (
        "poortpost: ontbrekend argument: WAARDE\n"
    )
    assert listed(capsys, sqlite_url) == before


def test_a_letter_of_an_unverified_municipality_is_a_proof(capsys, sqlite_url, tmp_path):
    code, err = letter(capsys, sqlite_url, tmp_path, "homework-letter", example("homework-letter"))
    assert code == 0
    assert err == (
        "poortpost: let op: proefbrief: de gegevens van de gemeente Haarlem zijn niet "
        "geverifieerd; een brief van deze gemeente kan niet worden gemaakt tot beheer ze "
        "verifieert (Beheer › Gemeenten of municipality verify); elke pagina draagt PROEF en de "
        "brief mag niet worden verstuurd\n"
    )


def test_the_account_for_repayments_is_checked_and_kept_in_groups_of_four(capsys, sqlite_url):
    base = ("--db", sqlite_url, "--as", "beheerder", "municipality", "set", "zandvoort")
    message = refused(capsys, *base, "repayment_iban", "NL91ABNA0417164301")
    assert message == "poortpost: veld repayment_iban: dit IBAN klopt niet\n"
    assert listed(capsys, sqlite_url)["zandvoort"]["repayment_iban"] == ""
    code, _out, err = run_cli(capsys, *base, "repayment_iban", "nl91abna0417164300")
    assert (code, err) == (0, "")
    assert listed(capsys, sqlite_url)["zandvoort"]["repayment_iban"] == "NL91 ABNA 0417 1643 00"
