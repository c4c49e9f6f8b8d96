"""Catalog checks: completeness and staleness per language, and the
integrity of every translation (placeholders, markup, facts, safety)."""
from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural

from ..catalogfile import read_catalog
from ..errors import CatalogError
from ..extract import extract
from ..localize import LOCALE_FOR
from ..schema import PLACEHOLDER
from ..translate import (TEMPLATE, is_translated, joined, merge, po_path, read_sources, source_hash,
                         sources_after, sources_path, translation_key)
from . import Finding, LanguageProgress

UNSAFE = re.compile(r"<\s*script|\bon[a-z]+\s*=|javascript\s*:", re.I)
TAG = re.compile(r"<\s*/?\s*[a-z][^>]*>", re.I)
URL = re.compile(r"https?://[^\s)]+|www\.[^\s)]+", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
DIGITS = re.compile(r"\d+")  # any script's digits: a translation must not retype a figure


def _is_stale(message: Message, records: dict) -> bool:
    made_from = records.get(translation_key(message), {}).get(source_hash(message.string))
    return made_from is not None and made_from != source_hash(message.id)


def _where(message: Message) -> str:
    return ", ".join(f"{file}:{line}" for file, line in message.locations) or "templates"


def _state(catalog: Catalog) -> set:
    return {(joined(m.id), m.context, m.fuzzy, joined(m.string)) for m in catalog if m.id}


def progress(root: Path, code: str, status: str, min_translated: int, template: Catalog) -> tuple[LanguageProgress, list[Finding]]:
    """One language measured against the English as it is in content/ now,
    as if `make catalogs` had just run: a comms officer who edits the YAML
    sees which translations that made out of date without running it."""
    shown = str(po_path(code))
    result = LanguageProgress(code, status, min_translated=min_translated)
    try:
        catalog = read_catalog(root / po_path(code), code, shown)
    except CatalogError as error:
        return result, [Finding(p.file, p.line, "catalog-syntax", p.message, hint=p.hint) for p in error.problems]
    findings = [f for m in catalog if m.id and is_translated(m) for f in integrity(shown, m)]
    findings.extend(_plural_forms(root / po_path(code), shown, catalog, code))
    lines = {(joined(m.id), m.context): m.lineno for m in catalog if m.id}
    before = _state(catalog)
    records = sources_after(read_sources(root / sources_path(code)), merge(catalog, template, suggest=False))
    if _state(catalog) != before:
        findings.append(Finding(shown, None, "behind", "is behind the English in content/ and the templates",
                                "warning", "run `make catalogs` before sending it to a translator"))
    for template_message in template:
        if not template_message.id:
            continue
        result.total += 1
        message = catalog.get(template_message.id, context=template_message.context)
        english = joined(template_message.id)
        if message is None or not is_translated(message):
            result.untranslated += 1
            result.to_do.append(("untranslated", _where(template_message), english))
        elif message.fuzzy:
            result.fuzzy += 1
            result.to_do.append(("fuzzy", _where(template_message), english))
        elif _is_stale(message, records):
            result.stale += 1
            result.to_do.append(("stale", _where(template_message), english))
            findings.append(Finding(shown, lines.get((english, message.context)), "stale",
                                    f"translation of {english!r} was made from older English",
                                    "warning", "update the translation, then run `make catalogs`"))
        else:
            result.translated += 1
    result.obsolete = len(catalog.obsolete)
    return result, findings


def integrity(shown: str, message: Message) -> list[Finding]:
    """Problems in one translation: each names the catalog line and the English.
    Unsafe text is always an error. The rest only warns on a fuzzy string,
    which is not published and whose English has just changed."""
    english, translated = joined(message.id), joined(message.string)
    found = []

    def problem(kind: str, text: str, hint: str):
        severity = "warning" if message.fuzzy and kind != "unsafe" else "error"
        found.append(Finding(shown, message.lineno, kind, f"{text} in the translation of {english!r}", severity,
                             hint))

    if UNSAFE.search(translated):
        problem("unsafe", "script, event handler or javascript: link", "remove it: translations are plain text")
    for form in (message.string if isinstance(message.string, (tuple, list)) else (message.string,)):
        wanted, got = set(PLACEHOLDER.findall(english)), set(PLACEHOLDER.findall(form))
        if got != wanted:
            missing, extra = sorted(wanted - got), sorted(got - wanted)
            detail = "; ".join(filter(None, [missing and f"missing {', '.join('{' + m + '}' for m in missing)}",
                                             extra and f"unknown {', '.join('{' + e + '}' for e in extra)}"]))
            problem("placeholder", f"placeholders differ ({detail})", "copy each {placeholder} exactly from the English")
    if TAG.search(translated) and not TAG.search(english):
        problem("markup", "HTML markup", "remove the tags: the English has none")
    if translated.count("**") != english.count("**"):
        problem("markup", "unbalanced **bold** markers", "use ** exactly where the English does")
    for kind, pattern in (("url", URL), ("email", EMAIL)):
        for value in set(pattern.findall(translated)) - set(pattern.findall(english)):
            problem(kind, f"{kind} {value!r} that the English does not have", "copy web and email addresses exactly")
    if sorted(_latin_digits(d) for d in DIGITS.findall(translated)) != sorted(DIGITS.findall(english)):
        problem("number", "a number that the English does not have",
                "numbers are filled in by the site: use the {placeholder}")
    return found


def _plural_forms(path: Path, shown: str, catalog: Catalog, code: str) -> list[Finding]:
    """A tool that rewrote the header with another language's plural rule
    makes the site pick the wrong form of "{count} days"."""
    expected = get_plural(LOCALE_FOR.get(code, code))
    if catalog.num_plurals == expected.num_plurals:
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if "Plural-Forms:" in text), None)
    return [Finding(shown, line, "plural-forms",
                    f"the header's Plural-Forms has {catalog.num_plurals} forms; {code} has {expected.num_plurals}",
                    hint=f'set it to "Plural-Forms: {expected.plural_forms}" (Poedit: Catalogue > Properties)')]


def _latin_digits(text: str) -> str:
    return "".join(str(int(ch)) if ch.isdigit() else ch for ch in text)


def check_catalogs(root: Path, languages) -> tuple[list[LanguageProgress], list[Finding]]:
    template = extract(root)
    results, findings = [], _template_behind(root, template)
    for language in languages:
        if language.code == "en":
            continue
        result, found = progress(root, language.code, language.status, language.min_translated, template)
        results.append(result)
        findings.extend(found)
    return results, findings


def _template_behind(root: Path, template: Catalog) -> list[Finding]:
    """messages.pot is what translators' tools read: say when it lags."""
    try:
        committed = read_catalog(root / TEMPLATE, shown_as=str(TEMPLATE))
    except (CatalogError, OSError):
        committed = Catalog()
    if _state(committed) == _state(template):
        return []
    return [Finding(str(TEMPLATE), None, "behind", "is behind the English in content/ and the templates", "warning",
                    "run `make catalogs` and commit the result")]
