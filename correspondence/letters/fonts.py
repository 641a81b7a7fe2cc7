"""The TrueType fonts our PDFs embed, with each subset made and compressed once per process.

reportlab cuts every PDF's subset of a face from the font file again and compresses it again,
about a tenth of the time a letter takes. The letters of a batch use the same few subsets over
and over: only a name or an amount with a letter not seen before makes another one. The bytes
are those reportlab makes; a subset is only made once.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFStreamFilterZCompress
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

# a batch needs a handful per face; a subset and its compressed form take some 60 kB
KEPT_SUBSETS = 64


class _FlateOnce(PDFStreamFilterZCompress):
    """reportlab's Flate compression, remembered for the font subsets most recently made."""

    def __init__(self) -> None:
        self._compressed = lru_cache(maxsize=KEPT_SUBSETS)(super().encode)

    def encode(self, text: bytes) -> bytes:
        compressed: bytes = self._compressed(text)
        return compressed


_FLATE_ONCE = _FlateOnce()


@lru_cache(maxsize=KEPT_SUBSETS)
def _formatted_widths(widths: tuple[float, ...], indent: bytes) -> bytes:
    formatted: bytes = PDFArray(widths).format(None, indent)
    return formatted


class _WidthsOnce(PDFArray):
    """A subset's glyph widths, formatted as reportlab does once per process: numbers only, so
    the bytes do not depend on the document."""

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        return _formatted_widths(tuple(self.sequence), IND)


class _SubsetOnceFace(TTFontFace):
    """A face that makes each subset once; reportlab makes the face in `TTFont.__init__`."""

    @lru_cache(maxsize=KEPT_SUBSETS)  # noqa: B019 (the faces live as long as the process)
    def _subset(self, codes: tuple[int, ...]) -> bytes:
        made: bytes = super().makeSubset(list(codes))
        return made

    def makeSubset(self, subset: Sequence[int]) -> bytes:
        return self._subset(tuple(subset))

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        descriptor = super().addSubsetObjects(doc, fontname, subset)
        font_file = doc.idToObject[doc.idToObject[descriptor.name].dict["FontFile2"].name]
        if font_file.filters:  # compressed, as every document of ours is
            # the same bytes as reportlab's compression, and the same subset as another letter's
            font_file.filters = [_FLATE_ONCE]
        return descriptor


class EmbeddedFont(TTFont):
    """A TrueType font whose subsets are made and compressed once per process."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self.face.__class__ = _SubsetOnceFace  # made by reportlab above, read from the file once

    def addObjects(self, doc: Any) -> None:
        """reportlab's font objects, with each subset's widths and Unicode map, which reportlab
        formats and compresses again for every letter, written once per process."""
        state = self.state.get(doc)
        count = len(state.subsets) if state else 0
        names = [self.getSubsetInternalName(n, doc)[1:] for n in range(count)]
        super().addObjects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for name in names:
            font = fonts[name]
            font.Widths = _WidthsOnce(font.Widths.sequence)
            to_unicode = doc.idToObject[font.ToUnicode.name]
            if to_unicode.filters:  # the same map as another letter's, the same bytes
                to_unicode.filters = [_FLATE_ONCE]
