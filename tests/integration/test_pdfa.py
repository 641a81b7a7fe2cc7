"""Every letter kind, a concept and a batch print file are PDF/A-2b as far as pikepdf can tell:
the identification in the XMP and its agreement with the document info, the sRGB output intent,
embedded fonts only, no encryption, nothing transparent, streams laid out as the standard asks,
and the same bytes for the same input. Full validation (veraPDF) is not run here."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

import pikepdf
import pytest
from lxml import etree

from correspondence.batch.queue import BatchFilter
from correspondence.batch.run import BatchRun, run_batch
from correspondence.letters.produce import LetterProducer, example_case
from correspondence.letters.reference_data import letter_reference
from correspondence.rules.kinds import LetterKind
from correspondence.workflows.fictional_cases import cases
from store.database import Database
from tests.support.batch import SENT_ON, TODAY, imported
from tests.support.norms import reference_data_for_letters

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}
STANDARD_FONTS = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


@pytest.fixture(scope="module")
def references(tmp_path_factory):
    database = Database.open(f"sqlite:///{tmp_path_factory.mktemp('db') / 'pdfa.sqlite3'}")
    with database.session() as session, session.begin():
        reference_data_for_letters(session)  # the first to act is beheer
    with database.session() as session:
        found = {
            code: letter_reference(session, code) for code in ("haarlem", "zandvoort", "heemstede")
        }
    database.close()
    return found


def produce(kind: LetterKind, references, concept: bool = False) -> bytes:
    case = example_case(kind)
    letter = LetterProducer().produce(
        kind, case, references[case.municipality], docx=False, concept=concept
    )
    return letter.pdf


@pytest.fixture(scope="module")
def batch_file(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("batch")
    database = imported(f"sqlite:///{folder / 'batch.sqlite3'}", cases(5, TODAY))
    run_batch(BatchRun(database, "admin", SENT_ON, BatchFilter(), folder / "b.pdf", workers=1))
    database.close()
    return (folder / "b.pdf").read_bytes()


def pdf_date(value: str) -> datetime:
    """D:YYYYMMDDHHmmSS+HH'mm' (the last apostrophe optional) as a moment."""
    match = re.fullmatch(r"D:(\d{14})([+-])(\d\d)'(\d\d)'?", value)
    assert match, value
    return datetime.strptime(f"{match[1]}{match[2]}{match[3]}{match[4]}", "%Y%m%d%H%M%S%z")


def check_metadata(pdf: pikepdf.Pdf) -> None:
    stream = pdf.Root.Metadata
    assert stream.Type == "/Metadata" and stream.Subtype == "/XML"
    assert "/Filter" not in stream  # readable without decoding
    raw = stream.read_raw_bytes()
    assert raw.startswith(b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>')
    assert raw.rstrip().endswith(b'<?xpacket end="w"?>')
    root = etree.fromstring(raw)

    def one(path: str) -> str:
        found = root.xpath(f"//{path}/text()", namespaces=NS)
        assert isinstance(found, list) and len(found) == 1, path
        return str(found[0])

    assert one("pdfaid:part") == "2"
    assert one("pdfaid:conformance") == "B"
    info = pdf.trailer.Info
    assert one("dc:title/rdf:Alt/rdf:li") == str(info.Title)
    assert one("dc:creator/rdf:Seq/rdf:li") == str(info.Author)
    assert one("dc:description/rdf:Alt/rdf:li") == str(info.Subject)
    assert root.xpath("string(//pdf:Keywords)", namespaces=NS) == str(info.Keywords)
    assert one("xmp:CreatorTool") == str(info.Creator)
    assert one("pdf:Producer") == str(info.Producer)
    assert datetime.fromisoformat(one("xmp:CreateDate")) == pdf_date(str(info.CreationDate))
    assert datetime.fromisoformat(one("xmp:ModifyDate")) == pdf_date(str(info.ModDate))


def check_output_intent(pdf: pikepdf.Pdf) -> None:
    intents = pdf.Root.OutputIntents
    assert len(intents) == 1
    intent = intents[0]
    assert intent.Type == "/OutputIntent"
    assert intent.S == "/GTS_PDFA1"
    assert str(intent.OutputConditionIdentifier)
    profile = intent.DestOutputProfile
    assert isinstance(profile, pikepdf.Stream) and profile.N == 3
    data = profile.read_bytes()
    assert data[36:40] == b"acsp" and data[16:20] == b"RGB "  # an RGB ICC profile, embedded


def resources_of(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every resource dictionary the pages use: their own, their form XObjects' and their
    annotations' appearances, however deep."""
    seen: set[tuple[int, int]] = set()

    def walk(resources) -> Iterator[pikepdf.Dictionary]:
        if resources is None:
            return
        if resources.is_indirect:
            if resources.objgen in seen:
                return
            seen.add(resources.objgen)
        yield resources
        for xobject in resources.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form":
                yield from walk(xobject.get("/Resources"))
        for font in resources.get("/Font", {}).values():
            if font.get("/Subtype") == "/Type3":
                yield from walk(font.get("/Resources"))

    for page in pdf.pages:
        yield from walk(page.obj.get("/Resources"))
        for annotation in page.obj.get("/Annots", []):
            for appearance in annotation.get("/AP", {}).values():
                streams = appearance.values() if isinstance(appearance, pikepdf.Dictionary) else []
                for stream in [appearance, *streams]:
                    if isinstance(stream, pikepdf.Stream):
                        yield from walk(stream.get("/Resources"))


def check_fonts(pdf: pikepdf.Pdf) -> None:
    fonts = [f for r in resources_of(pdf) for f in r.get("/Font", {}).values()]
    assert fonts
    for font in fonts:
        assert font.Subtype != "/Type3"
        base = str(font.BaseFont).split("+")[-1]
        assert not base.startswith(STANDARD_FONTS), base
        descendant = font.DescendantFonts[0] if font.Subtype == "/Type0" else font
        descriptor = descendant.FontDescriptor
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), base


def check_no_transparency(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        assert "/Group" not in page.obj
    for resources in resources_of(pdf):
        for state in resources.get("/ExtGState", {}).values():
            assert state.get("/SMask", pikepdf.Name.None_) == pikepdf.Name.None_
            assert float(state.get("/CA", 1)) >= 1 and float(state.get("/ca", 1)) >= 1
            assert state.get("/BM", pikepdf.Name.Normal) in (pikepdf.Name.Normal, "/Compatible")
        for xobject in resources.get("/XObject", {}).values():
            assert "/SMask" not in xobject
            group = xobject.get("/Group")
            assert group is None or group.get("/S") != "/Transparency"


def check_file(content: bytes) -> None:
    # the stream keyword's end of line and one before endstream, as PDF/A-2 6.1.7.1 asks
    assert not re.search(rb"[^\r\n]endstream", content)
    assert not re.search(rb"stream(?!\r?\n)[^\r\n]", content.replace(b"endstream", b""))
    with pikepdf.open(io.BytesIO(content)) as pdf:
        assert not pdf.is_encrypted and "/Encrypt" not in pdf.trailer
        file_id = pdf.trailer.ID
        assert len(file_id) == 2 and len(bytes(file_id[0])) == 16
        check_metadata(pdf)
        check_output_intent(pdf)
        check_fonts(pdf)
        check_no_transparency(pdf)


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_letter_kind_is_pdfa_2b_and_the_same_twice(references, kind):
    first = produce(kind, references)
    check_file(first)
    assert produce(kind, references) == first


def test_a_concept_is_pdfa_with_its_mark_opaque_and_under_the_text(references):
    content = produce(LetterKind.REJECTION, references, concept=True)
    check_file(content)
    assert produce(LetterKind.REJECTION, references, concept=True) == content
    with pikepdf.open(io.BytesIO(content)) as pdf:
        for page in pdf.pages:
            operations = pikepdf.parse_content_stream(page)
            shown = [bytes(o.operands[0]) for o in operations if str(o.operator) in ("Tj", "TJ")]
            assert len(shown) > 1
            grey = [o for o in operations if str(o.operator) == "g"]
            # the mark is drawn first, in opaque light grey, so everything else lies over it
            assert grey and 0.7 < float(grey[0].operands[0]) < 0.95
            first_text = next(o for o in operations if str(o.operator) in ("Tj", "TJ"))
            assert operations.index(grey[0]) < operations.index(first_text)


def test_two_letters_of_one_kind_get_different_file_ids(references):
    kind = LetterKind.GRANT
    case = example_case(kind)
    producer = LetterProducer()
    first = producer.produce(kind, case, references[case.municipality], docx=False).pdf
    other = replace(case, client=replace(case.client, surname="Anders"))
    second = producer.produce(kind, other, references[case.municipality], docx=False).pdf
    with pikepdf.open(io.BytesIO(first)) as a, pikepdf.open(io.BytesIO(second)) as b:
        assert bytes(a.trailer.ID[0]) != bytes(b.trailer.ID[0])


def test_the_batch_print_file_is_pdfa_2b(batch_file):
    check_file(batch_file)
    with pikepdf.open(io.BytesIO(batch_file)) as pdf:
        # the letters' own metadata and output intents stay behind with their catalogs
        streams = [o for o in pdf.objects if isinstance(o, pikepdf.Stream)]
        assert sum(1 for o in streams if o.get("/Type") == "/Metadata") == 1
        assert sum(1 for o in streams if "/N" in o) == 1  # one ICC profile


def test_the_batch_print_file_is_the_same_for_the_same_letters(batch_file, tmp_path):
    database = imported(f"sqlite:///{tmp_path / 'again.sqlite3'}", cases(5, TODAY))
    run_batch(BatchRun(database, "admin", SENT_ON, BatchFilter(), tmp_path / "b.pdf", workers=1))
    database.close()
    assert (tmp_path / "b.pdf").read_bytes() == batch_file
