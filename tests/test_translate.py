"""Stage 2: extraction, catalog updates, fallback to English, locale
formatting and clear errors for broken catalogs."""
from __future__ import annotations

import datetime as dt
import os

import pytest
from babel.messages.pofile import read_po, write_po

from localoffer.errors import CatalogError
from localoffer.load import load_offer
from localoffer.localize import Formatter, text_direction
from localoffer.pipeline import render
from localoffer.translate import compile_catalogs, extract, po_path, update_catalogs


def _catalog(project, code):
    with (project / po_path(code)).open("rb") as handle:
        return read_po(handle, locale=code)


def _save(project, code, catalog):
    with (project / po_path(code)).open("wb") as handle:
        write_po(handle, catalog, width=100)


def test_extraction_finds_every_string_of_an_entitlement_with_its_location(project):
    offer = load_offer(project)
    entitlement = next(e for e in offer.entitlements if e.id == "council-tax")
    catalog = extract(project)
    for text in entitlement.texts():
        message = catalog.get(text.english, context=text.context)
        assert message is not None, text
        assert ("content/entitlements/council-tax.yml", text.line) in message.locations
        assert message.auto_comments
    title = catalog.get(entitlement.title.english, context="council-tax.title")
    assert "{age_limit} = Council tax paid until you are (age, e.g. 25)." in title.auto_comments[0]
    assert catalog.get("Who to contact") is not None  # the templates' own interface text
    assert catalog.get("{count} month", context=None) is not None


def test_pybabel_extract_works_from_the_command_line(project):
    from babel.messages.frontend import CommandLineInterface

    previous = os.getcwd()
    os.chdir(project)
    try:
        CommandLineInterface().run(["pybabel", "-q", "extract", "-F", "babel.cfg", "-o", "out.pot", "."])
    finally:
        os.chdir(previous)
    with (project / "out.pot").open("rb") as handle:
        pot = read_po(handle)
    assert pot.get("You do not pay council tax until you are {age_limit}, in {council} or anywhere else in England.",
                   context="council-tax.summary") is not None


def _translate(project, code, context, text):
    catalog = _catalog(project, code)
    for message in catalog:
        if message.context == context:
            message.string = text
            message.flags.discard("fuzzy")
    _save(project, code, catalog)


def test_changed_english_becomes_fuzzy_and_the_page_falls_back(project):
    update_catalogs(project, ["pl"])
    _translate(project, "pl", "council-tax.summary", "Nie płacisz podatku lokalnego do {age_limit} roku życia.")
    render(project)
    page = (project / "docs" / "pl" / "council-tax.md").read_text(encoding="utf-8")
    assert '<p class="lo-summary">Nie płacisz podatku lokalnego do <bdi>25</bdi> roku życia.</p>' in page

    entitlement = project / "content" / "entitlements" / "council-tax.yml"
    entitlement.write_text(entitlement.read_text(encoding="utf-8").replace(
        "summary: You do not pay council tax until", "summary: You never pay council tax until"), encoding="utf-8")
    update_catalogs(project, ["pl"])
    changed = [m for m in _catalog(project, "pl") if m.context == "council-tax.summary"]
    assert len(changed) == 1 and changed[0].fuzzy
    assert changed[0].string.startswith("Nie płacisz")  # the translator's work is kept
    render(project)
    page = (project / "docs" / "pl" / "council-tax.md").read_text(encoding="utf-8")
    assert ('<p class="lo-summary"><span class="lo-fallback" lang="en" dir="ltr">You never pay council tax until you '
            'are <bdi>25</bdi>') in page


def test_removed_strings_are_kept_as_obsolete(project):
    update_catalogs(project, ["pl"])
    _translate(project, "pl", "council-tax.good_to_know", "Jeśli dzielisz dom, zniżka obejmuje twoją część.")
    entitlement = project / "content" / "entitlements" / "council-tax.yml"
    text = entitlement.read_text(encoding="utf-8")
    entitlement.write_text(text[:text.index("good_to_know:")] + text[text.index("contacts:"):], encoding="utf-8")
    update_catalogs(project, ["pl"])
    assert "Jeśli dzielisz dom" in (project / po_path("pl")).read_text(encoding="utf-8")
    assert any("Jeśli dzielisz dom" in m.string for m in _catalog(project, "pl").obsolete.values())


@pytest.mark.parametrize("code, digits, amount, date", [
    ("en", "latn", "£3,000", "1 April 2026"),
    ("pl", "latn", "3\xa0000\xa0£", "1 kwietnia 2026"),
    ("ar", "latn", "\u200f3,000\xa0£", "1 أبريل 2026"),
    ("fa", "latn", "\u200e£\xa03,000", "1 آوریل 2026"),
    ("bn", "latn", "3,000£", "1 এপ্রিল, 2026"),
    ("bn", "native", "৩,০০০£", "১ এপ্রিল, ২০২৬"),
    ("fa", "native", "\u200e£\xa0۳٬۰۰۰", "۱ آوریل ۲۰۲۶"),
])
def test_facts_are_formatted_for_the_locale(code, digits, amount, date):
    formatter = Formatter(code, digits)
    assert formatter.money(3000) == amount
    assert formatter.date(dt.date(2026, 4, 1)) == date


def test_pence_show_only_when_there_are_some():
    assert Formatter("en").money(57.5) == "£57.50"
    assert Formatter("en").money(1200) == "£1,200"


@pytest.mark.parametrize("code, direction", [("ar", "rtl"), ("ckb", "rtl"), ("fa", "rtl"), ("ps", "rtl"),
                                             ("ur", "rtl"), ("ti", "ltr"), ("bn", "ltr"), ("en", "ltr")])
def test_direction_comes_from_babel_locale_data(code, direction):
    assert text_direction(code) == direction


def test_amounts_render_in_the_page_language(project):
    render(project)
    page = (project / "docs" / "pl" / "setting-up-home.md").read_text(encoding="utf-8")
    assert "<bdi>3\xa0000\xa0£</bdi>" in page
    assert "tel:+442073641140" in page


def test_a_catalog_with_a_syntax_error_names_its_file_and_line(project):
    path = project / po_path("so")
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = next(i for i, line in enumerate(lines) if line.startswith("msgstr") and i > 20)
    lines[broken] = "this line is not gettext"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        compile_catalogs(project, ["so"])
    problem = raised.value.problems[0]
    assert problem.file == "locales/so/LC_MESSAGES/messages.po"
    assert problem.line == broken + 1
    assert str(problem).startswith(f"locales/so/LC_MESSAGES/messages.po:{broken + 1}: cannot be read")
