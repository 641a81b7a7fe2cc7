"""What `batch-print` reports, after a run or a dry run: one JSON object, or Dutch lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from correspondence.rules.formatting import count_noun

if TYPE_CHECKING:
    from correspondence.batch.queue import HeldBack
    from correspondence.batch.run import Printed
    from correspondence.rules.vocabulary import DecisionKind


@dataclass(frozen=True)
class Planned:
    """A decision a dry run would print: its dates are known, its pages not yet."""

    bsn: str
    kind: DecisionKind
    sent_on: date
    objection_deadline: date
    first_page: None = None
    pages: None = None


def batch_report(
    printed: Sequence[Printed | Planned], held_back: Sequence[HeldBack], pages: int
) -> dict[str, Any]:
    """The JSON object README documents, the same for a run and a dry run."""
    return {
        "printed": [
            {
                "bsn": p.bsn,
                "kind": p.kind.value,
                "first_page": p.first_page,
                "pages": p.pages,
                "sent_on": p.sent_on.isoformat(),
                "objection_deadline": p.objection_deadline.isoformat(),
            }
            for p in printed
        ],
        "held_back": [{"bsn": h.bsn, "kind": h.kind.value, "reason": h.reason} for h in held_back],
        "pages": pages,
    }


def describe_report(report: dict[str, Any], out: Path, dry_run: bool) -> str:
    printed, held = report["printed"], report["held_back"]
    decisions = count_noun(len(printed), "besluit", "besluiten")
    if dry_run:
        lines = [f"Zou afdrukken: {decisions}."]
    elif printed:
        pages = count_noun(report["pages"], "pagina", "pagina's")
        lines = [f"Afgedrukt: {decisions}, {pages} in {out}."]
    else:
        lines = ["Geen besluiten gereed; er is geen bestand gemaakt."]
    lines += [f"Tegengehouden: BSN {h['bsn']} ({h['kind']}): {h['reason']}" for h in held]
    return "\n".join(lines)
