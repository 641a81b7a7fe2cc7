"""The log file's handler and formatter: every file its owner's only, no message in a
traceback."""

import logging
import os
import stat

from correspondence.logbook import PrivateRotatingFile, without_messages


def test_every_rotated_log_file_is_its_owners_only(tmp_path):
    previous = os.umask(0o022)
    handler = PrivateRotatingFile(tmp_path / "p.log", maxBytes=200, backupCount=2)
    try:
        for number in range(30):
            handler.emit(logging.makeLogRecord({"msg": f"line {number} " + "x" * 40}))
    finally:
        handler.close()
        os.umask(previous)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["p.log", "p.log.1", "p.log.2"]
    assert {stat.S_IMODE((tmp_path / name).stat().st_mode) for name in files} == {0o600}


def test_a_traceback_keeps_where_and_what_but_not_the_message():
    bsn, address = "900000600", "Jansen, Kerkstraat 1"  # the source lines name them, not say them
    try:
        try:
            {}[bsn]
        except KeyError as exc:
            raise ValueError(address) from exc
    except ValueError as exc:
        text = without_messages(exc)
    assert text.count("Traceback (most recent call last):") == 2
    assert text.index("KeyError (message left out)") < text.index("ValueError (message left out)")
    assert "test_logbook.py" in text
    assert bsn not in text and "Jansen" not in text


def test_a_refusal_is_one_line_with_its_kind_and_fields_never_its_message(caplog):
    from correspondence.logbook import logger, refused
    from correspondence.rules.errors import ValidationFailed, WorkflowError

    log = logger("test")
    with caplog.at_level(logging.INFO, logger=log.name):
        refused(log, ValidationFailed({"bsn": "900000600 klopt niet", "surname": "Jansen"}))
        refused(log, WorkflowError("de klant Jansen heeft geen open dossier"))
    assert caplog.messages == ["refused: ValidationFailed (bsn, surname)", "refused: WorkflowError"]
