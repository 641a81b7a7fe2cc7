"""The batch's print file: a full disk sends nothing and leaves nothing, an odd or earlier
target is refused, and the file is its owner's only."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from datetime import timedelta

import pytest
from sqlalchemy import select

import main
from correspondence.batch import merge
from correspondence.batch.output import default_output
from correspondence.workflows.fictional_cases import case, cases
from store.files import FileProblem, copy_private
from store.models import Decision, PrintBatch
from store.vocabulary import BatchStatus, DecisionStatus
from tests.support.batch import SENT_ON, TODAY, imported, running_batch


def batch_print(url: str, out: object) -> int:
    return main.main(
        ["--db", url, "--as", "admin", "batch-print", "--out", str(out), "--date", str(SENT_ON)]
    )


def test_a_full_disk_sends_nothing_leaves_nothing_and_a_later_run_prints_all(
    sqlite_url, tmp_path, monkeypatch, capsys
):
    database = imported(sqlite_url, cases(6, TODAY))
    folder = tmp_path / "post"
    folder.mkdir()
    add_letter = merge.StreamingMerger.add_letter

    def disk_fills_up(self, pdf):
        if self.page_count > 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return add_letter(self, pdf)

    monkeypatch.setattr(merge.StreamingMerger, "add_letter", disk_fills_up)
    assert batch_print(sqlite_url, folder / "batch.pdf") == 2
    message = capsys.readouterr().err
    assert f"schijf vol bij het schrijven van {folder / 'batch.pdf'}" in message
    assert message.count("\n") == 1
    assert list(folder.iterdir()) == []  # no print file, no partial file
    with database.session() as session:
        assert session.scalars(select(PrintBatch.status)).one() is BatchStatus.ABANDONED
        assert set(session.scalars(select(Decision.status))) == {DecisionStatus.READY}
    monkeypatch.setattr(merge.StreamingMerger, "add_letter", add_letter)
    assert batch_print(sqlite_url, tmp_path / "elders.pdf") == 0
    assert "Afgedrukt: 6 besluiten" in capsys.readouterr().out
    with database.session() as session:
        assert set(session.scalars(select(Decision.status))) == {DecisionStatus.SENT}
    database.close()


@pytest.mark.parametrize("kind", ["folder", "fifo", "device link"])
def test_a_target_that_is_not_a_regular_file_is_refused(sqlite_url, tmp_path, kind, capsys):
    database = imported(sqlite_url, cases(2, TODAY))
    out = tmp_path / "batch.pdf"
    if kind == "folder":
        out.mkdir()
    elif kind == "fifo":
        os.mkfifo(out)
    else:
        out.symlink_to("/dev/null")
    assert batch_print(sqlite_url, out) == 2
    assert "geen gewoon bestand" in capsys.readouterr().err
    with database.session() as session:
        assert session.scalars(select(PrintBatch)).all() == []
        assert set(session.scalars(select(Decision.status))) == {DecisionStatus.READY}
    database.close()


def test_a_batch_never_overwrites_the_print_file_of_an_earlier_batch(sqlite_url, tmp_path, capsys):
    database = imported(sqlite_url, cases(2, TODAY))
    out = tmp_path / "batch.pdf"
    assert batch_print(sqlite_url, out) == 0
    printed = hashlib.sha256(out.read_bytes()).hexdigest()
    imported(sqlite_url, [case(7, TODAY)]).close()
    assert batch_print(sqlite_url, out) == 2
    err = capsys.readouterr().err
    assert "is het printbestand van verzendbatch 1" in err
    assert hashlib.sha256(out.read_bytes()).hexdigest() == printed
    with database.session() as session:
        ready = session.scalars(
            select(Decision).where(Decision.status == DecisionStatus.READY)
        ).all()
    assert len(ready) == 1
    database.close()


def test_print_files_and_their_folder_are_their_owners_only(sqlite_url, tmp_path):
    previous = os.umask(0o022)
    try:
        imported(sqlite_url, cases(2, TODAY)).close()
        out = tmp_path / "batch.pdf"
        assert batch_print(sqlite_url, out) == 0
        folder = default_output(SENT_ON).parent
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_saving_a_print_file_elsewhere_copies_it_whole_and_private(tmp_path, monkeypatch):
    source = tmp_path / "batch.pdf"
    source.write_bytes(b"%PDF-" + os.urandom(3 << 20))
    copy = tmp_path / "kopie.pdf"
    copy_private(source, copy)
    assert copy.read_bytes() == source.read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    real_write = os.write

    def fills_up(descriptor, data):
        if fills_up.calls:
            raise OSError(errno.ENOSPC, "No space left on device")
        fills_up.calls += 1
        return real_write(descriptor, data)

    fills_up.calls = 0
    monkeypatch.setattr(os, "write", fills_up)
    with pytest.raises(FileProblem, match="schijf vol"):
        copy_private(source, tmp_path / "vol.pdf")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.pdf", "kopie.pdf"]


def test_an_empty_municipality_is_refused_not_taken_as_all(sqlite_url, tmp_path, capsys):
    imported(sqlite_url, cases(2, TODAY)).close()
    code = main.main(
        [
            "--db",
            sqlite_url,
            "--as",
            "admin",
            "batch-print",
            "--out",
            str(tmp_path / "b.pdf"),
            "--municipality",
            "",
        ]
    )
    assert code == 2
    assert "onbekende gemeente ''" in capsys.readouterr().err
    assert not (tmp_path / "b.pdf").exists()


def test_a_stale_batch_takes_its_partial_file_with_it_also_under_the_old_name(sqlite_url, tmp_path):

    database = imported(sqlite_url, cases(2, TODAY))
    out = tmp_path / "batch.pdf"
    stale = running_batch(database, lease=-timedelta(minutes=1))
    with database.session() as session, session.begin():
        session.get(PrintBatch, stale).output = str(out)
    old = tmp_path / f".batch.pdf.{stale}.partial"
    new = tmp_path / f".batch.pdf.{stale}.0123abcd.partial"
    for partial in (old, new):
        partial.write_bytes(b"%PDF- persoonsgegevens")
    assert batch_print(sqlite_url, tmp_path / "vandaag.pdf") == 0
    assert not old.exists() and not new.exists()
    database.close()
