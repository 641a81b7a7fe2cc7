"""What an employee or a resident reads for each value of the vocabulary: one Dutch label per
value, used by the windows, the letters and the commands alike."""

from __future__ import annotations

from store.vocabulary import (
    AgeBand,
    Attendance,
    CaseStatus,
    Channel,
    DecisionKind,
    DecisionStatus,
    Household,
    Route,
)

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
AGE_BANDS = {
    AgeBand.YOUNG: "18 tot en met 20 jaar",
    AgeBand.ADULT: "21 jaar tot de AOW-leeftijd",
    AgeBand.PENSION: "AOW-leeftijd",
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
# what a decision is called in a sentence: "Besluit 'afwijzing' intrekken?"
DECISION_KINDS = {
    DecisionKind.GRANT: "toekenning",
    DecisionKind.REJECTION: "afwijzing",
    DecisionKind.NOT_PROCESSED: "buiten behandeling",
    DecisionKind.ADVANCE_RECOVERY: "terugvordering voorschot",
}
CASE_STATUSES = {CaseStatus.OPEN: "open", CaseStatus.CLOSED: "gesloten"}
ATTENDANCE = {
    Attendance.PRESENT: "aanwezig",
    Attendance.ABSENT: "niet verschenen",
    Attendance.EXCUSED: "afgemeld",
}
