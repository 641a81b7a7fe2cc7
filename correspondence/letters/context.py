"""The data a template sees: Dutch names for the letter's facts, built from a case and the
reference data by pure rules. Every rule (deadlines, the advance, the explanation gate) is the
one the rest of Poortpost uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypedDict

from correspondence.rules import deadlines, labels
from correspondence.rules.addresses import Address, postbus_lines
from correspondence.rules.advance import advance_terms
from correspondence.rules.calendar import AtwCalendar
from correspondence.rules.case_data import CaseData, DecisionData
from correspondence.rules.case_numbers import letter_kenmerk
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import LOCAL_ZONE, long_date, time_of_day
from correspondence.rules.gate import (
    DecisionPolicy,
    Window,
    explanation_missing,
    reached_before,
    unreached_days,
)
from correspondence.rules.grounds import GROUNDS
from correspondence.rules.holiday_allowance import HOLIDAY_ALLOWANCE_PERCENT, holiday_allowance
from correspondence.rules.identifiers import InvalidIdentifier, normalise_iban
from correspondence.rules.kinds import KINDS, LetterKind
from correspondence.rules.legal_channels import (
    NOORD_HOLLAND_HAARLEM,
    AdvanceOffer,
    Court,
    DigitalChannel,
)
from correspondence.rules.letter_marks import (
    AMOUNT_LETTERS,
    Unverified,
    unverified_data,
    unverified_table,
)
from correspondence.rules.names import PersonName
from correspondence.rules.norms import (
    YOUTH_AGE_LIMIT,
    NormNotFound,
    NormTable,
    is_young,
    norm_for,
    table_in_force,
)
from correspondence.rules.sending import Content, content_gaps
from store.vocabulary import DecisionKind, RejectionGround


@dataclass(frozen=True)
class MunicipalityInfo:
    code: str
    name: str
    college: str
    postbus: str
    postbus_postcode: str
    postbus_city: str
    team_email: str
    team_phone: str
    verified: bool  # beheer checked these data (see rules.letter_marks)
    repayment_iban: str = ""  # where an advance is paid back; beheer sets it


@dataclass(frozen=True)
class LetterReference:
    """Reference data that beheer maintains: the municipality, calendar, norms and settings."""

    municipality: MunicipalityInfo
    calendar: AtwCalendar
    norm_tables: Sequence[NormTable]
    meeting_name: str
    location: str
    advance_percent: Decimal
    policy: DecisionPolicy
    digital_objection: DigitalChannel | None = None  # the municipality's, when it has one
    court: Court = NOORD_HOLLAND_HAARLEM
    advance_offer: AdvanceOffer = AdvanceOffer.AFTER_REGISTRATION
    # the municipality's own days (settings): when bijstand is paid each month, and in which
    # month the reserved holiday allowance; the law fixes neither, so each is named only if set
    payment_day: int | None = None
    holiday_month: str | None = None
    demo: bool = False  # a demo database: fictional data, its reference data count as verified


def percent_text(percent: Decimal) -> str:
    """90 -> "90", 87.5 -> "87,5"."""
    text = format(percent.normalize(), "f")
    return text.replace(".", ",")


class LegalAdvance(TypedDict):
    """What a template sees of the legal advance (`voorschot_recht`, Participatiewet art. 52
    lid 1): the application's date and the latest days of the first two advances, each None
    while no application was received."""

    aanvraag: date | None
    eerste: date | None
    volgende: date | None


def legal_advance(received_on: date | None, calendar: AtwCalendar) -> LegalAdvance:
    if received_on is None:
        return {"aanvraag": None, "eerste": None, "volgende": None}
    first, second = deadlines.legal_advance_dates(received_on, calendar, count=2)
    return {"aanvraag": received_on, "eerste": first, "volgende": second}


def local_advance_offer(registered_on: date, ref: LetterReference) -> dict[str, date] | None:
    """The municipality's own offer (`voorschot_aanbod`): None when beheer set none, else the
    last day of an advance on request four weeks after the melding."""
    if ref.advance_offer is AdvanceOffer.NONE:
        return None
    return {"uiterlijk": deadlines.advance_deadline(registered_on, ref.calendar)}


def kenmerk(kind: LetterKind, case: CaseData) -> str:
    """Ons kenmerk: the case number with the letter's code, and the decision's sequence."""
    decision = case.decision if KINDS[kind].decision else None
    return letter_kenmerk(case.reference, kind, decision.sequence if decision else None)


def _require(errors: dict[str, str], value: object, path: str, message: str = "ontbreekt") -> None:
    if value is None or value == () or value == "":
        errors.setdefault(path, message)


def _advance(case: CaseData, ref: LetterReference, errors: dict[str, str]) -> dict[str, Any] | None:
    advance = case.advance
    if advance is None:
        return None
    household = advance.household or case.client.household
    percent = ref.advance_percent if advance.percent is None else advance.percent
    try:
        terms = advance_terms(
            ref.norm_tables,
            percent,
            advance.start,
            household,
            case.client.birth_date,
            advance.repayment,
            cost_sharers=advance.cost_sharers or case.client.cost_sharers,
        )
    except ValidationFailed as exc:
        errors.update({f"advance.{field}": message for field, message in exc.errors.items()})
        return None
    return {
        "bedrag": terms.amount,
        "norm": terms.norm,
        # Participatiewet art. 19 lid 3: the holiday allowance is a share of the amount
        "vakantiegeld": holiday_allowance(terms.amount),
        "norm_vakantiegeld": holiday_allowance(terms.norm),
        "percentage": percent_text(percent),
        "leefvorm": labels.HOUSEHOLDS[household],
        "start": advance.start,
        "termijnen": [
            {"nummer": i.number, "datum": i.due_on, "bedrag": i.amount, "saldo": i.balance_after}
            for i in terms.schedule
        ],
    }


class ToldInAdvance(TypedDict):
    """What a template sees of the explanation in advance (`besluit.uitleg`)."""

    nodig: bool
    bereikt: bool
    datum: date | None
    kanaal: str
    door: str
    pogingen: list[str]


# the same keys whatever the case or the policy, so a template that passes its sample passes all
NOT_NEEDED: ToldInAdvance = {
    "nodig": False,
    "bereikt": False,
    "datum": None,
    "kanaal": "",
    "door": "",
    "pogingen": [],
}


def _told_in_advance(
    kind: DecisionKind,
    decision: DecisionData,
    window: Window,
    policy: DecisionPolicy,
    errors: dict[str, str],
) -> ToldInAdvance:
    """What the letter says about the explanation in advance; the gate decides if it may."""
    if not policy.needs_explanation(kind):
        return NOT_NEEDED
    attempts = decision.attempts or ((decision.explained,) if decision.explained else ())
    gap = explanation_missing(kind, attempts, window, policy)
    if gap:
        errors["decision.explained"] = gap
        return NOT_NEEDED
    reached = reached_before(attempts, window)
    if reached is None:
        days = unreached_days(attempts, window, policy)
        return {**NOT_NEEDED, "nodig": True, "pogingen": [long_date(day) for day in days]}
    return {
        **NOT_NEEDED,
        "nodig": True,
        "bereikt": True,
        "datum": reached.at.astimezone(LOCAL_ZONE).date(),
        "kanaal": labels.CHANNELS_IN_A_SENTENCE[reached.channel],
        "door": reached.by,
    }


def _decision(
    kind: LetterKind, case: CaseData, ref: LetterReference, errors: dict[str, str]
) -> dict[str, Any] | None:
    decision_kind = KINDS[kind].decision
    decision = case.decision
    if decision_kind is None:
        return None
    if decision is None:
        errors["decision"] = "ontbreekt; een besluitbrief heeft een besluit nodig"
        return None
    if decision.sent_on < decision.decided_on:
        errors["decision.sent_on"] = "de verzenddatum ligt vóór de datum van het besluit"
    result: dict[str, Any] = {
        "datum": decision.decided_on,
        "verzonden": decision.sent_on,
        "bezwaartermijn": deadlines.objection_deadline(decision.sent_on, ref.calendar),
        # the day six weeks after sending and, when the Atw moved the last day, why
        "zes_weken": decision.sent_on + timedelta(days=deadlines.OBJECTION_TERM_DAYS),
        "bezwaar_verschoven": deadlines.objection_moved_by(decision.sent_on, ref.calendar) or "",
        "bezwaar_per_post": deadlines.posted_objection_arrival(decision.sent_on, ref.calendar),
        "redenen": list(decision.reasons),
        "ontbrekend": list(decision.missing),
        "gevraagd_op": decision.requested_on,
        "uitleg": _told_in_advance(
            decision_kind,
            decision,
            Window(case.registered_on, decision.sent_on),
            ref.policy,
            errors,
        ),
    }
    if kind is LetterKind.NOT_PROCESSED:
        refusal = deadlines.not_processed_refusal(
            case.application_complete_by, decision.sent_on, ref.calendar
        )
        if refusal:
            errors["application_complete_by"] = refusal
        result["aanvullen_tot"] = case.application_complete_by
    content = Content(
        decision.reasons,
        decision.missing,
        decision.requested_on,
        decision.ground,
        decision.weighing,
    )
    errors.update({f"decision.{f}": m for f, m in content_gaps(decision_kind, content).items()})
    if kind is LetterKind.REJECTION and decision.ground in GROUNDS:
        ground = GROUNDS[decision.ground]
        result["grond"] = {"artikelen": ground.articles, "uitleg": ground.explained}
        result["vermogensgrens"] = (
            _asset_limit(case, ref, errors) if decision.ground is RejectionGround.ASSETS else None
        )
    if kind is LetterKind.ADVANCE_RECOVERY:
        result["afweging"] = [line for line in decision.weighing.splitlines() if line.strip()]
        result["iban"] = _repayment_iban(ref.municipality, errors)
    if kind is LetterKind.GRANT:
        starts_on = _grant_start(case)
        try:
            _table, norm = norm_for(
                ref.norm_tables,
                starts_on,
                case.client.household,
                case.client.birth_date,
                case.client.cost_sharers,
            )
        except NormNotFound as exc:
            errors["decision.starts_on"] = str(exc)
            norm = 0
        result.update(
            ingangsdatum=starts_on,
            norm=norm,
            vakantiegeld=holiday_allowance(norm),
            vakantiegeld_maand=ref.holiday_month or "",
            betaaldag=ref.payment_day or "",
            leefvorm=labels.HOUSEHOLDS[case.client.household],
        )
    return result


def _asset_limit(
    case: CaseData, ref: LetterReference, errors: dict[str, str]
) -> dict[str, Any] | None:
    """The asset limit of the client's household on the day of the application (Participatiewet
    art. 34 lid 3): from the latest verified norm table of that year that carries the limits,
    since they change on 1 January only. Refused rather than printed unverified or guessed."""
    day = case.application_received_on or case.registered_on
    household = case.client.household
    tables = [
        t
        for t in ref.norm_tables
        if t.asset_limits and t.effective_from <= day and t.effective_from.year == day.year
    ]
    if not tables:
        errors["decision.ground"] = (
            f"geen normtabel van {day.year} noemt de vermogensgrenzen (artikel 34, derde lid, "
            "Participatiewet); beheer leest de tabel van 1 januari in met die grenzen"
        )
        return None
    table = table_in_force(tables, day)
    unverified = unverified_table(table, demo=ref.demo)
    if unverified is not None:
        errors["decision.ground"] = unverified.reason
        return None
    return {
        "bedrag": table.asset_limits[household],
        "sinds": table.effective_from,
        "leefvorm": labels.HOUSEHOLDS[household],
    }


def _repayment_iban(town: MunicipalityInfo, errors: dict[str, str]) -> str:
    """The account a recovery letter asks the client to pay to; refused when beheer has not
    set a valid one, since a letter must never send a payment nowhere."""
    if not town.repayment_iban:
        errors["municipality.repayment_iban"] = (
            f"ontbreekt: beheer legt het rekeningnummer (IBAN) voor terugbetalingen van "
            f"{town.name} vast"
        )
        return ""
    try:
        return normalise_iban(town.repayment_iban)
    except InvalidIdentifier as exc:
        errors["municipality.repayment_iban"] = f"{exc}; beheer legt het juiste vast"
        return ""


def _meeting(case: CaseData, ref: LetterReference) -> dict[str, Any] | None:
    if case.rights_meeting is None:
        return None
    return {
        "naam": ref.meeting_name,
        "datum": case.rights_meeting.astimezone(LOCAL_ZONE).date(),
        "tijd": time_of_day(case.rights_meeting),
        "plaats": ref.location,
    }


def _kind_rules(kind: LetterKind, case: CaseData, errors: dict[str, str]) -> None:
    if kind in (LetterKind.HOMEWORK, LetterKind.APPOINTMENT):
        _require(errors, case.rights_meeting, "rights_meeting")
    if kind is LetterKind.APPOINTMENT:
        _require(errors, case.interview, "interview")
        if case.rights_meeting and case.interview:
            meeting = case.rights_meeting.astimezone(LOCAL_ZONE).date()
            interview = case.interview.astimezone(LOCAL_ZONE).date()
            if (
                not deadlines.interview_in_time(meeting, interview)
                and not case.interview_delay_reason
            ):
                errors["interview"] = (
                    "ligt niet binnen 7 dagen na de bijeenkomst; geef de reden in "
                    "interview_delay_reason"
                )
    if kind in (LetterKind.ADVANCE, LetterKind.ADVANCE_RECOVERY):
        _require(errors, case.advance, "advance")
    if kind in (LetterKind.GRANT, LetterKind.REJECTION, LetterKind.NOT_PROCESSED):
        _require(errors, case.application_received_on, "application_received_on")
    young = is_young(case.client.birth_date, case.registered_on)
    if kind is LetterKind.SEARCH_PERIOD and not young:
        errors["client.birth_date"] = (
            f"de zoektermijn geldt alleen voor klanten jonger dan {YOUTH_AGE_LIMIT}"
        )


def _grant_start(case: CaseData) -> date:
    """The day a grant starts, whose norm table its amount comes from and is checked against."""
    return (case.decision.starts_on if case.decision else None) or case.registered_on


def amount_table(kind: LetterKind, case: CaseData, ref: LetterReference) -> NormTable | None:
    """The norm table the letter's amount comes from; None for a letter without an amount, or
    when no table is in force (the letter is refused for that on its own)."""
    if kind not in AMOUNT_LETTERS:
        return None
    if kind is LetterKind.GRANT:
        starts_on = _grant_start(case)
    elif case.advance is not None:
        starts_on = case.advance.start
    else:
        return None
    try:
        return table_in_force(ref.norm_tables, starts_on)
    except NormNotFound:
        return None


def unverified_letter_data(
    kind: LetterKind, case: CaseData, ref: LetterReference
) -> Unverified | None:
    """What the letter would print that beheer has not verified (rules.letter_marks)."""
    return unverified_data(
        demo=ref.demo,
        municipality=ref.municipality.name,
        municipality_verified=ref.municipality.verified,
        amount_table=amount_table(kind, case, ref),
    )


def letter_date(kind: LetterKind, case: CaseData) -> date:
    """The date printed on the letter: the day it is handed over or sent."""
    if KINDS[kind].decision and case.decision:
        return case.decision.sent_on
    if kind is LetterKind.APPOINTMENT and case.rights_meeting:
        return case.rights_meeting.astimezone(LOCAL_ZONE).date()
    if kind is LetterKind.ADVANCE and case.advance:
        return case.advance.start
    return case.registered_on


def build_context(kind: LetterKind, case: CaseData, ref: LetterReference) -> dict[str, Any]:
    """Everything the template of `kind` may use, or ValidationFailed naming the JSON fields."""
    errors: dict[str, str] = {}
    _kind_rules(kind, case, errors)
    client = case.client
    name = PersonName(client.initials, client.prefix, client.surname, client.first_name)
    address = Address(
        client.address.street,
        client.address.number,
        client.address.addition,
        client.address.postcode,
        client.address.city,
    )
    town = ref.municipality
    postbus = postbus_lines(town.postbus, town.postbus_postcode, town.postbus_city)
    advance = (
        _advance(case, ref, errors) if KINDS[kind].decision or kind is LetterKind.ADVANCE else None
    )
    decision = _decision(kind, case, ref, errors)
    if errors:
        raise ValidationFailed(errors)
    context: dict[str, Any] = {
        "gemeente": {
            "naam": town.name,
            "college": town.college,
            "retouradres": f"{postbus[0]}, {postbus[1].replace('  ', ' ')}",
            "postadres": f"{postbus[0]}, {postbus[1]}",
            "email": town.team_email,
            "telefoon": town.team_phone,
        },
        "klant": {
            "naam": name.formal,
            "volledige_naam": name.full,
            "aanhef": name.salutation(client.salutation),
            "adresregels": [name.addressee(client.salutation), *address.lines],
            "bsn": client.bsn,
        },
        "contactpersoon": {
            "naam": case.case_manager.name,
            "email": case.case_manager.email,
            "telefoon": case.case_manager.phone,
        },
        "brief": {
            "datum": letter_date(kind, case),
            "kenmerk": kenmerk(kind, case),
            "onderwerp": KINDS[kind].subject,
            "bijlage": case.attachment or "geen",
        },
        "melding": {"datum": case.registered_on},
    }
    if kind in (LetterKind.HOMEWORK, LetterKind.APPOINTMENT):
        context["bijeenkomst"] = _meeting(case, ref)
    if kind is LetterKind.HOMEWORK:
        context["voorschot_percentage"] = percent_text(ref.advance_percent)
    if kind in (LetterKind.HOMEWORK, LetterKind.ADVANCE):
        context["voorschot_recht"] = legal_advance(case.application_received_on, ref.calendar)
        context["voorschot_aanbod"] = local_advance_offer(case.registered_on, ref)
    if kind is LetterKind.ADVANCE:
        context["werkplein"] = ref.location
    if kind is LetterKind.APPOINTMENT and case.interview:
        context["gesprek"] = {
            "datum": case.interview.astimezone(LOCAL_ZONE).date(),
            "tijd": time_of_day(case.interview),
            "plaats": ref.location,
        }
    if KINDS[kind].decision:  # the key is always there; its value only with an application
        received = case.application_received_on
        context["aanvraag"] = received and {
            "ontvangen": received,
            "beslistermijn": deadlines.decision_deadline(received, ref.calendar),
        }
    if KINDS[kind].decision or kind is LetterKind.ADVANCE:
        context["voorschot"] = advance
    if kind in AMOUNT_LETTERS:
        context["vakantiegeld_procent"] = percent_text(HOLIDAY_ALLOWANCE_PERCENT)
    if decision is not None:
        context["besluit"] = decision
        channel = ref.digital_objection
        context["bezwaar_digitaal"] = channel and {
            "adres": channel.url,
            "inloggen": f"U logt daar in met {channel.login}. " if channel.login else "",
        }
        court = ref.court
        court_postbus = postbus_lines(court.postbus, court.postcode, court.city)
        context["rechtbank"] = {
            "naam": court.name,
            "locatie": court.location,
            "postadres": f"{court_postbus[0]}, {court_postbus[1]}",
        }
    if kind is LetterKind.SEARCH_PERIOD:
        period = deadlines.search_period(case.registered_on)
        context["zoektermijn"] = {
            "einde": period.last_day,
            "aanvragen_vanaf": period.apply_from,
            "bijstand_vanaf": period.bijstand_from,
        }
    return context
