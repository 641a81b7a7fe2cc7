"""reference data: municipalities, Atw equated days, norm tables, settings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

Beheer maintains all of this afterwards; the migration only gives a new database a start.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

MUNICIPALITIES = [
    # code, name, college, postbus, postcode, city, team e-mail, team phone
    (
        "haarlem",
        "Haarlem",
        "het college van burgemeester en wethouders van Haarlem",
        "511",
        "2003 PB",
        "Haarlem",
        "werkplein@haarlem.nl",
        "023 511 4275",
    ),
    (
        "zandvoort",
        "Zandvoort",
        "het college van burgemeester en wethouders van Zandvoort",
        "2",
        "2040 AA",
        "Zandvoort",
        "werkplein@zandvoort.nl",
        "023 574 0100",
    ),
    (
        "heemstede",
        "Heemstede",
        "het college van burgemeester en wethouders van Heemstede",
        "352",
        "2100 AJ",
        "Heemstede",
        "werkplein@heemstede.nl",
        "023 548 5868",
    ),
]

EQUATED_DAYS = [
    (date(2023, 4, 28), "Besluit gelijkstelling 2023-2025"),
    (date(2023, 5, 19), "Besluit gelijkstelling 2023-2025"),
    (date(2024, 5, 10), "Besluit gelijkstelling 2023-2025"),
    (date(2024, 12, 27), "Besluit gelijkstelling 2023-2025"),
    (date(2025, 5, 30), "Besluit gelijkstelling 2023-2025"),
    (date(2026, 1, 2), "Besluit gelijkstelling 2026-2028"),
    (date(2026, 5, 15), "Besluit gelijkstelling 2026-2028"),
    (date(2027, 5, 7), "Besluit gelijkstelling 2026-2028"),
    (date(2028, 4, 28), "Besluit gelijkstelling 2026-2028"),
    (date(2028, 5, 26), "Besluit gelijkstelling 2026-2028"),
]

UNVERIFIED = (
    "Netto normbedragen inclusief vakantietoeslag (Participatiewet art. 20-22). "
    "NIET GEVERIFIEERD: bij het opzetten niet te controleren tegen de halfjaarlijkse "
    "publicatie in de Staatscourant; beheer controleert en zet 'geverifieerd' aan."
)

# (effective from, {(household, age band): cents})
NORM_TABLES = [
    (
        date(2026, 1, 1),
        {
            ("single", "18-20"): 34_782,
            ("single_parent", "18-20"): 34_782,
            ("couple", "18-20"): 69_564,
            ("single", "21-aow"): 140_914,
            ("single_parent", "21-aow"): 140_914,
            ("couple", "21-aow"): 201_306,
            ("single", "aow"): 157_562,
            ("single_parent", "aow"): 157_562,
            ("couple", "aow"): 215_745,
        },
    ),
    (
        date(2026, 7, 1),
        {
            ("single", "18-20"): 35_304,
            ("single_parent", "18-20"): 35_304,
            ("couple", "18-20"): 70_608,
            ("single", "21-aow"): 143_028,
            ("single_parent", "21-aow"): 143_028,
            ("couple", "21-aow"): 204_326,
            ("single", "aow"): 159_925,
            ("single_parent", "aow"): 159_925,
            ("couple", "aow"): 218_980,
        },
    ),
]

SETTINGS = {
    "rights_meeting_name": "Bijeenkomst Rechten en Plichten",
    "rights_meeting_time": "09:00",
    "workshop_time": "13:00",
    "werkplein_location": "Werkplein, Zijlsingel 1, 2013 DN Haarlem",
    "advance_percent": "90",
}


def upgrade() -> None:
    municipalities = sa.table(
        "municipalities",
        *(
            sa.column(c)
            for c in (
                "code",
                "name",
                "college",
                "postbus",
                "postbus_postcode",
                "postbus_city",
                "team_email",
                "team_phone",
            )
        ),
    )
    equated = sa.table("atw_equated_days", sa.column("day", sa.Date), sa.column("decree"))
    tables = sa.table(
        "norm_tables",
        sa.column("id"),
        sa.column("effective_from", sa.Date),
        sa.column("source"),
        sa.column("verified", sa.Boolean),
    )
    amounts = sa.table(
        "norm_amounts",
        *(sa.column(c) for c in ("table_id", "household", "age_band", "amount_cents")),
    )
    settings = sa.table("settings", sa.column("key"), sa.column("value", sa.JSON))

    op.bulk_insert(
        municipalities,
        [
            dict(
                code=c,
                name=n,
                college=col,
                postbus=pb,
                postbus_postcode=pc,
                postbus_city=city,
                team_email=mail,
                team_phone=phone,
            )
            for c, n, col, pb, pc, city, mail, phone in MUNICIPALITIES
        ],
    )
    op.bulk_insert(equated, [dict(day=d, decree=k) for d, k in EQUATED_DAYS])
    bind = op.get_bind()
    for effective_from, cents_by_key in NORM_TABLES:
        table_id = bind.execute(
            tables.insert()
            .values(effective_from=effective_from, source=UNVERIFIED, verified=False)
            .returning(tables.c.id)
        ).scalar_one()
        op.bulk_insert(
            amounts,
            [
                dict(table_id=table_id, household=h, age_band=band, amount_cents=cents)
                for (h, band), cents in cents_by_key.items()
            ],
        )
    op.bulk_insert(settings, [dict(key=k, value=v) for k, v in SETTINGS.items()])


def downgrade() -> None:
    for table in (
        "settings",
        "norm_amounts",
        "norm_tables",
        "atw_equated_days",
        "municipalities",
    ):
        op.execute(sa.text(f"DELETE FROM {table}"))
