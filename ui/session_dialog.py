"""A seat at a group session (the rights meeting or the workshop): booking one, moving one to
another session, and the attendance afterwards."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from correspondence.queries.route import BookingView, SessionOption
from correspondence.rules.errors import ValidationFailed
from correspondence.rules.formatting import clock_time, weekday_date
from correspondence.rules.labels import ATTENDANCE
from correspondence.rules.vocabulary import Attendance, Partner, SessionKind
from correspondence.workflows import cases, route
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import combo, select

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

SESSION_NAMES = {SessionKind.RIGHTS_MEETING: "bijeenkomst", SessionKind.WORKSHOP: "workshop"}


def option_label(option: SessionOption) -> str:
    seats = "1 plaats vrij" if option.seats_left == 1 else f"{option.seats_left} plaatsen vrij"
    given = f" · {option.partner}" if option.partner else ""
    return f"{weekday_date(option.day)} {clock_time(option.starts_at)} — {seats}{given}"


class SessionDialog(FormDialog):
    """Book the case on a session of `kind`, or move `moving` to another one. The first session
    listed, the next Monday or Thursday with a free seat, is the one proposed."""

    def __init__(
        self,
        context: AppContext,
        client_id: int,
        case_id: int,
        kind: SessionKind,
        options: tuple[SessionOption, ...],
        moving: BookingView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        name = SESSION_NAMES[kind]
        title = f"Inschrijving {name} verplaatsen" if moving else f"Inschrijven voor de {name}"
        super().__init__(context, title, parent)
        self.client_id, self.case_id, self.kind, self.moving = client_id, case_id, kind, moving
        self.options = options
        self.proposed = options[0].day if options else None
        if moving is not None:
            now = QLabel(
                f"Nu ingeschreven: {weekday_date(moving.on)} {clock_time(moving.starts_at)}"
            )
            self.form.layout_.addRow(now)
        self.session = self.form.add(
            kind.value, name.capitalize(), combo([(o.day, option_label(o)) for o in options])
        )
        self.partner = None
        if kind is SessionKind.WORKSHOP:
            self.partner = self.form.add(
                "partner", "Partner", combo([(p, p.value) for p in Partner])
            )
            if moving is not None and moving.partner is not None:
                select(self.partner, moving.partner)
            self.session.currentIndexChanged.connect(self._session_changed)
            self._session_changed()
        if not options:
            self.general_error.setText(f"Er is geen {name} met een vrije plaats binnen een jaar.")

    def _session_changed(self) -> None:
        """A workshop that has bookings already is given by its own partner."""
        if self.partner is None or not self.options:
            return
        fixed = self.options[max(self.session.currentIndex(), 0)].partner
        if fixed is not None:
            select(self.partner, fixed)
        self.partner.setEnabled(fixed is None)

    def chosen_day(self) -> date | None:
        day = self.session.currentData()
        return day if isinstance(day, date) else None

    def change(self) -> Write[int]:
        day, kind, case_id, today = self.chosen_day(), self.kind, self.case_id, self.context.today()
        partner = Partner(self.partner.currentData()) if self.partner else None
        moving = self.moving.id if self.moving else None

        def write(session, actor) -> int:
            if day is None:
                raise ValidationFailed({kind.value: "kies een bijeenkomst"})
            if moving is not None:
                return route.move_booking(session, actor, moving, day, today, partner).id
            return route.book_on(session, actor, case_id, kind, day, today, partner).id

        return write

    def changed_client(self, saved: int) -> int:
        return self.client_id


class AttendanceDialog(FormDialog):
    """Present, absent or excused, with a note."""

    def __init__(
        self,
        context: AppContext,
        client_id: int,
        booking: BookingView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Aanwezigheid vastleggen", parent)
        self.client_id, self.booking = client_id, booking
        when = f"{weekday_date(booking.on)} {clock_time(booking.starts_at)}"
        self.form.layout_.addRow(QLabel(f"{SESSION_NAMES[booking.kind].capitalize()} van {when}"))
        self.attendance = self.form.add(
            "attendance", "Aanwezigheid", combo([(a, label) for a, label in ATTENDANCE.items()])
        )
        if booking.attendance is not None:
            select(self.attendance, booking.attendance)
        self.note = self.form.add("note", "Notitie", QLineEdit(booking.note))

    def chosen(self) -> Attendance:
        return Attendance(self.attendance.currentData())  # Qt hands the enum back as text

    def change(self) -> Write[Attendance]:
        booking_id, attendance, note = self.booking.id, self.chosen(), self.note.text()
        today = self.context.today()

        def write(session, actor) -> Attendance:
            cases.record_attendance(session, actor, booking_id, attendance, note, today)
            return attendance

        return write

    def changed_client(self, saved: object) -> int:
        return self.client_id
