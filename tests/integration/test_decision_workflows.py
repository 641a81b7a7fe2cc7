"""Writing and revising a decision, correcting a logged call and proposing an advance, on the
demo database."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from correspondence.queries.advances import propose_advance
from correspondence.rules.advance import Repayment
from correspondence.rules.errors import ValidationFailed, WorkflowError
from correspondence.rules.formatting import LOCAL_ZONE
from correspondence.workflows import advances, decisions
from correspondence.workflows.decisions import DecisionText
from correspondence.workflows.demo import demo_bsn
from correspondence.workflows.unit_of_work import read, write
from store.audit_trail import AuditEvent
from store.models import Advance, Client, ContactLogEntry, Decision
from store.vocabulary import Channel, DecisionKind, DecisionStatus, RejectionGround
from tests.support.data import TODAY

IDRISSI = demo_bsn(8)  # application received, no decision yet
INCOME = RejectionGround.INCOME


def case_of(session, bsn=IDRISSI) -> int:
    return session.scalar(select(Client).where(Client.bsn == bsn)).cases[0].id


def rejection(database, status=DecisionStatus.DRAFT) -> int:
    return write(
        database,
        "pjansen",
        lambda s, a: (
            decisions.draft_decision(
                s,
                a,
                case_of(s),
                DecisionKind.REJECTION,
                ["Uw inkomen is te hoog.\nDat blijkt uit uw loonstrook.", "  ", "Zie bijlage 1."],
                TODAY,
                status,
                ground=INCOME,
            ).id
        ),
    )


def test_paragraphs_are_kept_as_the_letter_prints_them(demo_database):
    decision_id = rejection(demo_database)
    with demo_database.session() as session:
        decision = session.get(Decision, decision_id)
        assert decision.reasons == [
            "Uw inkomen is te hoog. Dat blijkt uit uw loonstrook.",
            "Zie bijlage 1.",
        ]


def test_a_revised_ready_decision_is_a_draft_again_unless_saved_as_ready(demo_database):
    decision_id = rejection(demo_database, DecisionStatus.READY)
    text = DecisionText(TODAY - timedelta(days=1), ["Een nieuwe reden."], ground=INCOME)
    write(
        demo_database, "pjansen", lambda s, a: decisions.revise_decision(s, a, decision_id, text).id
    )
    with demo_database.session() as session:
        decision = session.get(Decision, decision_id)
        assert (decision.status, decision.reasons) == (DecisionStatus.DRAFT, ["Een nieuwe reden."])
        assert decision.decided_on == TODAY - timedelta(days=1)
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "revise")).one()
        assert event.details == {"was": "ready", "status": "draft"}
    write(
        demo_database,
        "pjansen",
        lambda s, a: decisions.revise_decision(s, a, decision_id, text, DecisionStatus.READY).id,
    )
    with demo_database.session() as session:
        assert session.get(Decision, decision_id).status is DecisionStatus.READY


def test_a_revision_is_refused_by_field_and_changes_nothing(demo_database):
    decision_id = rejection(demo_database)
    text = DecisionText(TODAY, ["Goed.", "Niet te drukken: 漢字"], ground=INCOME)
    with pytest.raises(ValidationFailed) as refused:
        write(
            demo_database,
            "pjansen",
            lambda s, a: decisions.revise_decision(s, a, decision_id, text).id,
        )
    assert list(refused.value.errors) == ["reasons.1"]
    with pytest.raises(ValidationFailed) as empty:
        write(
            demo_database,
            "pjansen",
            lambda s, a: (
                decisions.revise_decision(
                    s, a, decision_id, DecisionText(TODAY, [""], ground=INCOME)
                ).id
            ),
        )
    assert empty.value.errors == {
        "reasons": "dit besluit heeft de redenen van de klantmanager nodig"
    }
    with demo_database.session() as session:
        assert session.get(Decision, decision_id).reasons[-1] == "Zie bijlage 1."


def test_only_a_draft_or_ready_decision_can_be_revised(demo_database):
    decision_id = rejection(demo_database)
    write(
        demo_database,
        "pjansen",
        lambda s, a: decisions.set_status(s, a, decision_id, DecisionStatus.WITHDRAWN).id,
    )
    with pytest.raises(WorkflowError, match="ingetrokken en kan niet meer worden bewerkt"):
        write(
            demo_database,
            "pjansen",
            lambda s, a: (
                decisions.revise_decision(s, a, decision_id, DecisionText(TODAY, ["x"])).id
            ),
        )
    with pytest.raises(WorkflowError, match="een besluit dat ingetrokken is, kan niet gereed"):
        write(
            demo_database,
            "pjansen",
            lambda s, a: decisions.set_status(s, a, decision_id, DecisionStatus.READY).id,
        )


def test_a_correction_is_a_new_entry_pointing_at_the_old_one(demo_database):
    decision_id = rejection(demo_database)
    at = datetime.combine(TODAY - timedelta(days=1), datetime.min.time(), LOCAL_ZONE)

    def call(note, corrects=None, reached=False):
        return lambda s, a: (
            decisions.log_explanation(
                s, a, decision_id, at, Channel.PHONE, reached, note, corrects
            ).id
        )

    wrong = write(demo_database, "pjansen", call("Niet bereikt."))
    right = write(demo_database, "pjansen", call("Wel bereikt; uitgelegd.", wrong, True))
    with demo_database.session() as session:
        entries = {e.id: e for e in session.scalars(select(ContactLogEntry))}
        assert entries[wrong].note == "Niet bereikt."  # the log only grows
        assert entries[right].corrects_id == wrong
        assert [d.id for d in entries[right].decisions] == [decision_id]


def test_the_advance_proposed_is_the_advance_granted(demo_database):
    plan = Repayment(first_due=date(2027, 2, 1), months=5)

    def proposed(session):
        return propose_advance(session, case_of(session), TODAY, plan)

    proposal = read(demo_database, proposed)
    assert proposal.household == "alleenstaande ouder"
    assert proposal.age_band == "21 jaar tot de AOW-leeftijd"
    assert sum(i.amount for i in proposal.schedule) == proposal.amount
    advance_id = write(
        demo_database,
        "pjansen",
        lambda s, a: advances.grant_advance(s, a, case_of(s), TODAY, plan).id,
    )
    with demo_database.session() as session:
        advance = session.get(Advance, advance_id)
        assert (advance.amount_cents, advance.norm_cents) == (proposal.amount, proposal.norm)
        assert [(i.due_on, i.amount_cents) for i in advance.instalments] == [
            (i.due_on, i.amount) for i in proposal.schedule
        ]
