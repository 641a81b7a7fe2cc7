"""The concept mark in a letter's DOCX: the diagonal watermark Word itself makes (Design,
Watermark), a VML text shape in every header, so it is on every page in Word and LibreOffice
alike and quality staff recognise it. The PDF draws the same mark itself (pdf.render_pdf)."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from correspondence.letters.package import DOCUMENT, SAFE_PARSER, W, w

VML = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
WORD_VML = "urn:schemas-microsoft-com:office:word"

# Word's own text-path shape type (136), as Word writes it for a watermark
_SHAPE = """<w:r xmlns:w="{w}" xmlns:v="{v}" xmlns:o="{o}" xmlns:w10="{w10}"><w:rPr><w:noProof/>\
</w:rPr><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" \
path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/>\
<v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>\
<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/>\
<v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>\
<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/>\
</v:formulas><v:path textpathok="t" o:connecttype="custom" \
o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>\
<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/>\
</v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>\
<v:shape id="PoortpostWatermark{number}" o:spid="_x0000_s{spid}" type="#_x0000_t136" \
style="position:absolute;margin-left:0;margin-top:0;width:480pt;height:120pt;rotation:315;\
z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;\
mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" \
fillcolor="#8c8c8c" stroked="f"><v:fill opacity=".3"/>\
<v:textpath style="font-family:&quot;DejaVu Sans&quot;;font-size:1pt;font-weight:bold" \
string="{text}"/><w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>"""


def _shape(text: str, number: int) -> etree._Element:
    xml = _SHAPE.format(
        w=W, v=VML, o=OFFICE, w10=WORD_VML, text=text, number=number, spid=2049 + number
    )
    return etree.fromstring(xml, SAFE_PARSER)


def watermarked(rendered: Mapping[str, str], text: str) -> dict[str, str]:
    """The rendered parts with `text` as a watermark in every header. A house style without a
    header gets it at the top of the first page instead: it is never left unmarked."""
    out = dict(rendered)
    number = 0
    for part, xml in rendered.items():
        root = etree.fromstring(xml.encode("utf-8"), SAFE_PARSER)
        if root.tag != w("hdr"):
            continue
        paragraph = root.find(w("p"))
        if paragraph is None:
            paragraph = etree.SubElement(root, w("p"))
        number += 1
        paragraph.append(_shape(text, number))
        out[part] = etree.tostring(root, encoding="unicode")
    if number == 0:
        out[DOCUMENT] = _marked_body(rendered[DOCUMENT], text)
    return out


def _marked_body(xml: str, text: str) -> str:
    root = etree.fromstring(xml.encode("utf-8"), SAFE_PARSER)
    body = root.find(w("body"))
    if body is None:
        return xml
    paragraph = etree.Element(w("p"))
    paragraph.append(_shape(text, 1))
    body.insert(0, paragraph)
    return etree.tostring(root, encoding="unicode")
