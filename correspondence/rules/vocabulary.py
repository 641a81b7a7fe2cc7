"""The values of the vocabulary a window or a command chooses from (a decision's kind and
status, how a client was spoken to, an employee's role). They are stored as they are, so they
are defined with the store; callers outside correspondence take them from here."""

from __future__ import annotations

from store.vocabulary import (
    AppointmentKind,
    Attendance,
    Channel,
    DecisionKind,
    DecisionStatus,
    Partner,
    RejectionGround,
    Role,
    Route,
    SessionKind,
)

__all__ = [
    "AppointmentKind",
    "Attendance",
    "Channel",
    "DecisionKind",
    "DecisionStatus",
    "Partner",
    "RejectionGround",
    "Role",
    "Route",
    "SessionKind",
]
