"""The holiday allowance (vakantietoeslag) inside a bijstand amount.

Participatiewet art. 19 lid 3: "In de algemene bijstand is een vakantietoeslag begrepen ter
hoogte van 4,8 procent van die bijstand." The norm amounts of art. 20-22 (our norm tables)
therefore include it, and the allowance is a share of the amount, not an extra on top. The
law names no month of payment: the municipality's own month is the setting
`holiday_allowance_month`, and a letter names a month only when beheer has set one.
Checked against the text consolidated on 1 January 2025 (wetten.overheid.nl/BWBR0015703,
read in the MinBZK/regelrecht corpus copy); the Participatiewet in balans, in force in parts
from 1 January 2026, is not reported to change art. 19 lid 3 in the overviews we could read.
"""

from __future__ import annotations

from decimal import Decimal

from correspondence.rules.money import Cents, percentage_of

HOLIDAY_ALLOWANCE_PERCENT = Decimal("4.8")


def holiday_allowance(amount: Cents) -> Cents:
    """The holiday allowance included in a monthly bijstand `amount`: 4,8 % of it, rounded
    once, half up, to the cent. It is reserved each month; the rest is paid."""
    if amount < 0:
        raise ValueError("een bijstandsbedrag is nooit negatief")
    return percentage_of(amount, HOLIDAY_ALLOWANCE_PERCENT)
