"""The legal content of the grant, the rejection and the recovery of an advance: rendered to
DOCX and PDF from a real SQLite database's reference data and read back with real parsers, and
refused, naming the field, when what the law makes them state is missing."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from alembic import command
from sqlalchemy import insert, select

from correspondence.letters.produce import LetterProducer, example_case
from correspondence.letters.reference_data import letter_reference
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.identifiers import FICTIONAL_IBAN
from correspondence.rules.kinds import LetterKind
from store.database import HEAD_REVISION, Database, alembic_config
from store.tables import MUNICIPALITIES, SETTINGS
from store.vocabulary import Household, RejectionGround
from tests.support.letters import both_texts, docx_text
from tests.support.migrations import revision_before
from tests.support.norms import reference_data_for_letters, set_repayment_accounts


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    database = Database.open(f"sqlite:///{tmp_path_factory.mktemp('db') / 'decisions.sqlite3'}")
    with database.session() as session, session.begin():
        reference_data_for_letters(session)
    yield database
    database.close()


@pytest.fixture(scope="module")
def producer():
    return LetterProducer()


def reference_of(database, municipality, *, iban=True, **settings):
    with database.session() as session:
        if not iban:
            set_repayment_accounts(session, "")
        for key, value in settings.items():
            session.execute(insert(SETTINGS).values(key=key, value=value))
        found = letter_reference(session, municipality)
        session.rollback()  # every test starts from the same reference data
    return found


def test_a_recovery_is_refused_while_the_municipality_has_no_account(database, producer):
    case = example_case(LetterKind.ADVANCE_RECOVERY)
    reference = reference_of(database, case.municipality, iban=False)
    with pytest.raises(ValidationFailed) as refused:
        producer.produce(LetterKind.ADVANCE_RECOVERY, case, reference)
    assert refused.value.errors == {
        "municipality.repayment_iban": "ontbreekt: beheer legt het rekeningnummer (IBAN) voor "
        "terugbetalingen van Haarlem vast"
    }
    wrong = replace(reference, municipality=replace(reference.municipality, repayment_iban="NL00"))
    with pytest.raises(ValidationFailed, match="dit IBAN klopt niet"):
        producer.produce(LetterKind.ADVANCE_RECOVERY, case, wrong)


def test_a_recovery_without_the_weighing_of_interests_is_refused(database, producer):
    case = example_case(LetterKind.ADVANCE_RECOVERY)
    unweighed = replace(case, decision=replace(case.decision, weighing="  "))
    with pytest.raises(ValidationFailed) as refused:
        producer.produce(
            LetterKind.ADVANCE_RECOVERY, unweighed, reference_of(database, case.municipality)
        )
    assert refused.value.errors == {
        "decision.weighing": "schrijf op hoe u de belangen van de klant heeft afgewogen "
        "(artikel 3:4 Awb)"
    }


def test_the_recovery_states_grounds_weighing_account_reference_and_the_protected_income(
    database, producer
):
    case = example_case(LetterKind.ADVANCE_RECOVERY)
    letter = producer.produce(
        LetterKind.ADVANCE_RECOVERY, case, reference_of(database, case.municipality)
    )
    reference = json.loads(letter.data)["brief"]["kenmerk"]
    for text in both_texts(letter, case.municipality):
        assert "artikel 58, tweede lid, onderdeel d, van de Participatiewet" in text
        assert "artikel 3:4 van de Algemene wet bestuursrecht" in text
        assert "Wat hebben wij afgewogen?" in text
        assert "Wij vinden terugbetalen toch redelijk, omdat het voorschot een lening was." in text
        assert "rekening NL93 DEMO 0123 4567 89 van de gemeente Haarlem" in text
        assert f"Zet bij elke betaling ons kenmerk {reference} in de omschrijving." in text
        assert "dwangbevel" in text and "(artikel 60, tweede lid, Participatiewet)" in text
        assert "(artikel 58, vijfde lid, Participatiewet)" in text
        assert "beslagvrije voet is het bedrag dat u elke maand zeker overhoudt" in text
        # 90 % of € 1.430,28 is € 1.287,25, of which 4,8 % is holiday allowance
        assert "In het voorschot zit € 61,79 vakantiegeld." in text


@pytest.mark.parametrize(
    ("ground", "articles"),
    [
        (RejectionGround.INCOME, "artikel 19, eerste lid, onderdeel a, en de artikelen 31 en 32"),
        (RejectionGround.ASSETS, "artikel 19, eerste lid, onderdeel b, en artikel 34"),
        (RejectionGround.PRIOR_PROVISION, "artikel 15, eerste lid."),
        (RejectionGround.DETENTION, "artikel 13, eerste lid, onderdeel a."),
    ],
)
def test_a_rejection_cites_the_articles_of_its_kind_of_reason(database, producer, ground, articles):
    case = example_case(LetterKind.REJECTION)
    grounded = replace(case, decision=replace(case.decision, ground=ground))
    letter = producer.produce(
        LetterKind.REJECTION, grounded, reference_of(database, case.municipality)
    )
    for text in both_texts(letter, case.municipality):
        assert articles in text
        assert "Wij hebben besloten op grond van de Participatiewet:" in text


def test_a_rejection_without_its_kind_of_reason_is_refused(database, producer):
    case = example_case(LetterKind.REJECTION)
    bare = replace(case, decision=replace(case.decision, ground=None))
    with pytest.raises(ValidationFailed) as refused:
        producer.produce(LetterKind.REJECTION, bare, reference_of(database, case.municipality))
    assert refused.value.errors == {
        "decision.ground": "kies de soort reden; die bepaalt welke wetsartikelen de brief noemt"
    }


def test_the_grant_names_the_days_beheer_set(database, producer):
    case = example_case(LetterKind.GRANT)
    plain = producer.produce(LetterKind.GRANT, case, reference_of(database, case.municipality))
    for text in both_texts(plain, case.municipality):
        assert "uiterlijk op de" not in text and "gespaarde vakantiegeld" not in text
    reference = reference_of(
        database, case.municipality, benefit_payment_day=25, holiday_allowance_month=5
    )
    letter = producer.produce(LetterKind.GRANT, case, reference)
    for text in both_texts(letter, case.municipality):
        assert "Wij betalen de bijstand elke maand uiterlijk op de 25e van de maand." in text
        assert "Wij betalen het gespaarde vakantiegeld in mei." in text
        assert "Bij de hele norm is dat € 68,65 per maand." in text
        assert "U kreeg vanaf 16 november 2026 een voorschot van € 1.287,25." in text


def test_a_rejection_for_assets_names_the_verified_limit_of_the_year_or_is_refused(
    database, producer
):
    example = example_case(LetterKind.REJECTION)  # a single person, applied 6 November 2026
    case = replace(example, decision=replace(example.decision, ground=RejectionGround.ASSETS))
    reference = reference_of(database, case.municipality)
    letter = producer.produce(LetterKind.REJECTION, case, reference)
    for text in both_texts(letter, case.municipality):
        assert (
            "De vermogensgrens voor alleenstaande is € 7.770,00. Dat bedrag geldt sinds "
            "1 januari 2026." in text
        )
    couple = replace(case, client=replace(case.client, household=Household.COUPLE))
    text = docx_text(producer.produce(LetterKind.REJECTION, couple, reference).docx)
    assert "De vermogensgrens voor gehuwden of samenwonenden is €\xa015.540,00." in text
    # a year whose tables carry no limits: refused, never a limit of another year
    later = replace(case, application_received_on=date(2027, 1, 5))
    with pytest.raises(ValidationFailed) as refused:
        producer.produce(LetterKind.REJECTION, later, reference)
    assert refused.value.errors["decision.ground"].startswith(
        "geen normtabel van 2027 noemt de vermogensgrenzen (artikel 34, derde lid"
    )
    # an unverified table's limit is never printed
    unverified = replace(
        reference,
        norm_tables=[replace(t, verified=False) for t in reference.norm_tables],
    )
    with pytest.raises(ValidationFailed) as refused:
        producer.produce(LetterKind.REJECTION, case, unverified)
    assert "is niet geverifieerd" in refused.value.errors["decision.ground"]


def test_the_upgrade_gives_only_a_demo_database_the_fictional_account(tmp_path):
    for demo in (False, True):
        database = Database.open(f"sqlite:///{tmp_path / f'upgrade-{demo}.sqlite3'}")
        config = alembic_config(database.engine)
        command.downgrade(
            config, revision_before("_decision_grounds_weighing_and_repayment_iban.py")
        )
        if demo:
            with database.engine.begin() as connection:
                connection.execute(insert(SETTINGS).values(key="demo_data", value=True))
        command.upgrade(config, HEAD_REVISION)
        with database.engine.connect() as connection:
            accounts = set(connection.scalars(select(MUNICIPALITIES.c.repayment_iban)))
        assert accounts == ({FICTIONAL_IBAN} if demo else {""})
        database.close()
