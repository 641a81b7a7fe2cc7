"""Every letter kind, rendered from its example, read back with real parsers; LibreOffice's
PDF of our DOCX says the same words as our own PDF."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from correspondence.letters.libreoffice import convert_to_pdf
from correspondence.letters.produce import LetterProducer, example_case
from correspondence.letters.reference_data import letter_reference
from correspondence.rules.case_data import parse_case
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.kinds import LetterKind
from correspondence.rules.legal_channels import AdvanceOffer, DigitalChannel
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.municipalities import change_municipality
from store.database import Database
from tests.support.letters import (
    both_texts,
    docx_text,
    house_page,
    page_count,
    pdf_regions,
    verified_references,
    without_numbers,
    words,
)
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def references():
    return verified_references()


@pytest.fixture(scope="module")
def producer():
    return LetterProducer()


@pytest.fixture(scope="module")
def produced(producer, references):
    letters = {}
    for kind in LetterKind:
        case = example_case(kind)
        letters[kind] = producer.produce(kind, case, references[case.municipality])
    return letters


EXPECTED = {
    LetterKind.HOMEWORK: [
        "donderdag 5 november 2026 om 9.00 uur",
        # the folder's assignment, what to bring to the interview, the contact person to come
        "een huiswerkopdracht over uw vaardigheden en competenties",
        "Maak de huiswerkopdracht voor uw participatiegesprek.",
        "bewijs van uw laatste vijf sollicitaties",
        "Op de bijeenkomst hoort u wie uw vaste contactpersoon is.",
        "werk.nl",
        "gemiddeld 11 dagen",
        "gemiddeld 36 dagen",
        "binnen 8 weken",
        "recht op een voorschot",
        # the legal advance (Participatiewet art. 52 lid 1) as a rule: no application yet
        "uiterlijk 4 weken na de dag waarop wij uw aanvraag ontvingen een voorschot",
        "elke 4 weken opnieuw een voorschot",
        # the local offer: four weeks after the melding of Monday 2 November 2026
        "binnen 4 weken na uw melding, uiterlijk op maandag 30 november 2026",
    ],
    LetterKind.APPOINTMENT: [
        "dinsdag 10 november 2026 om 10.30 uur",
        "laatste vijf sollicitaties",
        "huiswerkopdracht over uw vaardigheden en competenties",
        "werkplein@haarlem.nl",
    ],
    LetterKind.ADVANCE: [
        "€\xa01.287,25",
        "90% van de bijstandsnorm",
        "€\xa0214,54",
        "€\xa00,00",
        "1 juni 2027",
        # application received Thursday 12 November 2026: the legal days, then the local offer
        "uiterlijk op donderdag 10 december 2026 een voorschot",
        "het volgende uiterlijk op donderdag 7 januari 2027",
        "uiterlijk op maandag 30 november 2026",
        "Dit schema is een voorstel.",
        "Dat besluit nemen wij op grond van artikel 58, tweede lid, onderdeel d, van de "
        "Participatiewet.",
        # Participatiewet art. 19 lid 3: 4,8 % of € 1.287,25
        "In het voorschot zit €\xa061,79 vakantiegeld.",
        "4,8% van het bedrag (artikel 19, derde lid, Participatiewet)",
    ],
    LetterKind.GRANT: [
        "U krijgt een bijstandsuitkering vanaf 2 november 2026.",
        "vrijdag 22 januari 2027",
        "Postbus 511, 2003 PB  HAARLEM",
        # Participatiewet art. 19 lid 3: 4,8 % of the norm of € 1.430,28
        "Het is 4,8% van uw bijstand (artikel 19, derde lid, Participatiewet).",
        "Bij de hele norm is dat €\xa068,65 per maand. Dat deel houden wij elke maand apart.",
        # the advance set off (art. 52 lid 1)
        "U kreeg vanaf 16 november 2026 een voorschot van €\xa01.287,25.",
        "(artikel 52 van de Participatiewet)",
        "Daarom trekken wij het voorschot af van de bijstand die wij u nog moeten betalen.",
        # the duties with their source and what follows when they are not met
        "(artikel 17)",
        "Zoek werk en neem werk aan dat u kunt doen (artikel 9).",
        "terugbetalen die u te veel kreeg (artikel 58).",
        "U kunt dan ook een boete krijgen (artikel 18a).",
        "Dan kunnen wij uw bijstand verlagen (artikel 18).",
    ],
    LetterKind.REJECTION: [
        "U krijgt geen bijstandsuitkering.",
        "€ 1.850",
        # the articles of the kind of reason (rules.grounds)
        "artikel 11, eerste lid, artikel 19, eerste lid, onderdeel a, en de artikelen 31 en 32.",
        "als uw inkomen lager is dan de bijstandsnorm.",
        "woensdag 9 december 2026",
        "telefonisch",
        "voorlopige voorziening",
    ],
    LetterKind.NOT_PROCESSED: [
        "bankafschriften van de afgelopen drie maanden",
        "13 november 2026",
        "U had tot en met vrijdag 27 november 2026 de tijd",
        "Die termijn is voorbij.",
        "U kunt opnieuw bijstand aanvragen.",
        "op zijn vroegst ingaan op de dag waarop u opnieuw aanvraagt",
        "in een gesprek",
        "Postbus 352, 2100 AJ  HEEMSTEDE",
    ],
    LetterKind.ADVANCE_RECOVERY: [
        "€\xa0150,00",
        "€\xa087,25",
        "31 januari 2027",
        "op grond van artikel 58, tweede lid, onderdeel d, van de Participatiewet.",
        "artikel 3:4 van de Algemene wet bestuursrecht",
        # the case manager's weighing
        "Daarom betaalt u in kleine bedragen terug.",
        "Het voorschot was 90% van de bijstandsnorm van €\xa01.430,28 per maand.",
        "In het voorschot zit €\xa061,79 vakantiegeld.",
        # where and with which reference to pay, and what a missed payment brings
        "Maak elk bedrag over naar rekening NL93 DEMO 0123 4567 89 van de gemeente Haarlem.",
        "Zet bij elke betaling ons kenmerk",
        "met een dwangbevel",
        "(artikel 60, tweede lid, Participatiewet)",
        "(artikel 58, vijfde lid, Participatiewet)",
        "De beslagvrije voet is het bedrag dat u elke maand zeker overhoudt om van te leven.",
    ],
    LetterKind.SEARCH_PERIOD: [
        # melding Monday 2 November 2026: four weeks are 2 to 29 November
        "U kunt bijstand aanvragen vanaf maandag 30 november 2026.",
        "Uw zoektermijn loopt tot en met zondag 29 november 2026.",
        "Dat is dus op zijn vroegst maandag 30 november 2026.",
        # what the seed says young people do in the four weeks
        "werkzoekende op werk.nl en zet daar uw cv op",
        "uitzendbureaus",
        "studiefinanciering",
        "het aanvraagformulier voor bijstand",
        "Is uw situatie dringend?",
        "artikel 41, vierde lid",
        "artikel 41, elfde lid",
        "artikel 44",
    ],
}


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_kind_renders_from_its_example(produced, kind):
    letter = produced[kind]
    text = docx_text(letter.docx)
    for phrase in EXPECTED[kind]:
        assert phrase in text, phrase
    assert "{{" not in text and "{%" not in text and "[[" not in text
    assert page_count(letter.pdf) >= 1
    assert letter.docx.startswith(b"PK") and letter.pdf.startswith(b"%PDF")
    assert set(letter.versions) >= {f"brieven/{kind.value}.docx", "bouwstenen/contact.docx"}


def test_the_homework_letter_names_no_contact_person_before_the_meeting(produced):
    text = docx_text(produced[LetterKind.HOMEWORK].docx)
    assert "Petra Jansen, uw vaste contactpersoon" not in text
    assert "Bel ons team op" in text


@pytest.mark.parametrize("kind", list(LetterKind))
def test_our_pdf_carries_exactly_the_text_of_the_docx(produced, kind):
    letter = produced[kind]
    body, _furniture = pdf_regions(letter.pdf, house_page(example_case(kind).municipality))
    assert body == words(docx_text(letter.docx))


def test_decisions_carry_the_objection_clause_with_the_concrete_last_day(produced):
    for kind in (
        LetterKind.GRANT,
        LetterKind.REJECTION,
        LetterKind.NOT_PROCESSED,
        LetterKind.ADVANCE_RECOVERY,
    ):
        text = " ".join(words(docx_text(produced[kind].docx)))
        assert "uiterlijk op vrijdag 22 januari 2027" in text  # sent 11 Dec 2026 + 6 weeks
        for item in (
            "uw naam en adres;",
            "de datum;",
            "waarom u het niet eens bent",
            "uw handtekening.",
            "voorlopige voorziening",
            "machtiging",
        ):
            assert item in text, (kind, item)


DECISIONS = (
    LetterKind.GRANT,
    LetterKind.REJECTION,
    LetterKind.NOT_PROCESSED,
    LetterKind.ADVANCE_RECOVERY,
)


@pytest.mark.parametrize("kind", DECISIONS)
def test_the_objection_clause_names_the_posted_arrival_day_and_the_court(produced, kind):
    text = " ".join(words(docx_text(produced[kind].docx)))
    # sent Friday 11 December 2026: six weeks end on a working day, so the letter says so
    assert "Dat is zes weken na de dag waarop wij deze brief hebben verstuurd." in text
    assert (
        "als u het uiterlijk op vrijdag 22 januari 2027 op de post doet. Wij moeten het dan "
        "uiterlijk op vrijdag 29 januari 2027 hebben." in text
    )
    assert "rechtbank Noord-Holland, locatie Haarlem, Postbus 1621, 2003 BR HAARLEM" in text
    # the example databases set no digital channel: no digital route is offered
    assert "digitaal" not in text and "DigiD" not in text


@pytest.mark.parametrize("kind", DECISIONS)
def test_the_digital_route_is_named_when_the_municipality_has_one(producer, references, kind):
    case = example_case(kind)
    channel = DigitalChannel("https://loket.example.nl/bezwaar")
    reference = replace(references[case.municipality], digital_objection=channel)
    letter = producer.produce(kind, case, reference)
    for text in (
        docx_text(letter.docx),
        " ".join(pdf_regions(letter.pdf, house_page(case.municipality))[0]),
    ):
        flat = " ".join(words(text))
        assert "U kunt ook digitaal bezwaar maken via https://loket.example.nl/bezwaar." in flat
        assert "U logt daar in met DigiD." in flat
        assert "Ook dan moeten wij uw bezwaar uiterlijk op vrijdag 22 januari 2027 hebben." in flat
    without_login = replace(reference, digital_objection=replace(channel, login=""))
    text = docx_text(producer.produce(kind, case, without_login).docx)
    assert "digitaal bezwaar maken" in text and "DigiD" not in text
    eherkenning = replace(channel, login="DigiD of eHerkenning")
    text = docx_text(
        producer.produce(kind, case, replace(reference, digital_objection=eherkenning)).docx
    )
    assert "U logt daar in met DigiD of eHerkenning." in " ".join(words(text))


def test_the_digital_channel_is_part_of_the_municipality_data(tmp_path):
    database = Database.open(f"sqlite:///{tmp_path / 'channels.sqlite3'}")
    with database.session() as session, session.begin():
        beheer = acting_employee(session, "tester")
        change_municipality(
            session,
            beheer,
            "haarlem",
            {"objection_url": "https://haarlem.example.nl/bezwaar", "objection_login": "DigiD"},
        )
    with database.session() as session:
        haarlem = letter_reference(session, "haarlem")
        zandvoort = letter_reference(session, "zandvoort")
    database.close()
    assert haarlem.digital_objection == DigitalChannel("https://haarlem.example.nl/bezwaar")
    assert zandvoort.digital_objection is None


def test_when_the_atw_moved_the_last_day_the_letter_says_why_not_six_weeks(producer, references):
    case = example_case(LetterKind.GRANT)
    # sent Friday 13 November 2026: six weeks end on Christmas Day
    decision = replace(case.decision, decided_on=date(2026, 11, 12), sent_on=date(2026, 11, 13))
    text = " ".join(
        words(
            docx_text(
                producer.produce(
                    LetterKind.GRANT, replace(case, decision=decision), references["haarlem"]
                ).docx
            )
        )
    )
    assert "uiterlijk op maandag 28 december 2026 hebben." in text
    assert "zes weken na de dag waarop" not in text
    assert (
        "eindigen op vrijdag 25 december 2026. Die dag is geen werkdag (Eerste Kerstdag)." in text
    )
    assert "Wij moeten het dan uiterlijk op maandag 4 januari 2027 hebben." in text


def test_not_processed_is_refused_before_the_term_passed_and_after_four_weeks(producer, references):
    case = example_case(LetterKind.NOT_PROCESSED)  # term to complete: Friday 27 November 2026
    reference = references[case.municipality]

    def sent(day: date, complete_by: date | None = case.application_complete_by):
        decision = replace(case.decision, decided_on=day, sent_on=day)
        called = datetime.combine(
            day - timedelta(days=1), time(14), case.decision.explained.at.tzinfo
        )
        explained = replace(case.decision.explained, at=called)
        decision = replace(decision, explained=explained)
        return replace(case, decision=decision, application_complete_by=complete_by)

    for early in (date(2026, 11, 20), date(2026, 11, 27)):
        with pytest.raises(ValidationFailed) as refused:
            producer.produce(LetterKind.NOT_PROCESSED, sent(early), reference)
        assert (
            "loopt nog tot en met vrijdag 27 november 2026"
            in (refused.value.errors["application_complete_by"])
        )
    # four weeks after the term end on Christmas Day: the Atw gives until Monday 28 December
    assert producer.produce(LetterKind.NOT_PROCESSED, sent(date(2026, 12, 28)), reference).pdf
    with pytest.raises(ValidationFailed) as refused:
        producer.produce(LetterKind.NOT_PROCESSED, sent(date(2026, 12, 29)), reference)
    assert (
        "uiterlijk op maandag 28 december 2026" in refused.value.errors["application_complete_by"]
    )
    with pytest.raises(ValidationFailed, match="geen termijn gekregen"):
        producer.produce(LetterKind.NOT_PROCESSED, sent(date(2026, 12, 1), None), reference)


@pytest.fixture(scope="module")
def libreoffice_pdfs(produced, tmp_path_factory):
    folder = tmp_path_factory.mktemp("libreoffice")
    documents = []
    for kind, letter in produced.items():
        documents.append(folder / f"{kind.value}.docx")
        documents[-1].write_bytes(letter.docx)
    pdfs = convert_to_pdf(documents, folder, timeout=300)
    return {kind: pdf.read_bytes() for kind, pdf in zip(produced, pdfs, strict=True)}


@pytest.mark.parametrize("kind", list(LetterKind))
def test_libreoffice_reads_our_docx_as_we_print_it(produced, libreoffice_pdfs, kind):
    page = house_page(example_case(kind).municipality)
    ours_body, ours_furniture = pdf_regions(produced[kind].pdf, page)
    theirs_body, theirs_furniture = pdf_regions(libreoffice_pdfs[kind], page)
    assert theirs_body == ours_body
    # page breaks may fall differently: the furniture is compared without its page numbers
    assert set(without_numbers(theirs_furniture)) == set(without_numbers(ours_furniture))
    assert "Pagina" in ours_furniture


def hard_case(kind: LetterKind):
    data = json.loads((EXAMPLES / f"{kind.value}.json").read_text("utf-8"))
    data["client"].update(surname="Jansen & Zn <\"'>", first_name="Şükrü", initials="Ş.Ł.")
    data["client"]["address"]["street"] = 'Nguyễn Thị Minh-straat & <Ørsted> "Zoë"'
    data["case_manager"]["name"] = 'Łukasz O\'Brien & "Co" <b>'
    if "decision" in data:
        data["decision"]["reasons"] = ["Reden met & < > \" ' en Ærø, Þór, Dvořák, Żółć, Nguyễn."]
    return parse_case(data)


@pytest.mark.parametrize("kind", [LetterKind.REJECTION, LetterKind.HOMEWORK])
def test_special_characters_and_names_survive_in_both_files(producer, references, kind):
    case = hard_case(kind)
    letter = producer.produce(kind, case, references[case.municipality])
    text = docx_text(letter.docx)
    body, _ = pdf_regions(letter.pdf, house_page(case.municipality))
    pdf_text = " ".join(body)
    for value in (
        "Jansen & Zn <\"'>",
        'Nguyễn Thị Minh-straat & <Ørsted> "Zoë"',
        'Łukasz O\'Brien & "Co" <b>',
        "Ş.Ł.",
    ):
        assert value in text
        assert " ".join(words(value)) in pdf_text
    if kind is LetterKind.REJECTION:
        reason = "Reden met & < > \" ' en Ærø, Þór, Dvořák, Żółć, Nguyễn."
        assert reason in text
        assert reason in pdf_text


def test_rendering_is_byte_deterministic(references):
    kind = LetterKind.ADVANCE_RECOVERY
    case = example_case(kind)
    first = LetterProducer().produce(kind, case, references[case.municipality])
    second = LetterProducer().produce(kind, case, references[case.municipality])
    assert first.docx == second.docx
    assert first.pdf == second.pdf
    assert first.pdf_sha256 == second.pdf_sha256
    assert first.data == second.data


def test_a_negative_decision_without_a_reached_explanation_is_refused(producer, references):
    case = example_case(LetterKind.REJECTION)
    unreached = replace(
        case,
        decision=replace(case.decision, explained=replace(case.decision.explained, reached=False)),
    )
    with pytest.raises(ValidationFailed) as failure:
        producer.produce(LetterKind.REJECTION, unreached, references["zandvoort"])
    assert failure.value.errors == {
        "decision.explained": "de klant is nog niet bereikt voor de uitleg vooraf"
    }
    late = replace(case, decision=replace(case.decision, sent_on=case.decision.decided_on))
    late = replace(
        late,
        decision=replace(
            late.decision,
            explained=replace(
                case.decision.explained, at=case.decision.explained.at.replace(day=12)
            ),
        ),
    )
    with pytest.raises(ValidationFailed, match="na de verzenddatum"):
        producer.produce(LetterKind.REJECTION, late, references["zandvoort"])


def test_appointment_later_than_a_week_needs_a_reason(producer, references):
    case = example_case(LetterKind.APPOINTMENT)
    late = replace(case, interview=case.interview.replace(day=13))
    with pytest.raises(ValidationFailed, match="binnen 7 dagen"):
        producer.produce(LetterKind.APPOINTMENT, late, references["haarlem"])
    excused = replace(late, interview_delay_reason="klant is op vakantie")
    assert producer.produce(LetterKind.APPOINTMENT, excused, references["haarlem"]).pdf


def test_bad_json_fields_are_named():
    data = json.loads((EXAMPLES / "decision-grant.json").read_text("utf-8"))
    data["client"]["bsn"] = "123456789"
    data["client"]["address"]["postcode"] = "0123 AB"
    data["decision"]["sent_on"] = "2026-13-01"
    del data["case_manager"]["email"]
    data["municipality"] = ""
    with pytest.raises(ValidationFailed) as failure:
        parse_case(data)
    assert failure.value.errors == {
        "municipality": "mag niet leeg zijn",
        "client.bsn": "dit BSN klopt niet (elfproef)",
        "client.address.postcode": "een postcode is 4 cijfers en 2 letters, zoals 2011 VA",
        "case_manager.email": "ontbreekt",
        "decision.sent_on": "'2026-13-01' is geen bestaande datum",
    }


def test_characters_xml_forbids_are_dropped_not_fatal(producer, references):
    case = example_case(LetterKind.HOMEWORK)
    odd = replace(case, client=replace(case.client, surname="Vr\x0bies\ufffe\ud800"))
    letter = producer.produce(LetterKind.HOMEWORK, odd, references["haarlem"])
    assert "Geachte heer De Vries," in docx_text(letter.docx)


def test_a_kind_beheer_no_longer_counts_as_negative_needs_no_explanation(producer, references):
    case = example_case(LetterKind.REJECTION)
    unexplained = replace(case, decision=replace(case.decision, explained=None))
    reference = references["zandvoort"]
    lenient = replace(reference, policy=replace(reference.policy, negative=frozenset()))
    letter = producer.produce(LetterKind.REJECTION, unexplained, lenient)
    text = docx_text(letter.docx)
    assert "U krijgt geen bijstandsuitkering." in text
    assert "Wij hebben u dit al verteld" not in text
    assert "geprobeerd" not in text


def test_two_unreached_attempts_when_beheer_allows_them(producer, references):
    case = example_case(LetterKind.REJECTION)
    first = replace(case.decision.explained, reached=False, id=1)
    second = replace(first, id=2, at=first.at - timedelta(days=1))
    tried = replace(case, decision=replace(case.decision, explained=None, attempts=(first, second)))
    reference = references["zandvoort"]
    with pytest.raises(ValidationFailed, match="nog niet bereikt"):
        producer.produce(LetterKind.REJECTION, tried, reference)
    allowing = replace(reference, policy=replace(reference.policy, two_attempts=True))
    text = docx_text(producer.produce(LetterKind.REJECTION, tried, allowing).docx)
    assert "Wij hebben u gebeld op 8 december 2026 en 9 december 2026" in text


@pytest.mark.parametrize("kind", [LetterKind.HOMEWORK, LetterKind.ADVANCE])
def test_the_legal_advance_and_the_local_offer_are_both_stated(producer, references, kind):
    case = example_case(kind)
    reference = references[case.municipality]
    received = replace(case, application_received_on=date(2026, 11, 12))
    for text in both_texts(producer.produce(kind, received, reference), case.municipality):
        # art. 52 lid 1: four weeks after the application, then every four weeks, unasked
        assert "Wij hebben uw aanvraag ontvangen op 12 november 2026." in text
        assert "uiterlijk op donderdag 10 december 2026 een voorschot" in text
        assert "het volgende uiterlijk op donderdag 7 januari 2027" in text
        assert "Daar hoeft u niet om te vragen." in text
        assert "artikel 52 van de Participatiewet" in text
        # the local offer, on request, four weeks after the melding, said to be no law
        assert "binnen 4 weken na uw melding, uiterlijk op maandag 30 november 2026" in text
        assert "Dat is een afspraak van de gemeente Haarlem, geen regel uit de wet." in text
    unknown = replace(case, application_received_on=None)
    for text in both_texts(producer.produce(kind, unknown, reference), case.municipality):
        assert "uiterlijk 4 weken na de dag waarop wij uw aanvraag ontvingen" in text
        assert "Wij hebben uw aanvraag ontvangen op" not in text
        assert "uiterlijk op maandag 30 november 2026" in text


@pytest.mark.parametrize("kind", [LetterKind.HOMEWORK, LetterKind.ADVANCE])
def test_without_a_local_offer_only_the_legal_advance_is_stated(producer, references, kind):
    case = replace(example_case(kind), application_received_on=date(2026, 11, 12))
    reference = replace(references[case.municipality], advance_offer=AdvanceOffer.NONE)
    for text in both_texts(producer.produce(kind, case, reference), case.municipality):
        assert "uiterlijk op donderdag 10 december 2026 een voorschot" in text
        assert "melding, uiterlijk" not in text
        assert "30 november 2026" not in text
        assert "afspraak van de gemeente" not in text


def test_the_agreement_proposes_a_schedule_and_says_how_to_return_it(produced):
    for text in both_texts(produced[LetterKind.ADVANCE], "haarlem"):
        assert "Voorstel: zo zou u kunnen terugbetalen" in text
        assert "Dit schema is een voorstel. Het is nog geen afspraak." in text
        # the repayment is set by a recovery decision of its own (art. 58), open to objection
        assert "een apart besluit: een terugvorderingsbesluit" in text
        assert "artikel 58, tweede lid, onderdeel d, van de Participatiewet" in text
        assert "Dan kunt u er bezwaar tegen maken." in text
        assert "U zegt daarmee nog geen ja tegen het voorstel om terug te betalen." in text
        assert "gaat u akkoord met deze afspraken" not in text
        # returned to the municipality's postbus, or handed in at the Werkplein
        assert (
            "stuur haar naar het college van burgemeester en wethouders van Haarlem, "
            "Postbus 511, 2003 PB HAARLEM." in text
        )
        assert "afgeven bij de balie van het Werkplein, Zijlsingel 1, 2013 DN Haarlem." in text


def test_the_local_offer_is_read_from_the_settings(tmp_path):
    from sqlalchemy import insert

    from store.tables import SETTINGS

    database = Database.open(f"sqlite:///{tmp_path / 'offer.sqlite3'}")
    with database.session() as session:
        acting_employee(session, "tester")
        assert letter_reference(session, "haarlem").advance_offer is (
            AdvanceOffer.AFTER_REGISTRATION
        )
        session.execute(insert(SETTINGS).values(key="advance_local_offer", value="none"))
        assert letter_reference(session, "zandvoort").advance_offer is AdvanceOffer.NONE
    database.close()
