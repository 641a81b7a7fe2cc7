"""`user list` and `user add`: beheer registers the employees who work in Poortpost, each with
a role and the name letters print."""

import json

import pytest
from sqlalchemy import select

from store.audit_trail import AuditEvent
from store.database import Database
from tests.support.commands import refused, run_cli


def users(capsys, url: str) -> list[dict]:
    code, out, err = run_cli(capsys, "--db", url, "--as", "beheerder", "user", "list", "--json")
    assert code == 0, err
    return json.loads(out)


def add(capsys, url: str, actor: str, *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "--db", url, "--as", actor, "user", "add", *argv)


def test_beheer_adds_an_employee_with_a_role_and_the_name_letters_print(capsys, sqlite_url):
    assert users(capsys, sqlite_url) == []  # the first to act becomes beheer
    code, out, err = add(
        capsys, sqlite_url, "beheerder", "PJansen", "--name", "Petra Jansen", "--role",
        "klantmanager", "--email", "p.jansen@haarlem.nl", "--initials", "P.J.",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Medewerker pjansen toegevoegd.\n"
    assert users(capsys, sqlite_url) == [
        {"username": "beheerder", "name": "beheerder", "role": "beheer", "active": True,
         "initials": "", "admin": False},
        {"username": "pjansen", "name": "Petra Jansen", "role": "klantmanager", "active": True,
         "initials": "P.J.", "admin": False},
    ]  # fmt: skip
    database = Database(sqlite_url)
    with database.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "add")).one()
        assert (event.entity, event.details) == ("employee", {"role": "klantmanager"})
    database.close()


def test_only_beheer_may_add_an_employee_and_nothing_is_stored(capsys, sqlite_url):
    add(
        capsys,
        sqlite_url,
        "beheerder",
        "pjansen",
        "--name",
        "Petra Jansen",
        "--role",
        "klantmanager",
    )
    err = refused(
        capsys, "--db", sqlite_url, "--as", "pjansen", "user", "add", "kees", "--name", "Kees",
        "--role", "beheer",
    )  # fmt: skip
    assert err == "poortpost: alleen beheer mag medewerkers toevoegen\n"
    assert [u["username"] for u in users(capsys, sqlite_url)] == ["beheerder", "pjansen"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["beheerder", "--name", "Dubbel", "--role", "kwaliteit"], "bestaat al"),
        (["met spatie", "--name", "A", "--role", "kwaliteit"], "zonder spaties"),
        (["x" * 65, "--name", "A", "--role", "kwaliteit"], "te lang"),
        (["emoji", "--name", "Ann 🙂", "--role", "kwaliteit"], "niet in een brief"),
        (["leeg", "--name", "   ", "--role", "kwaliteit"], "zoals die in brieven"),
        (["rol", "--name", "A", "--role", "directeur"], "kies uit: klantmanager"),
    ],
)
def test_a_bad_employee_is_refused_in_one_dutch_line(capsys, sqlite_url, argv, message):
    add(capsys, sqlite_url, "beheerder", "eerste", "--name", "Eerste", "--role", "kwaliteit")
    err = refused(capsys, "--db", sqlite_url, "--as", "beheerder", "user", "add", *argv)
    assert message in err
    assert [u["username"] for u in users(capsys, sqlite_url)] == ["beheerder", "eerste"]
