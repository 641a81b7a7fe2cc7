"""The rendered letter as plain blocks (paragraphs, tables, page breaks) with resolved
formatting, read from the Word XML. Our PDF is drawn from this model, so it carries exactly
the text of the DOCX."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, TypedDict

from lxml import etree

from correspondence.letters.package import SAFE_PARSER, R, w

TWIP = 1 / 20  # points
HEX_COLOUR = re.compile(r"[0-9A-Fa-f]{6}")
DEFAULT_CELL_MARGIN = 108 * TWIP


@dataclass(frozen=True)
class Format:
    """Resolved formatting of a paragraph (and the base of its runs)."""

    size: float = 10.0
    bold: bool = False
    italic: bool = False
    underline: bool = False
    color: str = "000000"
    before: float = 0.0
    after: float = 0.0
    line: float = 1.0
    align: str = "left"
    left: float = 0.0
    first_line: float = 0.0
    keep_next: bool = False


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


Block = Paragraph | Table | PageBreak


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


def _on(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(w("val"), "true") not in ("0", "false", "off", "none")


def _number(text: str | None, default: float) -> float:
    """A Word measurement: usually whole twips, sometimes "22.5"; anything else, the default."""
    try:
        return float(text) if text is not None else default
    except ValueError:
        return default


def _twips(element: etree._Element | None, attribute: str, default: float = 0.0) -> float:
    if element is None or element.get(w(attribute)) is None:
        return default
    return _number(element.get(w(attribute)), default / TWIP) * TWIP


class _FormatChanges(TypedDict, total=False):
    """What a run's or paragraph's properties change of a Format, gathered for one replace."""

    size: float
    bold: bool
    italic: bool
    underline: bool
    color: str
    before: float
    after: float
    line: float
    align: str
    left: float
    first_line: float
    keep_next: bool


_TOGGLES: tuple[tuple[Literal["bold", "italic"], str], ...] = (("bold", "b"), ("italic", "i"))


def _apply_run(fmt: Format, rpr: etree._Element | None) -> Format:
    if rpr is None:
        return fmt
    changes: _FormatChanges = {}
    for name, tag in _TOGGLES:
        value = _on(rpr.find(w(tag)))
        if value is not None:
            changes[name] = value
    underline = rpr.find(w("u"))
    if underline is not None:
        changes["underline"] = underline.get(w("val"), "single") != "none"
    size = rpr.find(w("sz"))
    if size is not None:
        changes["size"] = _number(size.get(w("val")), fmt.size * 2) / 2
    color = rpr.find(w("color"))
    if color is not None:
        hex_value = color.get(w("val"), "auto")
        changes["color"] = hex_value.upper() if HEX_COLOUR.fullmatch(hex_value) else "000000"
    return replace(fmt, **changes) if changes else fmt


ALIGN = {
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
}


def _apply_paragraph(fmt: Format, ppr: etree._Element | None) -> Format:
    if ppr is None:
        return fmt
    changes: _FormatChanges = {}
    spacing = ppr.find(w("spacing"))
    if spacing is not None:
        if spacing.get(w("before")) is not None:
            changes["before"] = _twips(spacing, "before")
        if spacing.get(w("after")) is not None:
            changes["after"] = _twips(spacing, "after")
        if spacing.get(w("line")) is not None and spacing.get(w("lineRule"), "auto") == "auto":
            changes["line"] = _number(spacing.get(w("line")), 240) / 240
    jc = ppr.find(w("jc"))
    if jc is not None:
        changes["align"] = ALIGN.get(jc.get(w("val"), "left"), "left")
    ind = ppr.find(w("ind"))
    if ind is not None:
        if ind.get(w("left")) is not None or ind.get(w("start")) is not None:
            changes["left"] = _twips(ind, "left", _twips(ind, "start"))
        if ind.get(w("hanging")) is not None:
            changes["first_line"] = -_twips(ind, "hanging")
        elif ind.get(w("firstLine")) is not None:
            changes["first_line"] = _twips(ind, "firstLine")
    keep = _on(ppr.find(w("keepNext")))
    if keep is not None:
        changes["keep_next"] = keep
    return replace(fmt, **changes) if changes else fmt


class Styles:
    """The paragraph and table styles of styles.xml, resolved through their basedOn chains."""

    def __init__(self, styles_xml: bytes) -> None:
        root = etree.fromstring(styles_xml, SAFE_PARSER)
        self._styles = {s.get(w("styleId")): s for s in root.iter(w("style"))}
        defaults = Format()
        doc_defaults = root.find(w("docDefaults"))
        if doc_defaults is not None:
            defaults = _apply_run(defaults, doc_defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))
            defaults = _apply_paragraph(
                defaults, doc_defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
            )
        self._defaults = defaults
        self._default_paragraph = next(
            (
                sid
                for sid, s in self._styles.items()
                if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true")
            ),
            None,
        )
        self.paragraph = lru_cache(maxsize=None)(self._paragraph)

    def _chain(self, style_id: str | None) -> list[etree._Element]:
        chain: list[etree._Element] = []
        while style_id and style_id in self._styles and len(chain) < 20:
            style = self._styles[style_id]
            chain.append(style)
            based = style.find(w("basedOn"))
            style_id = based.get(w("val")) if based is not None else None
        return list(reversed(chain))

    def _paragraph(self, style_id: str | None) -> Format:
        fmt = self._defaults
        for style in self._chain(style_id or self._default_paragraph):
            fmt = _apply_paragraph(fmt, style.find(w("pPr")))
            fmt = _apply_run(fmt, style.find(w("rPr")))
        return fmt

    def table(self, style_id: str | None) -> tuple[bool, float]:
        """Whether a table in this style has borders, and its cell margin."""
        borders, margin = False, DEFAULT_CELL_MARGIN
        for style in self._chain(style_id):
            borders = _has_borders(style.find(f"{w('tblPr')}/{w('tblBorders')}")) or borders
            margin = _cell_margin(style.find(f"{w('tblPr')}/{w('tblCellMar')}"), margin)
        return borders, margin


def _has_borders(borders: etree._Element | None) -> bool:
    if borders is None:
        return False
    return any(b.get(w("val"), "nil") not in ("nil", "none") for b in borders)


def _cell_margin(margins: etree._Element | None, default: float) -> float:
    if margins is None:
        return default
    left = (
        margins.find(w("left")) if margins.find(w("left")) is not None else margins.find(w("start"))
    )
    return _twips(left, "w", default) if left is not None else default


def _field_name(instruction: str) -> str | None:
    words = instruction.split()
    return words[0] if words else None


def read_paragraph(paragraph: etree._Element, styles: Styles) -> list[Block]:
    """A paragraph, split where it holds a page break."""
    ppr = paragraph.find(w("pPr"))
    style = ppr.find(w("pStyle")) if ppr is not None else None
    fmt = _apply_paragraph(
        styles.paragraph(style.get(w("val")) if style is not None else None), ppr
    )
    blocks: list[Block] = []
    spans: list[Span] = []
    field_instruction: str | None = None
    in_field_result = False

    def span_for(run: etree._Element, text: str, field: str | None = None) -> Span:
        run_fmt = _apply_run(fmt, run.find(w("rPr")))
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
                elif part.tag == w("br"):
                    if part.get(w("type")) == "page":
                        blocks.append(Paragraph(fmt, tuple(spans)))
                        blocks.append(PageBreak())
                        spans = []
                    else:
                        spans.append(Span("", line_break=True))
    if spans or not blocks:
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
            borders = _has_borders(direct)
        margin = _cell_margin(tblpr.find(w("tblCellMar")), margin)
    grid = table.find(w("tblGrid"))
    widths = tuple(_twips(col, "w") for col in (grid if grid is not None else []))
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


def read_blocks(root: etree._Element, styles: Styles) -> tuple[Block, ...]:
    container = root.find(w("body")) if root.tag == w("document") else root
    if container is None:
        raise ValueError("a rendered w:document without a w:body has no blocks to read")
    blocks: list[Block] = []
    for child in container:
        if child.tag == w("p"):
            blocks.extend(read_paragraph(child, styles))
        elif child.tag == w("tbl"):
            table = read_table(child, styles)
            if table.rows:  # a table whose rows all came from an empty loop is left out
                blocks.append(table)
    return tuple(blocks)


def read_page(sect: etree._Element) -> Page:
    size, margins = sect.find(w("pgSz")), sect.find(w("pgMar"))
    return Page(
        width=_twips(size, "w", 595.3),
        height=_twips(size, "h", 841.9),
        top=_twips(margins, "top", 72),
        bottom=_twips(margins, "bottom", 72),
        left=_twips(margins, "left", 72),
        right=_twips(margins, "right", 72),
        header=_twips(margins, "header", 36),
        footer=_twips(margins, "footer", 36),
        title_page=_on(sect.find(w("titlePg"))) or False,
    )


def read_letter(
    rendered: Mapping[str, str], styles: Styles, furniture: Mapping[str, str], document_part: str
) -> Letter:
    """`furniture` maps relationship ids to header/footer part names."""
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
            target[reference.get(w("type"), "default")] = read_blocks(root, styles)
    return Letter(page, read_blocks(document, styles), headers, footers)
