"""Word formatting resolved to plain values: a run's and a paragraph's properties, the
document's styles with their defaults, and Word's units (twips) in points."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, TypedDict

from lxml import etree

from correspondence.letters.package import SAFE_PARSER, w

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


def on(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(w("val"), "true") not in ("0", "false", "off", "none")


def number(text: str | None, default: float) -> float:
    """A Word measurement: usually whole twips, sometimes "22.5"; anything else, the default."""
    try:
        return float(text) if text is not None else default
    except ValueError:
        return default


def twips(element: etree._Element | None, attribute: str, default: float = 0.0) -> float:
    if element is None or element.get(w(attribute)) is None:
        return default
    return number(element.get(w(attribute)), default / TWIP) * TWIP


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


def apply_run(fmt: Format, rpr: etree._Element | None) -> Format:
    if rpr is None:
        return fmt
    changes: _FormatChanges = {}
    for name, tag in _TOGGLES:
        value = on(rpr.find(w(tag)))
        if value is not None:
            changes[name] = value
    underline = rpr.find(w("u"))
    if underline is not None:
        changes["underline"] = underline.get(w("val"), "single") != "none"
    size = rpr.find(w("sz"))
    if size is not None:
        changes["size"] = number(size.get(w("val")), fmt.size * 2) / 2
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


def apply_paragraph(fmt: Format, ppr: etree._Element | None) -> Format:
    if ppr is None:
        return fmt
    changes: _FormatChanges = {}
    spacing = ppr.find(w("spacing"))
    if spacing is not None:
        if spacing.get(w("before")) is not None:
            changes["before"] = twips(spacing, "before")
        if spacing.get(w("after")) is not None:
            changes["after"] = twips(spacing, "after")
        if spacing.get(w("line")) is not None and spacing.get(w("lineRule"), "auto") == "auto":
            changes["line"] = number(spacing.get(w("line")), 240) / 240
    jc = ppr.find(w("jc"))
    if jc is not None:
        changes["align"] = ALIGN.get(jc.get(w("val"), "left"), "left")
    ind = ppr.find(w("ind"))
    if ind is not None:
        if ind.get(w("left")) is not None or ind.get(w("start")) is not None:
            changes["left"] = twips(ind, "left", twips(ind, "start"))
        if ind.get(w("hanging")) is not None:
            changes["first_line"] = -twips(ind, "hanging")
        elif ind.get(w("firstLine")) is not None:
            changes["first_line"] = twips(ind, "firstLine")
    keep = on(ppr.find(w("keepNext")))
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
            defaults = apply_run(defaults, doc_defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))
            defaults = apply_paragraph(defaults, doc_defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))
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
            fmt = apply_paragraph(fmt, style.find(w("pPr")))
            fmt = apply_run(fmt, style.find(w("rPr")))
        return fmt

    def table(self, style_id: str | None) -> tuple[bool, float]:
        """Whether a table in this style has borders, and its cell margin."""
        borders, margin = False, DEFAULT_CELL_MARGIN
        for style in self._chain(style_id):
            borders = has_borders(style.find(f"{w('tblPr')}/{w('tblBorders')}")) or borders
            margin = cell_margin(style.find(f"{w('tblPr')}/{w('tblCellMar')}"), margin)
        return borders, margin


def has_borders(borders: etree._Element | None) -> bool:
    if borders is None:
        return False
    return any(b.get(w("val"), "nil") not in ("nil", "none") for b in borders)


def cell_margin(margins: etree._Element | None, default: float) -> float:
    if margins is None:
        return default
    left = (
        margins.find(w("left")) if margins.find(w("left")) is not None else margins.find(w("start"))
    )
    return twips(left, "w", default) if left is not None else default
