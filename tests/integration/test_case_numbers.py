"""Case numbers issued when a case is registered, and decisions numbered within their case: per
municipality and year, never twice, also when two employees register at the same moment, on
SQLite and on PostgreSQL; and the kenmerk they make on a real letter."""

import io
import threading
import time
from dataclasses import replace
from datetime import date, datetime

import pytest
from alembic import command
from pypdf import PdfReader
from sqlalchemy import Date, bindparam, select, text

from correspondence.letters.dossier_letters import DossierLetters
from correspondence.queries import views
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.rules.inputs import CaseInput
from correspondence.workflows import cases, clients, decisions
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.demo import demo_bsn, load_demo
from correspondence.workflows.unit_of_work import read, write
from store.database import Database, alembic_config
from store.models import Case, Decision, Employee, StoredLetter
from store.vocabulary import Channel, DecisionKind, RejectionGround, Role
from tests.support.data import TODAY, VALID
from tests.support.letters import docx_text
from tests.support.migrations import revision_before

PREVIOUS_REVISION = revision_before("_case_numbers.py")


@pytest.fixture
def manager_id(database: Database) -> int:
    with database.session() as session, session.begin():
        acting_employee(session, "beheerder")
        manager = Employee(username="pjansen", full_name="Petra Jansen", role=Role.CASE_MANAGER)
        session.add(manager)
        session.flush()
        return manager.id


def new_clients(database: Database, *towns: str, by: str = "beheerder") -> list[int]:
    """A client per town in `towns`, committed, each with a BSN of its own (the demo uses
    the first few hundred)."""

    def add(session, actor):
        return [
            clients.create_client(
                session, actor, replace(VALID, bsn=demo_bsn(500 + i), municipality=town), TODAY
            ).id
            for i, town in enumerate(towns)
        ]

    return write(database, by, add)


def register(session, actor, client_id: int, manager_id: int, on: date = TODAY) -> Case:
    data = CaseInput(route="standard", registered_on=on, case_manager_id=manager_id)
    return cases.open_case(session, actor, client_id, data, TODAY)


def registered(
    database: Database, client_id: int, manager_id: int, on: date = TODAY, by: str = "beheerder"
) -> str:
    return write(
        database,
        by,
        lambda s, a: register(s, a, client_id, manager_id, on).number,
    )


def test_numbers_count_per_municipality_and_year_and_start_at_one(database, manager_id):
    towns = ["haarlem", "haarlem", "zandvoort", "haarlem", "heemstede", "haarlem"]
    years = [2026, 2026, 2026, 2025, 2025, 2025]
    ids = new_clients(database, *towns)
    numbers = [
        registered(database, client_id, manager_id, date(year, 11, 2))
        for client_id, year in zip(ids, years, strict=True)
    ]
    assert numbers == [
        "HLM-2026-000001",
        "HLM-2026-000002",
        "ZVT-2026-000001",
        "HLM-2025-000001",
        "HMS-2025-000001",
        "HLM-2025-000002",
    ]


def test_a_registration_waits_for_the_one_under_way_and_takes_the_next_number(database, manager_id):
    first, second = new_clients(database, "haarlem", "haarlem")
    found: dict[str, str] = {}

    def other_desk():
        found["second"] = registered(database, second, manager_id)

    with database.session() as session, session.begin():
        case = register(session, acting_employee(session, "beheerder"), first, manager_id)
        found["first"] = case.number
        desk = threading.Thread(target=other_desk)
        desk.start()
        time.sleep(1)
        assert desk.is_alive(), "the second registration went on without waiting"
    desk.join(10)
    assert found == {"first": "HLM-2026-000001", "second": "HLM-2026-000002"}


def test_many_registrations_at_once_never_share_a_number(database, manager_id):
    ids = new_clients(database, *["zandvoort"] * 6)
    start = threading.Barrier(len(ids))
    numbers: list[str] = []

    def desk(client_id: int) -> None:
        start.wait()
        numbers.append(registered(database, client_id, manager_id))

    desks = [threading.Thread(target=desk, args=(client_id,)) for client_id in ids]
    for thread in desks:
        thread.start()
    for thread in desks:
        thread.join(30)
    assert sorted(numbers) == [f"ZVT-2026-{n:06d}" for n in range(1, 7)]


INCOME = RejectionGround.INCOME


def draft(session, actor, case_id: int, kind=DecisionKind.REJECTION) -> Decision:
    return decisions.draft_decision(
        session, actor, case_id, kind, ["Uw inkomen is te hoog."], TODAY, ground=INCOME
    )


def test_decisions_are_numbered_within_their_case_and_their_kenmerken_differ(database, manager_id):
    one, other = new_clients(database, "haarlem", "heemstede")

    def two_cases(session, actor):
        first = register(session, actor, one, manager_id)
        second = register(session, actor, other, manager_id)
        places = [draft(session, actor, case.id).sequence for case in (first, second, first)]
        return first.id, places

    case_id, places = write(database, "beheerder", two_cases)
    assert places == [1, 1, 2]

    # a second desk drafting at the same moment waits for the first and counts its decision
    found: dict[str, int] = {}

    def other_desk():
        found["second"] = write(database, "pjansen", lambda s, a: draft(s, a, case_id).sequence)

    with database.session() as session, session.begin():
        found["first"] = draft(session, acting_employee(session, "pjansen"), case_id).sequence
        desk = threading.Thread(target=other_desk)
        desk.start()
        time.sleep(1)
        assert desk.is_alive(), "the second decision went on without waiting"
    desk.join(10)
    assert found == {"first": 3, "second": 4}

    with database.session() as session:
        dossier = views.dossier_of(session, one, TODAY)
    assert dossier is not None and dossier.case is not None
    assert dossier.case.number == "HLM-2026-000001"
    assert sorted(d.kenmerk for d in dossier.decisions) == [
        f"HLM-2026-000001/BAF{n}" for n in range(1, 5)
    ]


def test_the_search_finds_the_client_by_case_number_or_kenmerk(database, manager_id):
    one, other = new_clients(database, "haarlem", "haarlem")
    registered(database, one, manager_id)
    registered(database, other, manager_id)
    with database.session() as session:
        for typed in ("HLM-2026-000002", "hlm-2026-2", "HLM-2026-000002/BAF1"):
            assert [row.id for row in views.search(session, typed)] == [other]
        assert views.search(session, "HLM-2026-000003") == []


CALLED = datetime(2026, 11, 27, 10, 0, tzinfo=LOCAL_ZONE)  # the working day before TODAY


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_letter_carries_the_case_number_and_the_decision_in_its_kenmerk(demo_database):
    """The recovery of an advance in the demo, and a grant drafted in its case after it: each
    letter, read back from its PDF and its Word file, carries its own kenmerk, and the recovery
    asks for it with every payment."""
    letters = DossierLetters()
    with demo_database.session() as session, session.begin():
        recovery = session.scalars(
            select(Decision).where(Decision.kind == DecisionKind.ADVANCE_RECOVERY)
        ).one()
        case = recovery.case
        bsn = case.client.bsn
        actor = acting_employee(session, "pjansen")
        decisions.log_explanation(
            session, actor, recovery.id, CALLED, Channel.PHONE, reached=True, note="uitgelegd"
        )
        second = draft(session, actor, case.id, DecisionKind.GRANT)
        choices = {c.decision_id: c for c in letters.choices(session, case.id)}
        made = {
            decision.id: letters.produce(session, case.id, choices[decision.id], TODAY)
            for decision in (recovery, second)
        }
        number, places = case.number, (recovery.sequence, second.sequence)
    assert number.startswith(("HLM-", "ZVT-", "HMS-"))
    assert places[0] != places[1]
    kenmerken = [f"{number}/BTV{places[0]}", f"{number}/BTK{places[1]}"]
    for letter, own, other in zip(made.values(), kenmerken, reversed(kenmerken), strict=True):
        for printed in (pdf_text(letter.pdf), docx_text(letter.docx)):
            assert own in printed
            assert other not in printed
            assert "SZW/" not in printed
        assert bsn not in own
    payment = "Zet bij elke betaling ons kenmerk " + kenmerken[0]
    assert payment in docx_text(made[recovery.id].docx)


def test_upgrading_numbers_the_cases_by_registration_and_keeps_stored_letters(database):
    with database.session() as session, session.begin():
        load_demo(session, acting_employee(session, "tester"), TODAY)
        stored = StoredLetter(
            case_id=session.scalars(select(Case.id).order_by(Case.id)).first(),
            kind="decision-rejection",
            created_at=datetime(2026, 11, 2, 12, 0, tzinfo=LOCAL_ZONE),
            created_by=acting_employee(session, "tester").id,
            pdf=b"%PDF-1.7 zoals verstuurd",
            pdf_sha256="0" * 64,
            versions={},
            data='{"brief":{"kenmerk":"SZW/BAF/20261102/1A2B3C"}}',
        )
        session.add(stored)
    config = alembic_config(database.engine)
    command.downgrade(config, PREVIOUS_REVISION)
    with database.engine.begin() as connection:
        last_case = connection.scalar(text("SELECT max(id) FROM cases"))
        decided = connection.scalar(text("SELECT min(case_id) FROM decisions"))
        # the last case registered first: the order is the registration's, not the id's
        connection.execute(
            text("UPDATE cases SET registered_on = :day WHERE id = :id").bindparams(
                bindparam("day", type_=Date)
            ),
            {"day": date(2026, 1, 2), "id": last_case},
        )
        connection.execute(
            text(
                "INSERT INTO decisions (case_id, kind, status, reasons, missing, version) "
                "VALUES (:case, 'grant', 'draft', '[]', '[]', 1)"
            ),
            {"case": decided},
        )
        for code in ("bloemendaal", "blokker"):
            connection.execute(
                text(
                    "INSERT INTO municipalities (code, name, college, postbus, postbus_postcode, "
                    "postbus_city, team_email, team_phone) VALUES (:code, :code, 'het college', "
                    "'1', '2000 AA', 'X', 'x@example.nl', '14 023')"
                ),
                {"code": code},
            )
    command.upgrade(config, "head")
    with database.engine.connect() as connection:
        prefixes = dict(
            connection.execute(text("SELECT code, case_prefix FROM municipalities")).all()
        )
        rows = connection.execute(
            text(
                "SELECT cases.id, cases.number, cases.registered_on, municipalities.case_prefix "
                "FROM cases JOIN clients ON clients.id = cases.client_id "
                "JOIN municipalities ON municipalities.id = clients.municipality_id"
            ).columns(registered_on=Date)
        ).all()
        places = connection.execute(
            text("SELECT case_id, id, sequence FROM decisions ORDER BY case_id, id")
        ).all()
        counters = connection.execute(
            text("SELECT municipality_id, year, last_number FROM case_number_counters")
        ).all()
        letter = connection.execute(
            text("SELECT data, pdf FROM letters WHERE id = :id"), {"id": stored.id}
        ).one()
    assert prefixes == {
        "haarlem": "HLM",
        "zandvoort": "ZVT",
        "heemstede": "HMS",
        "bloemendaal": "BLO",
        "blokker": "BLOA",
    }
    expected: dict[int, str] = {}
    for prefix in set(prefixes.values()):
        for year in {r.registered_on.year for r in rows}:
            ours = sorted(
                (r for r in rows if r.case_prefix == prefix and r.registered_on.year == year),
                key=lambda r: (r.registered_on, r.id),
            )
            expected |= {r.id: f"{prefix}-{year}-{n:06d}" for n, r in enumerate(ours, 1)}
    assert {r.id: r.number for r in rows} == expected
    assert next(r.number for r in rows if r.id == last_case).endswith("-2026-000001")
    for case_id in {p.case_id for p in places}:
        assert [p.sequence for p in places if p.case_id == case_id] == list(
            range(1, 1 + sum(p.case_id == case_id for p in places))
        )
    assert [p.sequence for p in places if p.case_id == decided] == [1, 2]
    assert sum(c.last_number for c in counters) == len(rows)
    assert letter.data == '{"brief":{"kenmerk":"SZW/BAF/20261102/1A2B3C"}}'
    assert bytes(letter.pdf) == b"%PDF-1.7 zoals verstuurd"

    # a case registered after the upgrade follows the numbers given
    manager = read(
        database,
        lambda s: s.scalars(select(Employee.id).where(Employee.role == Role.CASE_MANAGER)).first(),
    )
    (client,) = new_clients(database, "heemstede", by="tester")
    taken = sum(r.case_prefix == "HMS" and r.registered_on.year == 2026 for r in rows)
    assert registered(database, client, manager, by="tester") == f"HMS-2026-{taken + 1:06d}"

    command.downgrade(config, PREVIOUS_REVISION)
    command.upgrade(config, "head")
    with database.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM case_number_counters")) > 0
