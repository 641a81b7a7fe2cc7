"""What an employee or a resident reads for each value of the vocabulary: one Dutch label per
value, used by the windows, the letters and the commands alike."""

from __future__ import annotations

from store.vocabulary import Attendance, CaseStatus, Channel, DecisionStatus, Household, Route

ROUTES = {
    Route.STANDARD: "standaard (27 jaar en ouder)",
    Route.YOUTH: "jongeren (onder 27)",
    Route.BYPASS: "bypass (maatwerk)",
}
HOUSEHOLDS = {
    Household.SINGLE: "alleenstaande",
    Household.SINGLE_PARENT: "alleenstaande ouder",
    Household.COUPLE: "gehuwden of samenwonenden",
}
CHANNELS = {Channel.PHONE: "telefoon", Channel.IN_PERSON: "gesprek"}
# how a letter says the client was told: "U bent op … telefonisch ingelicht"
CHANNELS_IN_A_SENTENCE = {Channel.PHONE: "telefonisch", Channel.IN_PERSON: "in een gesprek"}
DECISION_STATUSES = {
    DecisionStatus.DRAFT: "concept",
    DecisionStatus.READY: "gereed",
    DecisionStatus.SENT: "verzonden",
    DecisionStatus.WITHDRAWN: "ingetrokken",
}
CASE_STATUSES = {CaseStatus.OPEN: "open", CaseStatus.CLOSED: "gesloten"}
ATTENDANCE = {
    Attendance.PRESENT: "aanwezig",
    Attendance.ABSENT: "niet verschenen",
    Attendance.EXCUSED: "afgemeld",
}
