"""The logo of a house style: one picture in the letterhead, checked when the house style is
loaded, so that every letter can carry it in the DOCX and in the PDF/A.

A house style holds its logo as Word holds any picture placed in line with the text: the
image in word/media, a relationship from the header to it, and a `wp:inline` drawing in a
header paragraph. A PNG is used as it is. An SVG logo is kept as Word keeps one: Word stores
every SVG picture together with a PNG drawing of it (the `asvg:svgBlip` extension beside the
`a:blip`), and the PDF draws that PNG. So the PDF never has to draw SVG itself. svglib is
light (pure Python on reportlab), but not PDF/A-safe as it stands: it draws an SVG's text in
reportlab's Helvetica, which is never embedded (PDF/A wants every font embedded), and turns
`opacity` into transparency; and the DOCX would still need a PNG for Word.

PDF/A: the picture is drawn opaque in sRGB (the letter's output intent). A PNG with
see-through pixels is refused with a Dutch message rather than flattened on white, because
what shows through depends on the paper and beheer should see the logo the letter prints.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree
from PIL import Image, UnidentifiedImageError
from reportlab.lib.utils import ImageReader

from correspondence.letters.errors import TemplateRefused
from correspondence.letters.package import REL, Package, R, w

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
SVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
EMU_PER_POINT = 12700
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PIXELS = 4000 * 4000  # a letterhead logo; anything larger is a mistake, not a logo


@dataclass(frozen=True)
class Logo:
    """The checked picture: its part name, the digest of the file, and its pixels as opaque
    RGB. Two logos are the same when their files are: the house styles all call theirs
    word/media/image1.png."""

    part: str
    digest: str
    image: Image.Image = field(compare=False, repr=False)

    @property
    def reader(self) -> ImageReader:
        return ImageReader(self.image)


def _refuse(house: Package, problem: str) -> TemplateRefused:
    return TemplateRefused(house.name, f"het logo {problem}")


def _opaque_rgb(house: Package, part: str, content: bytes) -> Image.Image:
    if not content.startswith(PNG_SIGNATURE):
        raise _refuse(
            house,
            f"({posixpath.basename(part)}) is geen PNG-afbeelding: gebruik een PNG of een SVG "
            "(Word bewaart bij een SVG zelf een PNG)",
        )
    try:
        with Image.open(io.BytesIO(content)) as opened:
            if opened.width * opened.height > MAX_PIXELS:
                raise _refuse(house, "is te groot: hoogstens 4000 bij 4000 beeldpunten")
            opened.load()
            image = opened.copy()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _refuse(
            house, f"({posixpath.basename(part)}) is beschadigd en niet te lezen"
        ) from exc
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        lowest, _ = image.convert("RGBA").getchannel("A").getextrema()
        if isinstance(lowest, (int, float)) and lowest < 255:
            raise _refuse(
                house,
                "heeft doorzichtige delen; een brief als PDF/A mag geen doorzichtigheid "
                "bevatten. Sla het logo op met een witte achtergrond, zonder transparantie",
            )
    if image.mode not in ("RGB", "RGBA", "L", "LA", "1"):
        raise _refuse(
            house, f"gebruikt de kleurruimte {image.mode}; sla het op in RGB (sRGB) of grijs"
        )
    return image.convert("RGB")


def _relationships(house: Package, part: str) -> dict[str, str]:
    """The relationship targets of a part, as part names, by id."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels_name not in house.names:
        return {}
    return {
        rel_id: posixpath.normpath(posixpath.join(folder, target))
        for rel in house.xml(rels_name).iter(f"{{{REL}}}Relationship")
        if (rel_id := rel.get("Id")) and (target := rel.get("Target"))
        and rel.get("TargetMode") != "External"
    }  # fmt: skip


def logos(house: Package, parts: Mapping[str, etree._Element]) -> dict[str, dict[str, Logo]]:
    """The pictures of the house style's header and footer parts, by part and relationship id.

    Refused, in Dutch: a picture that floats (not in line with the text), one whose image is
    missing, broken, not PNG (SVG without Word's PNG), see-through or not RGB, and a second
    logo."""
    found: dict[str, dict[str, Logo]] = {}
    checked: dict[str, Logo] = {}
    for part, root in parts.items():
        drawings = list(root.iter(w("drawing")))
        if not drawings:
            continue
        targets = _relationships(house, part)
        for drawing in drawings:
            if drawing.find(f"{{{WP}}}inline") is None:
                raise _refuse(
                    house, "moet in de tekstregel staan (Word: Tekstterugloop › In tekstregel)"
                )
            try:
                width, height = inline_size(drawing)
            except ValueError:
                width = height = 0
            if width <= 0 or height <= 0:
                raise _refuse(house, "heeft geen maat: geef het in Word een breedte en hoogte")
            rel_id = embedded(drawing)
            target = targets.get(rel_id) if rel_id else None
            if target is None or target not in house.names:
                svg_only = next(drawing.iter(f"{{{SVG}}}svgBlip"), None) is not None
                raise _refuse(
                    house,
                    "is een SVG zonder de PNG die Word erbij bewaart: voeg het logo opnieuw in "
                    "met Word"
                    if svg_only
                    else "ontbreekt in het Word-bestand: voeg het opnieuw in",
                )
            if target not in checked:
                content = house.part(target)
                checked[target] = Logo(
                    target,
                    hashlib.sha256(content).hexdigest(),
                    _opaque_rgb(house, target, content),
                )
            assert rel_id is not None  # a target was found for it
            found.setdefault(part, {})[rel_id] = checked[target]
    if len(checked) > 1:
        raise TemplateRefused(
            house.name, f"een huisstijl heeft één logo, deze heeft er {len(checked)}"
        )
    return found


def inline_size(drawing: etree._Element) -> tuple[float, float]:
    """The width and height in points that Word gives the picture (ValueError: none)."""
    extent = drawing.find(f"{{{WP}}}inline/{{{WP}}}extent")
    if extent is None:
        raise ValueError("a picture without wp:extent has no size")
    return (
        int(extent.get("cx", "0")) / EMU_PER_POINT,
        int(extent.get("cy", "0")) / EMU_PER_POINT,
    )


def embedded(drawing: etree._Element) -> str | None:
    """The relationship id of the picture's image (the PNG, also for an SVG)."""
    blip = next(drawing.iter(f"{{{A}}}blip"), None)
    return blip.get(f"{{{R}}}embed") if blip is not None else None
