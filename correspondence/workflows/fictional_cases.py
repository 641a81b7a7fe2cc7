"""Fictional cases in the import schema, as many as asked, every decision ready and names in many
scripts: for a trial print run and for measuring one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

KINDS = ["grant", "rejection", "not_processed", "advance_recovery"]
SURNAMES = ["Jansen & Zn", "Wiśniewski", "Yılmaz", "Nguyễn Thị Minh", "Berg-d'Hondt", "Ørsted"]
MUNICIPALITIES = [
    ("haarlem", "Haarlem", 2011),
    ("zandvoort", "Zandvoort", 2041),
    ("heemstede", "Heemstede", 2101),
]


def bsn(index: int) -> str:
    number = 200_000_00 + index * 7
    while True:
        digits = f"{number:08d}"
        check = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return digits + str(check)
        number += 1


def case(
    index: int, today: date, kind: str | None = None, explained: bool = True
) -> dict[str, Any]:
    kind = kind or KINDS[index % len(KINDS)]
    code, city, base = MUNICIPALITIES[index % len(MUNICIPALITIES)]
    registered = today - timedelta(days=40)
    decision: dict[str, object] = {
        "kind": kind,
        "status": "ready",
        "decided_on": (today - timedelta(days=2)).isoformat(),
        "sent_on": today.isoformat(),
        "reasons": [f"Reden {index} met & < > \" '."],
    }
    if kind == "rejection":  # every rejection names its kind of reason (rules.grounds)
        decision["ground"] = "income"
    if kind == "advance_recovery":  # and every recovery its weighing (Awb 3:4)
        decision["weighing"] = f"Afweging {index}: de klant kan in kleine bedragen terugbetalen."
    if kind == "not_processed":
        decision["missing"] = ["bankafschriften van drie maanden"]
        decision["requested_on"] = (today - timedelta(days=20)).isoformat()
    if explained and kind != "grant":
        decision["explained"] = {
            "at": (today - timedelta(days=1)).isoformat() + "T10:00:00+01:00",
            "channel": "phone",
            "by": "Petra Jansen",
            "reached": True,
        }
    entry = {
        "municipality": code,
        "client": {
            "bsn": bsn(index),
            "initials": "A.",
            "first_name": "An",
            "prefix": "",
            "surname": f"{SURNAMES[index % len(SURNAMES)]} {index}",
            "salutation": ["heer", "mevrouw", "neutraal"][index % 3],
            "birth_date": "1980-05-01",
            "household": "single",
            "address": {
                "street": "Kerkstraat",
                "number": str(index % 300 + 1),
                "addition": "",
                "postcode": f"{base + (index * 37) % 60} {'ABCDEFGH'[index % 8]}X",
                "city": city,
            },
        },
        "case_manager": {
            "name": "Petra Jansen",
            "email": "p.jansen@haarlem.nl",
            "phone": "14 023",
        },
        "registered_on": registered.isoformat(),
        "application_received_on": (registered + timedelta(days=4)).isoformat(),
        "decision": decision,
    }
    if kind == "not_processed":
        entry["application_complete_by"] = (today - timedelta(days=10)).isoformat()
    if kind == "advance_recovery":
        entry["advance"] = {
            "start": (registered + timedelta(days=7)).isoformat(),
            "repayment": {"months": 6, "first_due": (today + timedelta(days=60)).isoformat()},
        }
    return entry


def cases(n: int, today: date) -> list[dict[str, Any]]:
    return [case(i, today) for i in range(n)]
