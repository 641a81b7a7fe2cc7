"""PDF/A-2b for every PDF Poortpost writes: the letters, the batch cover sheet and the merged
print file. Each carries XMP metadata that names the conformance and repeats the document
info, and an sRGB output intent with its ICC profile. What the page content must do besides
(only embedded fonts, nothing transparent) is up to the code that draws it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString
from reportlab.pdfgen.canvas import Canvas

ICC_PROFILE = Path(__file__).resolve().parent / "icc" / "sRGB.icc"  # where it is from: icc/
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
# reportlab's date for invariant documents; the print file uses it too, so that no PDF carries
# the moment it was made and the same input gives the same bytes
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    return ICC_PROFILE.read_bytes()


@dataclass(frozen=True)
class DocumentInfo:
    """What a PDF says about itself: its info dictionary and, the same, its XMP metadata."""

    title: str
    author: str
    subject: str
    keywords: str
    creator: str
    producer: str
    date: datetime  # made and last changed alike, with its offset from UTC

    def pdf_date(self) -> str:
        offset = self.date.utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        hours, rest = divmod(abs(minutes), 60)
        return f"D:{self.date:%Y%m%d%H%M%S}{sign}{hours:02d}'{rest:02d}'"

    def xmp(self) -> bytes:
        """The XMP packet: Dublin Core, XMP basic and Adobe PDF properties as the PDF/A
        standard pairs them with the info dictionary, and the PDF/A identification."""
        when = self.date.isoformat(timespec="seconds")
        text = escape
        return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(self.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{text(self.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text(self.subject)}</rdf:li></rdf:Alt>\
</dc:description>
<pdf:Keywords>{text(self.keywords)}</pdf:Keywords>
<pdf:Producer>{text(self.producer)}</pdf:Producer>
<xmp:CreatorTool>{text(self.creator)}</xmp:CreatorTool>
<xmp:CreateDate>{when}</xmp:CreateDate>
<xmp:ModifyDate>{when}</xmp:ModifyDate>
<xmp:MetadataDate>{when}</xmp:MetadataDate>
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


@lru_cache(maxsize=1)
def lay_out_streams() -> None:
    """PDF/A wants an end of line before every `endstream`; reportlab writes the keyword right
    after the data. The Length stays that of the data alone, as the standard counts it."""
    reportlab_format = PDFStream.format

    def with_end_of_line(self: PDFStream, document: Any) -> bytes:
        out: bytes = reportlab_format(self, document)
        return out[: -len(b"endstream\n")] + b"\nendstream\n"

    PDFStream.format = with_end_of_line  # type: ignore[method-assign]


def _reportlab_info(document: Any) -> DocumentInfo:
    info, stamp = document.info, document._timeStamp
    offset = timezone(timedelta(hours=stamp.dhh, minutes=stamp.dmm))
    return DocumentInfo(
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=info.keywords,
        creator=info.creator,
        producer=info.producer,
        date=datetime(*stamp.YMDhms[:6]).replace(tzinfo=offset),
    )


class PdfaCanvas(Canvas):
    """A reportlab canvas whose file is PDF/A-2b, given that what is drawn on it uses embedded
    fonts only (pass `initialFontName`: reportlab otherwise starts every page in Helvetica)."""

    def showPage(self) -> None:
        # reportlab's file ID digests only the title and the like: add what the page shows,
        # so that two letters of one kind get different IDs, and the same letter the same
        self._doc.updateSignature("".join(self._code))  # type: ignore[attr-defined]
        super().showPage()

    def save(self) -> None:
        lay_out_streams()
        document: Any = self._doc  # type: ignore[attr-defined]
        catalog = document.Catalog
        metadata = PDFStream(
            PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
            _reportlab_info(document).xmp(),
        )
        # unfiltered, as PDF/A wants it: reportlab compresses only the streams it is told to
        catalog.Metadata = metadata
        profile = PDFStream(PDFDictionary({"N": 3}), srgb_profile())
        intent = PDFDictionary(
            {
                "Type": PDFName("OutputIntent"),
                "S": PDFName("GTS_PDFA1"),
                "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
                "Info": PDFString(OUTPUT_CONDITION),
                "DestOutputProfile": document.Reference(profile),
            }
        )
        # inline in the catalog, so that merging letters leaves it behind with the catalog
        catalog.OutputIntents = PDFArray([intent])
        catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
        super().save()
