"""The gate without loopholes: an explanation counts only between the registration of the case
and the date of sending, and only for the decision it explains."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from alembic import command
from sqlalchemy import select

import main
from correspondence.batch.queue import BatchFilter, build_queue
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.rules.gate import Window, explanation_missing
from correspondence.workflows import decisions
from correspondence.workflows.actors import acting_employee
from correspondence.workflows.fictional_cases import case
from correspondence.workflows.importing import import_cases, parse_cases
from store.database import Database, alembic_config
from store.models import ContactLogEntry, Decision
from store.vocabulary import Channel, DecisionKind, DecisionStatus, RejectionGround
from tests.support.batch import SENT_ON, TODAY, imported


@dataclass(frozen=True)
class Call:
    at: datetime
    reached: bool = True
    id: int | None = None
    corrects_id: int | None = None


def local(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LOCAL_ZONE)


@pytest.mark.parametrize(
    ("called_on", "counts"),
    [
        (date(2026, 10, 31), False),  # before the registration
        (date(2026, 11, 2), True),  # the day of the registration
        (date(2026, 11, 30), True),  # the day of sending
        (date(2026, 12, 1), False),  # after sending
    ],
)
def test_an_explanation_counts_only_between_registration_and_sending(called_on, counts):
    window = Window(registered_on=date(2026, 11, 2), sent_on=date(2026, 11, 30))
    gap = explanation_missing(DecisionKind.REJECTION, [Call(local(called_on))], window)
    assert (gap is None) is counts


def rejection_ready(database: Database, registered_days_ago: int = 40) -> int:
    entry = case(0, TODAY, "rejection", explained=False)
    entry["registered_on"] = (TODAY - timedelta(days=registered_days_ago)).isoformat()
    imported_database = imported(database.url, [entry])
    imported_database.close()
    with database.session() as session:
        return session.scalars(select(Decision.id)).one()


@pytest.mark.parametrize(
    ("moment", "message"),
    [
        (local(TODAY - timedelta(days=41)), "vóór de melding"),
        (datetime.now(UTC) + timedelta(hours=1), "in de toekomst"),
        (datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=2))), "vóór de melding"),
    ],
)
def test_a_call_outside_the_window_is_refused_when_it_is_logged(database, moment, message):
    decision_id = rejection_ready(database)
    with (
        pytest.raises(ValidationFailed, match=message),
        database.session() as session,
        session.begin(),
    ):
        decisions.log_explanation(
            session,
            acting_employee(session, "admin"),
            decision_id,
            moment,
            Channel.PHONE,
            True,
            "uitgelegd",
        )
    with database.session() as session:
        assert session.scalars(select(ContactLogEntry)).all() == []


def test_a_call_before_the_registration_is_refused_when_it_is_imported(sqlite_url):
    entry = case(0, TODAY, "rejection")
    entry["decision"]["explained"]["at"] = f"{TODAY - timedelta(days=60)}T10:00:00+01:00"
    database = Database.open(sqlite_url)
    with (
        pytest.raises(ValidationFailed, match="vóór de melding") as refused,
        database.session() as session,
        session.begin(),
    ):
        import_cases(session, acting_employee(session, "admin"), parse_cases([entry]), TODAY)
    assert any(field.startswith("zaak 0") for field in refused.value.errors)
    with database.session() as session:
        assert session.scalars(select(Decision)).all() == []
    database.close()


def two_negative_decisions(database: Database) -> tuple[int, int]:
    """A case with a ready rejection and a ready advance recovery, neither explained yet."""
    decision_id = rejection_ready(database)
    with database.session() as session, session.begin():
        rejection = session.get(Decision, decision_id)
        assert rejection is not None
        recovery = decisions.draft_decision(
            session,
            acting_employee(session, "admin"),
            rejection.case_id,
            DecisionKind.ADVANCE_RECOVERY,
            ["Het voorschot is niet terugbetaald."],
            TODAY - timedelta(days=2),
            DecisionStatus.READY,
            weighing="De klant kan in kleine bedragen terugbetalen.",
        )
        return rejection.id, recovery.id


def test_a_call_about_one_decision_does_not_release_another(database):
    rejection, recovery = two_negative_decisions(database)
    with database.session() as session, session.begin():
        decisions.log_explanation(
            session,
            acting_employee(session, "admin"),
            rejection,
            local(TODAY - timedelta(days=1)),
            Channel.PHONE,
            True,
            "afwijzing uitgelegd",
        )
    with database.session() as session:
        queue = build_queue(session, BatchFilter(), SENT_ON)
    assert [e.decision_id for e in queue.ready] == [rejection]
    assert [(h.decision_id, h.reason) for h in queue.held_back] == [
        (recovery, "er is nog geen uitleg vooraf aan de klant vastgelegd")
    ]


def explain(url: str, bsn: str, *extra: str) -> int:
    return main.main(
        [
            "--db",
            url,
            "--as",
            "admin",
            "explain",
            bsn,
            "--channel",
            "phone",
            "--reached",
            "yes",
            "--note",
            "uitgelegd",
            "--at",
            f"{TODAY - timedelta(days=1)}T10:00",
            *extra,
        ]
    )


def test_explain_names_the_decision_when_more_than_one_awaits_a_call(sqlite_url, capsys):
    database = Database.open(sqlite_url)
    rejection, recovery = two_negative_decisions(database)
    bsn = case(0, TODAY)["client"]["bsn"]
    assert explain(sqlite_url, bsn) == 2
    message = capsys.readouterr().err
    assert "meer besluiten wachten op uitleg vooraf" in message
    assert str(rejection) in message and str(recovery) in message
    assert message.count("\n") == 1
    assert explain(sqlite_url, bsn, "--decision", "advance_recovery") == 0
    assert explain(sqlite_url, bsn, "--decision", str(rejection)) == 0
    assert explain(sqlite_url, bsn, "--decision", "999") == 2
    assert "besluit 999 staat niet in dit dossier" in capsys.readouterr().err
    with database.session() as session:
        linked = {d.id: [c.note for c in d.explanations] for d in session.scalars(select(Decision))}
    assert linked == {rejection: ["uitgelegd"], recovery: ["uitgelegd"]}
    database.close()


def test_calls_from_before_the_change_are_linked_to_the_decisions_open_on_their_date(database):
    """A database from before explanations belonged to decisions is migrated: each call is
    linked to the negative decisions of its case that had not been sent before its day."""
    rejection, recovery = two_negative_decisions(database)
    with database.session() as session, session.begin():
        actor = acting_employee(session, "admin")
        decisions.log_explanation(
            session,
            actor,
            recovery,
            local(TODAY - timedelta(days=1)),
            Channel.PHONE,
            True,
            "uitgelegd",
        )
        earlier = decisions.draft_decision(
            session,
            actor,
            session.get(Decision, rejection).case_id,
            DecisionKind.REJECTION,
            ["Een eerdere aanvraag."],
            TODAY - timedelta(days=9),
            DecisionStatus.READY,
            ground=RejectionGround.INCOME,
        )
        earlier.status, earlier.sent_on = DecisionStatus.SENT, TODAY - timedelta(days=5)
    config = alembic_config(database.engine)
    command.downgrade(config, "0005")
    command.upgrade(config, "head")
    with database.session() as session:
        call = session.scalars(select(ContactLogEntry)).one()
        # the rejection was still open on the day of the call; the earlier decision was sent
        assert sorted(d.id for d in call.decisions) == sorted([rejection, recovery])


@pytest.mark.parametrize("number", ["²", "99999999999999999999", "-1"])
def test_a_decision_number_that_is_no_number_is_refused_not_a_traceback(sqlite_url, number, capsys):
    database = Database.open(sqlite_url)
    two_negative_decisions(database)
    assert explain(sqlite_url, case(0, TODAY)["client"]["bsn"], "--decision", number) == 2
    err = capsys.readouterr().err
    assert err.startswith("poortpost: ") and err.count("\n") == 1
    database.close()
