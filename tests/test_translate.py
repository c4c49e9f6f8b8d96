"""Stage 2: extraction, catalog updates, fallback to English, locale
formatting and clear errors for broken catalogs."""
from __future__ import annotations

import datetime as dt
import gettext
import os
import subprocess

import pytest
from babel.messages.pofile import read_po, write_po

from localoffer.catalogfile import read_catalog
from localoffer.errors import CatalogError
from localoffer.load import load_offer
from localoffer.localize import Formatter, text_direction
from localoffer.pipeline import render
from localoffer.render import render_site
from localoffer.extract import PLACEHOLDER_NOTE, extract
from localoffer.translate import Translator, compile_catalogs, po_path, update_catalogs


def _catalog(project, code):
    return read_catalog(project / po_path(code), code)


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
    assert [m.id for m in catalog if m.id and not m.auto_comments] == []  # every string explained
    assert catalog.get(("{count} part of the offer is for you at {age}", "")).auto_comments[0].endswith(
        "{age} = an age in years. {count} = a number. " + PLACEHOLDER_NOTE)
    assert catalog.get("{count} month", context=None) is not None


class RecordingTranslator(Translator):
    """A language with no translations that notes every string looked up."""

    def __init__(self):
        super().__init__("pl", gettext.NullTranslations())
        self.asked = set()

    def text(self, english, context=None):
        self.asked.add((english, context))
        return super().text(english, context)

    def plural(self, singular, plural, n):
        self.asked.add((singular, None))
        return super().plural(singular, plural, n)


def test_every_string_a_page_shows_is_in_the_catalog(project):
    """A string the renderer asks for that extraction missed could never be
    translated, and no checker would count it."""
    offer = load_offer(project)
    translator = RecordingTranslator()
    render_site(offer, {language.code: translator for language in offer.council.languages})
    extracted = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in extract(project) if m.id}
    assert len(translator.asked) > 300
    assert sorted(translator.asked - extracted) == []


def test_pybabel_extract_works_from_the_command_line(project):
    from babel.messages.frontend import CommandLineInterface

    previous = os.getcwd()
    os.chdir(project)
    try:
        CommandLineInterface().run(["pybabel", "-q", "extract", "-F", "babel.cfg", "-k", "ui", "-k", "ui_plain",
                                    "-k", "ui_plural:1,2", "-k", "ui_plain_plural:1,2", "-o", "out.pot", "."])
    finally:
        os.chdir(previous)
    with (project / "out.pot").open("rb") as handle:
        pot = read_po(handle)
    summary = next(e for e in load_offer(project).entitlements if e.id == "council-tax").summary
    message = pot.get(summary.english, context="council-tax.summary")
    assert message is not None and ("content/entitlements/council-tax.yml", summary.line) in message.locations
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in pot} >= {
        m.id if isinstance(m.id, str) else m.id[0] for m in extract(project)}  # the same strings as make catalogs


def _translate(project, code, context, text):
    catalog = _catalog(project, code)
    for message in catalog:
        if message.context == context:
            message.string = text
            message.flags.discard("fuzzy")
    _save(project, code, catalog)


def test_changed_english_becomes_fuzzy_and_the_page_falls_back(project):
    before = next(e for e in load_offer(project).entitlements if e.id == "council-tax").summary.english
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
    assert changed[0].previous_id == [before]  # shown to the translator as the old English
    render(project)
    page = (project / "docs" / "pl" / "council-tax.md").read_text(encoding="utf-8")
    assert ('<p class="lo-summary"><span class="lo-fallback" lang="en" dir="ltr">You never pay council tax until you '
            'are <bdi>25</bdi>') in page


def test_changed_english_keeps_the_translation_made_for_its_place(project):
    """Babel alone would pair the new English with the closest-looking string
    anywhere: here, another entitlement's summary and its translation."""
    offer = load_offer(project)
    adviser = next(e for e in offer.entitlements if e.id == "personal-adviser").summary.english
    update_catalogs(project, ["pl"])
    _translate(project, "pl", "council-tax.summary", "PODATEK {age_limit} {council}")
    _translate(project, "pl", "personal-adviser.summary", "DORADCA {age_limit}")
    entitlement = project / "content" / "entitlements" / "council-tax.yml"
    text = entitlement.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("summary:"))
    entitlement.write_text(text.replace(old, f"summary: {adviser} Not in {{council}}."), encoding="utf-8")
    update_catalogs(project, ["pl"])
    changed = next(m for m in _catalog(project, "pl") if m.context == "council-tax.summary")
    assert changed.fuzzy and changed.string == "PODATEK {age_limit} {council}"
    kept = next(m for m in _catalog(project, "pl") if m.context == "personal-adviser.summary")
    assert not kept.fuzzy and kept.string == "DORADCA {age_limit}"


def test_updated_catalogs_are_valid_for_gettext_tools(project):
    """What Poedit and Weblate read: GNU msgfmt is the reference parser."""
    before = next(e for e in load_offer(project).entitlements if e.id == "council-tax").summary.english
    update_catalogs(project, ["pl"])
    _translate(project, "pl", "council-tax.summary", "Nie płacisz podatku lokalnego do {age_limit} roku życia.")
    entitlement = project / "content" / "entitlements" / "council-tax.yml"
    entitlement.write_text(entitlement.read_text(encoding="utf-8").replace(
        "summary: You do not pay council tax until", "summary: You never pay council tax until"), encoding="utf-8")
    update_catalogs(project, ["pl"])
    for path in (project / po_path("pl"), project / "locales" / "messages.pot"):
        checked = subprocess.run(["msgfmt", "--check-format", "-o", os.devnull, str(path)],
                                 capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
    assert "\n#| msgid \"\"\n#| \"You do not pay council tax" in (project / po_path("pl")).read_text(encoding="utf-8")
    changed = next(m for m in _catalog(project, "pl") if m.context == "council-tax.summary")
    assert changed.previous_id == [before]


def test_a_changed_step_keeps_its_own_translation_and_the_others_stay(project):
    """All steps of an entitlement share one context (inserting a step must
    not change the others'): the changed one pairs with the most alike."""
    steps = next(e for e in load_offer(project).entitlements if e.id == "council-tax").steps
    update_catalogs(project, ["pl"])
    catalog = _catalog(project, "pl")
    for number, step in enumerate(steps, 1):
        catalog.get(step.english, context="council-tax.steps").string = f"KROK {number}"
    _save(project, "pl", catalog)
    entitlement = project / "content" / "entitlements" / "council-tax.yml"
    changed = steps[1].english.replace("They tell", "Then they tell")
    entitlement.write_text(entitlement.read_text(encoding="utf-8").replace(steps[1].english, changed), encoding="utf-8")
    update_catalogs(project, ["pl"])
    catalog = _catalog(project, "pl")
    now = [catalog.get(text, context="council-tax.steps") for text in (steps[0].english, changed, steps[2].english)]
    assert [(m.string, m.fuzzy) for m in now] == [("KROK 1", False), ("KROK 2", True), ("KROK 3", False)]
    assert now[1].previous_id == [steps[1].english]


def test_a_new_language_starts_as_a_draft_catalog(project):
    update_catalogs(project, ["de"])
    text = (project / po_path("de")).read_text(encoding="utf-8")
    assert text.startswith("# German translation of the Local Offer.\n# Machine-assisted draft, not yet reviewed")
    assert '"Last-Translator: Machine-assisted draft, not yet reviewed by a qualified translator\\n"' in text
    catalog = _catalog(project, "de")
    assert catalog.num_plurals == 2 and len([m for m in catalog if m.id]) == len([m for m in extract(project) if m.id])


def test_removed_strings_nobody_translated_are_dropped(project):
    update_catalogs(project, ["pl"])
    _translate(project, "pl", "council-tax.good_to_know", "")
    entitlement = project / "content" / "entitlements" / "council-tax.yml"
    text = entitlement.read_text(encoding="utf-8")
    removed = next(e for e in load_offer(project).entitlements if e.id == "council-tax").good_to_know[0].english
    entitlement.write_text(text[:text.index("good_to_know:")] + text[text.index("contacts:"):], encoding="utf-8")
    update_catalogs(project, ["pl"])
    assert removed not in (project / po_path("pl")).read_text(encoding="utf-8")


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


def test_a_header_with_fewer_plural_forms_is_explained(project):
    path = project / po_path("ar")
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith('"Plural-Forms:'))
    lines[header:header + 2] = ['"Plural-Forms: nplurals=2; plural=(n != 1);\\n"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        compile_catalogs(project, ["ar"])
    problem = raised.value.problems[0]
    assert problem.message == "cannot be read: this entry has more plural forms than the header's Plural-Forms line allows"
    assert lines[problem.line - 1] == 'msgid "{count} day"'  # the first plural entry
