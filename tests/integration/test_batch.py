"""Batch printing: the gate on every path, duplex and postcode order, the cover sheet, and a
batch killed at random points that is run again."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from correspondence.batch.queue import BatchFilter, build_queue
from correspondence.batch.run import BatchRun, run_batch
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.decisions import log_explanation
from correspondence.workflows.fictional_cases import case, cases
from store.database import Database
from store.models import Decision, PrintBatch, StoredLetter
from store.vocabulary import BatchStatus, Channel, DecisionKind, DecisionStatus
from tests.support.batch import SENT_ON, TODAY, batch_print_command, imported, page_texts
from tests.support.norms import set_repayment_accounts
from tests.support.paths import ROOT


@pytest.fixture
def gate_cases():
    """One case per gate situation, by surname."""
    no_explanation = case(1, TODAY, "rejection", explained=False)
    unreached = case(2, TODAY, "rejection")
    unreached["decision"]["explained"]["reached"] = False
    late = case(3, TODAY, "not_processed")
    late_at = datetime.now(LOCAL_ZONE) - timedelta(minutes=5)
    late["decision"]["explained"]["at"] = late_at.isoformat()
    reached = case(4, TODAY, "advance_recovery")
    grant = case(5, TODAY, "grant", explained=False)
    return [no_explanation, unreached, late, reached, grant]


def test_the_gate_in_the_batch_workflow(sqlite_url, tmp_path, gate_cases):
    database = imported(sqlite_url, gate_cases)
    sent_on = TODAY - timedelta(days=1) + timedelta(days=1)  # today: the late call is today
    with database.session() as session:
        queue = build_queue(session, BatchFilter(), sent_on)
    held = {h.bsn: h.reason for h in queue.held_back}
    assert held == {
        gate_cases[0]["client"]["bsn"]: "er is nog geen uitleg vooraf aan de klant vastgelegd",
        gate_cases[1]["client"]["bsn"]: "de klant is nog niet bereikt voor de uitleg vooraf",
    }
    # an explanation logged today counts for sending today, not for sending yesterday
    with database.session() as session:
        yesterday = build_queue(session, BatchFilter(), TODAY - timedelta(days=1))
    assert gate_cases[2]["client"]["bsn"] in {h.bsn for h in yesterday.held_back}
    assert {e.bsn for e in queue.ready} == {c["client"]["bsn"] for c in gate_cases[2:]}
    database.close()


def run_cli(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", db, *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_gate_on_the_command_line(sqlite_url, tmp_path, gate_cases):
    (tmp_path / "zaken.json").write_text(json.dumps(gate_cases), encoding="utf-8")
    assert run_cli("import", str(tmp_path / "zaken.json"), db=sqlite_url).returncode == 0
    database = Database.open(sqlite_url)
    with database.session() as session, session.begin():
        set_repayment_accounts(session)  # beheer sets the account a recovery names
    database.close()
    out = tmp_path / "batch.pdf"

    def unverified() -> list[str]:
        dry = run_cli(
            "batch-print", "--out", str(out), "--date", SENT_ON.isoformat(), "--json",
            "--dry-run", db=sqlite_url,
        )  # fmt: skip
        assert dry.returncode == 0, dry.stderr
        held = json.loads(dry.stdout)["held_back"]
        return [h["reason"] for h in held if "niet geverifieerd" in h["reason"]]

    # unverified municipality data hold back every letter, naming the municipality
    reasons = unverified()
    assert len(reasons) == len(gate_cases) - 2
    assert all(r.startswith("de gegevens van de gemeente ") for r in reasons)
    for code in ("haarlem", "zandvoort", "heemstede"):  # the importer is beheer: the first user
        assert run_cli("municipality", "verify", code, db=sqlite_url).returncode == 0
    # a letter with an amount from an unverified norm table is held back, naming the table
    reasons = unverified()
    assert reasons and all(r.startswith("de normtabel van 2026-") for r in reasons)
    for number in ("1", "2"):
        assert run_cli("norms", "verify", number, db=sqlite_url).returncode == 0
    result = run_cli(
        "batch-print", "--out", str(out), "--date", SENT_ON.isoformat(), "--json", db=sqlite_url
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert sorted(p["bsn"] for p in report["printed"]) == sorted(
        c["client"]["bsn"] for c in gate_cases[2:]
    )
    assert sorted((h["bsn"], h["reason"]) for h in report["held_back"]) == sorted(
        [
            (
                gate_cases[0]["client"]["bsn"],
                "er is nog geen uitleg vooraf aan de klant vastgelegd",
            ),
            (gate_cases[1]["client"]["bsn"], "de klant is nog niet bereikt voor de uitleg vooraf"),
        ]
    )
    assert report["pages"] == len(page_texts(out))
    # a call that reaches the client lets the held-back decision through on the next run
    bsn = gate_cases[1]["client"]["bsn"]
    logged = run_cli(
        "explain",
        bsn,
        "--channel",
        "phone",
        "--reached",
        "yes",
        "--note",
        "Besluit uitgelegd & <bevestigd>",
        db=sqlite_url,
    )
    assert logged.returncode == 0, logged.stderr
    again = run_cli(
        "batch-print",
        "--out",
        str(tmp_path / "b2.pdf"),
        "--date",
        SENT_ON.isoformat(),
        "--json",
        db=sqlite_url,
    )
    assert [p["bsn"] for p in json.loads(again.stdout)["printed"]] == [bsn]


def test_nothing_ready_writes_no_file(sqlite_url, tmp_path):
    Database.open(sqlite_url).close()
    out = tmp_path / "leeg.pdf"
    result = run_cli(
        "batch-print", "--out", str(out), "--date", SENT_ON.isoformat(), "--json", db=sqlite_url
    )
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"printed": [], "held_back": [], "pages": 0}
    assert not out.exists()


def test_a_weekend_date_is_refused_without_confirmation(sqlite_url, tmp_path):
    Database.open(sqlite_url).close()
    saturday = SENT_ON + timedelta(days=5)
    result = run_cli(
        "batch-print",
        "--out",
        str(tmp_path / "b.pdf"),
        "--date",
        saturday.isoformat(),
        db=sqlite_url,
    )
    assert result.returncode == 2
    assert "geen werkdag (zaterdag)" in result.stderr


def test_duplex_postcode_order_and_cover_counts(sqlite_url, tmp_path):
    database = imported(sqlite_url, cases(24, TODAY))
    out = tmp_path / "batch.pdf"
    result = run_batch(BatchRun(database, "admin", SENT_ON, BatchFilter(), out, workers=1))
    texts = page_texts(out)
    assert result.pages == len(texts)
    assert all(p.first_page % 2 == 1 for p in result.printed)
    postcodes = []
    for printed in result.printed:
        first = texts[printed.first_page - 1]
        assert printed.bsn not in first  # the BSN is no part of the letter...
        lines = [line.strip() for line in first.splitlines()]
        postcodes.append(next(line[:7] for line in lines if re.match(r"\d{4} [A-Z]{2}\s", line)))
    assert postcodes == sorted(postcodes)  # ...but its address is, in postcode order
    cover = texts[0]
    counts = Counter(p.kind.value for p in result.printed)
    assert f"Totaal {len(result.printed)} " in cover.replace("\r\n", " ")
    assert "Besluit: afwijzing " + str(counts["rejection"]) in cover.replace("\r\n", " ")
    with database.session() as session:
        stored = session.scalars(select(StoredLetter)).all()
        assert {s.first_page for s in stored} == {p.first_page for p in result.printed}
        assert all(s.batch_id == result.batch_id for s in stored)
        assert session.get(PrintBatch, result.batch_id).status is BatchStatus.COMPLETED
        assert {d.status for d in session.scalars(select(Decision))} == {DecisionStatus.SENT}
    database.close()


def test_a_filter_prints_only_its_municipality(sqlite_url, tmp_path):
    database = imported(sqlite_url, cases(9, TODAY))
    result = run_batch(
        BatchRun(
            database,
            "admin",
            SENT_ON,
            BatchFilter(municipality="zandvoort"),
            tmp_path / "z.pdf",
            workers=1,
        )
    )
    assert len(result.printed) == 3
    with database.session() as session:
        ready = session.scalar(
            select(func.count())
            .select_from(Decision)
            .where(Decision.status == DecisionStatus.READY)
        )
    assert ready == 6
    database.close()


def test_a_batch_killed_at_random_points_sends_every_decision_exactly_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'kill.sqlite3'}"
    count = 90
    imported(url, cases(count, TODAY)).close()
    rng = random.Random(20261129)
    out = tmp_path / "batch.pdf"
    command = batch_print_command(url, out)
    watcher = Database(url)
    for attempt in range(4):
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        # kill at a random point once this run has started its batch, however slow the machine
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            with watcher.session() as session:
                if session.scalar(select(func.count()).select_from(PrintBatch)) > attempt:
                    break
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 1.5))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    watcher.close()
    final = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert final.returncode == 0, final.stderr
    database = Database(url)
    with database.session() as session:
        decisions = session.scalars(select(Decision)).all()
        assert {d.status for d in decisions} == {DecisionStatus.SENT}
        completed = session.scalars(
            select(StoredLetter).join(PrintBatch).where(PrintBatch.status == BatchStatus.COMPLETED)
        ).all()
        per_decision = Counter(letter.decision_id for letter in completed)
        assert sorted(per_decision) == sorted(d.id for d in decisions)
        assert set(per_decision.values()) == {1}
        for letter in completed:
            assert letter.pdf_sha256 == __import__("hashlib").sha256(letter.pdf).hexdigest()
            assert letter.pdf.startswith(b"%PDF")
        sent_dates = {d.sent_on for d in decisions}
        assert sent_dates == {SENT_ON}
        # the kills did land half-way: batches were left unfinished, their decisions not sent
        statuses = Counter(b.status for b in session.scalars(select(PrintBatch)))
        assert statuses[BatchStatus.RUNNING] + statuses[BatchStatus.ABANDONED] >= 2
        assert statuses[BatchStatus.COMPLETED] >= 1
    database.close()


def test_import_refuses_a_file_with_bad_entries_and_stores_nothing(sqlite_url, tmp_path):
    entries = cases(3, TODAY)
    entries[1]["client"]["bsn"] = "123456789"
    entries[2]["decision"]["kind"] = "afwijzing"
    (tmp_path / "zaken.json").write_text(json.dumps(entries), encoding="utf-8")
    result = run_cli("import", str(tmp_path / "zaken.json"), db=sqlite_url)
    assert result.returncode == 2
    assert "zaak 1: client.bsn: dit BSN klopt niet (elfproef)" in result.stderr
    assert "zaak 2: decision.kind: kies uit" in result.stderr
    database = Database(sqlite_url)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == 0
    database.close()


def test_the_contact_log_only_grows(sqlite_url):
    database = imported(sqlite_url, [case(0, TODAY, "rejection")])
    with database.session() as session, session.begin():
        actor = acting_employee(session, "admin")
        decision = session.scalars(select(Decision)).one()
        first = decision.case.contacts[0]
        correction = log_explanation(
            session,
            actor,
            decision.id,
            first.at,
            Channel.PHONE,
            False,
            "toch niet bereikt",
            corrects_id=first.id,
        )
        assert correction.corrects_id == first.id
    with pytest.raises(PermissionError), database.session() as session, session.begin():
        entry = session.scalars(select(Decision)).one().case.contacts[0]
        entry.note = "herschreven"
    with database.session() as session:
        queue = build_queue(session, BatchFilter(), SENT_ON)
    assert queue.held_back[0].reason == "de klant is nog niet bereikt voor de uitleg vooraf"
    database.close()


def test_a_decision_revised_while_printing_is_not_sent_with_its_old_text(sqlite_url, tmp_path):
    from correspondence.workflows.decisions import DecisionText, revise_decision
    from correspondence.workflows.print_batches import BatchConflict

    database = imported(sqlite_url, [case(0, TODAY, "grant"), case(1, TODAY, "rejection")])
    new_reason = "U heeft een auto van meer dan het vrij te laten vermogen."

    def revise_once(done, _total):
        if done == 1:
            with database.session() as session, session.begin():
                decision = session.scalars(
                    select(Decision).where(Decision.kind == DecisionKind.REJECTION)
                ).one()
                text = DecisionText(decision.decided_on, [new_reason], ground=decision.ground)
                revise_decision(
                    session, acting_employee(session, "admin"), decision.id, text,
                    DecisionStatus.READY,
                )  # fmt: skip

    out = tmp_path / "b.pdf"
    with pytest.raises(BatchConflict, match="intussen gewijzigd"):
        run_batch(
            BatchRun(
                database, "admin", SENT_ON, BatchFilter(), out, progress=revise_once, workers=1
            )
        )
    assert not out.exists()
    with database.session() as session:
        decisions = {d.kind: d for d in session.scalars(select(Decision))}
        assert {d.status for d in decisions.values()} == {DecisionStatus.READY}
        assert decisions[DecisionKind.REJECTION].reasons == [new_reason]
        assert session.scalars(select(PrintBatch)).one().status is BatchStatus.ABANDONED
    database.close()


def test_an_unwritable_print_file_is_refused_before_anything_is_sent(sqlite_url, tmp_path):
    imported(sqlite_url, cases(2, TODAY)).close()
    result = run_cli(
        "batch-print",
        "--out",
        str(tmp_path / "bestaat-niet" / "b.pdf"),
        "--date",
        SENT_ON.isoformat(),
        db=sqlite_url,
    )
    assert result.returncode == 2
    assert "bestaat niet" in result.stderr
    database = Database(sqlite_url)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(PrintBatch)) == 0
        assert {d.status for d in session.scalars(select(Decision))} == {DecisionStatus.READY}
    database.close()


def test_a_correction_logged_while_printing_stops_the_whole_batch(sqlite_url, tmp_path):
    from correspondence.workflows.print_batches import BatchConflict

    database = imported(sqlite_url, [case(0, TODAY, "grant"), case(1, TODAY, "rejection")])

    def correct_once(done, _total):
        if done == 1:
            with database.session() as session, session.begin():
                decision = session.scalars(
                    select(Decision).where(Decision.kind == DecisionKind.REJECTION)
                ).one()
                call = decision.case.contacts[0]
                log_explanation(
                    session,
                    acting_employee(session, "admin"),
                    decision.id,
                    call.at,
                    Channel.PHONE,
                    False,
                    "toch niet gesproken",
                    corrects_id=call.id,
                )

    out = tmp_path / "b.pdf"
    with pytest.raises(BatchConflict, match="intussen het contactlog gewijzigd"):
        run_batch(
            BatchRun(
                database, "admin", SENT_ON, BatchFilter(), out, progress=correct_once, workers=1
            )
        )
    assert not out.exists()
    with database.session() as session:
        assert {d.status for d in session.scalars(select(Decision))} == {DecisionStatus.READY}
        assert session.scalars(select(PrintBatch)).one().status is BatchStatus.ABANDONED
        assert session.scalar(select(func.count()).select_from(StoredLetter)) == 0
    database.close()


def test_importing_the_same_file_twice_is_refused(sqlite_url, tmp_path):
    path = tmp_path / "zaken.json"
    path.write_text(json.dumps(cases(2, TODAY)), encoding="utf-8")
    assert run_cli("import", str(path), db=sqlite_url).returncode == 0
    again = run_cli("import", str(path), db=sqlite_url)
    assert again.returncode == 2
    assert "zaak 0: decision: dit besluit staat al in het dossier" in again.stderr
    database = Database(sqlite_url)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == 2
    database.close()


class Stop(Exception):
    pass


def test_a_run_with_render_processes_stops_within_a_second_of_a_cancel(sqlite_url, tmp_path):
    database = imported(sqlite_url, cases(40, TODAY))
    out = tmp_path / "batch.pdf"
    started = time.monotonic()
    cancelled: list[float] = []

    def check() -> None:
        # cancelled while the render processes still prepare their templates or render
        if cancelled or time.monotonic() - started > 1.0:
            cancelled.append(time.monotonic())
            raise Stop

    with pytest.raises(Stop):
        run_batch(BatchRun(database, "admin", SENT_ON, BatchFilter(), out, workers=2, check=check))
    assert time.monotonic() - cancelled[0] < 1.0
    assert not out.exists() and list(tmp_path.glob(".*.partial")) == []
    with database.session() as session:
        statuses = {d.status for d in session.scalars(select(Decision))}
        assert statuses == {DecisionStatus.READY}
        assert session.scalars(select(PrintBatch.status)).all() in ([], [BatchStatus.ABANDONED])
    database.close()
