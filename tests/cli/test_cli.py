"""The headless commands, run as a user runs them: a real process, exit status and output."""

import json
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from store.database import Database
from store.models import Client, Employee
from tests.support.paths import ROOT


def poortpost(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


@pytest.mark.parametrize(
    ("kind", "day", "expected"),
    [
        ("objection", "2026-12-11", "2027-01-22"),
        ("objection", "2027-02-12", "2027-03-30"),
        ("decision", "2026-11-06", "2027-01-04"),
        ("advance", "2026-11-02", "2026-11-30"),
    ],
)
def test_deadline_prints_one_iso_date(db_url, kind, day, expected):
    result = poortpost("--db", db_url, "deadline", kind, day)
    assert (result.returncode, result.stdout, result.stderr) == (0, expected + "\n", "")


def test_deadline_advance_gives_the_local_offer_or_with_a_flag_the_legal_term(db_url):
    # a melding on Monday 2 November 2026: the local offer on request, four weeks later
    local = poortpost("--db", db_url, "deadline", "advance", "2026-11-02")
    assert (local.returncode, local.stdout, local.stderr) == (0, "2026-11-30\n", "")
    # an application received Thursday 12 November 2026: the first advance the college grants
    # unasked (Participatiewet art. 52 lid 1), four weeks later
    legal = poortpost("--db", db_url, "deadline", "advance", "--from-application", "2026-11-12")
    assert (legal.returncode, legal.stdout, legal.stderr) == (0, "2026-12-10\n", "")
    # four weeks after Friday 27 November 2026 is Christmas Day: the Atw moves it to Monday
    moved = poortpost("--db", db_url, "deadline", "advance", "--from-application", "2026-11-27")
    assert moved.stdout == "2026-12-28\n"
    wrong = poortpost("--db", db_url, "deadline", "objection", "--from-application", "2026-11-12")
    assert (wrong.returncode, wrong.stdout) == (2, "")
    assert wrong.stderr.splitlines() == [
        "poortpost: --from-application hoort alleen bij de termijn advance"
    ]
    helped = poortpost("--db", db_url, "deadline", "--help")
    assert "het eigen aanbod op verzoek, 4 weken na de melding" in " ".join(helped.stdout.split())
    assert "wettelijke voorschot (artikel 52 Participatiewet)" in " ".join(helped.stdout.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["deadline", "objection", "2026-02-30"], "'2026-02-30' is geen bestaande datum"),
        (["deadline", "objection", "11-12-2026"], "geen datum in de vorm JJJJ-MM-DD"),
        (["deadline", "bezwaar", "2026-12-11"], "onbekende keuze 'bezwaar'"),
        (["verstuur"], "onbekende keuze 'verstuur'"),
        (["deadline", "objection"], "ontbrekend argument"),
    ],
)
def test_bad_input_exits_2_with_one_dutch_line_and_writes_nothing(tmp_path, args, message):
    database = tmp_path / "leeg.sqlite3"
    result = poortpost("--db", f"sqlite:///{database}", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert message in lines[0]
    assert not database.exists()


def test_an_unreachable_database_is_a_dutch_error(tmp_path):
    result = poortpost(
        "--db", f"sqlite:///{tmp_path}/weg/db.sqlite3", "deadline", "advance", "2026-11-02"
    )
    assert result.returncode == 2
    assert "bestaat niet" in result.stderr


def test_demo_fills_the_database_once(db_url):
    first = poortpost("--db", db_url, "--as", "edewit", "demo")
    assert first.returncode == 0, first.stderr
    assert "15 klanten" in first.stdout
    again = poortpost("--db", db_url, "demo")
    assert again.returncode == 0
    assert "staan al" in again.stdout
    database = Database(db_url)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 15
        roles = {e.role.value for e in session.scalars(select(Employee))}
    database.close()
    assert roles == {"klantmanager", "administratie", "kwaliteit", "beheer"}


def test_default_database_lives_in_the_user_data_folder(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path), "POORTPOST_DATABASE_URL": ""}
    result = poortpost("deadline", "advance", "2026-11-02", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "Poortpost" / "poortpost.sqlite3").is_file()


def test_environment_variable_selects_the_database(tmp_path):
    target = tmp_path / "uit-env.sqlite3"
    result = poortpost("demo", env={"POORTPOST_DATABASE_URL": f"sqlite:///{target}"})
    assert result.returncode == 0, result.stderr
    assert target.is_file()


EXAMPLES = ROOT / "examples"


def test_letter_writes_docx_and_pdf(db_url, tmp_path):
    docx_path, pdf_path = tmp_path / "brief.docx", tmp_path / "brief.pdf"
    result = poortpost(
        "--db",
        db_url,
        "letter",
        "decision-grant",
        "--data",
        str(EXAMPLES / "decision-grant.json"),
        "--docx",
        str(docx_path),
        "--pdf",
        str(pdf_path),
    )
    assert result.returncode == 0, result.stderr
    assert docx_path.read_bytes().startswith(b"PK")
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("brief")) == [
        "brief.docx",
        "brief.pdf",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{ niet: json", "ongeldige JSON in"),
        ('{"municipality": "haarlem"}', "veld client.bsn: ontbreekt"),
        ("[]", "hoort één JSON-object met een zaak te zijn"),
    ],
)
def test_letter_refuses_bad_data_and_leaves_no_file(db_url, tmp_path, content, message):
    case = tmp_path / "zaak.json"
    case.write_text(content, encoding="utf-8")
    out = tmp_path / "uit"
    out.mkdir()
    result = poortpost(
        "--db",
        db_url,
        "letter",
        "decision-grant",
        "--data",
        str(case),
        "--docx",
        str(out / "b.docx"),
        "--pdf",
        str(out / "b.pdf"),
    )
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr
    assert list(out.iterdir()) == []


def test_letter_names_the_missing_explanation_of_a_negative_decision(db_url, tmp_path):
    data = json.loads((EXAMPLES / "decision-rejection.json").read_text("utf-8"))
    del data["decision"]["explained"]
    case = tmp_path / "zaak.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    result = poortpost(
        "--db",
        db_url,
        "letter",
        "decision-rejection",
        "--data",
        str(case),
        "--pdf",
        str(tmp_path / "b.pdf"),
    )
    assert result.returncode == 2
    assert "veld decision.explained: er is nog geen uitleg vooraf" in result.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_letter_reference_is_the_case_number_that_opens_the_kenmerk(db_url, tmp_path):
    data = json.loads((EXAMPLES / "decision-rejection.json").read_text("utf-8"))
    data["reference"] = "zvt-2026-42"
    data["decision"]["sequence"] = 2
    case = tmp_path / "zaak.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    pdf = tmp_path / "b.pdf"
    args = ("--db", db_url, "letter", "decision-rejection", "--data", str(case), "--pdf", str(pdf))
    result = poortpost(*args)
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "ZVT-2026-000042/BAF2" in text
    assert data["client"]["bsn"] not in "ZVT-2026-000042/BAF2"

    pdf.unlink()
    data["reference"] = "SZW/BAF/20261102/1A2B3C"  # a kenmerk of before: no case number
    case.write_text(json.dumps(data), encoding="utf-8")
    result = poortpost(*args)
    assert result.returncode == 2
    assert "veld reference: een zaaknummer ziet eruit als HLM-2026-000123" in result.stderr
    assert not pdf.exists()


def test_letter_needs_an_output(db_url):
    result = poortpost(
        "--db",
        db_url,
        "letter",
        "homework-letter",
        "--data",
        str(EXAMPLES / "homework-letter.json"),
    )
    assert result.returncode == 2
    assert "--docx en/of --pdf" in result.stderr


@pytest.mark.parametrize(
    ("kind", "change", "message"),
    [
        # the shipped municipalities have no account for repayments until beheer sets one
        ("decision-advance-recovery", {}, "veld municipality.repayment_iban: ontbreekt"),
        # a recovery needs the case manager's weighing (Awb 3:4)
        (
            "decision-advance-recovery",
            {"weighing": " "},
            "veld decision.weighing: schrijf op hoe u de belangen van de klant heeft afgewogen",
        ),
        # a rejection needs its kind of reason, which decides its articles
        ("decision-rejection", {"ground": None}, "veld decision.ground: kies de soort reden"),
        ("decision-rejection", {"ground": "laziness"}, "veld decision.ground: kies uit: income"),
    ],
)
def test_letter_refuses_a_decision_without_what_the_law_makes_it_state(
    db_url, tmp_path, kind, change, message
):
    data = json.loads((EXAMPLES / f"{kind}.json").read_text("utf-8"))
    data["decision"].update(change)
    case = tmp_path / "zaak.json"
    case.write_text(json.dumps(data), encoding="utf-8")
    result = poortpost(
        "--db", db_url, "letter", kind, "--data", str(case), "--pdf", str(tmp_path / "b.pdf")
    )
    assert result.returncode == 2
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "b.pdf").exists()
