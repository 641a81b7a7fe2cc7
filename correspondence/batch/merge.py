"""Merging thousands of letter PDFs into one print file without holding them in memory.

Each letter's objects are copied to the output as soon as the letter arrives, renumbered, with
its pages hung under one page tree; only the object offsets and the page list stay in memory.
The page order is fixed at the end, so a cover sheet made last can still come first.

Our own PDFs (reportlab's plain layout: a cross-reference table, one flat page tree) are copied
as raw bytes with only their references renumbered, which is many times faster than parsing
every number of every font table; any other PDF goes through pypdf.

A stream that refers to nothing else (the logo, an embedded font subset, a glyph map) is
written once per file, however many letters carry it: the letters of one batch share their
house style and, mostly, their subsets, so the file stays small and holds each logo once.

The print file is PDF/A-2b as the letters are: the letters' own metadata and output intent
hang under their catalogs and stay behind with them, and the file gets its own.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from collections import deque
from pathlib import Path
from typing import IO, Any

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from correspondence.letters.pdfa import FIXED_DATE, OUTPUT_CONDITION, DocumentInfo, srgb_profile
from store.files import open_private

HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
CATALOG, PAGE_TREE = 1, 2
A4 = (595.2756, 841.8898)


STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
XREF_HEAD = re.compile(rb"xref\s+0\s+(\d+)\s+")
TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
REFERENCE = re.compile(rb"(\d+) 0 R")
OBJECT_HEAD = re.compile(rb"^(\d+) 0 obj\s*")
STREAM_START = re.compile(rb">>\s*stream\r?\n")
PAGES_ROOT = re.compile(rb"/Pages\s+(\d+) 0 R")
KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")


class NotPlain(ValueError):
    """A PDF without the plain layout the raw copy relies on."""


def _raw_objects(content: bytes) -> tuple[dict[int, bytes], int, int | None]:
    """The objects of a plain PDF by number, its catalog number and its info number."""
    end = STARTXREF.search(content[-64:])
    if not end:
        raise NotPlain("geen startxref")
    xref = int(end[1])
    head = XREF_HEAD.match(content, xref)
    if not head:
        raise NotPlain("geen eenvoudige xref-tabel")
    count, table = int(head[1]), head.end()
    offsets = {}
    for number in range(1, count):
        entry = content[table + 20 * number : table + 20 * number + 20]
        if entry[17:18] == b"n":
            offsets[number] = int(entry[:10])
    trailer = TRAILER.search(content, xref)
    if not trailer:
        raise NotPlain("geen trailer")
    root = re.search(rb"/Root\s+(\d+) 0 R", trailer[1])
    info = re.search(rb"/Info\s+(\d+) 0 R", trailer[1])
    if not root:
        raise NotPlain("geen catalogus")
    ordered = sorted(offsets.items(), key=lambda item: item[1])
    bounds = [offset for _, offset in ordered[1:]] + [xref]
    objects = {}
    for (number, start), stop in zip(ordered, bounds, strict=True):
        raw = content[start:stop].rstrip()
        if not raw.endswith(b"endobj"):
            raise NotPlain(f"object {number} loopt niet tot endobj")
        objects[number] = raw
    return objects, int(root[1]), int(info[1]) if info else None


def _self_contained(raw: bytes) -> bytes | None:
    """The digest of a stream object that refers to no other object, without its number; None
    for anything else."""
    head = OBJECT_HEAD.match(raw)
    start = STREAM_START.search(raw)
    if not head or not start or REFERENCE.search(raw, head.end(), start.end()):
        return None
    return hashlib.sha256(raw[head.end() :]).digest()


class _Ref(PdfObject):
    """A reference to an object number in the output file."""

    def __init__(self, number: int) -> None:
        self.number = number

    def write_to_stream(self, stream: IO[Any]) -> None:
        stream.write(f"{self.number} 0 R".encode())


def _stream(entries: dict[str, PdfObject], data: bytes) -> StreamObject:
    stream = StreamObject()
    stream.update({NameObject(key): value for key, value in entries.items()})
    stream.set_data(data)
    return stream


class StreamingMerger:
    def __init__(self, path: Path, title: str = "Verzendbatch") -> None:
        self.path = path
        self.info = DocumentInfo(
            title=title,
            author="Sociale Zaken en Werkgelegenheid",
            subject="Printbestand van een verzendbatch",
            keywords="",
            creator="Poortpost",
            producer="Poortpost",
            date=FIXED_DATE,
        )
        # the file's ID: a digest of what went in, so the same letters give the same file
        self.digest = hashlib.md5(title.encode(), usedforsecurity=False)
        self.file = open_private(path)
        self.file.write(HEADER)
        self.offsets: list[int] = [0, 0]  # objects 1 (catalog) and 2 (page tree), written last
        self.body_pages: list[int] = []
        self.front_pages: list[int] = []
        self.shared: dict[bytes, int] = {}  # a self-contained stream's digest -> its object

    def _reserve(self) -> int:
        self.offsets.append(0)
        return len(self.offsets)

    def _write(self, number: int, obj: PdfObject) -> None:
        self.offsets[number - 1] = self.file.tell()
        self.file.write(f"{number} 0 obj\n".encode())
        obj.write_to_stream(self.file)
        self.file.write(b"\nendobj\n")

    def _copy(self, content: bytes) -> list[int]:
        """Copy a PDF's pages and everything they use; returns the new page object numbers."""
        self.digest.update(hashlib.md5(content, usedforsecurity=False).digest())
        try:
            return self._copy_raw(content)
        except NotPlain:
            return self._copy_parsed(content)

    def _copy_raw(self, content: bytes) -> list[int]:
        try:
            order, prepared, new_shared = self._prepare_raw(content)
        except (KeyError, ValueError, IndexError) as exc:
            raise NotPlain(str(exc)) from exc
        self.shared.update(new_shared)
        for new_number, head, tail in prepared:
            self.offsets.append(self.file.tell())
            self.file.write(f"{new_number} 0 obj\n".encode())
            self.file.write(head)
            self.file.write(tail)
            self.file.write(b"\n")
        return order

    def _prepare_raw(
        self, content: bytes
    ) -> tuple[list[int], list[tuple[int, bytes, bytes]], dict[bytes, int]]:
        """The new page numbers, the renumbered objects to write and the self-contained
        streams among them, all worked out before a byte is written, so that a PDF that is
        not plain after all can still take the other path."""
        objects, root, info = _raw_objects(content)
        tree_match = PAGES_ROOT.search(objects[root])
        if not tree_match:
            raise NotPlain("geen paginaboom")
        tree = int(tree_match[1])
        kids = KIDS.search(objects[tree])
        if not kids:
            raise NotPlain("geen platte paginaboom")
        skipped = {root, tree} | ({info} if info else set())
        # everything the catalog alone refers to (outlines and the like) stays behind
        skipped |= {int(n) for n in REFERENCE.findall(objects[root])} - {tree}
        kept: list[int] = []
        numbers: dict[int, int] = {}
        new_shared: dict[bytes, int] = {}
        for number in (n for n in objects if n not in skipped):
            digest = _self_contained(objects[number])
            if digest is not None and digest in self.shared:
                numbers[number] = self.shared[digest]
                continue
            numbers[number] = len(self.offsets) + len(kept) + 1
            kept.append(number)
            if digest is not None:
                new_shared[digest] = numbers[number]
        numbers[tree] = PAGE_TREE  # every page hangs under the merged file's page tree
        order = [numbers[int(n)] for n in REFERENCE.findall(kids[1])]
        prepared = []
        for number in kept:
            raw = objects[number]
            head_match = OBJECT_HEAD.match(raw)
            if not head_match or int(head_match[1]) != number:
                raise NotPlain(f"object {number} staat niet waar de xref zegt")
            match = STREAM_START.search(raw)
            head, tail = (raw[: match.end()], raw[match.end() :]) if match else (raw, b"")
            head = head[head_match.end() :]
            head = REFERENCE.sub(lambda m: f"{numbers[int(m[1])]} 0 R".encode(), head)
            prepared.append((numbers[number], head, tail))
        return order, prepared, new_shared

    def _copy_parsed(self, content: bytes) -> list[int]:
        reader = PdfReader(io.BytesIO(content))
        numbers: dict[int, int] = {}
        pending: deque[tuple[int, int]] = deque()

        def number_for(source: int) -> int:
            if source not in numbers:
                numbers[source] = self._reserve()
                pending.append((source, numbers[source]))
            return numbers[source]

        def remap(obj: PdfObject) -> PdfObject:
            if isinstance(obj, IndirectObject):
                return _Ref(number_for(obj.idnum))
            if isinstance(obj, DictionaryObject):
                for key in list(obj.keys()):
                    value = obj.raw_get(key)  # not obj[key]: that resolves references
                    obj[NameObject(key)] = remap(value) if key != "/Parent" else _Ref(PAGE_TREE)
                return obj
            if isinstance(obj, ArrayObject):
                for index, item in enumerate(obj):
                    obj[index] = remap(item)
                return obj
            return obj

        pages = []
        for page in reader.pages:
            if page.indirect_reference is None:
                raise ValueError("een pagina staat niet als eigen object in het bestand")
            pages.append(number_for(page.indirect_reference.idnum))
        while pending:
            source, target = pending.popleft()
            obj = reader.get_object(source)
            if obj is None:
                raise ValueError(f"object {source} ontbreekt")
            self._write(target, remap(obj))
        return pages

    def add_letter(self, content: bytes, duplex: bool = True) -> tuple[int, int]:
        """Append a letter; returns its first page (1-based, among the letters) and its page
        count. For duplex printing a letter with an odd page count gets a blank page after it."""
        first = len(self.body_pages) + 1
        pages = self._copy(content)
        self.body_pages += pages
        if duplex and len(pages) % 2:
            self.body_pages.append(self._blank())
        return first, len(pages)

    def set_front(self, content: bytes, duplex: bool = True) -> int:
        """The pages that come before the letters (the cover sheet); returns how many pages the
        letters are shifted by, blank page included."""
        self.front_pages = self._copy(content)
        if duplex and len(self.front_pages) % 2:
            self.front_pages.append(self._blank())
        return len(self.front_pages)

    def _blank(self) -> int:
        number = self._reserve()
        page = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Page"),
                NameObject("/Parent"): _Ref(PAGE_TREE),
                NameObject("/MediaBox"): ArrayObject(
                    [NumberObject(0), NumberObject(0), FloatObject(A4[0]), FloatObject(A4[1])]
                ),
                NameObject("/Resources"): DictionaryObject(),
            }
        )
        self._write(number, page)
        return number

    @property
    def page_count(self) -> int:
        return len(self.front_pages) + len(self.body_pages)

    def _metadata(self) -> tuple[int, int, int]:
        """The XMP metadata, the ICC profile of the output intent and the info dictionary,
        written as objects: their numbers."""
        metadata, profile, info = self._reserve(), self._reserve(), self._reserve()
        self._write(
            metadata,
            _stream(
                {"/Type": NameObject("/Metadata"), "/Subtype": NameObject("/XML")},
                self.info.xmp(),
            ),
        )
        self._write(profile, _stream({"/N": NumberObject(3)}, srgb_profile()))
        described = self.info
        self._write(
            info,
            DictionaryObject(
                {
                    NameObject("/Title"): TextStringObject(described.title),
                    NameObject("/Author"): TextStringObject(described.author),
                    NameObject("/Subject"): TextStringObject(described.subject),
                    NameObject("/Keywords"): TextStringObject(described.keywords),
                    NameObject("/Creator"): TextStringObject(described.creator),
                    NameObject("/Producer"): TextStringObject(described.producer),
                    NameObject("/CreationDate"): TextStringObject(described.pdf_date()),
                    NameObject("/ModDate"): TextStringObject(described.pdf_date()),
                }
            ),
        )
        return metadata, profile, info

    def finish(self) -> int:
        """Write the page tree, catalog and cross-reference table; returns the page count."""
        kids = ArrayObject([_Ref(n) for n in self.front_pages + self.body_pages])
        metadata, profile, info = self._metadata()
        self._write(
            PAGE_TREE,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Pages"),
                    NameObject("/Kids"): kids,
                    NameObject("/Count"): NumberObject(len(kids)),
                }
            ),
        )
        self._write(
            CATALOG,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Catalog"),
                    NameObject("/Pages"): _Ref(PAGE_TREE),
                    NameObject("/Metadata"): _Ref(metadata),
                    NameObject("/OutputIntents"): ArrayObject(
                        [
                            DictionaryObject(
                                {
                                    NameObject("/Type"): NameObject("/OutputIntent"),
                                    NameObject("/S"): NameObject("/GTS_PDFA1"),
                                    NameObject("/OutputConditionIdentifier"): TextStringObject(
                                        OUTPUT_CONDITION
                                    ),
                                    NameObject("/Info"): TextStringObject(OUTPUT_CONDITION),
                                    NameObject("/DestOutputProfile"): _Ref(profile),
                                }
                            )
                        ]
                    ),
                }
            ),
        )
        xref = self.file.tell()
        lines = [f"xref\n0 {len(self.offsets) + 1}\n", "0000000000 65535 f \n"]
        lines += [f"{offset:010d} 00000 n \n" for offset in self.offsets]
        self.file.write("".join(lines).encode())
        self.digest.update(" ".join(map(str, self.front_pages + self.body_pages)).encode())
        file_id = self.digest.hexdigest()
        self.file.write(
            f"trailer\n<< /Size {len(self.offsets) + 1} /Root {CATALOG} 0 R /Info {info} 0 R "
            f"/ID [<{file_id}> <{file_id}>] >>\nstartxref\n{xref}\n%%EOF\n".encode()
        )
        self.file.flush()
        os.fsync(self.file.fileno())  # a full disk shows here, before anything is sent
        self.file.close()
        return self.page_count

    def close(self) -> None:
        if not self.file.closed:
            self.file.close()
