"""Compiling a composed letter once into sandboxed Jinja templates, and rendering it.

docxtpl's tag grammar ({%p %}, {%tr %}, {%r %}) prepares the Word XML for Jinja; the Jinja
environment is sandboxed (a template never reaches Python internals), escapes every value for
XML (a client called "Jansen & Zn" cannot break the file) and refuses unknown names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, meta
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from correspondence.formatting import euros, long_date, short_date, weekday_date
from correspondence.letters.compose import Composed
from correspondence.letters.errors import TemplateRefused
from correspondence.letters.package import Package

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PARAGRAPH_START = re.compile(r"<w:p([ >])")
DUNDER = re.compile(r"\{[{%][^}]*__\w*")
TAGS = re.compile(r"<[^>]+>")
# docxtpl's only use here is its XML clean-up for Jinja, which needs no template file.
_PATCHER = DocxTemplate(None)


NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value: Any) -> Any:
    """Every value printed by a tag, without characters that XML 1.0 forbids."""
    return NOT_XML.sub("", value) if isinstance(value, str) else value


def environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=xml_safe)
    env.filters.update(
        datum=long_date, dag_datum=weekday_date, korte_datum=short_date, bedrag=euros
    )
    return env


ENVIRONMENT = environment()


@dataclass(frozen=True)
class PreparedLetter:
    """A letter ready to render many times: compiled once per set of template versions."""

    package: Package
    templates: Mapping[str, Template]
    versions: Mapping[str, str]

    def render(self, context: Mapping[str, Any]) -> dict[str, str]:
        """The rendered XML of the document, header and footer parts."""
        return {
            part: _finish(template.render(context)) for part, template in self.templates.items()
        }

    def docx(self, rendered: Mapping[str, str]) -> bytes:
        return self.package.write(
            {part: (XML_DECLARATION + xml).encode("utf-8") for part, xml in rendered.items()}
        )


def _finish(xml: str) -> str:
    xml = xml.replace("\n<w:p", "<w:p")
    return xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")


def _paragraph_at(source: str, lineno: int | None) -> str:
    if not lineno:
        return ""
    lines = source.splitlines()
    text = TAGS.sub("", lines[lineno - 1]) if 0 < lineno <= len(lines) else ""
    return f" in de alinea «{text.strip()[:80]}»" if text.strip() else ""


@lru_cache(maxsize=512)
def _compiled(source: str) -> tuple[Template, frozenset[str]]:
    """A template source compiled once per process, with the names it uses. Headers and
    footers are shared by every kind of letter of a municipality."""
    parsed = ENVIRONMENT.parse(source)
    names = frozenset(meta.find_undeclared_variables(parsed))
    code = ENVIRONMENT.compile(parsed)
    return ENVIRONMENT.template_class.from_code(ENVIRONMENT, code, ENVIRONMENT.globals), names


def _compile(name: str, xml: str, known: set[str]) -> Template:
    """One template's XML as a Jinja template, or TemplateRefused naming `name`."""
    source = PARAGRAPH_START.sub(r"\n<w:p\1", _PATCHER.patch_xml(xml))
    if DUNDER.search(source):
        raise TemplateRefused(name, "een tag probeert Python-internals te bereiken (__…__)")
    try:
        template, used = _compiled(source)
    except TemplateSyntaxError as exc:
        where = _paragraph_at(source, exc.lineno)
        raise TemplateRefused(name, f"syntaxfout in een tag{where}: {exc.message}") from exc
    unknown = used - known
    if unknown:
        listed = ", ".join(sorted(known))
        raise TemplateRefused(
            name, f"onbekende tag {', '.join(sorted(unknown))}; deze brief kent: {listed}"
        )
    return template


def _try(name: str, template: Template, sample: Mapping[str, Any]) -> None:
    try:
        template.render(sample)
    except SecurityError as exc:
        raise TemplateRefused(
            name, f"een tag probeert Python-internals te bereiken: {exc}"
        ) from exc
    except UndefinedError as exc:
        raise TemplateRefused(name, f"onbekend gegeven in een tag: {exc.message}") from exc
    except (TemplateError, TypeError, ValueError, AttributeError, ArithmeticError) as exc:
        raise TemplateRefused(
            name, f"het sjabloon is niet te vullen met voorbeeldgegevens: {exc}"
        ) from exc


def prepare(
    composed: Composed,
    names: Iterable[str],
    sample: Mapping[str, Any],
    versions: Mapping[str, str],
) -> PreparedLetter:
    """Compile the composed letter and prove it: syntax, every name known, renders on `sample`.

    When it is refused, each source (house style, letter, text block) is checked on its own,
    so that the refusal names the file that holds the problem.
    """
    known = set(names)
    name = composed.package.name
    try:
        templates = {part: _compile(name, xml, known) for part, xml in composed.parts.items()}
        for template in templates.values():
            _try(name, template, sample)
    except TemplateRefused:
        for source, xml in composed.sources:
            _try(source, _compile(source, xml, known), sample)
        raise
    return PreparedLetter(composed.package, templates, dict(versions))
