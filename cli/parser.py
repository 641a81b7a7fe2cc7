"""The Dutch command line: its options, its commands and their arguments."""

from __future__ import annotations

import argparse
import getpass
import re
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn

from cli.errors import UsageError
from correspondence.rules import deadlines
from correspondence.rules.dates import DateKind, DateRefused, parse_day, parse_moment
from correspondence.rules.kinds import LetterKind
from correspondence.rules.municipality_data import FIELDS_BY_NAME
from correspondence.rules.vocabulary import Role


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


def os_username() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


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
    deadline.add_argument("kind", choices=sorted(deadlines.TERMS), help="welke termijn")
    deadline.add_argument(
        "day",
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help=(
            "verzenddatum (objection), ontvangst van de aanvraag (decision) of datum van de "
            "melding (advance: het eigen aanbod op verzoek, 4 weken na de melding)"
        ),
    )
    deadline.add_argument(
        "--from-application",
        action="store_true",
        help=(
            "alleen bij advance: de datum is de ontvangst van de aanvraag; geeft de laatste "
            "dag van het eerste wettelijke voorschot (artikel 52 Participatiewet)"
        ),
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
    user = commands.add_parser("user", help="de medewerkers en hun rollen")
    actions = user.add_subparsers(dest="action", metavar="actie", parser_class=DutchParser)
    actions.required = True
    listing = actions.add_parser("list", help="toon de medewerkers")
    listing.add_argument("--json", action="store_true", help="uitvoer als JSON-lijst")
    add = actions.add_parser("add", help="voeg een medewerker toe (alleen beheer)")
    add.add_argument("new_username", metavar="GEBRUIKERSNAAM")
    add.add_argument("--name", required=True, metavar="NAAM", help="de naam zoals in brieven")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--email", default="", metavar="E-MAIL")
    add.add_argument("--phone", default="", metavar="TELEFOON")
    add.add_argument("--initials", default="", metavar="INITIALEN", help="voor in brieven")
    norms = commands.add_parser("norms", help="de normtabellen van de bijstand")
    norm_actions = norms.add_subparsers(dest="action", metavar="actie", parser_class=DutchParser)
    norm_actions.required = True
    norm_list = norm_actions.add_parser("list", help="toon de normtabellen")
    norm_list.add_argument("--json", action="store_true", help="uitvoer als JSON-lijst")
    norm_import = norm_actions.add_parser(
        "import", help="lees een normtabel in uit een CSV-bestand (alleen beheer)"
    )
    norm_import.add_argument("file", type=Path, metavar="BESTAND.csv")
    norm_import.add_argument(
        "--from",
        dest="effective_from",
        required=True,
        type=iso_date,
        metavar="JJJJ-MM-DD",
        help="de dag waarop de tabel ingaat",
    )
    norm_import.add_argument(
        "--source", required=True, metavar="TEKST", help="waar de bedragen vandaan komen"
    )
    norm_verify = norm_actions.add_parser(
        "verify", help="verklaar een normtabel gecontroleerd (alleen beheer)"
    )
    norm_verify.add_argument("table_id", type=table_number, metavar="NUMMER")
    municipality = commands.add_parser("municipality", help="de gegevens van de gemeenten")
    town_actions = municipality.add_subparsers(
        dest="action", metavar="actie", parser_class=DutchParser
    )
    town_actions.required = True
    town_list = town_actions.add_parser("list", help="toon de gemeenten en hun gegevens")
    town_list.add_argument("--json", action="store_true", help="uitvoer als JSON-lijst")
    town_set = town_actions.add_parser(
        "set", help="wijzig een gegeven van een gemeente (alleen beheer)"
    )
    town_set.add_argument("municipality", metavar="GEMEENTE", help="code of naam")
    town_set.add_argument("field", choices=list(FIELDS_BY_NAME), metavar="GEGEVEN")
    town_set.add_argument("value", metavar="WAARDE", help="leeg ('') om het weg te halen")
    town_verify = town_actions.add_parser(
        "verify", help="verklaar de gegevens van een gemeente gecontroleerd (alleen beheer)"
    )
    town_verify.add_argument("municipality", metavar="GEMEENTE", help="code of naam")
    return parser


def table_number(text: str) -> int:
    if not text.isascii() or not text.isdigit() or len(text) > 9:
        raise argparse.ArgumentTypeError(f"{text!r} is geen nummer van een normtabel")
    return int(text)
