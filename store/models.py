"""The records of Poortpost. Every table is created by the Alembic migrations, never by
`create_all`, so SQLite and PostgreSQL always carry the same schema."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    select,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.orm.attributes import get_history

from store.tables import (
    ATW_EQUATED_DAYS,
    METADATA,
    MUNICIPALITIES,
    NORM_AMOUNTS,
    NORM_ASSET_LIMITS,
    NORM_TABLES,
    SETTINGS,
    choice,
)
from store.types import Instant
from store.vocabulary import (
    CASE_NUMBER_LENGTH,
    CLIENT_LIMITS,
    EMPLOYEE_LIMITS,
    AgeBand,
    AppointmentKind,
    Attendance,
    BatchStatus,
    CaseStatus,
    Channel,
    DecisionKind,
    DecisionStatus,
    Household,
    Partner,
    RejectionGround,
    Role,
    Route,
    Salutation,
    SessionKind,
)


class Base(DeclarativeBase):
    # SQLAlchemy declares `__mapper_args__` and `__table_args__` on this base as attributes,
    # so a model assigns them plainly; the ClassVar that ruff's RUF012 asks for clashes with it.
    metadata = METADATA


class Employee(Base):
    __tablename__ = "employees"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(EMPLOYEE_LIMITS["username"]), unique=True)
    full_name: Mapped[str] = mapped_column(String(EMPLOYEE_LIMITS["full_name"]))
    initials: Mapped[str] = mapped_column(String(EMPLOYEE_LIMITS["initials"]), default="")
    role: Mapped[Role] = mapped_column(choice(Role, "role"))
    # beheer rights beside the role: the first person on a new database sets Poortpost up
    admin: Mapped[bool] = mapped_column(Boolean, default=False)
    email: Mapped[str] = mapped_column(String(EMPLOYEE_LIMITS["email"]), default="")
    phone: Mapped[str] = mapped_column(String(EMPLOYEE_LIMITS["phone"]), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Municipality(Base):
    __table__ = MUNICIPALITIES

    id: Mapped[int]
    code: Mapped[str]
    name: Mapped[str]
    college: Mapped[str]
    postbus: Mapped[str]
    postbus_postcode: Mapped[str]
    postbus_city: Mapped[str]
    team_email: Mapped[str]
    team_phone: Mapped[str]
    objection_url: Mapped[str]
    objection_login: Mapped[str]
    verified: Mapped[bool]
    verified_at: Mapped[datetime | None]
    verified_by: Mapped[int | None]
    case_prefix: Mapped[str]
    repayment_iban: Mapped[str]


class CaseNumberCounter(Base):
    """The last case number issued per municipality and year of registration. Issuing takes
    the row's lock, so two employees registering at once never get the same number."""

    __tablename__ = "case_number_counters"

    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (CheckConstraint("cost_sharers BETWEEN 1 AND 20", name="cost_sharers"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bsn: Mapped[str] = mapped_column(String(CLIENT_LIMITS["bsn"]), unique=True)
    initials: Mapped[str] = mapped_column(String(CLIENT_LIMITS["initials"]))
    first_name: Mapped[str] = mapped_column(String(CLIENT_LIMITS["first_name"]), default="")
    prefix: Mapped[str] = mapped_column(String(CLIENT_LIMITS["prefix"]), default="")
    surname: Mapped[str] = mapped_column(String(CLIENT_LIMITS["surname"]), index=True)
    salutation: Mapped[Salutation] = mapped_column(choice(Salutation, "salutation"))
    birth_date: Mapped[date] = mapped_column(Date)
    household: Mapped[Household] = mapped_column(choice(Household, "household"))
    # Participatiewet art. 22a: A, the cost-sharers in the home with the client (and spouse)
    cost_sharers: Mapped[int] = mapped_column(Integer, default=1)
    street: Mapped[str] = mapped_column(String(CLIENT_LIMITS["street"]))
    house_number: Mapped[str] = mapped_column(String(CLIENT_LIMITS["house_number"]))
    house_number_addition: Mapped[str] = mapped_column(
        String(CLIENT_LIMITS["house_number_addition"]), default=""
    )
    postcode: Mapped[str] = mapped_column(String(CLIENT_LIMITS["postcode"]), index=True)
    city: Mapped[str] = mapped_column(String(CLIENT_LIMITS["city"]))
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"))
    phone: Mapped[str] = mapped_column(String(CLIENT_LIMITS["phone"]), default="")
    email: Mapped[str] = mapped_column(String(CLIENT_LIMITS["email"]), default="")
    iban: Mapped[str] = mapped_column(String(CLIENT_LIMITS["iban"]), default="")
    # Name and BSN folded to lower case without accents: a portable, accent-blind search.
    search_text: Mapped[str] = mapped_column(
        String(CLIENT_LIMITS["search_text"]), index=True, default=""
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    municipality: Mapped[Municipality] = relationship()
    cases: Mapped[list[Case]] = relationship(back_populates="client", order_by="Case.registered_on")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint("route <> 'bypass' OR length(bypass_reason) > 0", name="bypass_has_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # issued once when the case is registered (workflows.cases.open_case), never changed: the
    # letters sent carry it
    number: Mapped[str] = mapped_column(String(CASE_NUMBER_LENGTH), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    route: Mapped[Route] = mapped_column(choice(Route, "route"))
    bypass_reason: Mapped[str] = mapped_column(Text, default="")
    registered_on: Mapped[date] = mapped_column(Date)
    ww_ends_on: Mapped[date | None] = mapped_column(Date)
    case_manager_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    application_received_on: Mapped[date | None] = mapped_column(Date)
    interview_delay_reason: Mapped[str] = mapped_column(Text, default="")
    # what the application still misses, and the term given to complete it (Awb 4:5)
    application_missing: Mapped[list[str]] = mapped_column(JSON, default=list)
    application_complete_by: Mapped[date | None] = mapped_column(Date)
    route_reason: Mapped[str] = mapped_column(Text, default="")  # of the last change of route
    status: Mapped[CaseStatus] = mapped_column(choice(CaseStatus, "case_status"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    client: Mapped[Client] = relationship(back_populates="cases")
    case_manager: Mapped[Employee] = relationship()
    bookings: Mapped[list[Booking]] = relationship(back_populates="case")
    appointments: Mapped[list[Appointment]] = relationship(back_populates="case")
    contacts: Mapped[list[ContactLogEntry]] = relationship(
        back_populates="case", order_by="ContactLogEntry.at"
    )
    decisions: Mapped[list[Decision]] = relationship(back_populates="case")
    advances: Mapped[list[Advance]] = relationship(
        back_populates="case", order_by="Advance.starts_on"
    )
    letters: Mapped[list[StoredLetter]] = relationship(
        back_populates="case", order_by="StoredLetter.created_at"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class GroupSession(Base):
    __tablename__ = "group_sessions"
    __table_args__ = (UniqueConstraint("kind", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[SessionKind] = mapped_column(choice(SessionKind, "session_kind"))
    starts_at: Mapped[datetime] = mapped_column(Instant)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(200))
    partner: Mapped[Partner | None] = mapped_column(choice(Partner, "partner"))

    bookings: Mapped[list[Booking]] = relationship(back_populates="session")


class Booking(Base):
    __tablename__ = "bookings"
    __table_args__ = (UniqueConstraint("session_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("group_sessions.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    attendance: Mapped[Attendance | None] = mapped_column(choice(Attendance, "attendance"))
    note: Mapped[str] = mapped_column(Text, default="")

    session: Mapped[GroupSession] = relationship(back_populates="bookings")
    case: Mapped[Case] = relationship(back_populates="bookings")


class Appointment(Base):
    __tablename__ = "appointments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[AppointmentKind] = mapped_column(choice(AppointmentKind, "appointment_kind"))
    starts_at: Mapped[datetime] = mapped_column(Instant)
    location: Mapped[str] = mapped_column(String(200))
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    held: Mapped[bool | None] = mapped_column(Boolean)  # None until recorded

    case: Mapped[Case] = relationship(back_populates="appointments")
    employee: Mapped[Employee] = relationship()


class ContactLogEntry(Base):
    """An attempt to explain a decision in advance. Append-only: a correction is a new entry
    that points at the one it corrects."""

    __tablename__ = "contact_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    at: Mapped[datetime] = mapped_column(Instant)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    channel: Mapped[Channel] = mapped_column(choice(Channel, "channel"))
    reached: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("contact_log.id"))
    recorded_at: Mapped[datetime] = mapped_column(Instant)

    case: Mapped[Case] = relationship(back_populates="contacts")
    employee: Mapped[Employee] = relationship()
    # the decisions this attempt explains: one for every call logged since explanations
    # belong to their decision; the negative decisions then open for a call from before that
    decisions: Mapped[list[Decision]] = relationship(
        secondary=lambda: explained_decisions, back_populates="explanations"
    )


# annotated because ContactLogEntry refers to it before this line defines it
explained_decisions: Table = Table(
    "explained_decisions",
    Base.metadata,
    Column("contact_id", ForeignKey("contact_log.id"), primary_key=True),
    Column("decision_id", ForeignKey("decisions.id"), primary_key=True, index=True),
)


class Decision(Base):
    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("case_id", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)  # 1, 2, ... within the case: in its kenmerk
    kind: Mapped[DecisionKind] = mapped_column(choice(DecisionKind, "decision_kind"))
    status: Mapped[DecisionStatus] = mapped_column(choice(DecisionStatus, "decision_status"))
    decided_on: Mapped[date | None] = mapped_column(Date)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # not processed (Awb 4:5): what was asked for, and when
    missing: Mapped[list[str]] = mapped_column(JSON, default=list)
    requested_on: Mapped[date | None] = mapped_column(Date)
    starts_on: Mapped[date | None] = mapped_column(Date)  # a grant's start
    # a rejection: the kind of reason, which decides the articles its letter cites
    ground: Mapped[RejectionGround | None] = mapped_column(choice(RejectionGround, "ground"))
    # a recovery: the case manager's weighing of the client's interests (Awb 3:4)
    weighing: Mapped[str] = mapped_column(Text, default="", server_default="")
    sent_on: Mapped[date | None] = mapped_column(Date)
    objection_deadline: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)

    case: Mapped[Case] = relationship(back_populates="decisions")
    explanations: Mapped[list[ContactLogEntry]] = relationship(
        secondary=explained_decisions, back_populates="decisions", order_by=ContactLogEntry.at
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Advance(Base):
    __tablename__ = "advances"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="positive_amount"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    household: Mapped[Household] = mapped_column(choice(Household, "household"))
    cost_sharers: Mapped[int] = mapped_column(Integer, default=1)
    norm_cents: Mapped[int] = mapped_column(Integer)
    percent: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    amount_cents: Mapped[int] = mapped_column(Integer)
    norm_table_id: Mapped[int] = mapped_column(ForeignKey("norm_tables.id"))
    # the repayment plan the schedule was made from, so a letter can state it again
    first_due_on: Mapped[date | None] = mapped_column(Date)
    repayment_months: Mapped[int | None] = mapped_column(Integer)
    repayment_monthly_cents: Mapped[int | None] = mapped_column(Integer)

    case: Mapped[Case] = relationship(back_populates="advances")
    instalments: Mapped[list[Instalment]] = relationship(
        back_populates="advance",
        order_by="Instalment.number",
        cascade="all, delete-orphan",
    )


class Instalment(Base):
    __tablename__ = "instalments"
    __table_args__ = (
        UniqueConstraint("advance_id", "number"),
        CheckConstraint("amount_cents > 0", name="positive_amount"),
        CheckConstraint("balance_after_cents >= 0", name="no_negative_balance"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    advance_id: Mapped[int] = mapped_column(ForeignKey("advances.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Integer)
    balance_after_cents: Mapped[int] = mapped_column(Integer)

    advance: Mapped[Advance] = relationship(back_populates="instalments")


class StoredLetter(Base):
    """A produced letter as it was made: both files, their hashes, the template versions and
    the data it was filled with, so it can be verified and reproduced byte for byte."""

    __tablename__ = "letters"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    kind: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(Instant)
    created_by: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    # deferred: a dossier lists its letters without loading every file
    docx: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # not in batches
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    docx_sha256: Mapped[str | None] = mapped_column(String(64))
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    versions: Mapped[dict[str, str]] = mapped_column(JSON)
    data: Mapped[str] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("print_batches.id"), index=True)
    first_page: Mapped[int | None] = mapped_column(Integer)  # in the batch's merged PDF
    pages: Mapped[int | None] = mapped_column(Integer)

    case: Mapped[Case] = relationship(back_populates="letters")
    batch: Mapped[PrintBatch | None] = relationship()


class PrintBatch(Base):
    """One run of batch printing. Its decisions become sent only when it completes."""

    __tablename__ = "print_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(Instant)
    finished_at: Mapped[datetime | None] = mapped_column(Instant)
    # the running batch renews it while it renders; once it has run out, the batch is stale
    lease_until: Mapped[datetime] = mapped_column(Instant)
    started_by: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    sent_on: Mapped[date] = mapped_column(Date)
    status: Mapped[BatchStatus] = mapped_column(choice(BatchStatus, "batch_status"))
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    letter_count: Mapped[int] = mapped_column(Integer, default=0)
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    output: Mapped[str] = mapped_column(Text, default="")


class NormTable(Base):
    __table__ = NORM_TABLES

    id: Mapped[int]
    effective_from: Mapped[date]
    source: Mapped[str]
    verified: Mapped[bool]
    imported_at: Mapped[datetime | None]
    imported_by: Mapped[int | None]
    verified_at: Mapped[datetime | None]
    verified_by: Mapped[int | None]

    amounts: Mapped[list[NormAmount]] = relationship(cascade="all, delete-orphan")
    asset_limits: Mapped[list[NormAssetLimit]] = relationship(cascade="all, delete-orphan")


class NormAmount(Base):
    __table__ = NORM_AMOUNTS

    id: Mapped[int]
    table_id: Mapped[int]
    household: Mapped[Household]
    age_band: Mapped[AgeBand]
    amount_cents: Mapped[int]


class NormAssetLimit(Base):
    __table__ = NORM_ASSET_LIMITS

    id: Mapped[int]
    table_id: Mapped[int]
    household: Mapped[Household]
    amount_cents: Mapped[int]


class AtwEquatedDay(Base):
    """A day equated to a holiday by Royal decree (Atw art. 3 lid 3)."""

    __table__ = ATW_EQUATED_DAYS

    day: Mapped[date]
    decree: Mapped[str]


class Setting(Base):
    __table__ = SETTINGS

    key: Mapped[str]
    value: Mapped[Any]


@event.listens_for(ContactLogEntry, "before_update")
@event.listens_for(ContactLogEntry, "before_delete")
def _contact_log_is_append_only(_mapper: Any, _connection: Any, target: ContactLogEntry) -> None:
    raise PermissionError(
        f"het contactlog is alleen aan te vullen: corrigeer gesprek {target.id} "
        "met een nieuw gesprek dat ernaar verwijst"
    )


@event.listens_for(NormTable, "before_update")
def _a_verified_norm_table_never_changes(_mapper: Any, _connection: Any, target: NormTable) -> None:
    before = get_history(target, "verified").deleted
    if (before[0] if before else target.verified) is True:
        raise PermissionError(_VERIFIED.format(target.effective_from.isoformat()))


@event.listens_for(NormTable, "before_delete")
def _a_verified_norm_table_stays(_mapper: Any, _connection: Any, target: NormTable) -> None:
    if target.verified:
        raise PermissionError(_VERIFIED.format(target.effective_from.isoformat()))


@event.listens_for(NormAmount, "before_insert")
@event.listens_for(NormAmount, "before_update")
@event.listens_for(NormAmount, "before_delete")
@event.listens_for(NormAssetLimit, "before_insert")
@event.listens_for(NormAssetLimit, "before_update")
@event.listens_for(NormAssetLimit, "before_delete")
def _amounts_of_a_verified_table_never_change(
    _mapper: Any, connection: Connection, target: NormAmount | NormAssetLimit
) -> None:
    row = connection.execute(
        select(NORM_TABLES.c.verified, NORM_TABLES.c.effective_from).where(
            NORM_TABLES.c.id == target.table_id
        )
    ).first()
    if row is not None and row.verified:
        raise PermissionError(_VERIFIED.format(row.effective_from.isoformat()))


_VERIFIED = (
    "de normtabel van {} is geverifieerd en verandert niet meer; "
    "leg een correctie vast als nieuwe tabel"
)
