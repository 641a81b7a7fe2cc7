"""Draw the placeholder logos of the house styles: a plain geometric mark beside the
municipality's name, as PNG (what the house styles carry) and as SVG (the same drawing in
vectors, for whoever makes the real one). They are no coat of arms on purpose: a real logo
replaces them in Word, in the letterhead of templates_nl/huisstijl/<code>.docx.

    uv run scripts/make_logos.py

The PNG is opaque RGB on white, as PDF/A wants it; build_templates.py puts it in the house
styles. Pillow writes no date into a PNG, so drawing again gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates_nl" / "huisstijl" / "logo"
FONT = ROOT / "templates_nl" / "fonts" / "DejaVuSans-Bold.ttf"
# 15 mm high at 300 dots per inch: sharp on paper, a few kilobytes in every letter
HEIGHT = 177
TEXT_SIZE = 72
GAP = 24  # between the mark and the name, and after the name


@dataclass(frozen=True)
class Mark:
    code: str
    name: str
    colour: tuple[int, int, int]
    corners: int  # how many corners the inner figure has: three houses, three figures


MARKS = (
    Mark("haarlem", "Haarlem", (0x2E, 0x4A, 0x6B), 4),
    Mark("zandvoort", "Zandvoort", (0x1F, 0x5E, 0x5B), 3),
    Mark("heemstede", "Heemstede", (0x4B, 0x4B, 0x4B), 0),
)


def _figure(mark: Mark) -> list[tuple[float, float]]:
    """The inner figure of the mark, in a 177 × 177 square: a diamond, a triangle or (no
    corners) a circle, drawn as its bounding box."""
    middle, reach = HEIGHT / 2, HEIGHT * 0.3
    if mark.corners == 4:
        return [(middle, middle - reach), (middle + reach, middle), (middle, middle + reach),
                (middle - reach, middle)]  # fmt: skip
    if mark.corners == 3:
        return [(middle, middle - reach), (middle + reach, middle + reach * 0.8),
                (middle - reach, middle + reach * 0.8)]  # fmt: skip
    return [(middle - reach, middle - reach), (middle + reach, middle + reach)]


def _font() -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), TEXT_SIZE)


def width(mark: Mark) -> int:
    return HEIGHT + GAP + round(_font().getlength(mark.name)) + GAP


def png(mark: Mark) -> Image.Image:
    image = Image.new("RGB", (width(mark), HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, HEIGHT - 1, HEIGHT - 1), fill=mark.colour)
    figure = _figure(mark)
    if mark.corners:
        draw.polygon(figure, fill="white")
    else:
        draw.ellipse(figure, fill="white")
    draw.text((HEIGHT + GAP, HEIGHT / 2), mark.name, font=_font(), fill=mark.colour, anchor="lm")
    return image


def svg(mark: Mark) -> str:
    colour = "#{:02x}{:02x}{:02x}".format(*mark.colour)
    figure = _figure(mark)
    if mark.corners:
        points = " ".join(f"{x:g},{y:g}" for x, y in figure)
        inner = f'<polygon points="{points}" fill="#ffffff"/>'
    else:
        (left, top), (right, _) = figure
        radius = (right - left) / 2
        centre = f'cx="{left + radius:g}" cy="{top + radius:g}"'
        inner = f'<circle {centre} r="{radius:g}" fill="#ffffff"/>'
    wide = width(mark)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{wide * 15 / HEIGHT:.1f}mm" '
        f'height="15mm" viewBox="0 0 {wide} {HEIGHT}">\n'
        f'<rect width="{wide}" height="{HEIGHT}" fill="#ffffff"/>\n'
        f'<rect width="{HEIGHT}" height="{HEIGHT}" fill="{colour}"/>\n'
        f"{inner}\n"
        f'<text x="{HEIGHT + GAP}" y="{HEIGHT / 2:g}" dominant-baseline="middle" '
        f'font-family="DejaVu Sans" font-weight="bold" font-size="{TEXT_SIZE}" '
        f'fill="{colour}">{mark.name}</text>\n'
        "</svg>\n"
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for mark in MARKS:
        png(mark).save(OUT / f"{mark.code}.png", optimize=True)
        (OUT / f"{mark.code}.svg").write_text(svg(mark), encoding="utf-8")
        print(f"geschreven: {(OUT / mark.code).relative_to(ROOT)}.png en .svg")


if __name__ == "__main__":
    main()
