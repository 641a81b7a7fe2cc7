"""Letters from a dossier: which letters fit the case now, the case data for them from the
store, and keeping a produced letter with the dossier."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from correspondence.letters.produce import LetterProducer, ProducedLetter
from correspondence.letters.reference_data import letter_reference
from correspondence.queries import dossier
from correspondence.queries.dossier import latest_appointment, latest_session
from correspondence.records.lookup import require
from correspondence.rules.case_data import (
    AddressData,
    AdvanceData,
    CaseData,
    ClientData,
    ContactPerson,
    DecisionData,
    Explanation,
    Repayment,
)
from correspondence.rules.concept import is_concept
from correspondence.rules.copying import copied
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.kinds import KIND_OF_DECISION, LABELS, LetterKind
from correspondence.workflows import audit
from store.models import Case, Decision, Employee, StoredLetter
from store.vocabulary import AppointmentKind, DecisionStatus, Route, SessionKind


@dataclass(frozen=True)
class LetterChoice:
    kind: LetterKind
    decision_id: int | None = None
    draft: bool = False  # a decision letter before sending: a concept, not kept

    @property
    def label(self) -> str:
        return LABELS[self.kind] + (" (concept)" if self.draft else "")


def fitting_letters(case: Case) -> list[LetterChoice]:
    """The letters that fit the case's route and what has happened in it so far."""
    choices = []
    if case.route is Route.STANDARD and latest_session(case, SessionKind.RIGHTS_MEETING):
        choices.append(LetterChoice(LetterKind.HOMEWORK))
        if latest_appointment(case, AppointmentKind.PARTICIPATION_INTERVIEW):
            choices.append(LetterChoice(LetterKind.APPOINTMENT))
    if case.route is Route.YOUTH:
        choices.append(LetterChoice(LetterKind.SEARCH_PERIOD))
    if case.advances:
        choices.append(LetterChoice(LetterKind.ADVANCE))
    for decision in case.decisions:
        if decision.status in (DecisionStatus.WITHDRAWN,):
            continue
        kind = KIND_OF_DECISION[decision.kind]
        choices.append(
            LetterChoice(kind, decision.id, is_concept(kind, decision.status, sending=False))
        )
    return choices


def attempts(decision: Decision) -> tuple[Explanation, ...]:
    """The attempts logged for the decision, as explanations; the gate picks what counts."""
    return tuple(
        Explanation(c.at, c.channel, c.employee.full_name, c.reached, c.id, c.corrects_id)
        for c in decision.explanations
    )


def case_data(case: Case, choice: LetterChoice, today: date) -> CaseData:
    """The case as letter data, from the store. A draft decision is previewed as sent today."""
    client = case.client
    manager: Employee = case.case_manager
    meeting = latest_session(case, SessionKind.RIGHTS_MEETING)
    interview = latest_appointment(case, AppointmentKind.PARTICIPATION_INTERVIEW)
    advance = case.advances[0] if case.advances else None
    decision_data = None
    if choice.decision_id is not None:
        decision: Decision = next(d for d in case.decisions if d.id == choice.decision_id)
        sent_on = decision.sent_on or today
        decision_data = DecisionData(
            decided_on=decision.decided_on or today,
            sent_on=sent_on,
            reasons=tuple(decision.reasons),
            attempts=attempts(decision),
            missing=tuple(decision.missing),
            requested_on=decision.requested_on,
            starts_on=decision.starts_on,
            sequence=decision.sequence,
            ground=decision.ground,
            weighing=decision.weighing,
        )
    return CaseData(
        municipality=client.municipality.code,
        client=copied(
            ClientData,
            client,
            address=AddressData(
                client.street,
                client.house_number,
                client.house_number_addition,
                client.postcode,
                client.city,
            ),
        ),
        case_manager=ContactPerson(
            manager.full_name,
            manager.email or client.municipality.team_email,
            manager.phone or client.municipality.team_phone,
        ),
        registered_on=case.registered_on,
        rights_meeting=meeting.starts_at if meeting else None,
        interview=interview.starts_at if interview else None,
        interview_delay_reason=case.interview_delay_reason,
        application_received_on=case.application_received_on,
        application_complete_by=case.application_complete_by,
        advance=AdvanceData(
            start=advance.starts_on,
            household=advance.household,
            cost_sharers=advance.cost_sharers,
            percent=advance.percent,
            repayment=Repayment(
                first_due=advance.first_due_on or min(i.due_on for i in advance.instalments),
                months=advance.repayment_months
                if advance.repayment_monthly_cents is None
                else None,
                monthly=advance.repayment_monthly_cents,
            ),
        )
        if advance
        else None,
        decision=decision_data,
        reference=case.number,
    )


def _status(case: Case, choice: LetterChoice) -> DecisionStatus | None:
    """The status of the choice's decision as stored now; None for a letter of no decision."""
    if choice.decision_id is None:
        return None
    decision = next((d for d in case.decisions if d.id == choice.decision_id), None)
    if decision is None:
        raise ValidationFailed({"kind": "dit besluit hoort niet bij dit dossier"})
    return decision.status


class DossierLetters:
    """Produces letters for dossiers with one producer, so prepared templates are kept."""

    def __init__(self, producer: LetterProducer | None = None) -> None:
        self.producer = producer or LetterProducer()

    def choices(self, session: Session, case_id: int) -> list[LetterChoice]:
        return fitting_letters(require(session, Case, case_id))

    def produce(
        self, session: Session, case_id: int, choice: LetterChoice, today: date
    ) -> ProducedLetter:
        case = dossier.load_case(session, case_id) or require(session, Case, case_id)
        data = case_data(case, choice, today)
        reference = letter_reference(session, data.municipality)
        concept = is_concept(choice.kind, _status(case, choice), sending=False)
        return self.producer.produce(choice.kind, data, reference, concept=concept)

    def keep(
        self,
        session: Session,
        actor: Employee,
        case_id: int,
        choice: LetterChoice,
        letter: ProducedLetter,
    ) -> StoredLetter:
        """Keep the letter with the dossier: both files, hashes, versions and data."""
        # A concept is refused, not kept with its mark: what the dossier keeps is the record
        # of what the client received, the one a quality officer audits and an objection is
        # judged by. A concept's date and objection deadline are not yet fixed, so it would
        # sit beside the letter actually sent as a second version with other dates. The batch
        # keeps the real letter when it sends the decision. Asked of the stored decision as
        # it is now, not of the choice the window made earlier.
        case = require(session, Case, case_id)
        if letter.proof:
            raise ValidationFailed(
                {"kind": "een proefbrief met niet-geverifieerde gegevens wordt nooit bewaard"}
            )
        if letter.concept or is_concept(choice.kind, _status(case, choice), sending=False):
            raise ValidationFailed(
                {"kind": "een besluit wordt pas bewaard als het verzonden wordt"}
            )
        stored = StoredLetter(
            case_id=case.id,
            decision_id=choice.decision_id,
            kind=choice.kind.value,
            created_at=audit.now(),
            created_by=actor.id,
            docx=letter.docx,
            pdf=letter.pdf,
            docx_sha256=letter.docx_sha256,
            pdf_sha256=letter.pdf_sha256,
            versions=dict(letter.versions),
            data=letter.data,
        )
        session.add(stored)
        session.flush()
        audit.record(
            session,
            actor,
            "store",
            "letter",
            stored.id,
            kind=choice.kind.value,
            pdf_sha256=letter.pdf_sha256,
        )
        return stored
