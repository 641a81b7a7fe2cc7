"""A template outside the supported subset, or with bad tags, is refused when it is loaded,
with a Dutch message that names the problem."""

from __future__ import annotations

import base64
import io
import shutil
from pathlib import Path

import docx
import pytest

from correspondence.letters.context import LetterReference
from correspondence.letters.engine import ENVIRONMENT, WITHOUT
from correspondence.letters.errors import TemplateRefused
from correspondence.letters.produce import LetterProducer
from correspondence.letters.reference_data import letter_reference
from correspondence.letters.registry import TEMPLATE_ROOT, FolderRegistry
from correspondence.rules.kinds import LetterKind
from store.database import Database

PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
KIND = LetterKind.GRANT


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> LetterReference:
    database = Database.open(f"sqlite:///{tmp_path_factory.mktemp('db') / 'refusals.sqlite3'}")
    with database.session() as session:
        found = letter_reference(session, "haarlem")
    database.close()
    return found


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    root = tmp_path / "templates_nl"
    shutil.copytree(TEMPLATE_ROOT, root, ignore=shutil.ignore_patterns("fonts"))
    return root


def edit_letter(root: Path, change) -> None:
    path = root / "brieven" / f"{KIND.value}.docx"
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))


def refusal(root: Path, reference: LetterReference) -> str:
    with pytest.raises(TemplateRefused) as failure:
        LetterProducer(FolderRegistry(root)).prepared(KIND, reference)
    return str(failure.value)


def test_the_shipped_templates_are_accepted(templates, reference):
    assert LetterProducer(FolderRegistry(templates)).prepared(KIND, reference)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ klant.naam ", "syntaxfout in een tag in de alinea «{{ klant.naam»"),
        ("{% if klant.naam %}niet afgesloten", "syntaxfout"),
        ("{{ onbekend.veld }}", "onbekende tag onbekend; deze brief kent: aanvraag, besluit"),
        ("{{ klant.geboortedatum }}", "onbekend gegeven in een tag"),
        ("{{ ''.__class__ }}", "een tag probeert Python-internals te bereiken"),
        (
            "{{ klant|attr('_' ~ '_class_' ~ '_') }}",
            "een tag probeert Python-internals te bereiken",
        ),
        ("{{ klant.naam|bedrag }}", "niet te vullen met voorbeeldgegevens"),
        ("[[ bestaat_niet ]]", "onbekende bouwsteen [[ bestaat_niet ]]"),
    ],
)
def test_bad_tags_are_refused(templates, reference, text, message):
    edit_letter(templates, lambda d: d.add_paragraph(text))
    found = refusal(templates, reference)
    assert found.startswith("sjabloon brieven/decision-grant.docx geweigerd: ")
    assert message in found


def test_images_are_refused(templates, reference):
    edit_letter(templates, lambda d: d.add_picture(io.BytesIO(PIXEL)))
    assert "afbeeldingen en vormen" in refusal(templates, reference)


def test_automatic_numbering_is_refused(templates, reference):
    edit_letter(templates, lambda d: d.add_paragraph("eerste punt", style="List Number"))
    assert "automatische nummering" in refusal(templates, reference)


def test_tabs_are_refused(templates, reference):
    edit_letter(templates, lambda d: d.add_paragraph("Naam:\tJan"))
    assert "tabs (gebruik een tabel om uit te lijnen)" in refusal(templates, reference)


def test_a_style_the_house_style_lacks_is_refused(templates, reference):
    def add_style(document):
        document.styles.add_style("Eigen opmaak", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
        document.add_paragraph("tekst", style="Eigen opmaak")

    edit_letter(templates, add_style)
    assert "stijlen die de huisstijl niet kent: Eigenopmaak" in refusal(templates, reference)


def test_a_corrupt_docx_is_refused(templates, reference):
    (templates / "brieven" / f"{KIND.value}.docx").write_bytes(b"PK\x03\x04 kapot" * 50)
    assert "dit is geen (heel) Word-bestand (.docx)" in refusal(templates, reference)


def test_a_missing_template_is_refused(templates, reference):
    (templates / "brieven" / f"{KIND.value}.docx").unlink()
    assert "bestand niet te lezen" in refusal(templates, reference)


def test_a_broken_text_block_is_refused_by_name(templates, reference):
    path = templates / "bouwstenen" / "bezwaar.docx"
    document = docx.Document(str(path))
    document.add_paragraph("{{ besluit.bezwaartermijn|datum ")
    document.save(str(path))
    assert "syntaxfout" in refusal(templates, reference)


def test_hidden_text_and_caps_are_refused(templates, reference):
    def hidden(document):
        run = document.add_paragraph().add_run("onzichtbaar")
        run.font.hidden = True
        run = document.add_paragraph().add_run("kapitalen")
        run.font.all_caps = True

    edit_letter(templates, hidden)
    message = refusal(templates, reference)
    assert "verborgen tekst" in message
    assert "hoofdletters als opmaak" in message


def test_a_text_block_marker_inside_a_table_is_refused(templates, reference):
    edit_letter(
        templates, lambda d: d.add_table(1, 1).cell(0, 0).paragraphs[0].add_run("[[ contact ]]")
    )
    assert "hoort alleen in een eigen alinea buiten een tabel" in refusal(templates, reference)


def test_a_template_whose_pdf_cannot_be_laid_out_is_refused(templates, reference):
    # a table row taller than a page: Word would split it, our PDF cannot
    edit_letter(
        templates,
        lambda d: d.add_table(1, 1).cell(0, 0).paragraphs[0].add_run("lange tekst " * 3000),
    )
    assert "de PDF is niet te maken" in refusal(templates, reference)


TWICE = "{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            f"{{% macro f(n) %}}{TWICE}{{% endmacro %}}{{{{ f(2) }}}}",
            "de macro f roept zichzelf aan (direct of via een andere macro)",
        ),
        (
            "{% macro f(n) %}{{ g(n) }}{% endmacro %}"
            "{% macro g(n) %}{% if n %}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(2) }}",
            "de macro f roept zichzelf aan",
        ),
        (
            "{% macro f(n) %}{% if n %}{{ caller() }}{% endif %}{% endmacro %}"
            "{% call f(1) %}{{ f(0) }}{% endcall %}",
            "de macro f roept zichzelf aan",
        ),
        (
            "{% macro f() %}{{ g() }}{% endmacro %}{% set g = f %}{{ f() }}",
            "macro's roepen elkaar meer dan 40 keer binnen elkaar aan",
        ),
        ("{% for r in ['a', 'b'] %}{{ r }}{% endfor %}", "een lus over een vaste waarde"),
        ("{% for r in 'abc'|list %}{{ r }}{% endfor %}", "een lus over een vaste waarde"),
        (
            "{% for a in klant.naam|center(1000) %}{% for b in klant.naam|center(1000) %}"
            "{% endfor %}{% endfor %}",
            "het sjabloon doet te veel werk (meer dan 100.000 stappen)",
        ),
        ("{{ 2 ** 10 }}", "machtsverheffen (**) kan niet in een sjabloon"),
        ("{{ ('x' * 200000)|length }}", "een herhaling met * maakt meer dan 100.000 tekens"),
    ],
)
def test_a_template_that_might_not_end_is_refused(templates, reference, text, message):
    edit_letter(templates, lambda d: d.add_paragraph(text))
    found = refusal(templates, reference)
    assert found.startswith("sjabloon brieven/decision-grant.docx geweigerd: ")
    assert message in found


@pytest.mark.parametrize("helper", ["range(3)", "lipsum()", "cycler(1)", "joiner()", "namespace()"])
def test_jinjas_own_helpers_are_not_there(templates, reference, helper):
    assert not set(WITHOUT) & ENVIRONMENT.globals.keys()
    edit_letter(templates, lambda d: d.add_paragraph(f"{{{{ {helper} }}}}"))
    assert f"onbekende tag {helper.split('(')[0]}" in refusal(templates, reference)
