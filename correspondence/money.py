"""Money as whole cents. Percentages are Decimal; rounding happens once, half up, to the cent."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

Cents = int


def percentage_of(amount: Cents, percent: Decimal) -> Cents:
    """`percent` % of `amount`, rounded half up to the cent."""
    return int((Decimal(amount) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def cents_to_decimal(amount: Cents) -> Decimal:
    return Decimal(amount).scaleb(-2)


def parse_euros(text: str) -> Cents:
    """Parse an amount typed the Dutch way ("1.234,56", "€ 12,5", "800") into cents."""
    cleaned = text.replace("€", "").replace("\xa0", "").replace(" ", "").strip()
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except ArithmeticError as exc:
        raise ValueError(f"'{text}' is geen bedrag") from exc
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise ValueError(f"'{text}' is geen bedrag in hele centen")
    return int(value.scaleb(2))
