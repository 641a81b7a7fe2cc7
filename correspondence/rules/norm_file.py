"""A norm table as beheer imports it: a CSV file, one line per household and age band.

The format (documented in README.md):

    leefvorm;leeftijd;bedrag
    alleenstaande;18-20;353,04
    alleenstaande;21-aow;1.430,28
    ...

Semicolons separate the columns (as a Dutch spreadsheet saves CSV, so that the comma can be the
decimal comma). `leefvorm` is `alleenstaande`, `alleenstaande ouder` or `gehuwden`; `leeftijd`
is `18-20`, `21-aow` or `aow`; `bedrag` is the net norm per month including holiday allowance,
written the Dutch way (1.430,28; € allowed). Every one of the nine combinations appears exactly
once; empty lines are skipped. A file with any fault is refused whole, naming every line at
fault.

The table of 1 January also carries the asset limits of Participatiewet art. 34 lid 3 (the
same publication): a line per household with `vermogensgrens` as its age,
`alleenstaande;vermogensgrens;7.770,00`. They are verified with the table. All three or none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from correspondence.rules.errors import WorkflowError
from correspondence.rules.money import Cents, parse_euros
from correspondence.rules.text import TextRefused, letter_text, shown
from store.vocabulary import AgeBand, Household

MAX_FILE_BYTES = 100_000  # nine lines; anything far bigger is the wrong file

HEADER = ("leefvorm", "leeftijd", "bedrag")
HOUSEHOLD_NAMES = {
    "alleenstaande": Household.SINGLE,
    "alleenstaande ouder": Household.SINGLE_PARENT,
    "gehuwden": Household.COUPLE,
}
AGE_NAMES = {band.value: band for band in AgeBand}
ASSET_LIMIT = "vermogensgrens"
SOURCE_LIMIT = 500
MAX_PROBLEMS = 5


# what a problem is about, so that a form can show it under its own field
FILE, EFFECTIVE_FROM, SOURCE = "file", "effective_from", "source"


class NormFileRefused(WorkflowError):
    """A norm table that is not imported; the message names every fault, in Dutch. `fields`
    holds the same problems by what they are about: FILE, EFFECTIVE_FROM or SOURCE."""

    def __init__(self, problems: list[str], fields: dict[str, list[str]] | None = None) -> None:
        self.problems = problems
        self.fields = fields if fields is not None else {FILE: problems}
        shown_problems = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown_problems)
        tail = f" (en nog {more})" if more else ""
        super().__init__(
            "normtabel niet ingelezen, er is niets opgeslagen: " + "; ".join(shown_problems) + tail
        )


@dataclass(frozen=True)
class NormFile:
    amounts: dict[tuple[Household, AgeBand], Cents]
    asset_limits: dict[Household, Cents]  # empty when the file names none


def parse_norm_csv(text: str) -> NormFile:
    """The nine amounts of the file and its asset limits, or NormFileRefused naming every line
    at fault."""
    problems: list[str] = []
    amounts: dict[tuple[Household, AgeBand], Cents] = {}
    limits: dict[Household, Cents] = {}
    rows = [
        (number, row)
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=";"), start=1)
        if any(cell.strip() for cell in row)
    ]
    if not rows:
        raise NormFileRefused(["het bestand is leeg"])
    first_number, first = rows[0]
    if tuple(cell.strip().lower() for cell in first) != HEADER:
        raise NormFileRefused([f"regel {first_number}: de kopregel moet '{';'.join(HEADER)}' zijn"])
    for number, row in rows[1:]:
        if len(row) != len(HEADER):
            problems.append(f"regel {number}: drie kolommen verwacht, gescheiden door ;")
            continue
        household_text, band_text, amount_text = (cell.strip() for cell in row)
        household = HOUSEHOLD_NAMES.get(" ".join(household_text.lower().split()))
        is_limit = band_text.lower().replace(" ", "") == ASSET_LIMIT
        band = AGE_NAMES.get(band_text.lower().replace(" ", ""))
        if household is None:
            problems.append(
                f"regel {number}: onbekende leefvorm {shown(household_text)}; "
                f"kies uit: {', '.join(HOUSEHOLD_NAMES)}"
            )
        if band is None and not is_limit:
            problems.append(
                f"regel {number}: onbekende leeftijd {shown(band_text)}; "
                f"kies uit: {', '.join([*AGE_NAMES, ASSET_LIMIT])}"
            )
        try:
            amount = parse_euros(amount_text)
        except ValueError as exc:
            problems.append(f"regel {number}: {exc}")
            continue
        if amount <= 0:
            problems.append(f"regel {number}: het bedrag is nul")
            continue
        if household is not None and is_limit:
            if household in limits:
                problems.append(
                    f"regel {number}: {household_text} {band_text} staat er twee keer in"
                )
            limits[household] = amount
            continue
        if household is None or band is None:
            continue
        if (household, band) in amounts:
            problems.append(f"regel {number}: {household_text} {band_text} staat er twee keer in")
            continue
        amounts[(household, band)] = amount
    missing = [
        f"{name} {band.value}"
        for name, household in HOUSEHOLD_NAMES.items()
        for band in AgeBand
        if (household, band) not in amounts
    ]
    if missing and not problems:
        problems.append(f"er ontbreekt een bedrag voor: {', '.join(missing)}")
    if limits and len(limits) < len(HOUSEHOLD_NAMES) and not problems:
        absent = [name for name, household in HOUSEHOLD_NAMES.items() if household not in limits]
        problems.append(f"er ontbreekt een vermogensgrens voor: {', '.join(absent)}")
    if problems:
        raise NormFileRefused(problems)
    return NormFile(amounts, limits)


def check_norm_table(
    effective_from: date, source: str, amounts: Mapping[tuple[Household, AgeBand], Cents]
) -> str:
    """The source text as stored, or NormFileRefused: a table starts on the first of a month,
    names where its amounts come from, and a single person never gets more than a couple."""
    fields: dict[str, list[str]] = {}
    if effective_from.day != 1:
        fields.setdefault(EFFECTIVE_FROM, []).append(
            "een normtabel gaat in op de eerste van een maand (meestal 1 januari of 1 juli)"
        )
    try:
        cleaned = letter_text(source, SOURCE_LIMIT)
    except TextRefused as exc:
        fields.setdefault(SOURCE, []).append(f"bron {exc}")
        cleaned = ""
    else:
        if not cleaned:
            fields.setdefault(SOURCE, []).append(
                "geef de bron (bijvoorbeeld de Staatscourant van de publicatie)"
            )
    for band in AgeBand:
        couple = amounts.get((Household.COUPLE, band))
        for household in (Household.SINGLE, Household.SINGLE_PARENT):
            single = amounts.get((household, band))
            if single is not None and couple is not None and single > couple:
                name = next(k for k, v in HOUSEHOLD_NAMES.items() if v is household)
                fields.setdefault(FILE, []).append(
                    f"{name} {band.value} is hoger dan gehuwden {band.value}"
                )
    if fields:
        raise NormFileRefused([p for problems in fields.values() for p in problems], fields)
    return cleaned
