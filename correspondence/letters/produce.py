"""Producing letters: compose and compile each set of template versions once, then render
any number of letters from it as DOCX and PDF."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from lxml import etree
from reportlab.platypus.doctemplate import LayoutError

from correspondence.letters.compose import compose
from correspondence.letters.context import (
    LetterReference,
    build_context,
    unverified_letter_data,
)
from correspondence.letters.engine import PreparedLetter, prepare
from correspondence.letters.errors import TemplateRefused
from correspondence.letters.logo import logos
from correspondence.letters.model import Letter, Pictures, read_letter
from correspondence.letters.package import DOCUMENT, STYLES, Package
from correspondence.letters.pdf import render_pdf
from correspondence.letters.registry import FolderRegistry, TemplateRegistry, TemplateSource
from correspondence.letters.styles import Styles
from correspondence.letters.watermark import watermarked
from correspondence.rules.case_data import CaseData, parse_case
from correspondence.rules.errors import WorkflowError
from correspondence.rules.identifiers import FICTIONAL_IBAN
from correspondence.rules.kinds import LetterKind, file_stem
from correspondence.rules.letter_marks import letter_marks

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@dataclass(frozen=True)
class ProducedLetter:
    kind: LetterKind
    docx: bytes | None  # None when only the PDF was asked for
    pdf: bytes
    versions: Mapping[str, str]
    data: str  # the filled-in data, as canonical JSON, for the audit record
    file_stem: str  # what the letter is called when saved, without the extension
    concept: bool = False  # marked CONCEPT on every page of both files
    proof: str = ""  # marked PROEF, and why: it prints data beheer has not verified

    @property
    def docx_sha256(self) -> str | None:
        return hashlib.sha256(self.docx).hexdigest() if self.docx is not None else None

    @property
    def pdf_sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"niet op te slaan: {type(value).__name__}")


def canonical_json(data: Any) -> str:
    return json.dumps(
        data, default=_json_default, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def example_case(kind: LetterKind) -> CaseData:
    return parse_case(json.loads((EXAMPLES / f"{kind.value}.json").read_text("utf-8")))


def _sample_reference(reference: LetterReference) -> LetterReference:
    """The reference a template is proven with: the municipality's own, with a fictional
    repayment account while beheer set none, so that a template is checked before then; the
    letter itself is refused without the real one."""
    town = reference.municipality
    if town.repayment_iban:
        return reference
    return replace(reference, municipality=replace(town, repayment_iban=FICTIONAL_IBAN))


@dataclass(frozen=True)
class _Prepared:
    letter: PreparedLetter
    styles: Styles
    furniture: Mapping[str, str]
    pictures: Mapping[str, Pictures]  # the logo, by header part and relationship id


class LetterProducer:
    """Renders letters; holds each prepared template for as long as its versions hold.

    One letter at a time per producer: reportlab keeps global state.
    """

    def __init__(self, registry: TemplateRegistry | None = None) -> None:
        self.registry = registry or FolderRegistry()
        self._prepared: dict[tuple[str, ...], _Prepared] = {}
        self._packages: dict[tuple[str, str], Package] = {}
        self._lock = threading.RLock()

    def _package(self, source: TemplateSource) -> Package:
        """A template file as a package, read once per version."""
        key = (source.name, source.version)
        if key not in self._packages:
            self._packages[key] = Package.read(source.name, source.content)
        return self._packages[key]

    def prepared(self, kind: LetterKind, reference: LetterReference) -> _Prepared:
        with self._lock:
            return self._prepare(kind, reference)

    def _prepare(self, kind: LetterKind, reference: LetterReference) -> _Prepared:
        sources = {
            "huisstijl": self.registry.house_style(reference.municipality.code),
            "brief": self.registry.letter(kind.value),
        }
        blocks = {name: self.registry.block(name) for name in self.registry.block_names()}
        versions = {s.name: s.version for s in (*sources.values(), *blocks.values())}
        key = (
            kind.value,
            reference.municipality.code,
            *(f"{n}@{v}" for n, v in sorted(versions.items())),
        )
        if key not in self._prepared:
            house = self._package(sources["huisstijl"])
            composed = compose(
                house,
                self._package(sources["brief"]),
                {n: self._package(s) for n, s in blocks.items()},
            )
            sample = build_context(kind, example_case(kind), _sample_reference(reference))
            letter = prepare(composed, sample.keys(), sample, versions)
            furniture = house.furniture()
            pictures = logos(house, {part: house.xml(part) for part in furniture.values()})
            ready = _Prepared(letter, Styles(house.part(STYLES)), furniture, pictures)
            try:  # the whole way to a PDF, once, so that a broken template never reaches a batch
                render_pdf(self.model(ready, letter.render(sample)), "proef")
            except Exception as exc:
                raise TemplateRefused(house.name, f"de PDF is niet te maken: {exc}") from exc
            self._prepared[key] = ready
        return self._prepared[key]

    def produce(
        self,
        kind: LetterKind,
        case: CaseData,
        reference: LetterReference,
        docx: bool = True,
        *,
        concept: bool = False,
        proofreading: bool = False,
    ) -> ProducedLetter:
        """The letter as PDF (and DOCX); `concept` (rules.concept.is_concept) marks both.

        A letter that prints unverified municipality data or an amount from an unverified norm
        table is refused (UnverifiedData) unless it is made for `proofreading`: then it is a
        proof, marked on every page (rules.letter_marks decides)."""
        marks = letter_marks(
            concept=concept,
            demo=reference.demo,
            unverified=unverified_letter_data(kind, case, reference),
            proofreading=proofreading,
        )
        context = build_context(kind, case, reference)
        mark = marks.diagonal
        with self._lock:
            prepared = self._prepare(kind, reference)
            try:
                rendered = prepared.letter.render(context)
                model = self.model(prepared, rendered)
                pdf = render_pdf(model, context["brief"]["onderwerp"], mark, marks.small)
            except (TemplateError, etree.XMLSyntaxError, LayoutError, ValueError) as exc:
                raise WorkflowError(f"de brief {kind.value} is niet te maken: {exc}") from exc
        # Word's watermark holds one text: the large mark when there is one, else the demo's
        docx_mark = mark or marks.small
        if docx and docx_mark:
            rendered = watermarked(rendered, docx_mark)
        stem = file_stem(kind, case.client.surname, context["brief"]["datum"])
        return ProducedLetter(
            kind=kind,
            docx=prepared.letter.docx(rendered) if docx else None,
            pdf=pdf,
            versions=prepared.letter.versions,
            data=canonical_json(context),
            file_stem=f"proef-{stem}" if marks.proof else f"concept-{stem}" if concept else stem,
            concept=concept,
            proof=marks.proof,
        )

    @staticmethod
    def model(prepared: _Prepared, rendered: Mapping[str, str]) -> Letter:
        return read_letter(
            rendered, prepared.styles, prepared.furniture, DOCUMENT, prepared.pictures
        )
