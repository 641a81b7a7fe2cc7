"""Write the first versions of the Word templates in templates_nl/ from the texts in
template_texts.py.

After this first build the .docx files are the source: quality staff edit them in Word. Run
this again (`uv run scripts/build_templates.py`) only to start over from these texts. Every
file is built on one base document, so all templates share the same styles.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from template_texts import BLOCKS, LETTERS, Item

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from correspondence.rules.envelope import WINDOW  # noqa: E402

OUT = ROOT / "templates_nl"
FONT = "DejaVu Sans"
FIXED_TIME = datetime(2026, 11, 1, 0, 0, 0)
BODY_SIZE = 11  # points: what B1 readers read without effort

# --- the base document: page, fonts, styles -------------------------------------------------


def base_document() -> WordDocument:
    doc = Document()
    props = doc.core_properties
    props.author = "Sociale Zaken en Werkgelegenheid"
    props.last_modified_by = "Sociale Zaken en Werkgelegenheid"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    # B1 readers lose their place in long lines: 140 mm of 11 pt DejaVu Sans holds about 65
    # characters, never more than 80 (tests/integration/test_typography.py measures it)
    section.left_margin, section.right_margin = Mm(25), Mm(45)
    # the body opens with the return address and the address: 5 mm inside the envelope's
    # window, so that they show through it with room to spare when the sheet slides
    section.top_margin, section.bottom_margin = Mm(WINDOW.top + 5), Mm(25)
    section.header_distance, section.footer_distance = Mm(12), Mm(10)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_SIZE)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0

    def paragraph_style(
        name: str,
        size: float,
        *,
        bold: bool = False,
        after: float = 0,
        before: float = 0,
        grey: bool = False,
        keep_next: bool = False,
        indent: float = 0,
        hanging: float = 0,
    ) -> None:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.bold = bold
        if grey:
            style.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.keep_with_next = keep_next
        if indent:
            fmt.left_indent = Pt(indent)
            fmt.first_line_indent = Pt(-hanging)

    paragraph_style("Briefhoofd", 16, bold=True)
    paragraph_style("Afdeling", 9, grey=True)
    paragraph_style("Retouradres", 7, grey=True, after=3)
    # 10 pt, not the body's size: the longest place name still fits the window's width
    paragraph_style("Adres", 10)
    paragraph_style("Kenmerk", 8, grey=True)
    paragraph_style("Kenmerkwaarde", 9)
    paragraph_style("Kop", BODY_SIZE + 1, bold=True, before=10, after=3, keep_next=True)
    paragraph_style("Opsomming", BODY_SIZE, after=2, indent=14, hanging=10)
    paragraph_style("Tabeltekst", 10)
    paragraph_style("Voettekst", 8, grey=True)
    return doc


def save(doc: WordDocument, path: Path) -> None:
    """Save with fixed zip timestamps, so a rebuild of the same text is byte-identical."""
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    print(f"geschreven: {path.relative_to(ROOT)}")


def clear_body(doc: WordDocument) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


# --- writing text ---------------------------------------------------------------------------


def write(doc_or_cell, items: Iterable[Item]) -> None:
    """Write items: a plain string is a Normal paragraph; ("Kop", text) a paragraph in that
    style; "**text**" a bold paragraph; a list of rows a table (first row bold).

    A paragraph that leads in to what follows ("Zet in uw brief:") keeps with it on the page."""
    for item in items:
        if isinstance(item, list):
            table_of(doc_or_cell, item)
            continue
        if isinstance(item, tuple):
            paragraph = doc_or_cell.add_paragraph(item[1], style=item[0])
        elif item.startswith("**") and item.endswith("**"):
            paragraph = doc_or_cell.add_paragraph()
            paragraph.add_run(item[2:-2]).bold = True
        else:
            paragraph = doc_or_cell.add_paragraph(item)
        if paragraph.text.rstrip("*").endswith(":"):
            paragraph.paragraph_format.keep_with_next = True


def table_of(
    doc, rows: list[list[str]], grid: bool = True, widths: list[float] | None = None
) -> Table:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = doc.styles["Table Grid"] if grid else None
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    # amounts line up on their cents: a column of money is right-aligned, its heading too
    money = {c for row in rows for c, text in enumerate(row) if "|bedrag" in text}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            paragraph = cell.paragraphs[0]
            paragraph.style = doc.styles["Tabeltekst"]
            if c in money:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = paragraph.add_run(text)
            run.bold = grid and r == 0
            if widths:
                cell.width = Mm(widths[c])
    if widths:
        for c, width in enumerate(widths):
            table.columns[c].width = Mm(width)
    return table


def add_field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --- house style ----------------------------------------------------------------------------


LOGO_HEIGHT = Mm(12)  # the letterhead's logo; later pages carry it smaller
LATER_LOGO_HEIGHT = Mm(7)


def house_style(code: str, name: str) -> None:
    """The house style with its logo (scripts/make_logos.py draws the placeholders): one
    image in the package, shown in the header of the first page and, smaller, of the rest."""
    doc = base_document()
    clear_body(doc)
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    logo = str(OUT / "huisstijl" / "logo" / f"{code}.png")
    first = section.first_page_header
    first.paragraphs[0].style = doc.styles["Briefhoofd"]
    first.paragraphs[0].add_run().add_picture(logo, height=LOGO_HEIGHT)
    first.add_paragraph(f"Gemeente {name}", style="Briefhoofd")
    first.add_paragraph(
        "Sociale Zaken en Werkgelegenheid · Werkplein Zuid-Kennemerland", style="Afdeling"
    )
    later = section.header
    later.paragraphs[0].style = doc.styles["Afdeling"]
    later.paragraphs[0].add_run().add_picture(logo, height=LATER_LOGO_HEIGHT)
    later.add_paragraph(f"Gemeente {name} · ons kenmerk {{{{ brief.kenmerk }}}}", style="Afdeling")
    for footer in (section.first_page_footer, section.footer):
        paragraph = footer.paragraphs[0]
        paragraph.style = doc.styles["Voettekst"]
        paragraph.add_run("Pagina ")
        add_field(paragraph, "PAGE")
        paragraph.add_run(" van ")
        add_field(paragraph, "NUMPAGES")
    write(
        doc,
        [
            ("Retouradres", "Retouradres: {{ gemeente.retouradres }}"),
            ("Adres", "{%p for regel in klant.adresregels %}"),
            ("Adres", "{{ regel }}"),
            ("Adres", "{%p endfor %}"),
            ("Adres", ""),
            ("Adres", ""),
        ],
    )
    rows = [
        ["Datum", "{{ brief.datum|datum }}"],
        ["Ons kenmerk", "{{ brief.kenmerk }}"],
        ["Onderwerp", "{{ brief.onderwerp }}"],
        ["Contactpersoon", "{{ contactpersoon.naam }}"],
        ["Telefoon", "{{ contactpersoon.telefoon }}"],
        ["E-mail", "{{ contactpersoon.email }}"],
        ["Bijlage", "{{ brief.bijlage }}"],
    ]
    table = table_of(doc, rows, grid=False, widths=[35, 105])
    for row in table.rows:
        row.cells[0].paragraphs[0].style = doc.styles["Kenmerk"]
        row.cells[1].paragraphs[0].style = doc.styles["Kenmerkwaarde"]
    write(doc, ["", "[[ inhoud ]]"])
    save(doc, OUT / "huisstijl" / f"{code}.docx")


def text_document(items: Iterable[Item], path: Path, keep: int = 0) -> None:
    """A template of `items`; the first `keep` paragraphs keep with the next one."""
    doc = base_document()
    clear_body(doc)
    write(doc, items)
    for paragraph in doc.paragraphs[:keep]:
        paragraph.paragraph_format.keep_with_next = True
    save(doc, path)


# The closing and signature never stand alone on a page: they keep together, and the text
# block that every letter puts right before them (template_texts.CLOSING) keeps with them.
KEPT_BLOCKS = {"contact": len(BLOCKS["contact"]), "ondertekening": len(BLOCKS["ondertekening"]) - 1}


def main() -> None:
    for code, name in (
        ("haarlem", "Haarlem"),
        ("zandvoort", "Zandvoort"),
        ("heemstede", "Heemstede"),
    ):
        house_style(code, name)
    for name, items in BLOCKS.items():
        text_document(items, OUT / "bouwstenen" / f"{name}.docx", KEPT_BLOCKS.get(name, 0))
    for kind, items in LETTERS.items():
        text_document(items, OUT / "brieven" / f"{kind}.docx")


if __name__ == "__main__":
    main()
