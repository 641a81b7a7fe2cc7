"""Drawing a letter model as PDF/A-2b with reportlab: embedded DejaVu fonts (Latin Extended and
Vietnamese), headers and footers with "page x of y", byte-identical output for the same input."""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Sequence
from copy import copy
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer, TableStyle
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable
from reportlab.platypus.flowables import Flowable

from correspondence.letters.fonts import EmbeddedFont
from correspondence.letters.logo import Logo
from correspondence.letters.model import (
    Block,
    Letter,
    PageBreak,
    Paragraph,
    Picture,
    Span,
    Table,
)
from correspondence.letters.pdfa import PdfaCanvas
from correspondence.letters.styles import Format

FONT_FOLDER = Path(__file__).resolve().parents[2] / "templates_nl" / "fonts"
FAMILY = "DejaVuSans"
FACES = {
    FAMILY: "DejaVuSans.ttf",
    f"{FAMILY}-Bold": "DejaVuSans-Bold.ttf",
    f"{FAMILY}-Oblique": "DejaVuSans-Oblique.ttf",
    f"{FAMILY}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
LINE_HEIGHT = 1.164  # DejaVu Sans ascent + descent per em: Word's "single" line spacing
ALIGNMENTS: dict[str, Literal[0, 1, 2, 4]] = {
    "left": TA_LEFT,
    "center": TA_CENTER,
    "right": TA_RIGHT,
    "justify": TA_JUSTIFY,
}


@lru_cache(maxsize=1)
def register_fonts() -> None:
    rl_config.useA85 = 0  # binary streams: smaller and faster than ASCII85 text
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=FAMILY,
        bold=f"{FAMILY}-Bold",
        italic=f"{FAMILY}-Oblique",
        boldItalic=f"{FAMILY}-BoldOblique",
    )


@lru_cache(maxsize=len(FACES))
def _loaded(name: str) -> str:
    # reading a font file takes a tenth of a second; most letters never use the italic faces
    pdfmetrics.registerFont(EmbeddedFont(name, str(FONT_FOLDER / FACES[name])))
    return name


def face(bold: bool, italic: bool) -> str:
    """The name of the DejaVu Sans face, loaded on its first use."""
    return _loaded(
        FAMILY
        + {
            (False, False): "",
            (True, False): "-Bold",
            (False, True): "-Oblique",
            (True, True): "-BoldOblique",
        }[(bold, italic)]
    )


@lru_cache(maxsize=256)
def paragraph_style(fmt: Format) -> ParagraphStyle:
    return ParagraphStyle(
        name=f"p{hash(fmt)}",
        fontName=face(fmt.bold, fmt.italic),
        fontSize=fmt.size,
        leading=fmt.size * LINE_HEIGHT * fmt.line,
        textColor=HexColor(f"#{fmt.color}"),
        spaceBefore=fmt.before,
        spaceAfter=fmt.after,
        alignment=ALIGNMENTS[fmt.align],
        leftIndent=fmt.left,
        firstLineIndent=fmt.first_line,
        keepWithNext=fmt.keep_next,
        allowWidows=0,
        allowOrphans=0,
    )


def _escape(text: str) -> str:
    # reportlab folds runs of spaces; the postal layout needs its two spaces kept.
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("  ", " \u00a0")


def markup(spans: Sequence[Span], fmt: Format, page: int = 0, pages: int = 0) -> str:
    """reportlab paragraph markup for the spans; fields take the page numbers given."""
    out = []
    for span in spans:
        if span.line_break:
            out.append("<br/>")
            continue
        text = {"PAGE": str(page), "NUMPAGES": str(pages)}.get(span.field or "", span.text)
        text = _escape(text)
        if (span.bold, span.italic) != (fmt.bold, fmt.italic):
            text = f'<font face="{face(span.bold, span.italic)}">{text}</font>'
        if span.underline:
            text = f"<u>{text}</u>"
        if span.color:
            text = f'<font color="#{span.color}">{text}</font>'
        out.append(text)
    return "".join(out)


@lru_cache(maxsize=8192)
def _parsed(text: str, style: ParagraphStyle) -> tuple[Any, ...]:
    """reportlab's parse of a paragraph's markup. Most paragraphs of a letter are the
    template's own fixed text, so each is parsed once, not once per letter."""
    return tuple(PdfParagraph(text, style).frags)


# what reportlab's line breaking sets on a paragraph besides the lines it returns
_BREAKING = ("height", "_width_max", "_splitLongWordCount", "_hyphenations")
_BROKEN_KEPT = 8192
_BROKEN: dict[tuple[Any, ...], tuple[Any, tuple[Any, ...]]] = {}


class _LinesOnce(PdfParagraph):
    """A paragraph of our markup whose lines are broken once per process for each width: a
    letter's paragraphs are mostly the template's own text, and reportlab breaks each of them
    several times (to measure, to keep it with the next, to draw). Only lines of plain words in
    one font are kept: reportlab changes the words of the others when a page ends in them."""

    def breakLines(self, width: Any) -> Any:
        if self.text is None:  # the part of a paragraph split at a page end
            return super().breakLines(width)
        key = (self.text, self.style, tuple(width) if isinstance(width, list) else width)
        found = _BROKEN.get(key)
        if found is None:
            lines = super().breakLines(width)
            if lines.kind != 0 or any(type(w) is not str for _, ws in lines.lines for w in ws):
                return lines
            if len(_BROKEN) >= _BROKEN_KEPT:
                _BROKEN.clear()
            found = _BROKEN[key] = (lines, tuple(getattr(self, a) for a in _BREAKING))
        lines, state = found
        for attribute, value in zip(_BREAKING, state, strict=True):
            setattr(self, attribute, value)
        return lines


def _paragraph(paragraph: Paragraph, page: int = 0, pages: int = 0) -> Flowable:
    fmt = paragraph.format
    if not any(s.text.strip() or s.field for s in paragraph.spans):
        # Word gives a paragraph with nothing to show a line of its own; reportlab would not
        line = Spacer(1, fmt.size * LINE_HEIGHT * fmt.line + fmt.before + fmt.after)
        line.keepWithNext = fmt.keep_next  # the room for a signature keeps with the name
        return line
    text, style = markup(paragraph.spans, fmt, page, pages), paragraph_style(fmt)
    return _LinesOnce(text, style, frags=list(_parsed(text, style)))


def _table(table: Table, page: int = 0, pages: int = 0) -> Flowable:
    data: list[list[list[Flowable] | list[str]]] = [
        [[_paragraph(p, page, pages) for p in cell] or [""] for cell in row] for row in table.rows
    ]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), table.cell_margin),
        ("RIGHTPADDING", (0, 0), (-1, -1), table.cell_margin),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        # an empty cell is drawn as text too: not in reportlab's Helvetica, never embedded
        ("FONT", (0, 0), (-1, -1), face(bold=False, italic=False)),
    ]
    if table.borders:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, "#000000"))
    else:
        # as in Word, text in a borderless table lines up with the text around it
        commands.append(("LEFTPADDING", (0, 0), (0, -1), 0))
    widths = list(table.widths) if table.widths else None
    flowable = PdfTable(data, colWidths=widths, hAlign="LEFT", style=TableStyle(commands))
    return flowable


@lru_cache(maxsize=8)
def _logo_image(logo: Logo) -> PDFImageXObject:
    """The logo as a PDF image, its pixels compressed once per process rather than once per
    letter (canvas.drawImage would do it for every document: a tenth of a letter's time).
    Never registered itself: each document registers a copy, which shares the bytes."""
    return PDFImageXObject(f"logo{logo.digest[:16]}", logo.reader)


class _Picture(Flowable):
    """The logo, written once in a document and shown by every page that has it, by the
    same steps as reportlab's canvas.drawImage."""

    def __init__(self, picture: Picture) -> None:
        super().__init__()
        self.picture = picture
        self.width, self.height = picture.width, picture.height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        image = _logo_image(self.picture.logo)
        name = canvas._doc.getXObjectName(image.name)
        if name not in canvas._doc.idToObject:
            canvas._doc.addForm(image.name, copy(image))
        canvas._currentPageHasImages = 1
        canvas._formsinuse.append(image.name)
        canvas.saveState()
        canvas.scale(self.width, self.height)
        canvas._code.append(f"/{name} Do")
        canvas.restoreState()


def _flowable(block: Block, page: int = 0, pages: int = 0) -> Flowable:
    if isinstance(block, Paragraph):
        return _paragraph(block, page, pages)
    if isinstance(block, Table):
        return _table(block, page, pages)
    if isinstance(block, Picture):
        return _Picture(block)
    return PdfPageBreak()


def flowables(blocks: Sequence[Block]) -> list[Flowable]:
    return [_flowable(block) for block in blocks]


WATERMARK_SIZE = 110
# opaque, as PDF/A-2b has no transparency, and under the text, so that the letter stays
# readable: as light as the see-through grey it replaces looked on white paper
WATERMARK_GREY = 0.82


def _draw_watermark(canvas: Canvas, text: str, width: float, height: float) -> None:
    """`text` large and diagonal across the middle of the page, from bottom left to top right,
    under everything drawn on the page before."""
    code: list[str] = canvas._code  # type: ignore[attr-defined]
    start = len(code)
    canvas.saveState()
    canvas.setFillGray(WATERMARK_GREY)
    canvas.setFont(face(bold=True, italic=False), WATERMARK_SIZE)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(math.degrees(math.atan2(height, width)))
    canvas.drawCentredString(0, -WATERMARK_SIZE * 0.35, text)
    canvas.restoreState()
    # the mark is one saved and restored graphics state: first in the page, nothing of it leaks
    code[:] = code[start:] + code[:start]


SMALL_MARK_SIZE = 9


def _draw_small_mark(canvas: Canvas, text: str, width: float, height: float) -> None:
    """`text` small and grey, centred in the top margin (a demo letter)."""
    canvas.saveState()
    canvas.setFillGray(WATERMARK_GREY)
    canvas.setFont(face(bold=True, italic=False), SMALL_MARK_SIZE)
    canvas.drawCentredString(width / 2, height - 2 * SMALL_MARK_SIZE, text)
    canvas.restoreState()


def _furniture_canvas(
    letter: Letter, watermark: str | None, small_mark: str | None = None
) -> type[Canvas]:
    """A canvas that holds its pages until the count is known, then draws headers and footers
    with "page x of y", and the watermark, if any, on every page."""
    page = letter.page
    width = page.width - page.left - page.right

    def draw(canvas: Canvas, blocks: Sequence[Block], number: int, total: int, top: bool) -> None:
        items = [_flowable(b, number, total) for b in blocks if not isinstance(b, PageBreak)]
        sizes = [item.wrapOn(canvas, width, page.height) for item in items]
        height = sum(h for _, h in sizes)
        y = page.height - page.header if top else page.footer + height
        for item, (_, h) in zip(items, sizes, strict=True):
            y -= h
            item.drawOn(canvas, page.left, y)

    class FurnitureCanvas(PdfaCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            # types-reportlab omits this private method: it starts a page without drawing this one
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                kind = "first" if number == 1 and page.title_page else "default"
                draw(self, letter.headers.get(kind, ()), number, total, top=True)
                draw(self, letter.footers.get(kind, ()), number, total, top=False)
                if watermark:
                    _draw_watermark(self, watermark, page.width, page.height)
                if small_mark:
                    _draw_small_mark(self, small_mark, page.width, page.height)
                super().showPage()
            super().save()

    return FurnitureCanvas


# reportlab keeps global state while it builds: one document at a time in a process
BUILDING = threading.Lock()


def render_pdf(
    letter: Letter, title: str, watermark: str | None = None, small_mark: str | None = None
) -> bytes:
    """The letter as PDF; `watermark` is printed across every page (a concept, a proof),
    `small_mark` small at the top of every page (a demo)."""
    register_fonts()
    page = letter.page
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(page.width, page.height),
        leftMargin=page.left,
        rightMargin=page.right,
        topMargin=page.top,
        bottomMargin=page.bottom,
        title=title,
        subject="Brief van Sociale Zaken en Werkgelegenheid",  # not reportlab's "(unspecified)"
        author="Sociale Zaken en Werkgelegenheid",
        creator="Poortpost",
        producer="Poortpost",
        invariant=1,
        initialFontName=face(bold=False, italic=False),  # not reportlab's Helvetica
    )
    frame = Frame(
        page.left,
        page.bottom,
        page.width - page.left - page.right,
        page.height - page.top - page.bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
        overlapAttachedSpace=0,  # Word adds space after and space before; it does not overlap them
    )
    document.addPageTemplates([PageTemplate(id="letter", frames=[frame])])
    with BUILDING:
        document.build(
            flowables(letter.blocks), canvasmaker=_furniture_canvas(letter, watermark, small_mark)
        )
    return buffer.getvalue()
