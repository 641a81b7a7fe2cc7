"""The rendered letter as plain blocks (paragraphs, tables, page breaks) with resolved
formatting, read from the Word XML. Our PDF is drawn from this model, so it carries exactly
the text of the DOCX."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from correspondence.letters.logo import Logo, embedded, inline_size
from correspondence.letters.package import SAFE_PARSER, R, w
from correspondence.letters.styles import (
    Format,
    Styles,
    apply_paragraph,
    apply_run,
    cell_margin,
    has_borders,
    on,
    twips,
)


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    color: str | None = None
    field: str | None = None  # PAGE or NUMPAGES, filled in per page
    line_break: bool = False


@dataclass(frozen=True)
class Paragraph:
    format: Format
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Table:
    widths: tuple[float, ...]
    rows: tuple[tuple[tuple[Paragraph, ...], ...], ...]
    borders: bool
    cell_margin: float


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Picture:
    """The house style's logo, in line with the text, at the size Word gives it."""

    logo: Logo
    width: float
    height: float


Block = Paragraph | Table | PageBreak | Picture
Pictures = Mapping[str, Logo]  # a part's pictures by relationship id (logo.logos)


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    header: float
    footer: float
    title_page: bool


@dataclass(frozen=True)
class Letter:
    page: Page
    blocks: tuple[Block, ...]
    headers: Mapping[str, tuple[Block, ...]]  # "first" / "default"
    footers: Mapping[str, tuple[Block, ...]]


def _field_name(instruction: str) -> str | None:
    words = instruction.split()
    return words[0] if words else None


def read_paragraph(
    paragraph: etree._Element, styles: Styles, pictures: Pictures | None = None
) -> list[Block]:
    """A paragraph, split where it holds a page break; a picture in it comes before its text."""
    ppr = paragraph.find(w("pPr"))
    style = ppr.find(w("pStyle")) if ppr is not None else None
    fmt = apply_paragraph(styles.paragraph(style.get(w("val")) if style is not None else None), ppr)
    blocks: list[Block] = []
    spans: list[Span] = []
    field_instruction: str | None = None
    in_field_result = False

    def span_for(run: etree._Element, text: str, field: str | None = None) -> Span:
        run_fmt = apply_run(fmt, run.find(w("rPr")))
        return Span(
            text,
            run_fmt.bold,
            run_fmt.italic,
            run_fmt.underline,
            run_fmt.color if run_fmt.color != fmt.color else None,
            field=field,
        )

    for child in paragraph:
        if child.tag == w("fldSimple"):
            first = next((r for r in child if r.tag == w("r")), None)
            field = _field_name(child.get(w("instr"), ""))
            spans.append(span_for(first if first is not None else child, "", field=field))
            continue
        if child.tag == w("hyperlink"):
            runs = [r for r in child if r.tag == w("r")]
        else:
            runs = [child] if child.tag == w("r") else []
        for run in runs:
            for part in run:
                if part.tag == w("fldChar"):
                    kind = part.get(w("fldCharType"))
                    if kind == "begin":
                        field_instruction, in_field_result = "", False
                    elif kind == "separate" or (kind == "end" and not in_field_result):
                        # a field without a shown result still shows its value
                        if field_instruction is not None:
                            spans.append(span_for(run, "", field=_field_name(field_instruction)))
                        field_instruction, in_field_result = None, kind == "separate"
                    elif kind == "end":
                        in_field_result = False
                elif part.tag == w("instrText") and field_instruction is not None:
                    field_instruction += part.text or ""
                elif in_field_result:
                    continue
                elif part.tag == w("t"):
                    spans.append(span_for(run, part.text or ""))
                elif part.tag == w("drawing") and pictures:
                    logo = pictures.get(embedded(part) or "")
                    if logo is not None:
                        blocks.append(Picture(logo, *inline_size(part)))
                elif part.tag == w("br"):
                    if part.get(w("type")) == "page":
                        blocks.append(Paragraph(fmt, tuple(spans)))
                        blocks.append(PageBreak())
                        spans = []
                    else:
                        spans.append(Span("", line_break=True))
    # a paragraph that only holds the logo is the picture alone
    pictured = any(isinstance(b, Picture) for b in blocks)
    if (spans or not blocks) and (not pictured or any(s.text for s in spans)):
        blocks.append(Paragraph(fmt, tuple(spans)))
    # An empty paragraph that only carried a page break leaves no line of its own.
    return [
        b
        for i, b in enumerate(blocks)
        if not (isinstance(b, Paragraph) and not b.spans and i + 1 < len(blocks))
    ]


def read_table(table: etree._Element, styles: Styles) -> Table:
    tblpr = table.find(w("tblPr"))
    style = tblpr.find(w("tblStyle")) if tblpr is not None else None
    borders, margin = styles.table(style.get(w("val")) if style is not None else None)
    if tblpr is not None:
        direct = tblpr.find(w("tblBorders"))
        if direct is not None:
            borders = has_borders(direct)
        margin = cell_margin(tblpr.find(w("tblCellMar")), margin)
    grid = table.find(w("tblGrid"))
    widths = tuple(twips(col, "w") for col in (grid if grid is not None else []))
    rows = []
    for row in table.findall(w("tr")):
        cells = []
        for cell in row.findall(w("tc")):
            paragraphs: list[Paragraph] = []
            for p in cell.findall(w("p")):
                paragraphs.extend(b for b in read_paragraph(p, styles) if isinstance(b, Paragraph))
            cells.append(tuple(paragraphs))
        rows.append(tuple(cells))
    return Table(widths, tuple(rows), borders, margin)


def read_blocks(
    root: etree._Element, styles: Styles, pictures: Pictures | None = None
) -> tuple[Block, ...]:
    container = root.find(w("body")) if root.tag == w("document") else root
    if container is None:
        raise ValueError("a rendered w:document without a w:body has no blocks to read")
    blocks: list[Block] = []
    for child in container:
        if child.tag not in (w("p"), w("tbl")):
            continue
        if pictures:  # a letterhead with the logo: read as it is, its pictures do not hash
            blocks.extend(_read_element(child, styles, pictures))
        else:
            blocks.extend(_read_xml(etree.tostring(child, with_tail=False), styles))
    return tuple(blocks)


@lru_cache(maxsize=4096)
def _read_xml(xml: bytes, styles: Styles) -> tuple[Block, ...]:
    """A paragraph or table as blocks, read once per process: most of them are the template's
    own text, the same in every letter of its kind."""
    return _read_element(etree.fromstring(xml, SAFE_PARSER), styles, None)


def _read_element(
    element: etree._Element, styles: Styles, pictures: Pictures | None
) -> tuple[Block, ...]:
    if element.tag == w("p"):
        return tuple(read_paragraph(element, styles, pictures))
    table = read_table(element, styles)
    return (table,) if table.rows else ()  # a table whose rows all came from an empty loop


def read_page(sect: etree._Element) -> Page:
    size, margins = sect.find(w("pgSz")), sect.find(w("pgMar"))
    return Page(
        width=twips(size, "w", 595.3),
        height=twips(size, "h", 841.9),
        top=twips(margins, "top", 72),
        bottom=twips(margins, "bottom", 72),
        left=twips(margins, "left", 72),
        right=twips(margins, "right", 72),
        header=twips(margins, "header", 36),
        footer=twips(margins, "footer", 36),
        title_page=on(sect.find(w("titlePg"))) or False,
    )


def read_letter(
    rendered: Mapping[str, str],
    styles: Styles,
    furniture: Mapping[str, str],
    document_part: str,
    pictures: Mapping[str, Pictures] | None = None,
) -> Letter:
    """`furniture` maps relationship ids to header/footer part names, `pictures` those parts
    to their pictures (the logo)."""
    document = etree.fromstring(rendered[document_part].encode("utf-8"), SAFE_PARSER)
    sect = document.find(f"{w('body')}/{w('sectPr')}")
    page = read_page(sect) if sect is not None else read_page(etree.Element(w("sectPr")))
    headers: dict[str, tuple[Block, ...]] = {}
    footers: dict[str, tuple[Block, ...]] = {}
    for reference in sect if sect is not None else []:
        target = {w("headerReference"): headers, w("footerReference"): footers}.get(reference.tag)
        if target is None:
            continue
        rel_id = reference.get(f"{{{R}}}id")
        part = furniture.get(rel_id) if rel_id is not None else None
        if part is not None and part in rendered:
            root = etree.fromstring(rendered[part].encode("utf-8"), SAFE_PARSER)
            kind = reference.get(w("type"), "default")
            target[kind] = read_blocks(root, styles, (pictures or {}).get(part))
    return Letter(page, read_blocks(document, styles), headers, footers)
