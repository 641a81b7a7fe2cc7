"""The fictional people of the demo: employees of every role and clients at every step of every
route, with BSNs from a range used only by the demo."""

from __future__ import annotations

from dataclasses import dataclass

from store.vocabulary import Role

# fictional people reached through the municipality's general number, never a direct line
EMPLOYEES = [
    (
        "pjansen",
        "Petra Jansen",
        Role.CASE_MANAGER,
        "p.jansen@haarlem.nl",
        "14 023",
    ),
    (
        "aelamrani",
        "Ahmed El Amrani",
        Role.CASE_MANAGER,
        "a.elamrani@haarlem.nl",
        "14 023",
    ),
    (
        "sdeboer",
        "Sanne de Boer",
        Role.CASE_MANAGER,
        "s.deboer@haarlem.nl",
        "14 023",
    ),
    (
        "kvisser",
        "Karin Visser",
        Role.ADMINISTRATION,
        "k.visser@haarlem.nl",
        "14 023",
    ),
    ("mbakker", "Marco Bakker", Role.QUALITY, "m.bakker@haarlem.nl", "14 023"),
    ("edewit", "Els de Wit", Role.ADMIN, "e.dewit@haarlem.nl", "14 023"),
]


@dataclass(frozen=True)
class DemoClient:
    first_name: str
    initials: str
    prefix: str
    surname: str
    salutation: str
    age: int
    household: str
    street: str
    number: str
    postcode: str
    city: str
    municipality: str
    stage: str
    addition: str = ""


# stage: how far along the route the demo takes this client (see STAGES below)
DEMO_CLIENTS = [
    DemoClient(
        "Jan",
        "J.",
        "de",
        "Vries",
        "heer",
        45,
        "single",
        "Zijlsingel",
        "12",
        "2013 DN",
        "Haarlem",
        "haarlem",
        "registered",
    ),
    DemoClient(
        "Kees",
        "K.",
        "",
        "Jansen & Zn",
        "heer",
        58,
        "couple",
        "Grote Markt",
        "3",
        "2011 RD",
        "Haarlem",
        "haarlem",
        "meeting_booked",
        "A",
    ),
    DemoClient(
        "Łukasz",
        "Ł.",
        "",
        "Wiśniewski",
        "heer",
        34,
        "single",
        "Amsterdamsevaart",
        "201",
        "2032 EK",
        "Haarlem",
        "haarlem",
        "meeting_attended",
    ),
    DemoClient(
        "Şükrü",
        "Ş.",
        "",
        "Yılmaz",
        "heer",
        41,
        "single_parent",
        "Rijksstraatweg",
        "88",
        "2022 DE",
        "Haarlem",
        "haarlem",
        "interview_late",
    ),
    DemoClient(
        "Minh",
        "T.M.",
        "",
        "Nguyễn Thị Minh",
        "mevrouw",
        39,
        "single",
        "Kerkstraat",
        "5",
        "2042 JE",
        "Zandvoort",
        "zandvoort",
        "workshop",
    ),
    DemoClient(
        "Zoë",
        "Z.",
        "van der",
        "Berg-d'Hondt",
        "mevrouw",
        29,
        "single",
        "Binnenweg",
        "40",
        "2101 JE",
        "Heemstede",
        "heemstede",
        "application",
    ),
    DemoClient(
        "Astrid",
        "A.",
        "",
        "Ørsted",
        "mevrouw",
        52,
        "couple",
        "Haltestraat",
        "17",
        "2042 LM",
        "Zandvoort",
        "zandvoort",
        "rejection_ready",
    ),
    DemoClient(
        "Pieter",
        "P.",
        "van",
        "Dijk",
        "heer",
        61,
        "single",
        "Raadhuisplein",
        "1",
        "2101 HA",
        "Heemstede",
        "heemstede",
        "granted",
    ),
    DemoClient(
        "Fatima",
        "F.",
        "el",
        "Idrissi",
        "mevrouw",
        36,
        "single_parent",
        "Schotersingel",
        "9",
        "2021 GE",
        "Haarlem",
        "haarlem",
        "decision_overdue",
    ),
    DemoClient(
        "Noah",
        "N.",
        "",
        "Bakker",
        "neutraal",
        22,
        "single",
        "Kruisweg",
        "300",
        "2011 LE",
        "Haarlem",
        "haarlem",
        "youth_searching",
    ),
    DemoClient(
        "Lieke",
        "L.",
        "ter",
        "Horst",
        "mevrouw",
        24,
        "single",
        "Zeestraat",
        "60",
        "2042 LC",
        "Zandvoort",
        "zandvoort",
        "youth_applied",
    ),
    DemoClient(
        "Henk",
        "H.",
        "",
        "Smit",
        "heer",
        55,
        "single",
        "Kleine Houtstraat",
        "70",
        "2011 DR",
        "Haarlem",
        "haarlem",
        "bypass",
    ),
    DemoClient(
        "Anouk",
        "A.",
        "de",
        "Graaf",
        "mevrouw",
        47,
        "couple",
        "Glipperweg",
        "55",
        "2104 AE",
        "Heemstede",
        "heemstede",
        "ww_early",
    ),
    DemoClient(
        "Mehmet",
        "M.",
        "",
        "Öztürk",
        "heer",
        41,
        "single",
        "Rijksstraatweg",
        "120",
        "2022 DB",
        "Haarlem",
        "haarlem",
        "not_processed",
    ),
    DemoClient(
        "Pavel",
        "P.",
        "",
        "Dvořák",
        "heer",
        33,
        "single",
        "Binnenweg",
        "5",
        "2103 VK",
        "Heemstede",
        "heemstede",
        "advance_recovery",
    ),
]

DEMO_BSN_BASE = 900_000_00


def demo_bsn(index: int) -> str:
    """A BSN that passes the elfproef, from a range used only by the demo."""
    number = DEMO_BSN_BASE + index * 10
    while True:
        digits = f"{number:08d}"
        total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10:
            return digits + str(check)
        number += 1
