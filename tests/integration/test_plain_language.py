"""B1 Dutch in every letter: rendered from its example and from variants that reach the other
branches of the templates, read back from the DOCX, no sentence is longer than 20 words and
no word a B1 reader does not know stands unexplained."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest

from correspondence.letters.produce import LetterProducer, ProducedLetter, example_case
from correspondence.rules.kinds import LetterKind
from correspondence.rules.legal_channels import DigitalChannel
from tests.support.letters import docx_paragraphs, verified_references

MAX_WORDS = 20

# Words a B1 reader does not know. Each must be explained in a letter that uses it, once, in
# the sentence where it stands or the one before or after it: in brackets, or with "dat is",
# "dat heet", "dat betekent", "dat wil zeggen" or "<term> is". The list holds the terms of
# bijstand letters that the government's B1 word lists mark as difficult; a new term joins it
# when a text starts to use it.
EXPLAIN = (
    "kostendelersnorm",
    "beslagvrije voet",
    "voorlopige voorziening",
    "voorzieningenrechter",
    "machtiging",
    "gemachtigde",
    "verrekenen",
    "griffierecht",
    "terugvorderingsbesluit",
    "terugvorderen",
    "bijstandsnorm",
    "zoektermijn",
)
EXPLAINED_BY = r"\(|\bdat (?:is|heet|betekent|wil zeggen)\b"


# Officialese with a plain word to use instead: it never appears in a letter.
BANNED = {
    "derhalve": "daarom",
    "conform": "volgens",
    "ingevolge": "volgens",
    "krachtens": "volgens",
    "middels": "met",
    "teneinde": "om",
    "alsmede": "en",
    "omtrent": "over",
    "inzake": "over",
    "reeds": "al",
    "dient u": "u moet",
    "indien": "als",
    "doch": "maar",
    "onderhavig": "dit",
    "bovengenoemd": "noem het opnieuw",
    "voornoemd": "noem het opnieuw",
    "ten behoeve van": "voor",
    "c.q.": "of",
    "d.d.": "van",
    "beschikking": "besluit",
}

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
# what a reader takes in as one word: a date, an amount, a postcode, a time
ONE_WORD = [
    re.compile(rf"\b(?:(?:{DAYS}) )?\d{{1,2}} (?:{MONTHS}) \d{{4}}\b"),
    re.compile(r"€\s?\d{1,3}(?:\.\d{3})*(?:,\d{2})?"),
    re.compile(r"\b[1-9]\d{3} [A-Z]{2}\b"),
    re.compile(r"\b\d{1,2}[:.]\d{2} uur\b"),
]
# a full stop that ends no sentence: after an abbreviation or an initial (J. de Vries, Ł.)
ABBREVIATION = re.compile(
    r"\b(?:art|nr|bijv|o\.a|i\.v\.m|t\.a\.v|z\.o\.z|enz|e\.d|jl|mr|dhr|mevr)\.|(?<!\w)[^\W\d_]\.",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(paragraph: str, kenmerk: str) -> list[str]:
    """The sentences of one paragraph, in the reader's units: a list item, a table cell or a
    heading is a sentence of its own; a date, an amount or the kenmerk is one word."""
    text = paragraph.replace(kenmerk, "KENMERK").replace("\u00a0", " ")
    for pattern in ONE_WORD:
        text = pattern.sub(lambda m: m.group(0).replace(" ", "_").replace(".", "_"), text)
    text = ABBREVIATION.sub(lambda m: m.group(0).replace(".", "_"), text)
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def word_count(sentence: str) -> int:
    return sum(1 for token in sentence.split() if re.search(r"\w", token))


def variants(producer: LetterProducer, references) -> Iterator[tuple[str, ProducedLetter]]:
    """Every kind from its example, and the variants that reach the templates' other branches:
    a municipality with a digital objection channel, an application already received (the legal
    advance with its dates), a last day the Atw moved, a call that did not reach the client."""
    channel = DigitalChannel("https://loket.example.nl/bezwaar")
    for kind in LetterKind:
        case = example_case(kind)
        reference = references[case.municipality]
        yield f"{kind.value} (voorbeeld)", producer.produce(kind, case, reference)
        digital = replace(reference, digital_objection=channel)
        received = replace(case, application_received_on=date(2026, 11, 12))
        yield (
            f"{kind.value} (digitaal, aanvraag ontvangen)",
            producer.produce(kind, received, digital),
        )
        if kind is LetterKind.GRANT and case.decision is not None:
            # sent Friday 13 November 2026: six weeks end on Christmas Day
            sent = date(2026, 11, 13)
            moved = replace(case.decision, decided_on=sent - timedelta(days=1), sent_on=sent)
            yield (
                f"{kind.value} (termijn verschoven)",
                producer.produce(kind, replace(case, decision=moved), reference),
            )
        if case.decision is not None and case.decision.explained is not None:
            first = replace(case.decision.explained, reached=False, id=1)
            second = replace(first, id=2, at=first.at - timedelta(days=1))
            tried = replace(
                case, decision=replace(case.decision, explained=None, attempts=(first, second))
            )
            allowing = replace(reference, policy=replace(reference.policy, two_attempts=True))
            yield f"{kind.value} (niet bereikt)", producer.produce(kind, tried, allowing)


@pytest.fixture(scope="module")
def letters() -> list[tuple[str, ProducedLetter]]:
    return list(variants(LetterProducer(), verified_references()))


@pytest.fixture(scope="module")
def texts(letters) -> list[tuple[str, list[str], list[str]]]:
    """Each letter's name, paragraphs and sentences, read back from its DOCX."""
    found = []
    for name, letter in letters:
        assert letter.docx is not None
        kenmerk = json.loads(letter.data)["brief"]["kenmerk"]
        paragraphs = docx_paragraphs(letter.docx)
        found.append((name, paragraphs, [s for p in paragraphs for s in sentences(p, kenmerk)]))
    return found


def test_every_kind_and_branch_is_measured(letters):
    names = {name.split(" ")[0] for name, _ in letters}
    assert names == {kind.value for kind in LetterKind}
    assert len(letters) > 2 * len(LetterKind)


def test_no_sentence_is_longer_than_twenty_words(texts):
    too_long = [
        f"{name}: {count} woorden: {sentence}"
        for name, _paragraphs, flow in texts
        for sentence in flow
        if (count := word_count(sentence)) > MAX_WORDS
    ]
    assert not too_long, "\n".join(dict.fromkeys(too_long))


def test_difficult_words_are_explained_where_they_are_used(texts):
    unexplained = []
    for name, _paragraphs, flow in texts:
        for term in EXPLAIN:
            uses = [i for i, s in enumerate(flow) if term in s.lower()]
            explained = re.compile(rf"{EXPLAINED_BY}|\b{term} is\b", re.IGNORECASE)
            nearby = [" ".join(flow[max(i - 1, 0) : i + 2]) for i in uses]
            if uses and not any(explained.search(text) for text in nearby):
                unexplained.append(f"{name}: '{term}' zonder uitleg: {flow[uses[0]]}")
    assert not unexplained, "\n".join(dict.fromkeys(unexplained))


def test_no_officialese(texts):
    found = [
        f"{name}: '{word}' (schrijf '{plain}'): {paragraph}"
        for name, paragraphs, _flow in texts
        for paragraph in paragraphs
        for word, plain in BANNED.items()
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", paragraph, re.IGNORECASE)
    ]
    assert not found, "\n".join(dict.fromkeys(found))


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Wij hebben J. de Vries op maandag 30 november 2026 gebeld. Hij was thuis.", [8, 3]),
        ("U krijgt € 1.234,56 per maand, zie art. 21 van de wet.", [11]),
        ("Het gesprek is om 10.30 uur op het Werkplein.", [8]),
        ("Stuur het naar Postbus 511, 2003 PB  HAARLEM.", [7]),
        ("Noem ons kenmerk ZTM/2026 00012 in uw brief.", [7]),
    ],
)
def test_the_count_minds_abbreviations_dates_amounts_times_and_the_kenmerk(paragraph, expected):
    assert [word_count(s) for s in sentences(paragraph, "ZTM/2026 00012")] == expected
