"""Merging thousands of letter PDFs into one print file without holding them in memory.

Each letter's objects are copied to the output as soon as the letter arrives, renumbered, with
its pages hung under one page tree; only the object offsets and the page list stay in memory.
The page order is fixed at the end, so a cover sheet made last can still come first.
"""

from __future__ import annotations

import io
from collections import deque
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
)

HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
CATALOG, PAGE_TREE = 1, 2
A4 = (595.2756, 841.8898)


class _Ref(PdfObject):
    """A reference to an object number in the output file."""

    def __init__(self, number: int) -> None:
        self.number = number

    def write_to_stream(self, stream: BinaryIO, encryption_key: object = None) -> None:
        stream.write(f"{self.number} 0 R".encode())


class StreamingMerger:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = path.open("wb")
        self.file.write(HEADER)
        self.offsets: list[int] = [0, 0]  # objects 1 (catalog) and 2 (page tree), written last
        self.body_pages: list[int] = []
        self.front_pages: list[int] = []

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
            pages.append(number_for(page.indirect_reference.idnum))
        while pending:
            source, target = pending.popleft()
            self._write(target, remap(reader.get_object(source)))
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

    def finish(self) -> int:
        """Write the page tree, catalog and cross-reference table; returns the page count."""
        kids = ArrayObject([_Ref(n) for n in self.front_pages + self.body_pages])
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
                }
            ),
        )
        xref = self.file.tell()
        lines = [f"xref\n0 {len(self.offsets) + 1}\n", "0000000000 65535 f \n"]
        lines += [f"{offset:010d} 00000 n \n" for offset in self.offsets]
        self.file.write("".join(lines).encode())
        self.file.write(
            f"trailer\n<< /Size {len(self.offsets) + 1} /Root {CATALOG} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n".encode()
        )
        self.file.flush()
        self.file.close()
        return self.page_count

    def close(self) -> None:
        if not self.file.closed:
            self.file.close()
