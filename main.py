"""Poortpost: the correspondence of the Poortmodel intake route.

Without a command it opens the desktop app; the commands do headless work through the same
workflows as the windows.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from correspondence import deadlines, reference
from correspondence.actors import acting_employee, os_username
from correspondence.errors import ValidationFailed, WorkflowError
from correspondence.letters.case_data import CaseData, parse_case
from correspondence.letters.kinds import LetterKind
from correspondence.letters.produce import LetterProducer
from correspondence.letters.reference_data import letter_reference
from store.database import Database, DatabaseUnavailable

USAGE_ERROR = 2
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

DEADLINES: dict[str, Callable[..., date]] = {
    "objection": lambda day, calendar: deadlines.objection_deadline(day, calendar),
    "decision": lambda day, calendar: deadlines.decision_deadline(day, calendar),
    "advance": lambda day, calendar: deadlines.advance_deadline(day, calendar),
}


class UsageError(Exception):
    """Bad input on the command line; the message is one Dutch line."""


class DutchParser(argparse.ArgumentParser):
    """argparse with its complaints in one Dutch line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(translate_argparse(message))


def translate_argparse(message: str) -> str:
    if match := re.search(r"invalid choice: '?([^' ]*)'? \(choose from (.*)\)", message):
        return f"onbekende keuze '{match[1]}'; kies uit: {match[2].replace(chr(39), '')}"
    if match := re.search(r"the following arguments are required: (.*)", message):
        return f"ontbrekend argument: {match[1]}"
    if match := re.search(r"unrecognized arguments: (.*)", message):
        return f"onbekend argument: {match[1]}"
    if match := re.search(r"argument [^:]+: (.*)", message):
        return match[1]
    return message


def iso_date(text: str) -> date:
    if not ISO_DATE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum in de vorm JJJJ-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen bestaande datum") from None


def build_parser() -> DutchParser:
    parser = DutchParser(
        prog="main.py",
        description="Poortpost: brieven van het Poortmodel. Zonder opdracht start de app.",
        add_help=True,
    )
    parser.add_argument("--db", metavar="URL", help="database-adres (standaard: SQLite-bestand)")
    parser.add_argument(
        "--as",
        dest="username",
        metavar="GEBRUIKER",
        default=os_username(),
        help="namens welke medewerker (standaard: de gebruiker van het systeem)",
    )
    commands = parser.add_subparsers(dest="command", metavar="opdracht", parser_class=DutchParser)
    deadline = commands.add_parser("deadline", help="bereken een termijn")
    deadline.add_argument("kind", choices=sorted(DEADLINES), help="welke termijn")
    deadline.add_argument(
        "day",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="verzenddatum, ontvangst van de aanvraag of datum van de melding",
    )
    commands.add_parser("demo", help="vul de database met fictieve demogegevens")
    letter = commands.add_parser("letter", help="maak een brief uit een zaak in JSON")
    letter.add_argument("kind", choices=[k.value for k in LetterKind], help="soort brief")
    letter.add_argument("--data", required=True, type=Path, metavar="ZAAK.json")
    letter.add_argument("--docx", type=Path, metavar="UIT.docx")
    letter.add_argument("--pdf", type=Path, metavar="UIT.pdf")
    return parser


def run_deadline(database: Database, args: argparse.Namespace) -> int:
    with database.session() as session:
        calendar = reference.atw_calendar(session)
    print(DEADLINES[args.kind](args.day, calendar).isoformat())
    return 0


def run_demo(database: Database, args: argparse.Namespace) -> int:
    from correspondence.demo import already_loaded, load_demo

    with database.session() as session, session.begin():
        if already_loaded(session):
            print("De demogegevens staan al in deze database.")
            return 0
        actor = acting_employee(session, args.username)
        count = load_demo(session, actor, date.today())
    print(f"Demogegevens geladen: {count} klanten.")
    return 0


def read_case_file(path: Path) -> CaseData:
    try:
        text = path.read_text("utf-8-sig")  # Notepad writes a byte-order mark
    except FileNotFoundError:
        raise UsageError(f"bestand {path} bestaat niet") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"bestand {path} is niet te lezen: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"ongeldige JSON in {path}, regel {exc.lineno}: {exc.msg}") from None
    return parse_case(data)


def run_letter(database: Database, args: argparse.Namespace) -> int:
    if args.docx is None and args.pdf is None:
        raise UsageError("geef --docx en/of --pdf: waar moet de brief komen?")
    if args.docx and args.pdf and args.docx.resolve() == args.pdf.resolve():
        raise UsageError("--docx en --pdf wijzen naar hetzelfde bestand")
    case = read_case_file(args.data)
    with database.session() as session:
        reference = letter_reference(session, case.municipality)
    letter = LetterProducer().produce(LetterKind(args.kind), case, reference)
    outputs = [
        (path, content)
        for path, content in ((args.docx, letter.docx), (args.pdf, letter.pdf))
        if path
    ]
    write_all(outputs)
    return 0


def write_all(outputs: list[tuple[Path, bytes]]) -> None:
    """Write every file or none: each goes to a temporary name first, then all are renamed."""
    written: list[Path] = []
    try:
        for path, content in outputs:
            temporary = path.with_name(f".{path.name}.tmp")
            temporary.write_bytes(content)
            written.append(temporary)
        for (path, _content), temporary in zip(outputs, written, strict=True):
            temporary.replace(path)
    except OSError as exc:
        for temporary in written:
            temporary.unlink(missing_ok=True)
        raise UsageError(f"kan niet schrijven: {exc.strerror} ({exc.filename})") from None


def run_gui(args: argparse.Namespace) -> int:
    from ui.app import run

    return run(args.db, args.username)


COMMANDS = {"deadline": run_deadline, "demo": run_demo, "letter": run_letter}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            return run_gui(args)
        database = Database.open(args.db)
        try:
            return COMMANDS[args.command](database, args)
        finally:
            database.close()
    except UsageError as exc:
        print(f"poortpost: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except ValidationFailed as exc:
        fields = "; ".join(f"veld {name}: {message}" for name, message in exc.errors.items())
        print(f"poortpost: {fields}", file=sys.stderr)
        return USAGE_ERROR
    except (WorkflowError, DatabaseUnavailable) as exc:
        print(f"poortpost: {exc}", file=sys.stderr)
        return USAGE_ERROR


if __name__ == "__main__":
    sys.exit(main())
