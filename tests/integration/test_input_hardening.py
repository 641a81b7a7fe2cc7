"""Hostile and odd input on every path (window, import, command line): amounts, dates, local
times, malformed JSON, text for letters and field lengths. Each is refused with one Dutch line
naming the field, never a traceback, and nothing is written."""

import json
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

import main
from correspondence.rules.case_data import parse_case
from correspondence.rules.dates import DateKind, DateRefused, check_day, parse_day, parse_moment
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.inputs import CaseInput
from correspondence.rules.money import parse_euros
from correspondence.rules.schedule import ScheduleError, plan_schedule, schedule_by_amount
from correspondence.rules.text import TextRefused, letter_text, validate_note
from correspondence.workflows import clients
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.fictional_cases import case as import_case
from store.database import Database
from store.models import Client, Employee
from store.vocabulary import CLIENT_LIMITS, Role
from tests.support.data import TODAY, VALID
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples"
FIRST_DUE = date(2027, 1, 1)


def example(kind: str) -> dict:
    return json.loads((EXAMPLES / f"{kind}.json").read_text("utf-8"))


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refused(capsys, *argv: str) -> str:
    """The one Dutch line of a command that must exit 2."""
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (2, ""), err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("poortpost: ")
    return err


def write(path: Path, content: object) -> Path:
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path / 'hard.sqlite3'}"


def letter(capsys, db_url: str, tmp_path: Path, kind: str, data: object) -> tuple[int, str]:
    """Run `letter KIND` on `data`; its exit status and stderr. No file may stay on refusal."""
    out = tmp_path / "uit"
    out.mkdir(exist_ok=True)
    case = write(tmp_path / "zaak.json", data)
    pdf, docx = out / "b.pdf", out / "b.docx"
    code, _out, err = run_cli(
        capsys, "--db", db_url, "letter", kind, "--data", str(case), "--pdf", str(pdf),
        "--docx", str(docx),
    )  # fmt: skip
    if code != 0:
        assert len(err.splitlines()) == 1, err
        assert list(out.iterdir()) == []
    return code, err


# --- 1. amounts and repayment schedules ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1.000", 100_000),
        ("1.000,00", 100_000),
        ("0,01", 1),
        ("1.234.567,89", 123_456_789),
        ("€ 1.234,56", 123_456),
        ("12,5", 1_250),
        ("800", 80_000),
    ],
)
def test_amounts_are_read_the_dutch_way(text, cents):
    assert parse_euros(text) == cents


@pytest.mark.parametrize(
    "text",
    ["1.00", "1,2,3", "1.5", "12.50", "0.500", "1e5", "NaN", "Infinity", "-5", "١٢٣", "", "1.0000"],
)
def test_ambiguous_or_malformed_amounts_are_refused(text):
    with pytest.raises(ValueError, match="geen bedrag"):
        parse_euros(text)


def test_an_amount_beyond_any_advance_is_refused_not_overflowed():
    with pytest.raises(ValueError, match="hoogste bedrag"):
        parse_euros("9" * 5000)


@pytest.mark.parametrize(
    ("months", "monthly", "message"),
    [
        (121, None, "hoogstens 120 maanden"),
        (None, 1_000, "121 maanden; hoogstens 120"),  # € 10 a month on € 1.200
        (None, 99, "minstens € 1,00"),
        (120, None, None),
        (None, 1_001, None),
    ],
)
def test_a_schedule_is_at_most_120_months_of_at_least_one_euro(months, monthly, message):
    if message is None:
        assert len(plan_schedule(120_001, FIRST_DUE, months, monthly)) <= 120
    else:
        with pytest.raises(ScheduleError, match=message):
            plan_schedule(120_001, FIRST_DUE, months, monthly)


def test_instalments_by_months_under_one_euro_are_refused():
    with pytest.raises(ScheduleError, match="minstens € 1,00"):
        plan_schedule(11_999, FIRST_DUE, months=120)
    with pytest.raises(ScheduleError, match="minstens € 1,00"):
        schedule_by_amount(100_000, 50, FIRST_DUE)


@pytest.mark.parametrize(
    ("repayment", "field", "message"),
    [
        ({"months": 121}, "advance.repayment.months", "hoogstens 120 maanden"),
        ({"months": 10**30}, "advance.repayment.months", "hoogstens 120 maanden"),
        ({"months": 1.5}, "advance.repayment.months", "geheel getal"),
        ({"monthly": "0,50"}, "advance.repayment.monthly", "minstens € 1,00"),
        ({"monthly": "1.00"}, "advance.repayment.monthly", "geen bedrag"),
        ({"monthly": "1,2,3"}, "advance.repayment.monthly", "geen bedrag"),
        ({"monthly": 10**40}, "advance.repayment.monthly", "hoogste bedrag"),
        ({"monthly": "10,00"}, "advance.repayment", "hoogstens 120"),  # 127 months
    ],
)
def test_the_letter_command_refuses_an_absurd_repayment(
    capsys, db_url, tmp_path, repayment, field, message
):
    data = example("advance-agreement")
    data["advance"]["repayment"] = {"first_due": "2027-01-01", **repayment}
    code, err = letter(capsys, db_url, tmp_path, "advance-agreement", data)
    assert code == 2
    assert f"veld {field}: " in err
    assert message in err


def test_a_case_file_reads_a_thousand_euro_a_month_as_a_thousand(capsys, db_url, tmp_path):
    data = example("advance-agreement")
    data["advance"]["repayment"] = {"first_due": "2027-01-01", "monthly": "1.000"}
    assert parse_case(data, TODAY).advance.repayment.monthly == 100_000
    code, err = letter(capsys, db_url, tmp_path, "advance-agreement", data)
    assert code == 0, err


def test_the_import_refuses_an_absurd_repayment(capsys, db_url, tmp_path):
    entry = import_case(0, date.today(), "advance_recovery")
    entry["advance"]["repayment"] = {"first_due": entry["advance"]["repayment"]["first_due"]}
    entry["advance"]["repayment"]["monthly"] = "5,00"
    cases = write(tmp_path / "zaken.json", [entry])
    err = refused(capsys, "--db", db_url, "--as", "tester", "import", str(cases))
    assert "veld zaak 0: repayment: met dit maandbedrag duurt de aflossing" in err
    assert stored_clients(db_url) == 0


def stored_clients(url: str) -> int:
    database = Database(url)
    try:
        with database.session() as session:
            return session.execute(select(func.count()).select_from(Client)).scalar_one()
    finally:
        database.close()


# --- 2. dates outside a sane window --------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "kind", "message"),
    [
        (date(1899, 12, 31), DateKind.ANY, "buiten de datums"),
        (date(2101, 1, 1), DateKind.ANY, "buiten de datums"),
        (date(9999, 12, 31), DateKind.SENDING, "buiten de datums"),
        (TODAY + timedelta(days=1), DateKind.BIRTH, "geboortedatum kan niet in de toekomst"),
        (date(2027, 12, 1), DateKind.SENDING, "hoogstens een jaar vooruit"),
    ],
)
def test_the_date_window(day, kind, message):
    with pytest.raises(DateRefused, match=message):
        check_day(day, TODAY, kind)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "'2026-02-30' is geen bestaande datum"),
        ("30-11-2026", "'30-11-2026' is geen datum in de vorm JJJJ-MM-DD"),
        ("２０２６-11-30", "is geen datum in de vorm"),  # full-width digits
        ("2101-01-01", "buiten de datums"),
    ],
)
def test_parse_day_names_what_is_wrong(text, message):
    with pytest.raises(DateRefused, match=message):
        parse_day(text, TODAY)


def test_the_edges_of_the_window_are_accepted():
    assert check_day(date(1900, 1, 1), TODAY) == date(1900, 1, 1)
    assert check_day(date(2100, 12, 31), TODAY) == date(2100, 12, 31)
    assert check_day(date(2027, 11, 30), TODAY, DateKind.SENDING) == date(2027, 11, 30)
    assert check_day(date(2029, 2, 28), date(2028, 2, 29), DateKind.SENDING)
    assert check_day(TODAY, TODAY, DateKind.BIRTH) == TODAY


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"])
def test_a_deadline_outside_the_window_is_refused_not_overflowed(capsys, db_url, day):
    err = refused(capsys, "--db", db_url, "deadline", "objection", day)
    assert "1900-01-01 tot en met 2100-12-31" in err


def test_a_deadline_at_the_edge_of_the_window_is_computed(capsys, db_url):
    assert run_cli(capsys, "--db", db_url, "deadline", "objection", "2100-12-31")[:2] == (
        0,
        "2101-02-11\n",
    )


def test_batch_print_refuses_a_date_of_sending_more_than_a_year_ahead(capsys, db_url, tmp_path):
    ahead = (date.today() + timedelta(days=400)).isoformat()
    out = tmp_path / "druk.pdf"
    err = refused(capsys, "--db", db_url, "batch-print", "--out", str(out), "--date", ahead)
    assert "hoogstens een jaar vooruit" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("client", "birth_date"), "2026-12-01", "geboortedatum kan niet in de toekomst"),
        (("client", "birth_date"), "1850-01-01", "buiten de datums"),
        (("registered_on",), "0001-01-01", "buiten de datums"),
        (("decision", "decided_on"), "2101-01-01", "buiten de datums"),
        (("decision", "sent_on"), "2028-01-04", "hoogstens een jaar vooruit"),
        (("decision", "explained", "at"), "1800-01-01T10:00", "buiten de datums"),
        (("decision", "explained", "at"), "9999-12-31T23:59+00:00", "buiten de datums"),
        (("decision", "explained", "at"), 20261209, "tijdstip"),
    ],
)
def test_every_date_in_a_case_file_lies_in_its_window(path, value, message):
    data = example("decision-rejection")
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(ValidationFailed) as failure:
        parse_case(data, TODAY)
    assert message in failure.value.errors[".".join(path)]


def test_the_import_refuses_a_date_of_sending_years_ahead(capsys, db_url, tmp_path):
    entry = import_case(0, date.today(), "rejection")
    entry["decision"]["sent_on"] = (date.today() + timedelta(days=800)).isoformat()
    cases = write(tmp_path / "zaken.json", [entry])
    err = refused(capsys, "--db", db_url, "--as", "tester", "import", str(cases))
    assert "veld zaak 0: decision.sent_on: een verzenddatum ligt hoogstens een jaar vooruit" in err


@pytest.mark.parametrize(
    ("birth_date", "message"),
    [
        (date(1850, 1, 1), "buiten de datums"),
        (TODAY + timedelta(days=30), "geboortedatum kan niet in de toekomst"),
        (date(2010, 1, 1), "minstens 18 jaar"),
    ],
)
def test_the_client_form_checks_the_birth_date(birth_date, message):
    with pytest.raises(ValidationFailed) as failure:
        clients.validate_client(replace(VALID, birth_date=birth_date), TODAY)
    assert message in failure.value.errors["birth_date"]


def test_the_client_form_works_on_a_leap_day():
    clean = clients.validate_client(VALID, date(2028, 2, 29))
    assert clean.birth_date == VALID.birth_date


def test_a_case_date_outside_the_window_is_refused(database):
    from correspondence.workflows import cases

    with database.session() as session, session.begin():
        actor = acting_employee(session, "tester")
        client = clients.create_client(session, actor, VALID, TODAY)
        manager = Employee(username="pj", full_name="Petra Jansen", role=Role.CASE_MANAGER)
        session.add(manager)
        session.flush()
        data = CaseInput("standard", date(1850, 1, 1), manager.id, ww_ends_on=date(9999, 12, 31))
        with pytest.raises(ValidationFailed) as failure:
            cases.open_case(session, actor, client.id, data, TODAY)
    assert set(failure.value.errors) == {"registered_on", "ww_ends_on"}


# --- 3. local times that do not exist or exist twice ---------------------------------------


def test_a_time_in_the_spring_gap_does_not_exist():
    with pytest.raises(DateRefused, match="bestaat niet in Nederlandse tijd"):
        parse_moment("2026-03-29T02:30", TODAY)


def test_a_time_in_the_autumn_overlap_needs_an_offset():
    with pytest.raises(DateRefused, match=r"komt twee keer voor.*\+02:00.*\+01:00"):
        parse_moment("2026-10-25T02:30", TODAY)
    summer = parse_moment("2026-10-25T02:30+02:00", TODAY)
    winter = parse_moment("2026-10-25T02:30+01:00", TODAY)
    assert winter - summer == timedelta(hours=1)
    assert summer.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_ordinary_local_times_around_the_changes_are_accepted():
    for text, utc_hour in (
        ("2026-03-29T01:59", 0),
        ("2026-03-29T03:00", 1),
        ("2026-10-25T01:59", 23),
        ("2026-10-25T03:00", 2),
    ):
        assert parse_moment(text, TODAY).astimezone(UTC).hour == utc_hour


@pytest.mark.parametrize(
    ("at", "message"),
    [
        ("2026-03-29T02:30", "bestaat niet in Nederlandse tijd"),
        ("2026-10-25T02:30", "komt twee keer voor"),
        ("2026-10-25", None),  # a date alone is midnight, which exists
    ],
)
def test_explain_refuses_a_local_time_that_does_not_exist_or_exists_twice(
    capsys, db_url, at, message
):
    argv = ["--db", db_url, "explain", "123456782", "--channel", "phone", "--reached", "yes"]
    err = refused(capsys, *argv, "--note", "gebeld", "--at", at)
    assert (message or "geen klant met dit BSN") in err


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rights_meeting", "2026-03-29T02:15", "bestaat niet"),
        ("interview", "2026-10-25T02:45", "komt twee keer voor"),
    ],
)
def test_case_file_moments_in_the_gap_or_overlap_are_refused(field, value, message):
    data = example("homework-letter")
    data[field] = value
    with pytest.raises(ValidationFailed) as failure:
        parse_case(data, TODAY)
    assert message in failure.value.errors[field]


def test_an_ambiguous_explanation_time_is_named_in_the_import(capsys, db_url, tmp_path):
    entry = import_case(0, date.today(), "rejection")
    entry["decision"]["explained"]["at"] = "2026-10-25T02:30"
    cases = write(tmp_path / "zaken.json", [entry])
    err = refused(capsys, "--db", db_url, "--as", "tester", "import", str(cases))
    assert "veld zaak 0: decision.explained.at: 2026-10-25 02:30 komt twee keer voor" in err


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
    capsys, db_url, tmp_path, change, message
):
    data = example("decision-rejection")
    change(data)
    code, err = letter(capsys, db_url, tmp_path, "decision-rejection", data)
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
def test_malformed_json_is_one_dutch_line(capsys, db_url, tmp_path, content, message, command):
    path = write(tmp_path / "zaak.json", content)
    if command == "letter":
        argv = ["letter", "homework-letter", "--data", str(path), "--pdf", str(tmp_path / "b.pdf")]
    else:
        argv = ["import", str(path)]
    err = refused(capsys, "--db", db_url, *argv)
    assert f"ongeldige JSON in {path}" in err
    assert message in err


def test_a_file_that_is_no_utf8_is_refused_in_dutch(capsys, db_url, tmp_path):
    path = tmp_path / "zaak.json"
    path.write_bytes(b'{"municipality": "\xff"}')
    err = refused(capsys, "--db", db_url, "import", str(path))
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
def test_an_import_file_of_the_wrong_shape_is_refused(capsys, db_url, tmp_path, content, message):
    err = refused(capsys, "--db", db_url, "import", str(write(tmp_path / "z.json", content)))
    assert message in err


@pytest.mark.parametrize("kind", [["rejection"], {"a": 1}, 3, None])
def test_a_decision_kind_that_is_no_text_is_named(capsys, db_url, tmp_path, kind):
    entry = import_case(0, date.today(), "rejection")
    entry["decision"]["kind"] = kind
    entry["decision"]["status"] = ["ready"]
    err = refused(capsys, "--db", db_url, "import", str(write(tmp_path / "z.json", [entry])))
    assert "veld zaak 0: decision.kind: " in err
    assert "veld zaak 0: decision.status: kies draft of ready" in err


def test_a_message_quoting_hostile_input_stays_one_printable_line(capsys, db_url, tmp_path):
    data = example("advance-agreement")
    data["advance"]["repayment"] = {"first_due": "2027-01-01", "monthly": "1\n0\u2028\ud800"}
    code, err = letter(capsys, db_url, tmp_path, "advance-agreement", data)
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


def test_a_case_file_name_with_an_emoji_is_named(capsys, db_url, tmp_path):
    data = example("homework-letter")
    data["client"]["surname"] = "Vries 🎉"
    data["client"]["address"]["street"] = "Kerkstraat 🏠"
    code, err = letter(capsys, db_url, tmp_path, "homework-letter", data)
    assert code == 2
    assert "veld client.surname: bevat tekens die niet in een brief" in err
    assert "veld client.address.street: bevat tekens" in err


def test_an_override_in_a_name_never_reaches_the_letter(capsys, db_url, tmp_path):
    data = example("homework-letter")
    data["client"]["surname"] = "\u202eseirV"
    data["client"]["address"]["street"] = "Zijl\u200bsingel"
    code, err = letter(capsys, db_url, tmp_path, "homework-letter", data)
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
    capsys, db_url, tmp_path, note, message
):
    entry = import_case(0, date.today(), "rejection")
    cases = write(tmp_path / "zaken.json", [entry])
    assert run_cli(capsys, "--db", db_url, "--as", "tester", "import", str(cases))[0] == 0
    argv = ["explain", entry["client"]["bsn"], "--channel", "phone", "--reached", "no"]
    err = refused(capsys, "--db", db_url, "--as", "tester", *argv, "--note", note)
    assert "veld note: " in err and message in err


@pytest.mark.parametrize("written", ["1985-02-30", "1899-12-31", "01-05-1980"])
def test_a_refused_birth_date_is_not_repeated_in_the_message(written):
    with pytest.raises(DateRefused) as refused:
        parse_day(written, TODAY, DateKind.BIRTH)
    assert written not in str(refused.value)
    assert "geboortedatum" in str(refused.value)
