"""Compiling a composed letter once into sandboxed Jinja templates, and rendering it.

docxtpl's tag grammar ({%p %}, {%tr %}, {%r %}) prepares the Word XML for Jinja; the Jinja
environment is sandboxed (a template never reaches Python internals), escapes every value for
XML (a client called "Jansen & Zn" cannot break the file) and refuses unknown names.

A template always ends: one whose macros call themselves, or that loops over a fixed value, is
refused when it is loaded; `range` and Jinja's other helpers are not there; and every rendering
has a budget of loop rounds and calls, so that nothing a template does can run for ever.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError, TemplateRuntimeError, UndefinedError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from correspondence.letters.compose import Composed
from correspondence.letters.errors import TemplateRefused
from correspondence.letters.package import Package
from correspondence.rules.formatting import count_noun, euros, long_date, short_date, weekday_date

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PARAGRAPH_START = re.compile(r"<w:p([ >])")
DUNDER = re.compile(r"\{[{%][^}]*__\w*")
TAGS = re.compile(r"<[^>]+>")
# docxtpl's only use here is its XML clean-up for Jinja, which needs no template file.
_PATCHER = DocxTemplate(None)


NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
MAX_STEPS = 100_000  # loop rounds and calls in one rendering of one part
MAX_DEPTH = 40  # calls inside calls
MAX_REPEAT = 100_000  # characters or items one `*` may make
WITHOUT = ("range", "lipsum", "cycler", "joiner", "namespace")  # Jinja's helpers, not ours


class RenderLimit(TemplateRuntimeError):
    """A rendering that does too much work; the message is Dutch."""


class _NeverEnds(Exception):
    """A template that might not end; the message is Dutch."""


class _Budget:
    """The work one rendering may still do."""

    def __init__(self) -> None:
        self.steps = MAX_STEPS
        self.depth = 0

    def spend(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            steps = count_noun(MAX_STEPS, "stap", "stappen")
            raise RenderLimit(
                f"het sjabloon doet te veel werk (meer dan {steps}): "
                "loopt er een lus of macro eindeloos door?"
            )

    @contextmanager
    def call(self) -> Iterator[None]:
        self.spend()
        if self.depth >= MAX_DEPTH:
            raise RenderLimit(
                f"macro's roepen elkaar meer dan {MAX_DEPTH} keer binnen elkaar aan: "
                "roept een macro zichzelf aan?"
            )
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1


_BUDGET: ContextVar[_Budget] = ContextVar("template_budget")


def counted(items: Iterable[Any]) -> Iterator[Any]:
    """The rounds of a template's loop, each paid from the rendering's budget."""
    budget = _BUDGET.get()
    for item in items:
        budget.spend()
        yield item


def _repeat_size(left: Any, right: Any) -> int:
    """How long `left * right` would be when it repeats a string or a list; 0 otherwise."""
    for repeated, times in ((left, right), (right, left)):
        if isinstance(repeated, (str, list, tuple)) and isinstance(times, int):
            return len(repeated) * times
    return 0


class LetterEnvironment(SandboxedEnvironment):
    """The sandbox with a budget for calls, and without operators that make huge values."""

    intercepted_binops = frozenset({"*", "**"})  # also keeps them from running at compile time

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        with _BUDGET.get().call():
            return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            raise RenderLimit("machtsverheffen (**) kan niet in een sjabloon")
        if _repeat_size(left, right) > MAX_REPEAT:
            made = count_noun(MAX_REPEAT, "teken", "tekens")
            raise RenderLimit(f"een herhaling met * maakt meer dan {made}")
        return super().call_binop(context, operator, left, right)


def xml_safe(value: Any) -> Any:
    """Every value printed by a tag, without characters that XML 1.0 forbids."""
    return NOT_XML.sub("", value) if isinstance(value, str) else value


def environment() -> SandboxedEnvironment:
    env = LetterEnvironment(autoescape=True, undefined=StrictUndefined, finalize=xml_safe)
    env.filters.update(
        datum=long_date, dag_datum=weekday_date, korte_datum=short_date, bedrag=euros
    )
    for name in WITHOUT:
        del env.globals[name]
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
            part: _finish(_render(template, context)) for part, template in self.templates.items()
        }

    def docx(self, rendered: Mapping[str, str]) -> bytes:
        return self.package.write(
            {part: (XML_DECLARATION + xml).encode("utf-8") for part, xml in rendered.items()}
        )


def _render(template: Template, context: Mapping[str, Any]) -> str:
    """Render with a fresh budget, so that no template can run for ever."""
    token = _BUDGET.set(_Budget())
    try:
        return template.render(context)
    finally:
        _BUDGET.reset(token)


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
    _check_ending(parsed, source)
    names = frozenset(meta.find_undeclared_variables(parsed))
    _count_loops(parsed)
    code = ENVIRONMENT.compile(parsed)
    return ENVIRONMENT.template_class.from_code(ENVIRONMENT, code, ENVIRONMENT.globals), names


def _check_ending(parsed: nodes.Template, source: str) -> None:
    """Refuse what might not end: a macro that calls itself, a loop over a fixed value."""
    if macro := _recursive_macro(parsed):
        raise _NeverEnds(
            f"de macro {macro} roept zichzelf aan (direct of via een andere macro); "
            "dat mag niet in een sjabloon"
        )
    for loop in parsed.find_all(nodes.For):
        if isinstance(_root(loop.iter), nodes.Literal):
            raise _NeverEnds(
                f"een lus over een vaste waarde{_paragraph_at(source, loop.lineno)}; "
                "een lus gaat alleen over gegevens van de brief"
            )


def _root(expression: nodes.Node | None) -> nodes.Node | None:
    """What an expression starts from: `klant` in `klant.adresregels|list`; None for a filter
    or test without a node of its own, as in a filter block."""
    while isinstance(expression, (nodes.Getattr, nodes.Getitem, nodes.Filter, nodes.Test)):
        expression = expression.node
    return expression


def _called(node: nodes.Node) -> set[str]:
    return {
        call.node.name for call in node.find_all(nodes.Call) if isinstance(call.node, nodes.Name)
    }


def _recursive_macro(parsed: nodes.Template) -> str | None:
    """A macro that calls itself, directly or through other macros, or None. A macro used in a
    {% call %} block calls that block's body back."""
    macros = {macro.name: macro for macro in parsed.find_all(nodes.Macro)}
    calls = {name: _called(macro) & macros.keys() for name, macro in macros.items()}
    for block in parsed.find_all(nodes.CallBlock):
        callee = block.call.node
        if isinstance(callee, nodes.Name) and callee.name in calls:
            for node in block.body:
                calls[callee.name] |= _called(node) & macros.keys()
    return next((name for name in sorted(calls) if _reaches(name, name, calls)), None)


def _reaches(start: str, goal: str, calls: Mapping[str, set[str]]) -> bool:
    seen: set[str] = set()
    todo = list(calls[start])
    while todo:
        name = todo.pop()
        if name == goal:
            return True
        if name not in seen:
            seen.add(name)
            todo.extend(calls[name])
    return False


def _count_loops(parsed: nodes.Template) -> None:
    """Every loop pays for each round from the rendering's budget."""
    for loop in list(parsed.find_all(nodes.For)):
        guard = nodes.ImportedName(f"{__name__}.{counted.__name__}")
        loop.iter = nodes.Call(guard, [loop.iter], [], None, None, lineno=loop.lineno)
        loop.iter.set_environment(ENVIRONMENT)


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
    except _NeverEnds as exc:
        raise TemplateRefused(name, str(exc)) from exc
    unknown = used - known
    if unknown:
        listed = ", ".join(sorted(known))
        raise TemplateRefused(
            name, f"onbekende tag {', '.join(sorted(unknown))}; deze brief kent: {listed}"
        )
    return template


def _try(name: str, template: Template, sample: Mapping[str, Any]) -> None:
    try:
        _render(template, sample)
    except RenderLimit as exc:
        raise TemplateRefused(name, str(exc)) from exc
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
