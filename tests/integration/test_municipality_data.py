"""Municipality data on the database: beheer changes a field and verifies the data; a change
clears the mark and is audited, and the batch holds back the letters of a municipality whose
data are not verified."""

import pytest
from sqlalchemy import select

from correspondence.batch.queue import BatchFilter, build_queue
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.employees import EmployeeInput, add_employee
from correspondence.workflows.fictional_cases import case
from correspondence.workflows.municipalities import change_municipality, verify_municipality
from store.audit_trail import AuditEvent
from store.database import Database
from store.models import Municipality
from tests.support.batch import SENT_ON, TODAY, imported


def town(session, code: str = "haarlem") -> Municipality:
    return session.scalars(select(Municipality).where(Municipality.code == code)).one()


def audited(session) -> list[tuple[str, dict]]:
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.entity == "municipality").order_by(AuditEvent.id)
    )
    return [(event.action, event.details) for event in events]


def test_a_change_clears_the_mark_and_is_audited_with_what_it_was(database: Database):
    with database.session() as session, session.begin():
        beheer = acting_employee(session, "beheerder")
        verify_municipality(session, beheer, "Haarlem")  # by name or by code
        assert town(session).verified and town(session).verified_by == beheer.id
        change = change_municipality(session, beheer, "haarlem", {"team_phone": "023 511 5115"})
        assert (change.code, change.name, change.changed) == ("haarlem", "Haarlem", ("team_phone",))
        haarlem = town(session)
        assert (haarlem.team_phone, haarlem.verified, haarlem.verified_by) == (
            "023 511 5115",
            False,
            None,
        )
        verify_municipality(session, beheer, "haarlem")  # who changed it may verify it
    with database.session() as session:
        assert town(session).verified
        assert audited(session) == [
            ("verify", {"code": "haarlem"}),
            (
                "change",
                {
                    "code": "haarlem",
                    "field": "team_phone",
                    "before": "14 023",
                    "after": "023 511 5115",
                    "was_verified": True,
                },
            ),
            ("verify", {"code": "haarlem"}),
        ]


def test_a_value_as_it_was_changes_nothing(database: Database):
    with database.session() as session, session.begin():
        beheer = acting_employee(session, "beheerder")
        verify_municipality(session, beheer, "haarlem")
        change = change_municipality(session, beheer, "haarlem", {"team_phone": " 14  023 "})
        assert change.changed == ()
        assert town(session).verified
        assert [action for action, _details in audited(session)] == ["verify"]


def test_bad_input_is_refused_per_field_and_nothing_is_stored(database: Database):
    with database.session() as session, session.begin():
        beheer = acting_employee(session, "beheerder")
        with pytest.raises(ValidationFailed) as refused:
            change_municipality(
                session,
                beheer,
                "haarlem",
                {"team_email": "werkplein@haarlem", "postbus": "512", "team_phone": "0"},
            )
        assert set(refused.value.errors) == {"team_email", "team_phone"}
        assert town(session).postbus == "511"  # the good field waits for the bad ones
        assert audited(session) == []


def test_only_beheer_changes_or_verifies_and_twice_says_by_whom(database: Database):
    with database.session() as session, session.begin():
        beheer = acting_employee(session, "beheerder")
        manager = add_employee(session, beheer, EmployeeInput("km", "K. Manager", "klantmanager"))
        with pytest.raises(WorkflowError, match=r"^alleen beheer mag gemeentegegevens wijzigen$"):
            change_municipality(session, manager, "haarlem", {"postbus": "1"})
        with pytest.raises(WorkflowError, match=r"^alleen beheer mag gemeentegegevens verifiëren$"):
            verify_municipality(session, manager, "haarlem")
        verify_municipality(session, beheer, "haarlem")
        with pytest.raises(WorkflowError) as again:
            verify_municipality(session, beheer, "haarlem")
        assert str(again.value).startswith("gemeente Haarlem is al geverifieerd door beheerder op ")
        with pytest.raises(ValidationFailed) as unknown:
            verify_municipality(session, beheer, "zwolle")
        assert unknown.value.errors == {
            "municipality": "onbekende gemeente 'zwolle'; bekend: haarlem, heemstede, zandvoort"
        }


def test_the_batch_holds_back_the_letters_of_an_unverified_municipality(sqlite_url):
    # a homework-free route: two rejections that were explained, in Haarlem and in Zandvoort
    entries = [case(0, TODAY, "rejection"), case(1, TODAY, "rejection")]
    database = imported(sqlite_url, entries)
    with database.session() as session, session.begin():
        beheer = acting_employee(session, "admin")
        change_municipality(session, beheer, entries[1]["municipality"], {"postbus": "3"})
    with database.session() as session:
        queue = build_queue(session, BatchFilter(), SENT_ON)
        name = town(session, entries[1]["municipality"]).name
    database.close()
    assert [entry.bsn for entry in queue.ready] == [entries[0]["client"]["bsn"]]
    assert [(held.bsn, held.reason) for held in queue.held_back] == [
        (
            entries[1]["client"]["bsn"],
            f"de gegevens van de gemeente {name} zijn niet geverifieerd; een brief van deze "
            "gemeente kan niet worden gemaakt tot beheer ze verifieert (Beheer › Gemeenten of "
            "municipality verify)",
        )
    ]
