"""Catalog checks: completeness and staleness per language, and the
integrity of every translation (placeholders, markup, facts, safety)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from ..errors import CatalogError
from ..schema import PLACEHOLDER
from ..translate import (TEMPLATE, is_translated, joined, po_path, read_catalog, source_hash, sources_path,
                         translation_key)
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


def progress(root: Path, code: str, status: str, min_translated: int, template: Catalog) -> tuple[LanguageProgress, list[Finding]]:
    shown = str(po_path(code))
    result = LanguageProgress(code, status, min_translated=min_translated)
    try:
        catalog = read_catalog(root / po_path(code), code, shown)
    except CatalogError as error:
        return result, [Finding(p.file, p.line, "catalog-syntax", p.message, hint=p.hint) for p in error.problems]
    try:
        records = json.loads((root / sources_path(code)).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        records = {}
    findings = []
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
            findings.append(Finding(shown, message.lineno, "stale",
                                    f"translation of {english!r} was made from older English",
                                    "warning", "update the translation, then run `make catalogs`"))
        else:
            result.translated += 1
        if message is not None and is_translated(message):
            findings.extend(integrity(shown, message))
    result.obsolete = len(catalog.obsolete)
    return result, findings


def integrity(shown: str, message: Message) -> list[Finding]:
    """Problems in one translation: each names the catalog line and the English."""
    english, translated = joined(message.id), joined(message.string)
    found = []

    def problem(kind: str, text: str, hint: str):
        found.append(Finding(shown, message.lineno, kind, f"{text} in the translation of {english!r}", hint=hint))

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


def _latin_digits(text: str) -> str:
    return "".join(str(int(ch)) if ch.isdigit() else ch for ch in text)


def check_catalogs(root: Path, languages) -> tuple[list[LanguageProgress], list[Finding]]:
    template = read_catalog(root / TEMPLATE, shown_as=str(TEMPLATE))
    results, findings = [], []
    for language in languages:
        if language.code == "en":
            continue
        result, found = progress(root, language.code, language.status, language.min_translated, template)
        results.append(result)
        findings.extend(found)
    return results, findings
