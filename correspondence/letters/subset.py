"""The part of Word that templates may use. Everything else is refused when a template is
loaded, so that the DOCX and our own PDF always say the same thing.

Allowed: paragraphs in styles of the house style, bold, italic and underlined text, line and
page breaks, simple tables (no merged cells, no nested tables), hyperlinks (printed as their
text), and in headers and footers the fields PAGE and NUMPAGES and the house style's logo
(a picture in line with the text; logo.py checks it).
"""

from __future__ import annotations

from lxml import etree

from correspondence.letters.package import w

STRUCTURE = {
    w("body"): {w("p"), w("tbl"), w("sectPr")},
    w("hdr"): {w("p"), w("tbl")},
    w("ftr"): {w("p"), w("tbl")},
    w("p"): {w("pPr"), w("r"), w("hyperlink"), w("fldSimple")},
    w("hyperlink"): {w("r")},
    w("fldSimple"): {w("r")},
    w("r"): {w("rPr"), w("t"), w("br"), w("lastRenderedPageBreak"), w("fldChar"), w("instrText")},
    w("tbl"): {w("tblPr"), w("tblGrid"), w("tr")},
    w("tr"): {w("trPr"), w("tblPrEx"), w("tc")},
    w("tc"): {w("tcPr"), w("p")},
}
# Word sprinkles these anywhere; they carry no content.
HARMLESS = {w("bookmarkStart"), w("bookmarkEnd"), w("proofErr"), w("permStart"), w("permEnd")}
NAMED = {
    w("drawing"): "afbeeldingen en vormen",
    w("pict"): "afbeeldingen en vormen",
    w("object"): "ingesloten objecten",
    w("txbxContent"): "tekstvakken",
    w("tab"): "tabs (gebruik een tabel om uit te lijnen)",
    w("sdt"): "inhoudsbesturingselementen",
    w("ins"): "bijgehouden wijzigingen (accepteer of weiger eerst alle wijzigingen)",
    w("del"): "bijgehouden wijzigingen (accepteer of weiger eerst alle wijzigingen)",
    w("footnoteReference"): "voetnoten",
    w("endnoteReference"): "eindnoten",
    w("commentRangeStart"): "opmerkingen (verwijder ze eerst)",
    w("commentReference"): "opmerkingen (verwijder ze eerst)",
    w("numPr"): "automatische nummering of opsommingstekens (gebruik de stijl Opsomming)",
    w("gridSpan"): "samengevoegde cellen",
    w("vMerge"): "samengevoegde cellen",
    w("hMerge"): "samengevoegde cellen",
    w("framePr"): "kaders",
    w("fldSimple"): "velden (alleen PAGINA en AANTAL PAGINA'S in kop- en voettekst)",
    w("fldChar"): "velden (alleen PAGINA en AANTAL PAGINA'S in kop- en voettekst)",
    w("instrText"): "velden (alleen PAGINA en AANTAL PAGINA'S in kop- en voettekst)",
    w("tbl"): "een tabel in een tabel",
    w("altChunk"): "ingevoegde documenten",
    w("vanish"): "verborgen tekst",
    w("specVanish"): "verborgen tekst",
    w("webHidden"): "verborgen tekst",
    w("caps"): "hoofdletters als opmaak (typ de hoofdletters zelf)",
    w("smallCaps"): "kleinkapitalen",
    w("vertAlign"): "superscript en subscript",
    w("rStyle"): "tekenstijlen (gebruik vet, cursief of onderstreept)",
    w("pageBreakBefore"): "pagina-einde vóór een alinea (gebruik een pagina-einde)",
    w("sectPr"): "sectie-einden",
}
PROPERTIES = {
    w("pPr"),
    w("rPr"),
    w("tblPr"),
    w("trPr"),
    w("tcPr"),
    w("sectPr"),
    w("tblGrid"),
    w("tblPrEx"),
}
# Properties that change what is shown, which the PDF does not draw: refused, not ignored.
DENIED_IN_PROPERTIES = {
    w("numPr"),
    w("gridSpan"),
    w("vMerge"),
    w("hMerge"),
    w("framePr"),
    w("vanish"),
    w("specVanish"),
    w("webHidden"),
    w("caps"),
    w("smallCaps"),
    w("vertAlign"),
    w("rStyle"),
    w("pageBreakBefore"),
}
FIELDS = {"PAGE", "NUMPAGES"}
FIELD_TAGS = {w("fldSimple"), w("fldChar"), w("instrText")}


def problems(root: etree._Element, furniture: bool) -> list[str]:
    """What in this part falls outside the subset, in Dutch, each named once."""
    found: list[str] = []

    def note(message: str) -> None:
        if message not in found:
            found.append(message)

    def visit(element: etree._Element, in_cell: bool) -> None:
        allowed = STRUCTURE.get(element.tag, set())
        for child in element:
            if not isinstance(child.tag, str) or child.tag in HARMLESS:
                continue
            if child.tag in PROPERTIES:
                for denied in child.iter(*DENIED_IN_PROPERTIES):
                    note(NAMED[denied.tag])
                if child.tag == w("pPr") and child.find(w("sectPr")) is not None:
                    note(NAMED[w("sectPr")])
                continue
            if child.tag == w("tbl") and in_cell:
                note(NAMED[child.tag])
                continue
            if child.tag == w("drawing") and furniture:
                continue
            if child.tag in FIELD_TAGS:
                if not furniture or not _known_field(child):
                    note(NAMED[child.tag])
                    continue
            elif child.tag not in allowed:
                note(NAMED.get(child.tag, f"het onderdeel {etree.QName(child).localname}"))
                continue
            visit(child, in_cell or child.tag == w("tc"))

    start = root.find(w("body")) if root.tag == w("document") else root
    if start is None:
        raise ValueError("a w:document without a w:body has no content to check")
    visit(start, False)
    return found


def _known_field(element: etree._Element) -> bool:
    if element.tag == w("fldSimple"):
        instruction = element.get(w("instr"), "")
    elif element.tag == w("instrText"):
        instruction = element.text or ""
    else:
        return True  # fldChar begin/separate/end around a checked instrText
    words = instruction.split()
    return bool(words) and words[0] in FIELDS


def used_styles(root: etree._Element) -> set[str]:
    return {
        value
        for style in root.iter(w("pStyle"), w("rStyle"), w("tblStyle"))
        if (value := style.get(w("val")))
    }


def style_ids(styles: etree._Element) -> set[str]:
    # a style without an id cannot be used, so it is no style a template could name
    return {sid for s in styles.iter(w("style")) if (sid := s.get(w("styleId"))) is not None}


def numbered_styles(styles: etree._Element) -> set[str]:
    """Styles that number or bullet their paragraphs themselves, directly or by inheritance."""
    by_id = {sid: s for s in styles.iter(w("style")) if (sid := s.get(w("styleId"))) is not None}

    def numbered(style_id: str | None, depth: int = 0) -> bool:
        style = by_id.get(style_id) if style_id else None
        if style is None or depth > 20:
            return False
        if style.find(f"{w('pPr')}/{w('numPr')}") is not None:
            return True
        based = style.find(w("basedOn"))
        return based is not None and numbered(based.get(w("val")), depth + 1)

    return {sid for sid in by_id if numbered(sid)}
