"""An interview with the fixed contact person (the participation interview, or the youth
route's search-period interview): planning it, and afterwards whether it took place."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLabel, QLineEdit, QTimeEdit, QWidget

from correspondence.queries.route import AppointmentView, RouteView
from correspondence.rules.formatting import LOCAL_ZONE, clock_time, weekday_date
from correspondence.rules.vocabulary import AppointmentKind
from correspondence.workflows import route
from ui.context import AppContext
from ui.forms import FormDialog
from ui.widgets import combo, date_edit, day_of

if TYPE_CHECKING:
    from correspondence.workflows.unit_of_work import Write

TITLES = {
    AppointmentKind.PARTICIPATION_INTERVIEW: "Participatiegesprek plannen",
    AppointmentKind.SEARCH_PERIOD_INTERVIEW: "Gesprek zoektermijn plannen",
}
DEFAULT_CLOCK = time(10, 0)


class InterviewDialog(FormDialog):
    """Day, time and place; the contact person is the case manager. A participation interview
    later than 7 days after the meeting asks for the reason."""

    def __init__(
        self,
        context: AppContext,
        client_id: int,
        view: RouteView,
        kind: AppointmentKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, TITLES[kind], parent)
        self.client_id, self.case_id, self.kind = client_id, view.case_id, kind
        current = view.appointment(kind)
        replanning = current if current is not None and current.held is None else None
        today = context.today()
        first = view.calendar.on_or_after(today + timedelta(days=1))
        local = replanning.starts_at.astimezone(LOCAL_ZONE) if replanning else None
        self.form.layout_.addRow("Contactpersoon", QLabel(view.case_manager))
        self.day = self.form.add("day", "Datum", date_edit(local.date() if local else first))
        clock = local.time() if local else DEFAULT_CLOCK
        self.clock = self.form.add("clock", "Tijd", QTimeEdit(QTime(clock.hour, clock.minute)))
        self.clock.setDisplayFormat("HH:mm")
        place = replanning.location if replanning else view.werkplein
        self.location = self.form.add("location", "Plaats", QLineEdit(place))
        self.delay_reason: QLineEdit | None = None
        if kind is AppointmentKind.PARTICIPATION_INTERVIEW:
            if view.interview_due is not None:
                due = QLabel(
                    f"Uiterlijk {weekday_date(view.interview_due)} (7 dagen na de bijeenkomst)"
                )
                due.setObjectName("interview_due")
                self.form.layout_.addRow(due)
            self.delay_reason = self.form.add(
                "interview_delay_reason",
                "Reden later dan 7 dagen",
                QLineEdit(view.interview_delay_reason),
            )

    def change(self) -> Write[int]:
        case_id, kind, today = self.case_id, self.kind, self.context.today()
        day: date = day_of(self.day)
        moment = self.clock.time()
        clock = time(moment.hour(), moment.minute())
        place = self.location.text()
        reason = self.delay_reason.text() if self.delay_reason else ""
        return lambda session, actor: (
            route.plan_interview(session, actor, case_id, kind, day, clock, place, today, reason).id
        )

    def changed_client(self, saved: int) -> int:
        return self.client_id


class HeldDialog(FormDialog):
    """Whether the interview took place."""

    def __init__(
        self,
        context: AppContext,
        client_id: int,
        appointment: AppointmentView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Gesprek gehouden?", parent)
        self.client_id, self.appointment = client_id, appointment
        when = f"{weekday_date(appointment.on)} {clock_time(appointment.starts_at)}"
        self.form.layout_.addRow(QLabel(f"Gesprek van {when}"))
        self.held = self.form.add(
            "held",
            "Gehouden",
            combo([(True, "ja, het gesprek is gehouden"), (False, "nee, niet doorgegaan")]),
        )
        if appointment.held is False:
            self.held.setCurrentIndex(1)

    def change(self) -> Write[int]:
        appointment_id, held, today = (
            self.appointment.id,
            bool(self.held.currentData()),
            (self.context.today()),
        )
        return lambda session, actor: (
            route.record_held(session, actor, appointment_id, held, today).id
        )

    def changed_client(self, saved: int) -> int:
        return self.client_id
