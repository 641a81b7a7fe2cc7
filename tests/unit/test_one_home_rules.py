"""The rules that used to live in two or three places, tested where they live now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest

from correspondence.rules import labels
from correspondence.rules.advance import Repayment, advance_terms
from correspondence.rules.copying import copied
from correspondence.rules.dates import DateRefused, local_time_on
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.gate import DecisionPolicy, Window
from correspondence.rules.names import fold, search_words
from correspondence.rules.norms import NormTable, is_young
from correspondence.rules.sending import Content, awaits_call, content_gaps, held_back
from store.vocabulary import (
    AgeBand,
    CaseStatus,
    Channel,
    DecisionKind,
    DecisionStatus,
    Household,
    RejectionGround,
    Route,
)

WINDOW = Window(date(2026, 11, 2), date(2026, 12, 1))


@dataclass(frozen=True)
class Call:
    at: datetime
    reached: bool
    id: int | None = None
    corrects_id: int | None = None


ASSETS = RejectionGround.ASSETS
REACHED = Call(datetime(2026, 11, 20, 10, tzinfo=UTC), True)


@pytest.mark.parametrize(
    ("kind", "content", "fields"),
    [
        (DecisionKind.GRANT, Content(), set()),
        (DecisionKind.REJECTION, Content(reasons=("  ",), ground=ASSETS), {"reasons"}),
        (
            DecisionKind.REJECTION,
            Content(reasons=("Uw vermogen is te hoog.",), ground=ASSETS),
            set(),
        ),
        # a rejection without its kind of reason cites no articles: refused
        (DecisionKind.REJECTION, Content(reasons=("Uw vermogen is te hoog.",)), {"ground"}),
        (DecisionKind.ADVANCE_RECOVERY, Content(), {"reasons", "weighing"}),
        # a recovery without the case manager's weighing (Awb 3:4): refused
        (
            DecisionKind.ADVANCE_RECOVERY,
            Content(reasons=("Geen recht.",), weighing=" \n "),
            {"weighing"},
        ),
        (
            DecisionKind.ADVANCE_RECOVERY,
            Content(reasons=("Geen recht.",), weighing="Redelijk."),
            set(),
        ),
        (DecisionKind.NOT_PROCESSED, Content(), {"missing", "requested_on"}),
        (
            DecisionKind.NOT_PROCESSED,
            Content(missing=("bankafschriften",), requested_on=date(2026, 11, 10)),
            set(),
        ),
    ],
)
def test_what_each_decision_must_state(kind, content, fields):
    assert set(content_gaps(kind, content)) == fields


def test_a_decision_is_held_back_first_for_its_explanation_then_its_date_then_its_content():
    policy = DecisionPolicy()
    rejection = DecisionKind.REJECTION
    assert "uitleg" in held_back(rejection, None, Content(), [], WINDOW, policy)
    late = held_back(rejection, date(2026, 12, 2), Content(), [REACHED], WINDOW, policy)
    assert late == "de verzenddatum ligt vóór de datum van het besluit"
    assert "redenen" in held_back(rejection, None, Content(), [REACHED], WINDOW, policy)
    reasoned = Content(reasons=("Uw vermogen is te hoog.",), ground=ASSETS)
    assert held_back(rejection, date(2026, 11, 30), reasoned, [REACHED], WINDOW, policy) is None
    assert held_back(DecisionKind.GRANT, None, Content(), [], WINDOW, policy) is None


def test_only_an_open_negative_decision_awaits_a_call():
    policy = DecisionPolicy()
    assert awaits_call(DecisionStatus.READY, DecisionKind.REJECTION, policy)
    assert not awaits_call(DecisionStatus.SENT, DecisionKind.REJECTION, policy)
    assert not awaits_call(DecisionStatus.DRAFT, DecisionKind.GRANT, policy)


TABLE = NormTable(
    date(2026, 1, 1),
    "test",
    True,
    {(h, band): 100_000 for h in Household for band in AgeBand},
)


def test_the_advance_is_its_percentage_of_the_norm_and_its_schedule_sums_to_it():
    terms = advance_terms(
        [TABLE],
        Decimal(90),
        date(2026, 11, 16),
        Household.SINGLE,
        date(1980, 5, 1),
        Repayment(date(2027, 1, 1), months=7),
    )
    assert terms.norm == 100_000 and terms.amount == 90_000
    assert sum(i.amount for i in terms.schedule) == terms.amount
    assert len(terms.schedule) == 7


@pytest.mark.parametrize(
    ("starts_on", "plan", "field"),
    [
        (date(2025, 6, 1), Repayment(date(2025, 8, 1), months=6), "start"),
        (date(2026, 11, 16), Repayment(date(2026, 11, 16), months=6), "repayment.first_due"),
        (date(2026, 11, 16), Repayment(date(2027, 1, 1), months=0), "repayment"),
    ],
)
def test_an_advance_that_cannot_be_made_names_its_field(starts_on, plan, field):
    with pytest.raises(ValidationFailed) as refused:
        advance_terms([TABLE], Decimal(90), starts_on, Household.SINGLE, date(1980, 5, 1), plan)
    assert set(refused.value.errors) == {field}


def test_the_youth_route_ends_on_the_27th_birthday():
    assert is_young(date(2000, 3, 15), date(2027, 3, 14))
    assert not is_young(date(2000, 3, 15), date(2027, 3, 15))


def test_a_time_on_a_day_is_dutch_local_time():
    assert local_time_on(date(2026, 7, 1), time(9)).utcoffset().total_seconds() == 7200
    assert local_time_on(date(2026, 12, 1), time(9)).utcoffset().total_seconds() == 3600
    with pytest.raises(DateRefused):
        local_time_on(date(2026, 3, 29), time(2, 30))


def test_search_folding_ignores_accents_case_and_special_letters():
    assert fold("Łukasz WIŚNIEWSKI") == "lukasz wisniewski"
    assert fold("Yılmaz Ørsted Þór Straße Æsop") == "yilmaz orsted thor strasse aesop"
    assert search_words("Öztürk") == "ozturk oeztuerk"
    assert search_words("Jansen") == "jansen"


@pytest.mark.parametrize(
    ("vocabulary", "shown"),
    [
        (Route, labels.ROUTES),
        (Household, labels.HOUSEHOLDS),
        (Channel, labels.CHANNELS),
        (Channel, labels.CHANNELS_IN_A_SENTENCE),
        (DecisionStatus, labels.DECISION_STATUSES),
        (CaseStatus, labels.CASE_STATUSES),
    ],
)
def test_every_value_has_one_dutch_label(vocabulary, shown):
    assert set(shown) == set(vocabulary)
    assert len(set(shown.values())) == len(shown)


@dataclass(frozen=True)
class Letterhead:
    code: str
    name: str
    note: str = ""


def test_a_copy_takes_given_values_then_same_named_attributes_then_defaults():
    @dataclass
    class Town:
        code: str
        name: str
        population: int

    assert copied(Letterhead, Town("haarlem", "Haarlem", 1), name="Gemeente Haarlem") == (
        Letterhead("haarlem", "Gemeente Haarlem", "")
    )
    with pytest.raises(TypeError, match=r"Letterhead\.name"):
        copied(Letterhead, object(), code="x")


def test_a_saved_letter_is_named_by_its_label_the_plain_surname_and_its_date():
    from correspondence.rules.kinds import LetterKind, file_stem

    day = date(2026, 11, 30)
    assert file_stem(LetterKind.REJECTION, "Ørsted", day) == "besluit-afwijzing-Orsted-2026-11-30"
    assert file_stem(LetterKind.ADVANCE, "Berg-d'Hondt", day) == (
        "voorschotovereenkomst-Berg-D-Hondt-2026-11-30"
    )
    assert file_stem(LetterKind.GRANT, "🙂/..", day) == "besluit-toekenning-2026-11-30"
