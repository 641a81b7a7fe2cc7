"""Composing one letter document from its three sources: the municipality's house style, the
letter template and the shared text blocks it names.

The house style holds a paragraph `[[ inhoud ]]` where the letter goes; a letter holds a
paragraph `[[ naam ]]` where text block `naam` goes. Composition happens once per set of
versions, never per letter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from copy import deepcopy
from dataclasses import dataclass

from lxml import etree

from correspondence.letters import subset
from correspondence.letters.errors import TemplateRefused
from correspondence.letters.package import DOCUMENT, STYLES, Package, w

MARKER = re.compile(r"^\s*\[\[\s*([a-z_]+)\s*\]\]\s*$")
ANY_MARKER = re.compile(r"\[\[.*?\]\]")
CONTENT_MARKER = "inhoud"


@dataclass(frozen=True)
class Composed:
    """The house-style package with the composed body; parts still hold their Jinja tags."""

    package: Package
    parts: dict[str, str]  # part name -> XML text (document, headers, footers)
    sources: tuple[tuple[str, str], ...]  # (template name, its own XML) to check one by one


def paragraph_text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(w("t")))


def _markers(body: etree._Element, source: Package) -> list[tuple[etree._Element, str]]:
    """The marker paragraphs `[[ naam ]]`, each alone in a paragraph of the body itself."""
    found = []
    for paragraph in body.iter(w("p")):
        text = paragraph_text(paragraph)
        match = MARKER.match(text)
        if match and paragraph.getparent() is body:
            found.append((paragraph, match[1]))
        elif stray := ANY_MARKER.search(text):
            raise TemplateRefused(
                source.name,
                f"«{stray[0]}» hoort alleen in een eigen alinea buiten een tabel, met een naam "
                "in kleine letters, zoals [[ bezwaar ]]",
            )
    return found


def _body(package: Package, document: etree._Element) -> etree._Element:
    body = document.find(w("body"))
    if body is None:
        raise TemplateRefused(package.name, "het document heeft geen hoofdtekst")
    return body


def _content(package: Package) -> list[etree._Element]:
    body = _body(package, package.xml(DOCUMENT))
    return [deepcopy(child) for child in body if child.tag != w("sectPr")]


def _replace(paragraph: etree._Element, elements: list[etree._Element]) -> None:
    parent = paragraph.getparent()
    assert parent is not None, "_markers only finds paragraphs directly in a body"
    index = parent.index(paragraph)
    parent.remove(paragraph)
    for offset, element in enumerate(elements):
        parent.insert(index + offset, element)


@dataclass(frozen=True)
class _StyleRules:
    known: set[str]
    numbered: set[str]


def _check(package: Package, root: etree._Element, furniture: bool, styles: _StyleRules) -> None:
    problems = subset.problems(root, furniture)
    if subset.used_styles(root) & styles.numbered:
        problems.append(subset.NAMED[w("numPr")])
    if problems:
        raise TemplateRefused(
            package.name, "gebruikt wat sjablonen niet mogen: " + "; ".join(problems)
        )
    unknown = subset.used_styles(root) - styles.known
    if unknown:
        raise TemplateRefused(
            package.name,
            "gebruikt stijlen die de huisstijl niet kent: " + ", ".join(sorted(unknown)),
        )


def compose(house: Package, letter: Package, blocks: Mapping[str, Package]) -> Composed:
    style_xml = house.xml(STYLES)
    styles = _StyleRules(subset.style_ids(style_xml), subset.numbered_styles(style_xml))
    for source in (letter, *blocks.values()):
        body = source.xml(DOCUMENT).find(w("body"))
        if body is not None:
            _check(source, body, False, styles)

    document = house.xml(DOCUMENT)
    body = _body(house, document)
    _check(house, body, False, styles)
    content = [m for m in _markers(body, house) if m[1] == CONTENT_MARKER]
    if len(content) != 1:
        raise TemplateRefused(
            house.name, "de huisstijl moet precies één alinea [[ inhoud ]] hebben"
        )

    def fragment(package: Package, root: etree._Element) -> tuple[str, str]:
        return (package.name, etree.tostring(root, encoding="unicode"))

    sources = [fragment(house, document), fragment(letter, letter.xml(DOCUMENT))]
    letter_elements = _content(letter)
    holder = etree.Element(w("body"))
    holder.extend(letter_elements)
    for paragraph, name in _markers(holder, letter):
        if name not in blocks:
            raise TemplateRefused(letter.name, f"onbekende bouwsteen [[ {name} ]]")
        sources.append(fragment(blocks[name], blocks[name].xml(DOCUMENT)))
        block_elements = _content(blocks[name])
        block_holder = etree.Element(w("body"))
        block_holder.extend(deepcopy(e) for e in block_elements)
        if _markers(block_holder, blocks[name]):
            raise TemplateRefused(blocks[name].name, "een bouwsteen kan geen bouwsteen bevatten")
        _replace(paragraph, block_elements)
    _replace(content[0][0], list(holder))

    parts = {DOCUMENT: etree.tostring(document, encoding="unicode")}
    for part in house.furniture().values():
        root = house.xml(part)
        _check(house, root, True, styles)
        parts[part] = etree.tostring(root, encoding="unicode")
        sources.append(fragment(house, root))
    return Composed(house, parts, tuple(dict.fromkeys(sources)))
