"""A case's current booking and appointment of each kind, which the dossier shows and the
workflows act on: a rebooking or a new appointment replaces the earlier one."""

from __future__ import annotations

from store.models import Appointment, Booking, Case
from store.vocabulary import AppointmentKind, SessionKind


def latest_booking(case: Case, kind: SessionKind) -> Booking | None:
    """The case's last booking on a session of `kind`: a rebooking replaces the earlier one."""
    mine = [b for b in case.bookings if b.session.kind is kind]
    return max(mine, key=lambda b: b.session.starts_at) if mine else None


def latest_appointment(case: Case, kind: AppointmentKind) -> Appointment | None:
    found = [a for a in case.appointments if a.kind is kind]
    return max(found, key=lambda a: a.starts_at) if found else None
