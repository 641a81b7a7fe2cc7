"""Dutch personal names: prefixes (tussenvoegsels), salutations and sort order."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Protocol

from store.vocabulary import Salutation


@dataclass(frozen=True)
class PersonName:
    initials: str
    prefix: str
    surname: str
    first_name: str = ""

    def _with_prefix(self, capitalise: bool) -> str:
        prefix = self.prefix.strip()
        if not prefix:
            return self.surname
        if capitalise:
            prefix = prefix[0].upper() + prefix[1:]
        return f"{prefix} {self.surname}"

    @property
    def formal(self) -> str:
        """ "J. de Vries": the prefix stays lower case after the initials."""
        return " ".join(part for part in (self.initials.strip(), self._with_prefix(False)) if part)

    @property
    def full(self) -> str:
        """ "Jan de Vries"."""
        given = self.first_name.strip() or self.initials.strip()
        return " ".join(part for part in (given, self._with_prefix(False)) if part)

    @property
    def surname_first(self) -> str:
        """ "Vries, J. de": the form for lists sorted on surname."""
        tail = " ".join(p for p in (self.initials.strip(), self.prefix.strip()) if p)
        return f"{self.surname}, {tail}" if tail else self.surname

    def salutation(self, salutation: Salutation) -> str:
        """ "Geachte heer De Vries": the prefix opens the surname and is capitalised."""
        if salutation is Salutation.NEUTRAL:
            return f"Geachte {self.formal}"
        return f"Geachte {salutation.value} {self._with_prefix(True)}"

    def addressee(self, salutation: Salutation) -> str:
        """The first line of the address block: "De heer J. de Vries"."""
        if salutation is Salutation.MR:
            return f"De heer {self.formal}"
        if salutation is Salutation.MRS:
            return f"Mevrouw {self.formal}"
        return self.formal


# Letters that Unicode does not decompose into a base letter and an accent, as a Dutch user
# types them: "yilmaz" for Yılmaz, "orsted" for Ørsted.
UNACCENTED = str.maketrans(
    {"ø": "o", "ı": "i", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ŋ": "n",
     "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe"}
)  # fmt: skip
# The other way a Dutch user writes these letters: "oersted" for Ørsted, "mueller" for Müller.
SPELLED_OUT = str.maketrans({"ø": "oe", "ö": "oe", "ü": "ue", "ä": "ae"})


def fold(text: str) -> str:
    """Lower case without accents or special letters, for search and sorting ("Łukasz
    Wiśniewski" → "lukasz wisniewski", "Yılmaz" → "yilmaz")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(UNACCENTED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_words(text: str) -> str:
    """Every way a user may type the words of `text`: folded, and with umlauts and the slashed
    o spelled out ("Ørsted" → "orsted oersted")."""
    folded, spelled = fold(text), fold(text.casefold().translate(SPELLED_OUT))
    return folded if spelled == folded else f"{folded} {spelled}"


def sort_key(name: PersonName) -> tuple[str, str, str]:
    """Sort on the surname without its prefix, accents folded ("Berg, Z. van der" under B)."""
    return (fold(name.surname), fold(name.prefix), fold(name.initials))


class Named(Protocol):
    """A stored person with name parts: a client."""

    initials: str
    prefix: str
    surname: str
    first_name: str


def name_of(person: Named) -> PersonName:
    return PersonName(person.initials, person.prefix, person.surname, person.first_name)
