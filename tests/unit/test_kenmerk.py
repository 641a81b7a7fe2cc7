"""Case numbers and the kenmerk of a letter: made from the case, never from the client."""

import hashlib
import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.nl import bsn as stdnum_bsn

from correspondence.letters.context import kenmerk
from correspondence.letters.produce import example_case
from correspondence.rules.case_data import parse_case
from correspondence.rules.case_numbers import case_number, letter_kenmerk, normalise_case_number
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.identifiers import InvalidIdentifier
from correspondence.rules.kinds import KINDS, LetterKind
from tests.support.commands import example

KENMERK = re.compile(r"[A-Z]{3}-[0-9]{4}-[0-9]{6,}/[A-Z]{3}[0-9]*")


def with_elfproef(first_eight: str) -> str:
    """The BSN that starts with `first_eight`: its last digit makes the elfproef hold."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first_eight, range(9, 1, -1), strict=True)
    )
    return f"{first_eight}{total % 11}"


bsns = (
    st.integers(1_000_000, 99_999_999)
    .map(lambda n: with_elfproef(f"{n:08d}"))
    .filter(stdnum_bsn.is_valid)
)
numbers = st.builds(
    case_number,
    st.sampled_from(["HLM", "ZVT", "HMS"]),
    st.integers(2000, 2099),
    st.integers(1, 10_000_000),
)


def hashes(value: str) -> set[str]:
    """Short hex digests of `value`, the way a kenmerk once carried one."""
    digests = (hashlib.new(name, value.encode()).hexdigest() for name in ("sha256", "md5", "sha1"))
    return {d[:6].upper() for d in digests} | {d[:6] for d in digests}


@given(
    first=bsns,
    second=bsns,
    number=numbers,
    kind=st.sampled_from(list(LetterKind)),
    sequence=st.integers(1, 999),
    registered=st.dates(date(2000, 1, 1), date(2099, 12, 31)),
)
def test_no_bsn_digits_or_hash_in_any_kenmerk(first, second, number, kind, sequence, registered):
    case = example_case(LetterKind.REJECTION)
    decision = replace(case.decision, sequence=sequence)
    mine, theirs = (
        replace(
            case,
            client=replace(case.client, bsn=bsn),
            registered_on=registered,
            reference=number,
            decision=decision,
        )
        for bsn in (first, second)
    )
    made = kenmerk(kind, mine)
    assert made == kenmerk(kind, theirs)  # the client's BSN changes nothing in it
    assert KENMERK.fullmatch(made)
    assert first not in made
    assert not any(digest in made for digest in hashes(first) | hashes(f"{first}/{registered}"))


@given(number=numbers, one=st.integers(1, 999), other=st.integers(1, 999))
def test_two_decisions_of_one_case_never_share_a_kenmerk(number, one, other):
    for kind in (k for k, info in KINDS.items() if info.decision):
        same = letter_kenmerk(number, kind, one) == letter_kenmerk(number, kind, other)
        assert same == (one == other)


@given(number=numbers, kind=st.sampled_from(list(LetterKind)), sequence=st.integers(1, 999))
def test_the_case_number_is_read_back_from_what_someone_types_or_reads_off_a_letter(
    number, kind, sequence
):
    assert normalise_case_number(number) == number
    assert normalise_case_number(f" {number.lower()} ") == number
    assert normalise_case_number(letter_kenmerk(number, kind, sequence)) == number
    prefix, year, count = number.split("-")
    assert normalise_case_number(f"{prefix}-{year}-{int(count)}") == number


def test_the_format_is_short_and_fixed():
    assert case_number("HLM", 2026, 123) == "HLM-2026-000123"
    assert letter_kenmerk("HLM-2026-000123", LetterKind.REJECTION, 2) == "HLM-2026-000123/BAF2"
    assert letter_kenmerk("HLM-2026-000123", LetterKind.HOMEWORK) == "HLM-2026-000123/HWM"
    assert letter_kenmerk("", LetterKind.GRANT, 1) == "BTK1"


@pytest.mark.parametrize(
    "typed", ["", "HLM-2026", "123456782", "HLM-26-1", "HLM-2026-0", "H-2026-1"]
)
def test_what_is_no_case_number_is_refused(typed):
    with pytest.raises(InvalidIdentifier, match="HLM-2026-000123"):
        normalise_case_number(typed)


def test_the_case_json_reference_is_the_case_number_and_a_decision_names_its_place():
    data = example("decision-rejection") | {"reference": "zvt-2026-42"}
    data["decision"] = data["decision"] | {"sequence": 3}
    case = parse_case(data, date(2026, 12, 1))
    assert kenmerk(LetterKind.REJECTION, case) == "ZVT-2026-000042/BAF3"
    assert kenmerk(LetterKind.ADVANCE, case) == "ZVT-2026-000042/VSO"
    with pytest.raises(ValidationFailed) as refused:
        parse_case(data | {"reference": "SZW/BAF/20261102/A1B2C3"}, date(2026, 12, 1))
    assert refused.value.errors == {"reference": "een zaaknummer ziet eruit als HLM-2026-000123"}
    data["decision"] = data["decision"] | {"sequence": 0}
    with pytest.raises(ValidationFailed) as refused:
        parse_case(data, date(2026, 12, 1))
    assert list(refused.value.errors) == ["decision.sequence"]
