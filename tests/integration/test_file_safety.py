"""Files that hold personal data: written whole or not at all, readable by their owner only,
never through a planted link or into a device; and no error carries a client's data."""

from __future__ import annotations

import errno
import json
import os
import stat
import traceback
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

import cli.deadline
import main
from cli.reports import describe_report
from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.formatting import count_noun
from store.database import Database
from store.files import FileProblem, check_target, private_folder, write_private
from store.models import Client, Municipality
from store.vocabulary import Household, Salutation
from tests.support.paths import ROOT

EXAMPLE = ROOT / "examples" / "decision-grant.json"
BSN = "123456782"
SURNAME = "Vrieswijk-Zonderland"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    folder = tmp_path / "db"
    folder.mkdir()
    return f"sqlite:///{folder / 'poortpost.sqlite3'}"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "uit"
    folder.mkdir()
    return folder


# a letter that states no amount, so no norm table needs verifying and its only message is
# the one a test provokes
LETTER = ROOT / "examples" / "decision-rejection.json"


def letter(db_url: str, *targets: str) -> list[str]:
    return ["--db", db_url, "letter", "decision-rejection", "--data", str(LETTER), *targets]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main.main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# 1. writing safely


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up during the first write: half of it lands, then ENOSPC."""
    real_write = os.write
    calls = 0

    def write(descriptor: int, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls == 1:
            return real_write(descriptor, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", write)


def test_letter_on_a_full_disk_exits_2_and_leaves_no_file(db_url, out, capsys, full_disk):
    docx, pdf = out / "brief.docx", out / "brief.pdf"
    status, stdout, stderr = run(letter(db_url, "--docx", str(docx), "--pdf", str(pdf)), capsys)
    assert status == 2
    assert stdout == ""
    assert stderr.splitlines() == [f"poortpost: schijf vol bij het schrijven van {docx}"]
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("kind", ["fifo", "directory", "link to a device"])
def test_letter_refuses_a_target_that_is_not_a_regular_file(db_url, out, capsys, kind):
    target = out / "brief.pdf"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "directory":
        target.mkdir()
    else:
        target.symlink_to(os.devnull)
    status, _stdout, stderr = run(letter(db_url, "--pdf", str(target)), capsys)
    assert status == 2
    assert len(stderr.splitlines()) == 1
    assert f"{target} is een " in stderr
    assert "geen gewoon bestand" in stderr
    assert [p.name for p in out.iterdir()] == ["brief.pdf"]
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_letter_never_writes_through_a_planted_link(db_url, out, tmp_path, capsys):
    victim = tmp_path / "elders.txt"
    victim.write_text("onaangetast", "utf-8")
    (out / ".brief.pdf.tmp").symlink_to(victim)  # the temporary name that was predictable
    status, _stdout, stderr = run(letter(db_url, "--pdf", str(out / "brief.pdf")), capsys)
    assert status == 0, stderr
    assert victim.read_text("utf-8") == "onaangetast"
    assert (out / "brief.pdf").read_bytes().startswith(b"%PDF")


def test_the_temporary_file_is_created_exclusively(out, tmp_path, monkeypatch):
    victim = tmp_path / "elders.txt"
    victim.write_text("onaangetast", "utf-8")
    monkeypatch.setattr("store.files.secrets.token_hex", lambda _n: "0" * 16)
    (out / f".brief.pdf.{'0' * 16}.tmp").symlink_to(victim)
    with pytest.raises(FileProblem):
        write_private(out / "brief.pdf", b"%PDF")
    assert victim.read_text("utf-8") == "onaangetast"
    assert not (out / "brief.pdf").exists()


def test_check_target(out):
    check_target(out / "nieuw.pdf")
    (out / "bestaand.pdf").write_bytes(b"oud")
    check_target(out / "bestaand.pdf")
    with pytest.raises(FileProblem, match="is een map, geen gewoon bestand"):
        check_target(out)
    with pytest.raises(FileProblem, match=f"de map {out / 'weg'} bestaat niet"):
        check_target(out / "weg" / "b.pdf")
    os.mkfifo(out / "pijp")
    with pytest.raises(FileProblem, match=r"is een pijp \(FIFO\)"):
        check_target(out / "pijp")


# 2. readable by the owner only


def test_letter_files_are_readable_by_their_owner_only(db_url, out, capsys, umask_022):
    docx, pdf = out / "brief.docx", out / "brief.pdf"
    status, _stdout, stderr = run(letter(db_url, "--docx", str(docx), "--pdf", str(pdf)), capsys)
    assert status == 0, stderr
    assert (mode(docx), mode(pdf)) == (0o600, 0o600)


def test_the_database_and_its_wal_files_are_private(tmp_path, umask_022):
    path = tmp_path / "poortpost.sqlite3"
    database = Database.open(f"sqlite:///{path}")
    try:
        with database.engine.connect() as connection:
            connection.execute(text("CREATE TABLE probe (x INTEGER)"))
            connection.commit()
            companions = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
            assert all(p.exists() for p in companions)
            assert [mode(p) for p in (path, *companions)] == [0o600, 0o600, 0o600]
    finally:
        database.close()


def test_an_existing_database_is_made_private(tmp_path, umask_022):
    path = tmp_path / "poortpost.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    os.chmod(path, 0o644)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"")
    os.chmod(wal, 0o644)
    Database.open(f"sqlite:///{path}").close()
    assert mode(path) == 0o600
    assert not wal.exists() or mode(wal) == 0o600


def test_the_user_data_folder_is_private(tmp_path, monkeypatch, capsys, umask_022):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("POORTPOST_DATABASE_URL", raising=False)
    (tmp_path / "Poortpost").mkdir(mode=0o755)  # made by an earlier version
    status, stdout, stderr = run(["deadline", "advance", "2026-11-02"], capsys)
    assert (status, stdout, stderr) == (0, "2026-11-30\n", "")
    assert mode(tmp_path / "Poortpost") == 0o700
    assert mode(tmp_path / "Poortpost" / "poortpost.sqlite3") == 0o600


def test_a_private_folder_ignores_the_umask(tmp_path, umask_022):
    folder = private_folder(tmp_path / "Poortpost" / "batches")
    assert folder.is_dir()
    assert mode(folder) == 0o700


# 4. municipalities and counts


def next_working_day() -> date:
    calendar = AtwCalendar.with_equated([])
    day = date.today() + timedelta(days=1)
    while calendar.non_working_reason(day):
        day += timedelta(days=1)
    return day


def test_batch_print_refuses_an_unknown_municipality(db_url, out, capsys):
    argv = ["--db", db_url, "batch-print", "--out", str(out / "b.pdf"), "--dry-run"]
    argv += ["--date", next_working_day().isoformat()]
    status, stdout, stderr = run([*argv, "--municipality", "Amsterdam"], capsys)
    assert (status, stdout) == (2, "")
    assert stderr.splitlines() == [
        "poortpost: veld municipality: onbekende gemeente 'Amsterdam'; "
        "bekend: haarlem, heemstede, zandvoort"
    ]
    status, stdout, stderr = run([*argv, "--municipality", "Haarlem"], capsys)
    assert (status, stderr) == (0, "")
    assert stdout.startswith("Zou afdrukken: 0 besluiten.")


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 besluiten"), (1, "1 besluit"), (2, "2 besluiten"), (4000, "4.000 besluiten")],
)
def test_count_noun(count, expected):
    assert count_noun(count, "besluit", "besluiten") == expected


def test_the_print_report_counts_in_dutch():
    printed = {"bsn": BSN, "kind": "grant"}
    one = {"printed": [printed], "held_back": [], "pages": 1}
    two = {"printed": [printed, printed], "held_back": [], "pages": 3}
    out = Path("b.pdf")
    assert describe_report(one, out, False) == "Afgedrukt: 1 besluit, 1 pagina in b.pdf."
    assert describe_report(two, out, False) == "Afgedrukt: 2 besluiten, 3 pagina's in b.pdf."
    assert describe_report(one, out, True) == "Zou afdrukken: 1 besluit."


def test_import_counts_in_dutch(db_url, tmp_path, capsys):
    cases = tmp_path / "zaken.json"
    case = json.loads(EXAMPLE.read_text("utf-8"))
    case["decision"]["kind"] = "grant"
    cases.write_text(json.dumps([case]), "utf-8")
    status, stdout, stderr = run(["--db", db_url, "import", str(cases)], capsys)
    assert (status, stdout, stderr) == (0, "1 zaak ingelezen.\n", "")


# 5. no personal data in errors


def add_client(database: Database, bsn: str) -> None:
    with database.session() as session, session.begin():
        town = session.scalars(select(Municipality)).first()
        assert town is not None
        session.add(
            Client(
                bsn=bsn,
                initials="J.",
                first_name="Jan",
                surname=SURNAME,
                salutation=Salutation.MR,
                birth_date=date(1980, 5, 1),
                household=Household.SINGLE,
                street="Zijlsingel",
                house_number="1",
                postcode="2013 DN",
                city="Haarlem",
                municipality_id=town.id,
            )
        )


def assert_no_personal_data(message: str, bsn: str = BSN) -> None:
    assert bsn not in message
    assert SURNAME not in message
    assert "Zijlsingel" not in message


def test_a_database_error_carries_no_personal_data(database):
    add_client(database, BSN)
    with pytest.raises(SQLAlchemyError) as failure:
        add_client(database, BSN)
    assert_no_personal_data(str(failure.value))
    assert_no_personal_data("".join(traceback.format_exception(failure.value)))


def test_a_too_long_value_carries_no_personal_data(database):
    if database.engine.dialect.name == "sqlite":
        pytest.skip("SQLite does not check the length of a text")
    too_long = BSN + "0"
    with pytest.raises(SQLAlchemyError) as failure:
        add_client(database, too_long)
    assert_no_personal_data("".join(traceback.format_exception(failure.value)), too_long)


def test_a_command_meeting_a_database_error_says_one_dutch_line(database_url, capsys, monkeypatch):
    def provoke(database: Database, _args: object) -> int:
        add_client(database, BSN)
        add_client(database, BSN)
        return 0

    monkeypatch.setattr(cli.deadline, "run", provoke)
    status, stdout, stderr = run(
        ["--db", database_url, "deadline", "advance", "2026-11-02"], capsys
    )
    assert (status, stdout) == (2, "")
    lines = stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("poortpost: de database weigert de wijziging")
    assert "clients" in lines[0]
    assert_no_personal_data(stderr)
