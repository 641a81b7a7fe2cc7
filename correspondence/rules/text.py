"""Text that Poortpost prints in a letter or keeps in a dossier: invisible characters removed,
characters the letter font cannot draw refused, notes checked, lengths held to the columns
that store them."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from correspondence.rules.errors import ValidationFailed

LETTER_FONT = Path(__file__).resolve().parents[2] / "templates_nl" / "fonts" / "DejaVuSans.ttf"
# zero-width characters and bidirectional marks, embeddings, overrides and isolates: they
# print as nothing but change how a name reads or what it matches
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
LINE_BREAKS = re.compile("[\t\n\r\v\f\x85\u2028\u2029]+")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
NOTE_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # a note keeps its lines


class TextRefused(ValueError):
    """Text that cannot be printed or stored as it is; the message is Dutch."""


def shown(text: str, limit: int = 30) -> str:
    """`text` quoted for a message: one line, printable characters only, not too long."""
    printable = "".join(c if c.isprintable() else "?" for c in text)
    return f"'{printable[:limit]}…'" if len(printable) > limit else f"'{printable}'"


def clean_line(text: str) -> str:
    """One line of text: composed (NFC), without invisible or control characters, line breaks
    and tabs as one space."""
    composed = unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    return CONTROL.sub("", LINE_BREAKS.sub(" ", composed)).strip()


@cache
def _drawable() -> frozenset[int]:
    """The code points the letter font has a glyph for (read once from its cmap), without the
    private-use ones: their glyphs are the font's own, not a character anyone can type."""
    # reportlab only once a text is checked against the font: quoting a value never needs it
    from reportlab.pdfbase.ttfonts import TTFontFile

    cmap = TTFontFile(str(LETTER_FONT)).charToGlyph
    return frozenset(c for c in cmap if unicodedata.category(chr(c)) != "Co")


def undrawable(text: str) -> list[str]:
    """The characters of `text` the letter font cannot draw, each once, in order."""
    drawable = _drawable()
    return list(dict.fromkeys(c for c in text if ord(c) not in drawable))


def _describe(char: str) -> str:
    code = f"U+{ord(char):04X}"
    return f"{char} ({code})" if char.isprintable() else code


def check_length(text: str, limit: int | None) -> str:
    if limit is not None and len(text) > limit:
        raise TextRefused(f"is te lang: hoogstens {limit} tekens (nu {len(text)})")
    return text


def letter_text(text: str, limit: int | None = None) -> str:
    """`text` cleaned for a letter, or TextRefused when the font cannot draw it or it does not
    fit its column."""
    cleaned = clean_line(text)
    if missing := undrawable(cleaned):
        raise TextRefused(
            "bevat tekens die niet in een brief kunnen worden afgedrukt: "
            + ", ".join(_describe(c) for c in missing[:5])
        )
    return check_length(cleaned, limit)


def validate_note(text: str) -> str:
    """A note for the contact log: not empty, no control characters (line breaks and tabs may
    stay), invisible characters removed. Raises ValidationFailed on the field `note`."""
    note = INVISIBLE.sub("", text.replace("\r\n", "\n")).strip()
    if not note:
        raise ValidationFailed({"note": "schrijf op wat er is gezegd; de notitie is leeg"})
    if bad := NOTE_CONTROL.search(note):
        raise ValidationFailed(
            {"note": f"bevat een stuurteken ({_describe(bad[0])}); haal het weg"}
        )
    return note
