"""`letter KIND --data CASE.json`: one letter from a case in JSON, as DOCX and/or PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.errors import UsageError
from cli.json_files import read_json
from correspondence import logbook
from correspondence.letters.produce import LetterProducer
from correspondence.letters.reference_data import letter_reference
from correspondence.letters.saving import FileProblem, save_all
from correspondence.rules.case_data import parse_case
from correspondence.rules.kinds import LetterKind
from correspondence.workflows.unit_of_work import Database

log = logbook.logger(__name__)


def run(database: Database, args: argparse.Namespace) -> int:
    if args.docx is None and args.pdf is None:
        raise UsageError("geef --docx en/of --pdf: waar moet de brief komen?")
    if args.docx and args.pdf and args.docx.resolve() == args.pdf.resolve():
        raise UsageError("--docx en --pdf wijzen naar hetzelfde bestand")
    case = parse_case(read_json(args.data))
    with database.engine.connect() as connection:
        reference = letter_reference(connection, case.municipality)
    letter = LetterProducer().produce(
        LetterKind(args.kind), case, reference, docx=args.docx is not None, proofreading=True
    )
    outputs = [
        (path, content)
        for path, content in ((args.docx, letter.docx), (args.pdf, letter.pdf))
        if path and content is not None
    ]
    write_all(outputs)
    if letter.proof:  # after the files: a refusal stays one line
        print(
            f"poortpost: let op: proefbrief: {letter.proof}; elke pagina draagt PROEF en de "
            "brief mag niet worden verstuurd",
            file=sys.stderr,
        )
    written = [name for name, path in (("docx", args.docx), ("pdf", args.pdf)) if path]
    log.info("%s: %s written", args.kind, " and ".join(written))
    return 0


def write_all(outputs: list[tuple[Path, bytes]]) -> None:
    """Write every file or none, each readable by its owner only; no temporary file stays."""
    try:
        save_all(outputs)
    except FileProblem as exc:
        raise UsageError(str(exc)) from None
