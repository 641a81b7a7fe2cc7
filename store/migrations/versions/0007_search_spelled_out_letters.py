"""search finds special letters the way a Dutch user types them

A client's search text now holds each name folded without its special letters ("yilmaz" for
Yılmaz, "orsted" for Ørsted) and, where it differs, with umlauts and the slashed o spelled out
("oersted", "oeztuerk"). The search text of every client is made again with that rule; the rule
is copied here as it is today, because a migration must keep doing what it did when it was
written.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 13:30:00
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SEARCH_TEXT_LENGTH = 600
UNACCENTED = str.maketrans(
    {"ø": "o", "ı": "i", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ŋ": "n",
     "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe"}
)  # fmt: skip
SPELLED_OUT = str.maketrans({"ø": "oe", "ö": "oe", "ü": "ue", "ä": "ae"})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(UNACCENTED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _search_text(bsn: str, name: str) -> str:
    folded, spelled = _fold(name), _fold(name.casefold().translate(SPELLED_OUT))
    words = folded if spelled == folded else f"{folded} {spelled}"
    return f"{bsn} {words}"[:SEARCH_TEXT_LENGTH]


def upgrade() -> None:
    clients = sa.table(
        "clients",
        sa.column("id"),
        sa.column("bsn"),
        sa.column("first_name"),
        sa.column("initials"),
        sa.column("prefix"),
        sa.column("surname"),
        sa.column("search_text"),
    )
    connection = op.get_bind()
    c = clients.c
    rows = connection.execute(
        sa.select(c.id, c.bsn, c.first_name, c.initials, c.prefix, c.surname)
    ).all()
    for client_id, bsn, *parts in rows:
        connection.execute(
            clients.update()
            .where(c.id == client_id)
            .values(search_text=_search_text(bsn, " ".join(parts)))
        )


def downgrade() -> None:
    """The longer search text stays: the old search finds the same clients in it."""
