"""The cover sheet of a print batch: what is in it, per kind, for the post room."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from correspondence.letters.pdf import BUILDING, face, register_fonts
from correspondence.letters.pdfa import PdfaCanvas
from correspondence.rules.formatting import long_date
from correspondence.rules.kinds import KIND_OF_DECISION, LABELS
from store.vocabulary import DecisionKind


@dataclass(frozen=True)
class KindCount:
    label: str
    letters: int
    pages: int


def counts_per_kind(letters: Iterable[tuple[DecisionKind, int]]) -> dict[str, KindCount]:
    """Letters and pages per kind of decision, from each letter's kind and pages, by label."""
    letters = list(letters)
    counts: dict[str, KindCount] = {}
    for kind, number in Counter(kind for kind, _pages in letters).items():
        label = LABELS[KIND_OF_DECISION[kind]]
        pages = sum(p for k, p in letters if k is kind)
        counts[label] = KindCount(label, number, pages)
    return dict(sorted(counts.items()))


def cover_sheet(
    batch_id: int, sent_on: date, counts: Mapping[str, KindCount], held_back: int, filters: str
) -> bytes:
    register_fonts()
    title = ParagraphStyle("titel", fontName=face(bold=True, italic=False), fontSize=16, leading=20)
    body = ParagraphStyle("tekst", fontName=face(bold=False, italic=False), fontSize=10, leading=14)
    rows = [["Soort", "Brieven", "Pagina's"]]
    rows += [[c.label, str(c.letters), str(c.pages)] for c in counts.values()]
    rows.append(
        [
            "Totaal",
            str(sum(c.letters for c in counts.values())),
            str(sum(c.pages for c in counts.values())),
        ]
    )
    table = Table(
        rows,
        colWidths=[260, 80, 80],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), face(bold=False, italic=False), 10),
                ("FONT", (0, 0), (-1, 0), face(bold=True, italic=False), 10),
                ("FONT", (0, -1), (-1, -1), face(bold=True, italic=False), 10),
                ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ]
        ),
    )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=(595.2756, 841.8898),
        invariant=1,
        title=f"Batch {batch_id}",
        subject="Voorblad van een verzendbatch",
        author="Sociale Zaken en Werkgelegenheid",
        creator="Poortpost",
        producer="Poortpost",
        initialFontName=face(bold=False, italic=False),  # not reportlab's Helvetica
    )
    with BUILDING:
        document.build(
            [
                Paragraph(f"Verzendbatch {batch_id}", title),
                Spacer(1, 8),
                Paragraph(f"Verzenddatum: {long_date(sent_on)}", body),
                Paragraph(f"Selectie: {escape(filters)}", body),
                Paragraph(f"Tegengehouden (niet in deze batch): {held_back}", body),
                Paragraph(
                    "Elke brief begint op een nieuw vel (dubbelzijdig afdrukken); "
                    "brieven op volgorde van postcode.",
                    body,
                ),
                Spacer(1, 12),
                table,
            ],
            canvasmaker=PdfaCanvas,
        )
    return buffer.getvalue()
