"""A batch's lease and its render processes: a stale batch is cleaned up without crashing the
run after it, a live batch is never taken as stale, and no render process outlives its batch."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from correspondence.batch import lease
from correspondence.batch.queue import BatchFilter
from correspondence.batch.run import BatchRun, run_batch
from correspondence.workflows import audit, print_batches
from correspondence.workflows.fictional_cases import cases
from correspondence.workflows.print_batches import BatchConflict
from store.models import Decision, Employee, PrintBatch, StoredLetter
from store.vocabulary import BatchStatus, DecisionStatus
from tests.support.batch import SENT_ON, TODAY, batch_print_command, imported, running_batch


def group_gone(pgid: int, within: float) -> bool:
    """Whether every process of the group has ended within `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_a_batch_after_a_stale_one_prints_300_letters_in_render_processes(tmp_path):
    """Cleaning up a stale batch first used to crash the printing process (exit 139) on SQLite
    whenever render processes ran beside it."""
    url = f"sqlite:///{tmp_path / 'stale.sqlite3'}"
    database = imported(url, cases(300, TODAY))
    with database.session() as session:
        some = session.scalars(select(Decision.id).limit(3)).all()
    stale = running_batch(database, lease=-timedelta(days=1), letters_of=some)
    out = tmp_path / "b.pdf"
    command = batch_print_command(url, out)
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    stdout, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr
    assert "Afgedrukt: 300 besluiten" in stdout
    assert group_gone(process.pid, within=10), "a render process outlived its batch"
    with database.session() as session:
        assert session.get(PrintBatch, stale).status is BatchStatus.ABANDONED
        assert not session.scalars(select(StoredLetter).where(StoredLetter.batch_id == stale)).all()
        statuses = session.scalars(select(Decision.status)).all()
        assert set(statuses) == {DecisionStatus.SENT} and len(statuses) == 300
    database.close()


def test_render_processes_end_when_the_printing_process_is_killed(tmp_path):
    url = f"sqlite:///{tmp_path / 'kill.sqlite3'}"
    database = imported(url, cases(120, TODAY))
    command = batch_print_command(url, tmp_path / "b.pdf")
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # until letters are being rendered
            with database.session() as session:
                if session.scalar(select(func.count()).select_from(PrintBatch)):
                    break
            time.sleep(0.05)
        else:
            pytest.fail("the batch never started")
        process.kill()  # the printing process alone, as a crash would
        process.wait()
        assert group_gone(process.pid, within=30), "render processes outlived a killed batch"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    with database.session() as session:
        assert set(session.scalars(select(Decision.status))) == {DecisionStatus.READY}
    database.close()


def test_a_live_batch_is_never_taken_as_stale(sqlite_url, tmp_path):
    database = imported(sqlite_url, cases(4, TODAY))
    with database.session() as session:
        first, second = session.scalars(select(Decision.id).limit(2)).all()
    live = running_batch(database, lease=timedelta(minutes=4), letters_of=[first])
    stale = running_batch(database, lease=-timedelta(seconds=1), letters_of=[second])
    run_batch(BatchRun(database, "admin", SENT_ON, BatchFilter(), tmp_path / "b.pdf", workers=1))
    with database.session() as session:
        assert session.get(PrintBatch, live).status is BatchStatus.RUNNING
        assert session.get(PrintBatch, stale).status is BatchStatus.ABANDONED
        letters = {
            batch: session.scalar(
                select(func.count()).select_from(StoredLetter).where(StoredLetter.batch_id == batch)
            )
            for batch in (live, stale)
        }
    assert letters == {live: 1, stale: 0}  # an abandoned batch's letters go with it
    database.close()


def test_a_batch_renews_its_lease_while_it_renders(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.setattr(lease, "RENEW_EVERY", 0.0)
    database = imported(sqlite_url, cases(5, TODAY))
    leases = []

    def watch(_done, _total):
        with database.session() as session:
            leases.append(session.scalar(select(PrintBatch.lease_until)))

    run_batch(
        BatchRun(database, "admin", SENT_ON, BatchFilter(), tmp_path / "b.pdf", watch, workers=1)
    )
    assert len(leases) == 5
    assert leases == sorted(leases) and leases[0] < leases[-1]
    assert all(lease > audit.now() + print_batches.LEASE / 2 for lease in leases)
    database.close()


def test_a_batch_taken_as_stale_stops_and_sends_nothing(sqlite_url, tmp_path, monkeypatch):
    monkeypatch.setattr(lease, "RENEW_EVERY", 0.0)
    database = imported(sqlite_url, cases(6, TODAY))

    def lease_runs_out(done, _total):
        if done == 2:  # another administrator's run takes this one as stale
            with database.session() as session, session.begin():
                session.execute(
                    update(PrintBatch).values(lease_until=audit.now() - timedelta(seconds=1))
                )
                actor = session.scalars(select(Employee)).first()
                lease.clean_up_stale(session, actor)

    out = tmp_path / "b.pdf"
    with pytest.raises(BatchConflict, match="afgebroken"):
        run_batch(
            BatchRun(database, "admin", SENT_ON, BatchFilter(), out, lease_runs_out, workers=1)
        )
    assert not out.exists()
    with database.session() as session:
        assert set(session.scalars(select(Decision.status))) == {DecisionStatus.READY}
        assert not session.scalars(select(StoredLetter)).all()
        assert session.scalars(select(PrintBatch.status)).one() is BatchStatus.ABANDONED
    database.close()


def test_leases_are_judged_by_the_databases_clock(database, tmp_path, monkeypatch):
    """A desktop whose clock runs ten minutes fast must not take a live batch as stale."""
    imported(database.url, cases(2, TODAY)).close()
    live = running_batch(database, lease=timedelta(minutes=4))
    fast = audit.now() + timedelta(minutes=10)
    monkeypatch.setattr(audit, "now", lambda: fast)
    with database.session() as session, session.begin():
        lease.clean_up_stale(session, session.scalars(select(Employee)).first())
    with database.session() as session:
        assert session.get(PrintBatch, live).status is BatchStatus.RUNNING
