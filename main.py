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
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from correspondence.batch.queue import BatchFilter, Queue, build_queue, check_print_date
from correspondence.batch.run import BatchResult, BatchRun, run_batch
from correspondence.letters.produce import LetterProducer
from correspondence.letters.reference_data import letter_reference
from correspondence.records import reference
from correspondence.records.lookup import open_case_of
from correspondence.rules import deadlines
from correspondence.rules.case_data import CaseData, parse_case
from correspondence.rules.dates import DateKind, DateRefused, parse_day, parse_moment
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.rules.formatting import LOCAL_ZONE, count_noun
from correspondence.rules.identifiers import InvalidIdentifier, normalise_bsn
from correspondence.rules.kinds import LetterKind
from correspondence.workflows import audit
from correspondence.workflows.actors import acting_employee, os_username
from correspondence.workflows.decisions import decision_to_explain, log_explanation
from correspondence.workflows.importing import import_cases, parse_cases
from store.database import (
    Database,
    DatabaseUnavailable,
    database_error_message,
    is_database_error,
)
from store.files import FileProblem, write_all_private
from store.vocabulary import Channel

USAGE_ERROR = 2

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


def iso_date(text: str, kind: DateKind = DateKind.ANY) -> date:
    try:
        return parse_day(text, date.today(), kind)
    except DateRefused as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def sending_date(text: str) -> date:
    return iso_date(text, DateKind.SENDING)


def iso_moment(text: str) -> datetime:
    try:
        return parse_moment(text, date.today())
    except DateRefused as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


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
    importing = commands.add_parser("import", help="lees zaken in uit een JSON-lijst")
    importing.add_argument("cases", type=Path, metavar="ZAKEN.json")
    explain = commands.add_parser("explain", help="leg een gesprek vast over een besluit vooraf")
    explain.add_argument("bsn")
    explain.add_argument("--channel", required=True, choices=["phone", "in_person"])
    explain.add_argument("--reached", required=True, choices=["yes", "no"])
    explain.add_argument("--note", required=True, metavar="TEKST")
    explain.add_argument(
        "--decision",
        metavar="SOORT|NUMMER",
        help="over welk besluit (nodig als er meer dan één op uitleg wacht)",
    )
    explain.add_argument(
        "--at", type=iso_moment, metavar="TIJDSTIP", help="JJJJ-MM-DDTuu:mm (standaard: nu)"
    )
    batch = commands.add_parser("batch-print", help="druk de gereed staande besluiten af")
    batch.add_argument("--out", required=True, type=Path, metavar="BESTAND.pdf")
    batch.add_argument(
        "--date", type=sending_date, metavar="JJJJ-MM-DD", help="verzenddatum (standaard: vandaag)"
    )
    batch.add_argument("--municipality", metavar="GEMEENTE")
    batch.add_argument("--dry-run", action="store_true", help="zeg alleen wat er zou gebeuren")
    batch.add_argument("--json", action="store_true", help="uitvoer als één JSON-object")
    return parser


def run_deadline(database: Database, args: argparse.Namespace) -> int:
    with database.session() as session:
        calendar = reference.atw_calendar(session)
    print(DEADLINES[args.kind](args.day, calendar).isoformat())
    return 0


def run_demo(database: Database, args: argparse.Namespace) -> int:
    from correspondence.workflows.demo import already_loaded, load_demo

    with database.session() as session, session.begin():
        if already_loaded(session):
            print("De demogegevens staan al in deze database.")
            return 0
        actor = acting_employee(session, args.username)
        count = load_demo(session, actor, date.today())
    print(f"Demogegevens geladen: {count_noun(count, 'klant', 'klanten')}.")
    return 0


def read_case_file(path: Path) -> CaseData:
    return parse_case(read_json(path))


def run_letter(database: Database, args: argparse.Namespace) -> int:
    if args.docx is None and args.pdf is None:
        raise UsageError("geef --docx en/of --pdf: waar moet de brief komen?")
    if args.docx and args.pdf and args.docx.resolve() == args.pdf.resolve():
        raise UsageError("--docx en --pdf wijzen naar hetzelfde bestand")
    case = read_case_file(args.data)
    with database.session() as session:
        reference = letter_reference(session, case.municipality)
    letter = LetterProducer().produce(
        LetterKind(args.kind), case, reference, docx=args.docx is not None
    )
    outputs = [
        (path, content)
        for path, content in ((args.docx, letter.docx), (args.pdf, letter.pdf))
        if path
    ]
    write_all(outputs)
    return 0


def write_all(outputs: list[tuple[Path, bytes]]) -> None:
    """Write every file or none, each readable by its owner only; no temporary file stays."""
    try:
        write_all_private(outputs)
    except FileProblem as exc:
        raise UsageError(str(exc)) from None


# the json module's complaints, by how they start
JSON_PROBLEMS = {
    "Expecting value": "waarde verwacht",
    "Expecting property name": "naam tussen dubbele aanhalingstekens verwacht",
    "Expecting ',' delimiter": "komma verwacht",
    "Expecting ':' delimiter": "dubbele punt verwacht",
    "Extra data": "tekst na het einde van de JSON",
    "Unterminated string": "tekst zonder afsluitend aanhalingsteken",
    "Invalid control character": "stuurteken in een tekst",
    "Invalid \\escape": "ongeldige \\-code in een tekst",
    "Invalid \\uXXXX escape": "ongeldige \\u-code in een tekst",
}


def read_json(path: Path) -> Any:
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"bestand {path} bestaat niet") from None
    except UnicodeDecodeError:
        raise UsageError(f"bestand {path} is niet te lezen: het is geen UTF-8-tekst") from None
    except OSError:
        raise UsageError(f"bestand {path} is niet te lezen (een map of geen toegang?)") from None
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        problem = next((d for e, d in JSON_PROBLEMS.items() if exc.msg.startswith(e)), exc.msg)
        raise UsageError(f"ongeldige JSON in {path}, regel {exc.lineno}: {problem}") from None
    except NotANumber as exc:
        raise UsageError(f"ongeldige JSON in {path}: {exc}") from None
    except ValueError:  # an integer of thousands of digits
        raise UsageError(f"ongeldige JSON in {path}: een getal is te lang") from None
    except RecursionError:
        raise UsageError(f"ongeldige JSON in {path}: te diep genest") from None


class NotANumber(ValueError):
    pass


def _no_constant(name: str) -> NoReturn:
    raise NotANumber(f"{name} is geen getal")


def run_import(database: Database, args: argparse.Namespace) -> int:
    items = parse_cases(read_json(args.cases), date.today())
    with database.session() as session, session.begin():
        count = import_cases(session, acting_employee(session, args.username), items, date.today())
    print(f"{count_noun(count, 'zaak', 'zaken')} ingelezen.")
    return 0


def run_explain(database: Database, args: argparse.Namespace) -> int:
    try:
        bsn = normalise_bsn(args.bsn)
    except InvalidIdentifier as exc:
        raise UsageError(f"BSN: {exc}") from None
    with database.session() as session, session.begin():
        actor = acting_employee(session, args.username)
        decision = decision_to_explain(session, open_case_of(session, bsn), args.decision)
        entry = log_explanation(
            session,
            actor,
            decision.id,
            args.at or audit.now(),
            Channel(args.channel),
            args.reached == "yes",
            args.note,
        )
        when = entry.at.astimezone(LOCAL_ZONE).strftime("%d-%m-%Y %H:%M")
    print(f"Gesprek vastgelegd ({when}, {'bereikt' if args.reached == 'yes' else 'niet bereikt'}).")
    return 0


def run_batch_print(database: Database, args: argparse.Namespace) -> int:
    sent_on = args.date or date.today()
    with database.session() as session:
        town = (
            None
            if args.municipality is None
            else reference.municipality_code(session, args.municipality)
        )
        warning = check_print_date(sent_on, date.today(), session)
    filters = BatchFilter(municipality=town)
    if warning and not confirm(f"{warning}. Toch deze verzenddatum gebruiken?"):
        raise UsageError(f"{warning}; kies een werkdag")
    if args.dry_run:
        with database.session() as session:
            queue = build_queue(session, filters, sent_on)
        report = dry_run_report(queue, sent_on, database)
    else:
        result = run_batch(BatchRun(database, args.username, sent_on, filters, args.out))
        report = batch_report(result)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(describe_report(report, args.out, args.dry_run))
    return 0


def confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(f"{question} [j/N] ")
    return answer.strip().lower() in ("j", "ja")


def dry_run_report(queue: Queue, sent_on: date, database: Database) -> dict[str, Any]:
    with database.session() as session:
        deadline = deadlines.objection_deadline(sent_on, reference.atw_calendar(session))
    return {
        "printed": [
            {
                "bsn": e.bsn,
                "kind": e.kind.value,
                "first_page": None,
                "pages": None,
                "sent_on": sent_on.isoformat(),
                "objection_deadline": deadline.isoformat(),
            }
            for e in queue.ready
        ],
        "held_back": [
            {"bsn": h.bsn, "kind": h.kind.value, "reason": h.reason} for h in queue.held_back
        ],
        "pages": 0,
    }


def batch_report(result: BatchResult) -> dict[str, Any]:
    return {
        "printed": [
            {
                "bsn": p.bsn,
                "kind": p.kind.value,
                "first_page": p.first_page,
                "pages": p.pages,
                "sent_on": p.sent_on.isoformat(),
                "objection_deadline": p.objection_deadline.isoformat(),
            }
            for p in result.printed
        ],
        "held_back": [
            {"bsn": h.bsn, "kind": h.kind.value, "reason": h.reason} for h in result.held_back
        ],
        "pages": result.pages,
    }


def describe_report(report: dict[str, Any], out: Path, dry_run: bool) -> str:
    printed, held = report["printed"], report["held_back"]
    decisions = count_noun(len(printed), "besluit", "besluiten")
    if dry_run:
        lines = [f"Zou afdrukken: {decisions}."]
    elif printed:
        pages = count_noun(report["pages"], "pagina", "pagina's")
        lines = [f"Afgedrukt: {decisions}, {pages} in {out}."]
    else:
        lines = ["Geen besluiten gereed; er is geen bestand gemaakt."]
    lines += [f"Tegengehouden: BSN {h['bsn']} ({h['kind']}): {h['reason']}" for h in held]
    return "\n".join(lines)


def run_gui(args: argparse.Namespace) -> int:
    from ui.app import run

    return run(args.db, args.username)


COMMANDS = {
    "deadline": run_deadline,
    "demo": run_demo,
    "letter": run_letter,
    "import": run_import,
    "explain": run_explain,
    "batch-print": run_batch_print,
}


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
        return complain(str(exc))
    except ValidationFailed as exc:
        return complain("; ".join(f"veld {name}: {text}" for name, text in exc.errors.items()))
    except (WorkflowError, DatabaseUnavailable, FileProblem) as exc:
        return complain(str(exc))
    except Exception as exc:
        if not is_database_error(exc):
            raise
        return complain(database_error_message(exc))  # never the statement or its values


def complain(message: str) -> int:
    """Print `message` as one line on stderr, whatever input it quotes; the usage error."""
    line = "".join(c if c.isprintable() else " " for c in message)
    print(f"poortpost: {line}", file=sys.stderr)
    return USAGE_ERROR


if __name__ == "__main__":
    sys.exit(main())
