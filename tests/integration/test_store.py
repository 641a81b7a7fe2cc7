"""Store round trips on a real SQLite file and a real PostgreSQL, schema made by the migrations."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from store.audit_trail import AuditEvent
from store.database import Database, DatabaseUnavailable, alembic_config
from store.models import (
    Advance,
    AtwEquatedDay,
    Booking,
    Case,
    Client,
    ContactLogEntry,
    Decision,
    Employee,
    GroupSession,
    Instalment,
    Municipality,
    NormTable,
)
from store.vocabulary import (
    Attendance,
    CaseStatus,
    Channel,
    DecisionKind,
    DecisionStatus,
    Household,
    Role,
    Route,
    Salutation,
    SessionKind,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def make_client(session, bsn="123456782", surname="Jansen & Zn <\"'>") -> Client:
    haarlem = session.scalar(select(Municipality).where(Municipality.code == "haarlem"))
    client = Client(
        bsn=bsn,
        initials="Ł.",
        first_name="Łukasz",
        prefix="",
        surname=surname,
        salutation=Salutation.MR,
        birth_date=date(1980, 5, 1),
        household=Household.SINGLE,
        street="Zijlsingel",
        house_number="1",
        postcode="2013 DN",
        city="Haarlem",
        municipality=haarlem,
    )
    session.add(client)
    return client


def test_migration_creates_every_table_and_reference_data(database: Database):
    tables = set(inspect(database.engine).get_table_names())
    assert {
        "employees",
        "municipalities",
        "clients",
        "cases",
        "group_sessions",
        "bookings",
        "appointments",
        "contact_log",
        "decisions",
        "advances",
        "instalments",
        "norm_tables",
        "norm_amounts",
        "atw_equated_days",
        "settings",
        "audit_events",
        "alembic_version",
    } <= tables
    with database.session() as session:
        codes = session.scalars(select(Municipality.code).order_by(Municipality.code)).all()
        assert codes == ["haarlem", "heemstede", "zandvoort"]
        haarlem = session.scalar(select(Municipality).where(Municipality.code == "haarlem"))
        assert haarlem is not None
        assert (haarlem.postbus, haarlem.postbus_postcode) == ("511", "2003 PB")
        assert date(2026, 5, 15) in session.scalars(select(AtwEquatedDay.day)).all()
        assert len(session.scalars(select(NormTable)).all()) >= 2


def test_opening_twice_is_idempotent(database_url: str):
    Database.open(database_url).close()
    database = Database.open(database_url)
    head = ScriptDirectory.from_config(alembic_config(database.engine)).get_current_head()
    with database.session() as session:
        assert session.scalar(text("SELECT version_num FROM alembic_version")) == head
    database.close()


def test_full_round_trip(database: Database):
    moment = datetime(2026, 12, 9, 14, 0, tzinfo=AMSTERDAM)
    with database.session() as session, session.begin():
        employee = Employee(username="pjansen", full_name="Petra Jansen", role=Role.CASE_MANAGER)
        client = make_client(session)
        case = Case(
            number="HLM-2026-000001",
            client=client,
            route=Route.STANDARD,
            registered_on=date(2026, 11, 2),
            case_manager=employee,
            status=CaseStatus.OPEN,
        )
        meeting = GroupSession(
            kind=SessionKind.RIGHTS_MEETING,
            starts_at=datetime(2026, 11, 5, 9, 0, tzinfo=AMSTERDAM),
            duration_minutes=60,
            capacity=25,
            location="Werkplein",
        )
        session.add_all(
            [
                Booking(session=meeting, case=case, attendance=Attendance.PRESENT),
                ContactLogEntry(
                    case=case,
                    at=moment,
                    employee=employee,
                    channel=Channel.PHONE,
                    reached=True,
                    note="uitgelegd",
                    recorded_at=moment,
                ),
                Decision(
                    case=case,
                    sequence=1,
                    kind=DecisionKind.REJECTION,
                    status=DecisionStatus.READY,
                    reasons=["Één reden & nog één <b>"],
                ),
                Advance(
                    case=case,
                    starts_on=date(2026, 11, 16),
                    household=Household.SINGLE,
                    norm_cents=143_028,
                    percent=Decimal("90.00"),
                    amount_cents=128_725,
                    norm_table_id=1,
                    instalments=[
                        Instalment(
                            number=1,
                            due_on=date(2027, 1, 1),
                            amount_cents=128_725,
                            balance_after_cents=0,
                        )
                    ],
                ),
                AuditEvent(
                    at=moment,
                    action="test",
                    entity="case",
                    entity_id="1",
                    details={"naam": "Şükrü"},
                ),
            ]
        )
    with database.session() as session:
        stored = session.scalar(select(Client))
        assert stored is not None
        assert stored.surname == "Jansen & Zn <\"'>"
        assert stored.first_name == "Łukasz"
        case = stored.cases[0]
        assert case.bookings[0].session.starts_at == datetime(
            2026, 11, 5, 8, 0, tzinfo=ZoneInfo("UTC")
        )
        assert case.contacts[0].at == moment
        assert case.contacts[0].at.utcoffset() is not None
        assert case.decisions[0].reasons == ["Één reden & nog één <b>"]
        advance = case.advances[0]
        assert advance.percent == Decimal("90.00")
        assert advance.instalments[0].amount_cents == 128_725
        event = session.scalar(select(AuditEvent))
        assert event is not None
        assert event.details == {"naam": "Şükrü"}


def test_bsn_is_unique(database: Database):
    with database.session() as session, session.begin():
        make_client(session)
    with pytest.raises(IntegrityError), database.session() as session, session.begin():
        make_client(session, surname="Ander")


def test_foreign_keys_are_enforced(database: Database):
    with pytest.raises(IntegrityError), database.session() as session, session.begin():
        session.execute(
            text(
                "INSERT INTO cases (number, client_id, route, bypass_reason, registered_on, "
                "case_manager_id, interview_delay_reason, status, version) "
                "VALUES ('HLM-2026-000001', 999, 'standard', '', '2026-11-02', 999, '', 'open', 1)"
            )
        )


def test_bypass_needs_a_reason_in_the_database_too(database: Database):
    with pytest.raises(IntegrityError), database.session() as session, session.begin():
        employee = Employee(username="x", full_name="X", role=Role.CASE_MANAGER)
        session.add(
            Case(
                number="HLM-2026-000001",
                client=make_client(session),
                route=Route.BYPASS,
                bypass_reason="",
                registered_on=date(2026, 11, 2),
                case_manager=employee,
                status=CaseStatus.OPEN,
            )
        )


def test_a_missing_folder_is_a_clear_dutch_error(tmp_path):
    with pytest.raises(DatabaseUnavailable, match="bestaat niet"):
        Database.open(f"sqlite:///{tmp_path}/nergens/poortpost.sqlite3")
    assert not (tmp_path / "nergens").exists()


def test_a_corrupt_file_is_a_clear_dutch_error(tmp_path):
    broken = tmp_path / "kapot.sqlite3"
    broken.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(DatabaseUnavailable, match="niet te openen"):
        Database.open(f"sqlite:///{broken}")
    assert broken.read_bytes() == b"dit is geen database" * 100
