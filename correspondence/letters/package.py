"""A .docx file as its zip parts, read safely and written byte for byte the same every time."""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree

from correspondence.letters.errors import TemplateRefused

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER_TYPE = f"{R}/header"
FOOTER_TYPE = f"{R}/footer"
DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FAST = 1  # zlib level: letters are small, and speed counts when printing thousands
MAX_PART_BYTES = 20 * 1024 * 1024
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Package:
    """The parts of a .docx in their original order."""

    name: str
    parts: tuple[tuple[str, bytes], ...]

    @classmethod
    def read(cls, name: str, content: bytes) -> Package:
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                infos = archive.infolist()
                if any(i.file_size > MAX_PART_BYTES for i in infos):
                    raise TemplateRefused(name, "een onderdeel van het bestand is te groot")
                parts = tuple((i.filename, archive.read(i)) for i in infos)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
            raise TemplateRefused(name, "dit is geen (heel) Word-bestand (.docx)") from exc
        package = cls(name, parts)
        if DOCUMENT not in package.names or STYLES not in package.names:
            raise TemplateRefused(name, "het Word-bestand mist de hoofdtekst of de opmaakstijlen")
        return package

    @property
    def names(self) -> set[str]:
        return {name for name, _ in self.parts}

    def part(self, name: str) -> bytes:
        return dict(self.parts)[name]

    def xml(self, name: str) -> etree._Element:
        try:
            return etree.fromstring(self.part(name), SAFE_PARSER)
        except etree.XMLSyntaxError as exc:
            raise TemplateRefused(self.name, f"onleesbare XML in {name}: {exc}") from exc

    def furniture(self) -> dict[str, str]:
        """The header and footer parts by relationship id ("rId9" -> "word/header1.xml")."""
        rels = self.xml("word/_rels/document.xml.rels")
        found = {}
        for rel in rels.iter(f"{{{REL}}}Relationship"):
            if rel.get("Type") in (HEADER_TYPE, FOOTER_TYPE):
                rel_id, target = rel.get("Id"), rel.get("Target")
                if rel_id is None or target is None:
                    raise TemplateRefused(
                        self.name, "een kop- of voettekst mist zijn verwijzing in het Word-bestand"
                    )
                found[rel_id] = posixpath.normpath(posixpath.join("word", target))
        return found

    def write(self, replaced: dict[str, bytes]) -> bytes:
        """The package with some parts replaced, as a zip with fixed timestamps and order."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in self.parts:
                info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 3  # the same bytes whichever system writes them
                archive.writestr(info, replaced.get(name, content), compresslevel=FAST)
        return buffer.getvalue()
