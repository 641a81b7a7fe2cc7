"""The logo of a house style: in the DOCX as Word's own picture, in the PDF as one image object
that every page shows, opaque in sRGB; a broken, see-through or second logo is refused in
Dutch when the house style is loaded; the same letter gives the same bytes."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pikepdf
import pytest
from PIL import Image

from correspondence.batch.queue import BatchFilter
from correspondence.batch.run import BatchRun, run_batch
from correspondence.letters.context import LetterReference
from correspondence.letters.errors import TemplateRefused
from correspondence.letters.produce import LetterProducer, example_case
from correspondence.letters.registry import TEMPLATE_ROOT, FolderRegistry
from correspondence.rules.kinds import LetterKind
from correspondence.workflows.fictional_cases import cases
from tests.support.batch import SENT_ON, TODAY, imported
from tests.support.letters import MUNICIPALITIES, verified_references

LOGO_PART = "word/media/image1.png"
KIND = LetterKind.REJECTION  # two pages: the logo shows on a later page too


@pytest.fixture(scope="module")
def references() -> dict[str, LetterReference]:
    return verified_references()


def images(pdf: pikepdf.Pdf) -> list[pikepdf.Stream]:
    return [
        o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
    ]


def produce(references, municipality: str = "haarlem", registry=None):
    case = replace(example_case(KIND), municipality=municipality)
    return LetterProducer(registry).produce(KIND, case, references[municipality])


@pytest.mark.parametrize("municipality", MUNICIPALITIES)
def test_the_pdf_holds_the_logo_once_and_every_page_shows_it(references, municipality):
    letter = produce(references, municipality)
    with pikepdf.open(io.BytesIO(letter.pdf)) as pdf:
        (logo,) = images(pdf)
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            shown = [x for x in page.Resources.XObject.values() if x.objgen == logo.objgen]
            assert shown, "a page without the logo"
        # PDF/A: opaque, in the letter's sRGB, at the resolution it was drawn at
        assert logo.ColorSpace == "/DeviceRGB" and "/SMask" not in logo and "/Mask" not in logo
        drawn = Image.open(TEMPLATE_ROOT / "huisstijl" / "logo" / f"{municipality}.png")
        assert (int(logo.Width), int(logo.Height)) == drawn.size


def test_the_docx_holds_the_logo_in_both_headers(references):
    letter = produce(references)
    assert letter.docx is not None
    section = docx.Document(io.BytesIO(letter.docx)).sections[0]
    shipped = (TEMPLATE_ROOT / "huisstijl" / "logo" / "haarlem.png").read_bytes()
    for header in (section.first_page_header, section.header):
        blobs = [
            rel.target_part.blob for rel in header.part.rels.values() if "image" in rel.reltype
        ]
        assert blobs == [shipped]
        assert header._element.xpath(".//wp:inline//a:blip")
    with zipfile.ZipFile(io.BytesIO(letter.docx)) as archive:
        assert [n for n in archive.namelist() if n.startswith("word/media/")] == [LOGO_PART]


def test_the_same_letter_gives_the_same_bytes(references):
    first, second = produce(references), produce(references)
    assert (first.pdf, first.docx) == (second.pdf, second.docx)


def test_a_batch_file_carries_each_logo_once_however_many_letters_show_it(tmp_path):
    database = imported(f"sqlite:///{tmp_path / 'batch.sqlite3'}", cases(6, TODAY))
    run_batch(BatchRun(database, "admin", SENT_ON, BatchFilter(), tmp_path / "b.pdf", workers=1))
    database.close()
    with pikepdf.open(tmp_path / "b.pdf") as pdf:
        logos = images(pdf)
        shown = [
            x.objgen
            for page in pdf.pages
            for x in page.Resources.get("/XObject", {}).values()
            if x.get("/Subtype") == "/Image"
        ]
        # six letters of at most three house styles: each logo once, shown on every letter page
        assert 1 <= len(logos) <= len(MUNICIPALITIES) < len(shown)
        assert set(shown) == {logo.objgen for logo in logos}


# --- refusals ---------------------------------------------------------------------------------


def with_house_style(tmp_path: Path, change) -> FolderRegistry:
    """A copy of the templates whose Haarlem house style has its parts changed by `change`."""
    root = tmp_path / "templates_nl"
    shutil.copytree(TEMPLATE_ROOT, root, ignore=shutil.ignore_patterns("fonts", "logo"))
    path = root / "huisstijl" / "haarlem.docx"
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    change(parts)
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return FolderRegistry(root)


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def refusal(references, registry: FolderRegistry) -> str:
    with pytest.raises(TemplateRefused) as failure:
        LetterProducer(registry).prepared(KIND, references["haarlem"])
    return str(failure.value)


def test_a_see_through_logo_is_refused_in_dutch(tmp_path, references):
    see_through = Image.new("RGBA", (60, 20), (255, 0, 0, 0))

    def change(parts):
        parts[LOGO_PART] = png(see_through)

    message = refusal(references, with_house_style(tmp_path, change))
    assert "huisstijl/haarlem.docx" in message
    assert "het logo heeft doorzichtige delen" in message
    assert "PDF/A" in message


def test_an_opaque_logo_with_an_alpha_channel_is_drawn_without_one(tmp_path, references):
    def change(parts):
        parts[LOGO_PART] = png(Image.new("RGBA", (60, 20), (200, 30, 30, 255)))

    letter = produce(references, registry=with_house_style(tmp_path, change))
    with pikepdf.open(io.BytesIO(letter.pdf)) as pdf:
        (logo,) = images(pdf)
        assert "/SMask" not in logo and logo.ColorSpace == "/DeviceRGB"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\nnot really", "is beschadigd en niet te lezen"),
        (b"GIF89a....", "is geen PNG-afbeelding"),
    ],
)
def test_a_broken_logo_is_refused_in_dutch(tmp_path, references, content, expected):
    def change(parts):
        parts[LOGO_PART] = content

    assert f"het logo (image1.png) {expected}" in refusal(
        references, with_house_style(tmp_path, change)
    )


def test_a_logo_that_floats_is_refused(tmp_path, references):
    def change(parts):
        xml = parts["word/header2.xml"].decode()
        parts["word/header2.xml"] = re.sub(r"wp:inline\b", "wp:anchor", xml).encode()

    assert "in de tekstregel" in refusal(references, with_house_style(tmp_path, change))


def test_a_second_logo_is_refused(tmp_path, references):
    def change(parts):
        parts["word/media/image2.png"] = png(Image.new("RGB", (30, 10), "white"))
        rels = parts["word/_rels/header2.xml.rels"].decode()
        parts["word/_rels/header2.xml.rels"] = rels.replace("image1.png", "image2.png").encode()

    assert "één logo, deze heeft er 2" in refusal(references, with_house_style(tmp_path, change))


SVG_EXTENSION = (
    '<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">'
    '<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" '
    'r:embed="rIdSvg"/></a:ext></a:extLst>'
)


def as_svg(parts: dict[str, bytes], keep_png: bool) -> None:
    """The logo as Word stores an SVG picture: the SVG beside its PNG, in every header."""
    svg = (TEMPLATE_ROOT / "huisstijl" / "logo" / "haarlem.svg").read_bytes()
    parts["word/media/image1.svg"] = svg
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", '<Default Extension="svg" ContentType="image/svg+xml"/></Types>'
    ).encode()
    for header in ("header1", "header2"):
        rels = f"word/_rels/{header}.xml.rels"
        parts[rels] = (
            parts[rels]
            .decode()
            .replace(
                "</Relationships>",
                '<Relationship Id="rIdSvg" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/image" Target="media/image1.svg"/>'
                "</Relationships>",
            )
            .encode()
        )
        xml = parts[f"word/{header}.xml"].decode()
        xml = re.sub(r"(<a:blip [^>]*?)/>", r"\1>" + SVG_EXTENSION + "</a:blip>", xml)
        if not keep_png:
            xml = re.sub(r'(<a:blip) r:embed="[^"]*"', r"\1", xml)
        parts[f"word/{header}.xml"] = xml.encode()


def test_an_svg_logo_prints_the_png_word_keeps_with_it(tmp_path, references):
    letter = produce(references, registry=with_house_style(tmp_path, lambda p: as_svg(p, True)))
    with pikepdf.open(io.BytesIO(letter.pdf)) as pdf:
        assert len(images(pdf)) == 1
    assert letter.docx is not None
    with zipfile.ZipFile(io.BytesIO(letter.docx)) as archive:
        assert {"word/media/image1.svg", LOGO_PART} <= set(archive.namelist())


def test_an_svg_logo_without_its_png_is_refused(tmp_path, references):
    registry = with_house_style(tmp_path, lambda p: as_svg(p, False))
    assert "een SVG zonder de PNG die Word erbij bewaart" in refusal(references, registry)
