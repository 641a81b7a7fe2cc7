"""Money as whole cents. Percentages are Decimal; rounding happens once, half up, to the cent."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from correspondence.rules.text import shown

Cents = int


def percentage_of(amount: Cents, percent: Decimal) -> Cents:
    """`percent` % of `amount`, rounded half up to the cent."""
    return int((Decimal(amount) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def cents_to_decimal(amount: Cents) -> Decimal:
    return Decimal(amount).scaleb(-2)


# Dutch notation: a dot groups thousands (three digits after it), a comma starts the cents
AMOUNT = re.compile(r"([1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?")
MAX_AMOUNT: Cents = 1_000_000_000  # € 10.000.000,00: far above any amount of this office


def parse_euros(text: str) -> Cents:
    """Parse an amount typed the Dutch way ("1.234,56", "1.000", "€ 12,5", "800") into cents.

    A dot is a thousands separator only when three digits follow it, so "1.00" and "1,2,3"
    are refused rather than guessed at.
    """
    cleaned = text.replace("€", "").replace("\xa0", "").replace(" ", "").strip()
    match = AMOUNT.fullmatch(cleaned)
    if match is None:
        raise ValueError(f"{shown(text)} is geen bedrag; schrijf het als 1.234,56")
    fraction = match[2] or ""
    if len(fraction) > 2:
        raise ValueError(f"{shown(text)} is geen bedrag in hele centen")
    value = Decimal(f"{match[1].replace('.', '')}.{fraction or '0'}").scaleb(2)
    if value > MAX_AMOUNT:
        raise ValueError(f"{shown(text)} is meer dan het hoogste bedrag (€ 10.000.000,00)")
    return int(value)
