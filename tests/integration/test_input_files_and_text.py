"""Hostile and odd input on every path (window, import, command line), part two: malformed JSON
and values of the wrong type, text that goes into a letter, and field lengths. Each is refused
with one Dutch line naming the field, never a traceback, and nothing is written."""

import zipfile
from dataclasses import replace
from datetime import date

import pytest

from correspondence.rules.dates import DateKind, DateRefused, parse_day
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.text import TextRefused, letter_text, validate_note
from correspondence.workflows import clients
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.fictional_cases import case as import_case
from store.models import Client
from store.vocabulary import CLIENT_LIMITS
from tests.support.commands import example, letter, refused, run_cli, stored_clients, write
from tests.support.data import TODAY, VALID

# --- 4. malformed JSON and values of the wrong type -----------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["client"].update(bsn={}), "veld client.bsn: hoort tekst te zijn"),
        (lambda d: d["client"].update(surname=[]), "veld client.surname: hoort tekst te zijn"),
        (lambda d: d["client"].update(initials=12), "veld client.initials: hoort tekst te zijn"),
        (lambda d: d["client"].update(salutation=["heer"]), "veld client.salutation: kies uit"),
        (lambda d: d["client"].update(household={"a": 1}), "veld client.household: kies uit"),
        (lambda d: d["client"].update(salutation=True), "veld client.salutation: kies uit"),
        (lambda d: d.update(client=[]), "veld client: hoort een object te zijn"),
        (lambda d: d["client"].update(address="Kerkstraat 5"), "veld client.address: hoort"),
        (lambda d: d.update(decision=True), "veld decision: hoort een object te zijn"),
        (lambda d: d["decision"].update(reasons="tekst"), "decision.reasons: hoort een lijst"),
        (lambda d: d["decision"].update(reasons=[1, None]), "decision.reasons: hoort een lijst"),
        (lambda d: d["decision"]["explained"].update(reached="ja"), "true of false"),
        (lambda d: d["decision"].update(sent_on=20261211), "decision.sent_on: hoort een datum"),
        (lambda d: d["decision"]["explained"].update(at=None), "explained.at: ontbreekt"),
    ],
)
def test_values_of_the_wrong_type_are_named_not_a_traceback(
    capsys, sqlite_url, tmp_path, change, message
):
    data = example("decision-rejection")
    change(data)
    code, err = letter(capsys, sqlite_url, tmp_path, "decision-rejection", data)
    assert code == 2
    assert message in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "te diep genest"),
        ('{"a":' * 50_000 + "1" + "}" * 50_000, "te diep genest"),
        ('{"months": ' + "9" * 5_000 + "}", "een getal is te lang"),
        ('{"months": NaN}', "NaN is geen getal"),
        ('{"months": -Infinity}', "-Infinity is geen getal"),
        ("{", "naam tussen dubbele aanhalingstekens verwacht"),
        ("", "waarde verwacht"),
    ],
)
@pytest.mark.parametrize("command", ["letter", "import"])
def test_malformed_json_is_one_dutch_line(capsys, sqlite_url, tmp_path, content, message, command):
    path = write(tmp_path / "zaak.json", content)
    if command == "letter":
        argv = ["letter", "homework-letter", "--data", str(path), "--pdf", str(tmp_path / "b.pdf")]
    else:
        argv = ["import", str(path)]
    err = refused(capsys, "--db", sqlite_url, *argv)
    assert f"ongeldige JSON in {path}" in err
    assert message in err


def test_a_file_that_is_no_utf8_is_refused_in_dutch(capsys, sqlite_url, tmp_path):
    path = tmp_path / "zaak.json"
    path.write_bytes(b'{"municipality": "\xff"}')
    err = refused(capsys, "--db", sqlite_url, "import", str(path))
    assert "geen UTF-8-tekst" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"municipality": "haarlem"}, "veld (bestand): hoort een JSON-lijst met zaken te zijn"),
        ([None], "veld zaak 0: (bestand): hoort één JSON-object"),
        ([[1]], "veld zaak 0: (bestand): hoort één JSON-object"),
        ("null", "veld (bestand): hoort een JSON-lijst"),
    ],
)
def test_an_import_file_of_the_wrong_shape_is_refused(
    capsys, sqlite_url, tmp_path, content, message
):
    err = refused(capsys, "--db", sqlite_url, "import", str(write(tmp_path / "z.json", content)))
    assert message in err


@pytest.mark.parametrize("kind", [["rejection"], {"a": 1}, 3, None])
def test_a_decision_kind_that_is_no_text_is_named(capsys, sqlite_url, tmp_path, kind):
    entry = import_case(0, date.today(), "rejection")
    entry["decision"]["kind"] = kind
    entry["decision"]["status"] = ["ready"]
    err = refused(capsys, "--db", sqlite_url, "import", str(write(tmp_path / "z.json", [entry])))
    assert "veld zaak 0: decision.kind: " in err
    assert "veld zaak 0: decision.status: kies draft of ready" in err


def test_a_message_quoting_hostile_input_stays_one_printable_line(capsys, sqlite_url, tmp_path):
    data = example("advance-agreement")
    data["advance"]["repayment"] = {"first_due": "2027-01-01", "monthly": "1\n0\u2028\ud800"}
    code, err = letter(capsys, sqlite_url, tmp_path, "advance-agreement", data)
    assert code == 2
    assert "veld advance.repayment.monthly: '1?0??' is geen bedrag" in err
    err.encode("utf-8")


# --- 5. text that goes into a letter -------------------------------------------------------


NAMES = [
    "Łukasz Wiśniewski",
    "Şükrü Yılmaz",
    "Nguyễn Thị Minh",
    "Ørsted",
    "Zoë",
    "Þór Ærø",
    "Dvořák",
    "Żółć",
    "Παπαδόπουλος",
    "Иванов",
    "Berg-d'Hondt",
]


@pytest.mark.parametrize("name", NAMES)
def test_names_in_every_script_the_font_draws_pass_unchanged(name):
    assert letter_text(name) == name


def test_a_decomposed_name_is_stored_composed():
    assert letter_text("Nguye\u0302\u0303n") == "Nguyễn"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan\u202eseV", "JanseV"),
        ("\u2066Vries\u2069", "Vries"),
        ("De\u200bVries\u200c\u200d", "DeVries"),
        ("\ufeffKerkstraat\u2060", "Kerkstraat"),
        ("\u202a\u202b\u202cA\u202d", "A"),
        ("Kerk\nstraat\t5", "Kerk straat 5"),
    ],
)
def test_bidirectional_and_zero_width_characters_are_removed(text, expected):
    assert letter_text(text) == expected


@pytest.mark.parametrize(
    "text", ["Jan 🎉", "🏠 Kerkstraat", "名前", "Vries\ufffe", "a\ud800", "private\uf000"]
)
def test_characters_the_letter_font_cannot_draw_are_refused(text):
    with pytest.raises(TextRefused, match="niet in een brief kunnen worden afgedrukt"):
        letter_text(text)


def test_the_client_form_cleans_and_refuses_letter_text():
    clean = clients.validate_client(
        replace(VALID, surname="\u202eVries\u200b", street="Zijl\u2066singel"), TODAY
    )
    assert (clean.surname, clean.street) == ("Vries", "Zijlsingel")
    with pytest.raises(ValidationFailed) as failure:
        clients.validate_client(replace(VALID, surname="Vries 🎉", city="🏠"), TODAY)
    assert set(failure.value.errors) == {"surname", "city"}
    assert "U+1F389" in failure.value.errors["surname"]


def test_a_case_file_name_with_an_emoji_is_named(capsys, sqlite_url, tmp_path):
    data = example("homework-letter")
    data["client"]["surname"] = "Vries 🎉"
    data["client"]["address"]["street"] = "Kerkstraat 🏠"
    code, err = letter(capsys, sqlite_url, tmp_path, "homework-letter", data)
    assert code == 2
    assert "veld client.surname: bevat tekens die niet in een brief" in err
    assert "veld client.address.street: bevat tekens" in err


def test_an_override_in_a_name_never_reaches_the_letter(capsys, sqlite_url, tmp_path):
    data = example("homework-letter")
    data["client"]["surname"] = "\u202eseirV"
    data["client"]["address"]["street"] = "Zijl\u200bsingel"
    code, err = letter(capsys, sqlite_url, tmp_path, "homework-letter", data)
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "uit" / "b.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "\u202e" not in xml and "\u200b" not in xml
    assert "seirV" in xml and "Zijlsingel" in xml


@pytest.mark.parametrize("note", ["", "   ", "\n\t", "\u200b"])
def test_an_empty_note_is_refused(note):
    with pytest.raises(ValidationFailed) as failure:
        validate_note(note)
    assert "leeg" in failure.value.errors["note"]


@pytest.mark.parametrize("note", ["gebeld\x07", "a\x00b", "esc\x1b[31m", "c1\x85d"])
def test_a_note_with_control_characters_is_refused(note):
    with pytest.raises(ValidationFailed) as failure:
        validate_note(note)
    assert "stuurteken" in failure.value.errors["note"]


def test_a_note_keeps_its_lines():
    assert validate_note("  Klant gebeld.\r\nUitleg gegeven.\tAkkoord.  ") == (
        "Klant gebeld.\nUitleg gegeven.\tAkkoord."
    )
    assert validate_note("\u202euitleg") == "uitleg"


# --- 6. field lengths: the same on SQLite and PostgreSQL ----------------------------------


def test_the_limits_come_from_the_model_columns():
    assert CLIENT_LIMITS["surname"] == Client.__table__.c.surname.type.length == 200
    assert CLIENT_LIMITS["initials"] == Client.__table__.c.initials.type.length


def test_a_surname_of_201_characters_is_refused_alike_on_both_databases(database):
    with database.session() as session, session.begin():
        actor = acting_employee(session, "tester")
        with pytest.raises(ValidationFailed) as failure:
            clients.create_client(session, actor, replace(VALID, surname="x" * 201), TODAY)
        assert failure.value.errors == {"surname": "is te lang: hoogstens 200 tekens (nu 201)"}
        client = clients.create_client(session, actor, replace(VALID, surname="x" * 200), TODAY)
        assert len(client.surname) == 200


def test_the_import_refuses_a_too_long_field_alike_on_both_databases(
    capsys, database_url, tmp_path
):
    entry = import_case(0, date.today(), "rejection")
    entry["client"]["surname"] = "x" * 201
    entry["case_manager"]["name"] = "P" * 201
    cases = write(tmp_path / "zaken.json", [entry])
    err = refused(capsys, "--db", database_url, "--as", "tester", "import", str(cases))
    assert "veld zaak 0: client.surname: is te lang: hoogstens 200 tekens (nu 201)" in err
    assert "veld zaak 0: case_manager.name: is te lang: hoogstens 200 tekens (nu 201)" in err
    assert stored_clients(database_url) == 0


@pytest.mark.parametrize(("note", "message"), [("   ", "leeg"), ("gebeld\x1b[2J", "stuurteken")])
def test_explain_refuses_an_empty_note_or_one_with_control_characters(
    capsys, sqlite_url, tmp_path, note, message
):
    entry = import_case(0, date.today(), "rejection")
    cases = write(tmp_path / "zaken.json", [entry])
    assert run_cli(capsys, "--db", sqlite_url, "--as", "tester", "import", str(cases))[0] == 0
    argv = ["explain", entry["client"]["bsn"], "--channel", "phone", "--reached", "no"]
    err = refused(capsys, "--db", sqlite_url, "--as", "tester", *argv, "--note", note)
    assert "veld note: " in err and message in err


@pytest.mark.parametrize("written", ["1985-02-30", "1899-12-31", "01-05-1980"])
def test_a_refused_birth_date_is_not_repeated_in_the_message(written):
    with pytest.raises(DateRefused) as refused:
        parse_day(written, TODAY, DateKind.BIRTH)
    assert written not in str(refused.value)
    assert "geboortedatum" in str(refused.value)
