"""The data of one case for a letter, read from JSON (the `letter` command's CASE.json) with a
Dutch message naming every field that is missing or wrong."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from correspondence.rules.advance import Repayment
from correspondence.rules.case_numbers import normalise_case_number
from correspondence.rules.dates import DateKind, DateRefused, parse_day, parse_moment
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.identifiers import InvalidIdentifier, normalise_bsn, normalise_postcode
from correspondence.rules.money import Cents, parse_euros
from correspondence.rules.norms import MAX_COST_SHARERS
from correspondence.rules.schedule import ScheduleError, check_monthly, check_months
from correspondence.rules.text import TextRefused, letter_text
from store.vocabulary import (
    CLIENT_LIMITS,
    EMPLOYEE_LIMITS,
    Channel,
    Household,
    RejectionGround,
    Salutation,
)

MAX_DECISIONS = 999  # in one case: far more than any case sees, and a short kenmerk

# the same lengths as the columns that store the case when it is imported


@dataclass(frozen=True)
class AddressData:
    street: str
    number: str
    addition: str
    postcode: str
    city: str


@dataclass(frozen=True)
class ClientData:
    bsn: str
    initials: str
    first_name: str
    prefix: str
    surname: str
    salutation: Salutation
    birth_date: date
    household: Household
    address: AddressData
    cost_sharers: int = 1  # Participatiewet art. 22a: A, the client (and spouse) counted in


@dataclass(frozen=True)
class ContactPerson:
    name: str
    email: str
    phone: str


@dataclass(frozen=True)
class Explanation:
    """An explanation of a decision given in advance, as recorded in the contact log."""

    at: datetime
    channel: Channel
    by: str
    reached: bool
    id: int | None = None
    corrects_id: int | None = None


@dataclass(frozen=True)
class AdvanceData:
    start: date
    repayment: Repayment
    # as granted, so a later change of the client's home or of the setting does not change
    # the advance's letters; None (a case file): the client's and the setting's
    household: Household | None = None
    cost_sharers: int | None = None
    percent: Decimal | None = None


@dataclass(frozen=True)
class DecisionData:
    decided_on: date
    sent_on: date
    reasons: tuple[str, ...] = ()
    explained: Explanation | None = None
    attempts: tuple[Explanation, ...] = ()  # the whole contact log, when taken from a dossier
    missing: tuple[str, ...] = ()
    requested_on: date | None = None
    starts_on: date | None = None
    sequence: int = 1  # its place among the decisions of the case, in the kenmerk
    ground: RejectionGround | None = None  # a rejection's kind of reason (rules.grounds)
    weighing: str = ""  # a recovery's weighing of the client's interests (Awb 3:4)


@dataclass(frozen=True)
class CaseData:
    municipality: str
    client: ClientData
    case_manager: ContactPerson
    registered_on: date
    rights_meeting: datetime | None = None
    interview: datetime | None = None
    interview_delay_reason: str = ""
    application_received_on: date | None = None
    application_complete_by: date | None = None  # the term to complete it (Awb 4:5)
    advance: AdvanceData | None = None
    decision: DecisionData | None = None
    reference: str = ""  # the case number Poortpost issued (HLM-2026-000123), if any
    attachment: str = ""


# What a required date or moment reads as when it is missing or wrong, as a required text reads
# as "": its error is recorded, so parse_case raises before anything built with it is seen.
_UNREAD_DAY = date.min
_UNREAD_MOMENT = datetime.min


class _Reader:
    """Reads typed values from nested JSON, collecting a message per bad field."""

    def __init__(self, data: Any, today: date) -> None:
        self.data = data
        self.today = today
        self.errors: dict[str, str] = {}

    def _get(self, path: str, required: bool) -> Any:
        node, walked = self.data, ""
        for key in path.split("."):
            if not isinstance(node, dict):
                self.errors.setdefault(walked or path, "hoort een object te zijn")
                return None
            node, walked = node.get(key), f"{walked}.{key}" if walked else key
            if node is None:
                if required:
                    self.errors.setdefault(path, "ontbreekt")
                return None
        return node

    def present(self, path: str) -> bool:
        return self._get(path, False) is not None

    def _letter_text(self, path: str, value: str, limit: int | None = None) -> str:
        try:
            return letter_text(value, limit)
        except TextRefused as exc:
            self.errors[path] = str(exc)
            return ""

    def text(
        self, path: str, required: bool = True, allow_empty: bool = False, limit: int | None = None
    ) -> str:
        value = self._get(path, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.errors[path] = "hoort tekst te zijn"
            return ""
        value = self._letter_text(path, value, limit)
        if required and not value and not allow_empty:
            self.errors.setdefault(path, "mag niet leeg zijn")
        return value

    def day(self, path: str, kind: DateKind = DateKind.ANY) -> date:
        found = self._day(path, True, kind)
        return found if found is not None else _UNREAD_DAY

    def optional_day(self, path: str, kind: DateKind = DateKind.ANY) -> date | None:
        return self._day(path, False, kind)

    def _day(self, path: str, required: bool, kind: DateKind) -> date | None:
        value = self._get(path, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.errors[path] = "hoort een datum te zijn als JJJJ-MM-DD"
            return None
        try:
            return parse_day(value, self.today, kind)
        except DateRefused as exc:
            self.errors[path] = str(exc)
            return None

    def moment(self, path: str) -> datetime:
        """A date and time; without a zone it is Dutch local time."""
        found = self._moment(path, True)
        return found if found is not None else _UNREAD_MOMENT

    def optional_moment(self, path: str) -> datetime | None:
        return self._moment(path, False)

    def _moment(self, path: str, required: bool) -> datetime | None:
        value = self._get(path, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.errors[path] = "hoort een tijdstip te zijn als JJJJ-MM-DDTuu:mm"
            return None
        try:
            return parse_moment(value, self.today)
        except DateRefused as exc:
            self.errors[path] = str(exc)
            return None

    def choice(self, path: str, options: dict[str, Any]) -> Any:
        return self._choice(path, options, True)

    def optional_choice(self, path: str, options: dict[str, Any]) -> Any:
        return self._choice(path, options, False)

    def _choice(self, path: str, options: dict[str, Any], required: bool) -> Any:
        value = self._get(path, required)
        if value is None:
            return None
        if not isinstance(value, str) or value not in options:
            self.errors[path] = "kies uit: " + ", ".join(options)
            return None
        return options[value]

    def texts(self, path: str) -> tuple[str, ...]:
        value = self._get(path, False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.errors[path] = "hoort een lijst met teksten te zijn"
            return ()
        return tuple(c for c in (self._letter_text(path, v) for v in value) if c)

    def boolean(self, path: str) -> bool:
        value = self._get(path, True)
        if value is not None and not isinstance(value, bool):
            self.errors[path] = "hoort true of false te zijn"
            return False
        return bool(value)

    def whole_number(self, path: str, default: int, highest: int, meaning: str) -> int:
        """A whole number from 1 to `highest`, `default` when absent; `meaning` says what it
        counts in the message."""
        value = self._get(path, False)
        if value is None:
            return default
        if not isinstance(value, int) or isinstance(value, bool):
            self.errors[path] = "hoort een geheel getal te zijn"
            return default
        if not 1 <= value <= highest:
            self.errors[path] = f"tussen 1 en {highest}: {meaning}"
            return default
        return value

    def months(self, path: str) -> int | None:
        value = self._get(path, False)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.errors[path] = "hoort een geheel getal te zijn"
            return None
        try:
            return check_months(value)
        except ScheduleError as exc:
            self.errors[path] = str(exc)
            return None

    def monthly(self, path: str) -> Cents | None:
        value = self._get(path, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.errors[path] = 'hoort een bedrag te zijn, zoals "150,00"'
            return None
        try:
            return check_monthly(parse_euros(str(value)))
        except ValueError as exc:  # ScheduleError is a ValueError too
            self.errors[path] = str(exc)
            return None

    def identifier(self, path: str, normalise: Any, required: bool = True) -> str:
        value = self.text(path, required)
        if not value or path in self.errors:
            return value
        try:
            return str(normalise(value))
        except InvalidIdentifier as exc:
            self.errors[path] = str(exc)
            return value


def _client(read: _Reader) -> ClientData:
    limit = CLIENT_LIMITS
    return ClientData(
        bsn=read.identifier("client.bsn", normalise_bsn),
        initials=read.text("client.initials", limit=limit["initials"]),
        first_name=read.text("client.first_name", required=False, limit=limit["first_name"]),
        prefix=read.text("client.prefix", required=False, limit=limit["prefix"]),
        surname=read.text("client.surname", limit=limit["surname"]),
        salutation=read.choice("client.salutation", {s.value: s for s in Salutation}),
        birth_date=read.day("client.birth_date", kind=DateKind.BIRTH),
        household=read.choice("client.household", {h.value: h for h in Household}),
        cost_sharers=read.whole_number(
            "client.cost_sharers",
            1,
            MAX_COST_SHARERS,
            "het aantal kostendelers in de woning, de klant meegeteld",
        ),
        address=AddressData(
            street=read.text("client.address.street", limit=limit["street"]),
            number=read.text("client.address.number", limit=limit["house_number"]),
            addition=read.text(
                "client.address.addition", required=False, limit=limit["house_number_addition"]
            ),
            postcode=read.identifier("client.address.postcode", normalise_postcode),
            city=read.text("client.address.city", limit=limit["city"]),
        ),
    )


def _explanation(read: _Reader) -> Explanation | None:
    if not read.present("decision.explained"):
        return None
    return Explanation(
        at=read.moment("decision.explained.at"),
        channel=read.choice("decision.explained.channel", {c.value: c for c in Channel}),
        by=read.text("decision.explained.by", limit=EMPLOYEE_LIMITS["full_name"]),
        reached=read.boolean("decision.explained.reached"),
    )


def _advance(read: _Reader) -> AdvanceData | None:
    if not read.present("advance"):
        return None
    months, monthly = (
        read.months("advance.repayment.months"),
        read.monthly("advance.repayment.monthly"),
    )
    return AdvanceData(
        start=read.day("advance.start"),
        repayment=Repayment(
            first_due=read.day("advance.repayment.first_due"),
            months=months,
            monthly=monthly,
        ),
    )


def _decision(read: _Reader) -> DecisionData | None:
    if not read.present("decision"):
        return None
    return DecisionData(
        decided_on=read.day("decision.decided_on"),
        sent_on=read.day("decision.sent_on", kind=DateKind.SENDING),
        reasons=read.texts("decision.reasons"),
        explained=_explanation(read),
        missing=read.texts("decision.missing"),
        requested_on=read.optional_day("decision.requested_on"),
        starts_on=read.optional_day("decision.starts_on"),
        sequence=read.whole_number(
            "decision.sequence", 1, MAX_DECISIONS, "het hoeveelste besluit van de zaak dit is"
        ),
        ground=read.optional_choice("decision.ground", {g.value: g for g in RejectionGround}),
        weighing=read.text("decision.weighing", required=False),
    )


def parse_case(data: Any, today: date | None = None) -> CaseData:
    """The case in `data`, or ValidationFailed naming each bad field by its JSON path.

    `today` (default: the real today) bounds a birth date and a date of sending.
    """
    if not isinstance(data, dict):
        raise ValidationFailed({"(bestand)": "hoort één JSON-object met een zaak te zijn"})
    read = _Reader(data, today or date.today())
    case = CaseData(
        municipality=read.text("municipality").lower(),
        client=_client(read),
        case_manager=ContactPerson(
            name=read.text("case_manager.name", limit=EMPLOYEE_LIMITS["full_name"]),
            email=read.text("case_manager.email", limit=EMPLOYEE_LIMITS["email"]),
            phone=read.text("case_manager.phone", limit=EMPLOYEE_LIMITS["phone"]),
        ),
        registered_on=read.day("registered_on"),
        rights_meeting=read.optional_moment("rights_meeting"),
        interview=read.optional_moment("interview"),
        interview_delay_reason=read.text("interview_delay_reason", required=False),
        application_received_on=read.optional_day("application_received_on"),
        application_complete_by=read.optional_day("application_complete_by"),
        advance=_advance(read),
        decision=_decision(read),
        reference=read.identifier("reference", normalise_case_number, required=False),
        attachment=read.text("attachment", required=False),
    )
    if read.errors:
        raise ValidationFailed(read.errors)
    return case
