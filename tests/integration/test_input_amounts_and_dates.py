"""Hostile and odd input on every path (window, import, command line), part one: amounts and
repayment schedules, dates outside a sane window, and local times that do not exist or exist
twice. Each is refused with one Dutch line naming the field, never a traceback, and nothing is
written."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from correspondence.rules.case_data import parse_case
from correspondence.rules.dates import DateKind, DateRefused, check_day, parse_day, parse_moment
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.inputs import CaseInput
from correspondence.rules.money import parse_euros
from correspondence.rules.schedule import ScheduleError, plan_schedule, schedule_by_amount
from correspondence.workflows import clients
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.fictional_cases import case as import_case
from store.models import Employee
from store.vocabulary import Role
from tests.support.commands import example, letter, refused, run_cli, stored_clients, write
from tests.support.data import TODAY, VALID

FIRST_DUE = date(2027, 1, 1)


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
    capsys, sqlite_url, tmp_path, repayment, field, message
):
    data = example("advance-agreement")
    data["advance"]["repayment"] = {"first_due": "2027-01-01", **repayment}
    code, err = letter(capsys, sqlite_url, tmp_path, "advance-agreement", data)
    assert code == 2
    assert f"veld {field}: " in err
    assert message in err


def test_a_case_file_reads_a_thousand_euro_a_month_as_a_thousand(capsys, sqlite_url, tmp_path):
    data = example("advance-agreement")
    data["advance"]["repayment"] = {"first_due": "2027-01-01", "monthly": "1.000"}
    assert parse_case(data, TODAY).advance.repayment.monthly == 100_000
    code, err = letter(capsys, sqlite_url, tmp_path, "advance-agreement", data)
    assert code == 0, err


def test_the_import_refuses_an_absurd_repayment(capsys, sqlite_url, tmp_path):
    entry = import_case(0, date.today(), "advance_recovery")
    entry["advance"]["repayment"] = {"first_due": entry["advance"]["repayment"]["first_due"]}
    entry["advance"]["repayment"]["monthly"] = "5,00"
    cases = write(tmp_path / "zaken.json", [entry])
    err = refused(capsys, "--db", sqlite_url, "--as", "tester", "import", str(cases))
    assert "veld zaak 0: repayment: met dit maandbedrag duurt de aflossing" in err
    assert stored_clients(sqlite_url) == 0


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
def test_a_deadline_outside_the_window_is_refused_not_overflowed(capsys, sqlite_url, day):
    err = refused(capsys, "--db", sqlite_url, "deadline", "objection", day)
    assert "1900-01-01 tot en met 2100-12-31" in err


def test_a_deadline_at_the_edge_of_the_window_is_computed(capsys, sqlite_url):
    assert run_cli(capsys, "--db", sqlite_url, "deadline", "objection", "2100-12-31")[:2] == (
        0,
        "2101-02-11\n",
    )


def test_batch_print_refuses_a_date_of_sending_more_than_a_year_ahead(capsys, sqlite_url, tmp_path):
    ahead = (date.today() + timedelta(days=400)).isoformat()
    out = tmp_path / "druk.pdf"
    err = refused(capsys, "--db", sqlite_url, "batch-print", "--out", str(out), "--date", ahead)
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


def test_the_import_refuses_a_date_of_sending_years_ahead(capsys, sqlite_url, tmp_path):
    entry = import_case(0, date.today(), "rejection")
    entry["decision"]["sent_on"] = (date.today() + timedelta(days=800)).isoformat()
    cases = write(tmp_path / "zaken.json", [entry])
    err = refused(capsys, "--db", sqlite_url, "--as", "tester", "import", str(cases))
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
    capsys, sqlite_url, at, message
):
    argv = ["--db", sqlite_url, "explain", "123456782", "--channel", "phone", "--reached", "yes"]
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


def test_an_ambiguous_explanation_time_is_named_in_the_import(capsys, sqlite_url, tmp_path):
    entry = import_case(0, date.today(), "rejection")
    entry["decision"]["explained"]["at"] = "2026-10-25T02:30"
    cases = write(tmp_path / "zaken.json", [entry])
    err = refused(capsys, "--db", sqlite_url, "--as", "tester", "import", str(cases))
    assert "veld zaak 0: decision.explained.at: 2026-10-25 02:30 komt twee keer voor" in err


def test_the_import_holds_the_term_to_complete_the_application_to_the_window_s_rule(
    capsys, sqlite_url, tmp_path
):
    """The not-processed letter may go out only after this term, so an imported one is checked
    as one typed in the window: after receipt, and with a received application."""
    entry = import_case(0, date.today(), "rejection")
    entry["application_complete_by"] = entry["application_received_on"]
    cases = write(tmp_path / "zaken.json", [entry])
    err = refused(capsys, "--db", sqlite_url, "--as", "tester", "import", str(cases))
    assert "veld zaak 0: application_complete_by: de termijn moet na de ontvangst" in err
    del entry["application_received_on"]
    cases = write(tmp_path / "zaken.json", [entry])
    err = refused(capsys, "--db", sqlite_url, "--as", "tester", "import", str(cases))
    assert "application_received_on: verplicht bij een termijn om de aanvraag aan te vullen" in err
    assert stored_clients(sqlite_url) == 0
