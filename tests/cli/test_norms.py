"""`norms list`, `norms import` and `norms verify`: beheer keeps the norm tables."""

import json
from datetime import date

from sqlalchemy import func, select

from store.database import Database
from store.models import NormTable
from tests.support.commands import refused, run_cli
from tests.support.norms import ASSET_LIMITS_CSV, NORMS_CSV, norms_file


def tables(capsys, url: str) -> list[dict]:
    code, out, err = run_cli(capsys, "--db", url, "--as", "beheerder", "norms", "list", "--json")
    assert code == 0, err
    return json.loads(out)


def count(url: str) -> int:
    database = Database(url)
    with database.session() as session:
        number = session.scalar(select(func.count()).select_from(NormTable))
    database.close()
    return number or 0


def test_list_shows_the_shipped_tables_unverified(capsys, sqlite_url):
    listed = tables(capsys, sqlite_url)
    assert [(t["effective_from"], t["verified"]) for t in listed] == [
        ("2026-07-01", False),
        ("2026-01-01", False),
    ]
    assert all(isinstance(t["id"], int) and "NIET GEVERIFIEERD" in t["source"] for t in listed)
    assert len(listed[0]["amounts"]) == 9
    code, out, _err = run_cli(capsys, "--db", sqlite_url, "--as", "beheerder", "norms", "list")
    assert code == 0 and out.count("NIET geverifieerd") == 2


def test_import_then_verify(capsys, sqlite_url, tmp_path):
    code, out, err = run_cli(
        capsys, "--db", sqlite_url, "--as", "beheerder", "norms", "import",
        str(norms_file(tmp_path)), "--from", "2027-01-01", "--source", "Stcrt. 2026, 40123",
    )  # fmt: skip
    assert (code, err) == (0, "")
    number = tables(capsys, sqlite_url)[0]["id"]
    assert out == f"Normtabel {number} van 2027-01-01 ingelezen, nog niet geverifieerd.\n"
    code, out, err = run_cli(
        capsys, "--db", sqlite_url, "--as", "beheerder", "norms", "verify", str(number)
    )
    assert (code, out, err) == (0, f"Normtabel {number} van 2027-01-01 geverifieerd.\n", "")
    newest = tables(capsys, sqlite_url)[0]
    assert (newest["effective_from"], newest["source"], newest["verified"]) == (
        "2027-01-01",
        "Stcrt. 2026, 40123",
        True,
    )
    assert newest["verified_by"] == "beheerder"
    assert date.fromisoformat(newest["verified_at"][:10]) >= date(2026, 1, 1)
    again = refused(capsys, "--db", sqlite_url, "--as", "beheerder", "norms", "verify", str(number))
    assert again.startswith(f"poortpost: normtabel {number} is al geverifieerd door beheerder op ")


def test_the_list_shows_the_asset_limits_a_table_carries_so_beheer_verifies_them_too(
    capsys, sqlite_url, tmp_path
):
    path = norms_file(tmp_path, NORMS_CSV + ASSET_LIMITS_CSV)
    code, _out, err = run_cli(
        capsys, "--db", sqlite_url, "--as", "beheerder", "norms", "import",
        str(path), "--from", "2027-01-01", "--source", "Stcrt. 2026, 40123",
    )  # fmt: skip
    assert (code, err) == (0, "")
    amounts = tables(capsys, sqlite_url)[0]["amounts"]
    assert len(amounts) == 9 + 3
    assert [a for a in amounts if a["age_band"] == "vermogensgrens"] == [
        {"household": "single", "age_band": "vermogensgrens", "amount_cents": 777000},
        {"household": "single_parent", "age_band": "vermogensgrens", "amount_cents": 1554000},
        {"household": "couple", "age_band": "vermogensgrens", "amount_cents": 1554000},
    ]


def test_a_table_replaced_by_a_later_import_of_its_date_is_not_verified(
    capsys, sqlite_url, tmp_path
):
    base = ("--db", sqlite_url, "--as", "beheerder", "norms")
    for source in ("Stcrt. 2026, 1", "Stcrt. 2026, 2"):
        code, _out, err = run_cli(
            capsys, *base, "import", str(norms_file(tmp_path)), "--from", "2027-01-01",
            "--source", source,
        )  # fmt: skip
        assert (code, err) == (0, "")
    later, replaced = tables(capsys, sqlite_url)[:2]
    assert (later["superseded"], replaced["superseded"]) == (False, True)
    message = refused(capsys, *base, "verify", str(replaced["id"]))
    assert message == (
        f"poortpost: normtabel {replaced['id']} is vervangen door een latere import met dezelfde "
        "ingangsdatum; verifieer die\n"
    )
    assert tables(capsys, sqlite_url)[1]["verified"] is False


def test_only_beheer_verifies(capsys, sqlite_url):
    number = tables(capsys, sqlite_url)[0]["id"]
    run_cli(
        capsys, "--db", sqlite_url, "--as", "beheerder", "user", "add", "km", "--name", "K M",
        "--role", "klantmanager",
    )  # fmt: skip
    err = refused(capsys, "--db", sqlite_url, "--as", "km", "norms", "verify", str(number))
    assert err == "poortpost: alleen beheer mag een normtabel verifiëren\n"
    assert not tables(capsys, sqlite_url)[0]["verified"]


def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(capsys, sqlite_url, tmp_path):
    tables(capsys, sqlite_url)  # the database exists, with its two shipped tables
    bad = norms_file(tmp_path, NORMS_CSV.replace("gehuwden;aow;2.189,80", "stel;aow;twee"))
    base = ("--db", sqlite_url, "--as", "beheerder", "norms", "import")
    err = refused(capsys, *base, str(bad), "--from", "2027-01-01", "--source", "Stcrt.")
    assert err == (
        "poortpost: normtabel niet ingelezen, er is niets opgeslagen: regel 10: onbekende "
        "leefvorm 'stel'; kies uit: alleenstaande, alleenstaande ouder, gehuwden; regel 10: "
        "'twee' is geen bedrag; schrijf het als 1.234,56\n"
    )
    good = str(norms_file(tmp_path))
    err = refused(capsys, *base, good, "--from", "2027-01-15", "--source", "Stcrt.")
    assert "eerste van een maand" in err
    err = refused(capsys, *base, good, "--from", "2027-13-01", "--source", "Stcrt.")
    assert "2027-13-01" in err
    err = refused(capsys, *base, str(tmp_path / "weg.csv"), "--from", "2027-01-01", "--source", "x")
    assert err == f"poortpost: bestand {tmp_path / 'weg.csv'} bestaat niet\n"
    err = refused(capsys, *base, good, "--from", "2027-01-01")
    assert err == "poortpost: ontbrekend argument: --source\n"
    err = refused(capsys, "--db", sqlite_url, "--as", "beheerder", "norms", "verify", "een")
    assert err == "poortpost: 'een' is geen nummer van een normtabel\n"
    err = refused(capsys, "--db", sqlite_url, "--as", "beheerder", "norms", "verify", "99")
    assert err == "poortpost: normtabel 99 bestaat niet\n"
    assert count(sqlite_url) == 2
