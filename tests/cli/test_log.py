"""The log file, as the commands write it in a real process: what was done and what was
refused, by identifiers, counts and field names, never a BSN, a name or an address."""

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from correspondence.workflows.fictional_cases import case, cases
from store.database import Database
from store.models import Client, Employee
from tests.support.batch import SENT_ON, TODAY
from tests.support.paths import MAIN

BAD_BSN = "123456789"  # fails the eleven test


def log_file(state: Path) -> Path:
    return state / "Poortpost" / "log" / "poortpost.log"


def personal_data(url: str) -> set[str]:
    database = Database(url)
    with database.session() as session:
        clients = session.execute(
            select(Client.bsn, Client.first_name, Client.surname, Client.street, Client.postcode)
        ).all()
        employees = session.scalars(select(Employee.full_name)).all()
    database.close()
    return {value for row in clients for value in row if value} | set(employees)


def test_the_log_keeps_what_was_done_and_refused_without_personal_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    state = tmp_path / "state"
    environment = {**os.environ, "XDG_STATE_HOME": str(state)}

    def poortpost(*args: str) -> int:
        command = [sys.executable, str(MAIN), "--db", url, "--as", "tester", *args]
        return subprocess.run(
            command, env=environment, capture_output=True, timeout=300, check=False
        ).returncode

    unexplained = case(0, TODAY, kind="rejection", explained=False)
    (tmp_path / "zaken.json").write_text(json.dumps([unexplained, *cases(4, TODAY)[1:]]), "utf-8")
    bad = case(5, TODAY)
    bad["client"]["bsn"] = BAD_BSN
    (tmp_path / "fout.json").write_text(json.dumps([bad]), "utf-8")
    bsn, surname = unexplained["client"]["bsn"], unexplained["client"]["surname"]

    assert poortpost("demo") == 0
    assert poortpost("import", str(tmp_path / "zaken.json")) == 0
    note = f"Besluit uitgelegd aan {surname}"
    assert poortpost("explain", bsn, "--channel", "phone", "--reached", "yes", "--note", note) == 0
    out = tmp_path / "batch.pdf"
    assert poortpost("batch-print", "--out", str(out), "--date", SENT_ON.isoformat()) == 0
    assert poortpost("import", str(tmp_path / "fout.json")) == 2
    assert poortpost("explain", BAD_BSN[:8], "--channel", "phone", "--reached", "no",
                     "--note", "x") == 2  # fmt: skip

    log = log_file(state).read_text("utf-8")
    leaked = [
        v for v in (*personal_data(url), BAD_BSN) if re.search(rf"(?<!\w){re.escape(v)}(?!\w)", log)
    ]
    assert leaked == []
    assert "Traceback" not in log
    refusals = [line for line in log.splitlines() if "refused:" in line]
    assert [line.split("refused: ")[1] for line in refusals] == [
        "ValidationFailed (zaak 0: client.bsn)",
        "UsageError",
    ]
    assert "4 cases imported" in log
    assert re.search(r"contact log entry \d+ on decision \d+ of case \d+", log)
    assert re.search(r"batch \d+: \d+ printed", log)
    assert stat.S_IMODE(log_file(state).stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file(state).parent.stat().st_mode) == 0o700


def test_an_unexpected_error_is_logged_as_a_traceback_without_its_message(tmp_path):
    crash = (
        "from correspondence import logbook\n"
        "logbook.start()\n"
        "raise ValueError('900000600 Jansen, Kerkstraat 1') from KeyError('Jansen')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", crash],
        cwd=MAIN.parent,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "ValueError: 900000600" in result.stderr  # Python still prints it for the user
    log = log_file(tmp_path).read_text("utf-8")
    assert "CRITICAL" in log and "Traceback" in log
    assert "KeyError (message left out)" in log
    assert "ValueError (message left out)" in log
    assert "Jansen" not in log and "900000600" not in log
