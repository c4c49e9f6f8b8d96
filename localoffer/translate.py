"""Stage 2b: keep the gettext catalogs in step with the English and apply
them. English YAML is the source; locales/<code>/LC_MESSAGES/messages.po
holds each language; compiled .mo files are build outputs.

A string that is missing or fuzzy falls back to English; `Translator`
says so, so the page can mark it and the checker can count it."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import gettext
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from .catalogfile import read_catalog, write_if_changed
from .errors import CatalogError
from .extract import extract
from .localize import LOCALE_FOR

LOCALES_DIR = Path("locales")
TEMPLATE = LOCALES_DIR / "messages.pot"
DOMAIN = "messages"
DRAFT_NOTE = "Machine-assisted draft, not yet reviewed by a qualified translator"
NO_TEAM_YET = "none yet: a qualified reviewer is wanted"


def po_path(code: str) -> Path:
    return LOCALES_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str) -> Path:
    return po_path(code).with_suffix(".mo")


def sources_path(code: str) -> Path:
    """Sidecar recording which English each translation was made from."""
    return po_path(code).with_name("messages.sources.json")


def joined(value) -> str:
    """A message's text; plural forms joined, so one string stands for all."""
    return "\u241f".join(value) if isinstance(value, (tuple, list)) else (value or "")


def is_translated(message) -> bool:
    forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
    return bool(forms) and all(forms)


def source_hash(value) -> str:
    return hashlib.sha256(joined(value).encode("utf-8")).hexdigest()[:16]


def translation_key(message) -> str:
    return message.context or (message.id if isinstance(message.id, str) else message.id[0])


def read_sources(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        return {}


def sources_after(records: dict, catalog: Catalog) -> dict:
    """Which English each translation was made from, with what this catalog
    adds. A translation's English is recorded the first time it is seen:
    done, it was made from its msgid; fuzzy after a merge, from the previous
    English. A later change of the English then shows as stale in `make
    check`, even if someone clears the fuzzy flag by hand or a tool rewrites
    the file."""
    live: dict[str, dict] = {}
    for message in catalog:
        if not message.id or not is_translated(message):
            continue
        seen = live.setdefault(translation_key(message), dict(records.get(translation_key(message), {})))
        made_from = message.previous_id if message.fuzzy else message.id
        if made_from:
            seen.setdefault(source_hash(message.string), source_hash(made_from))
    return live


def record_sources(path: Path, catalog: Catalog, records: dict | None = None) -> None:
    records = sources_after(read_sources(path) if records is None else records, catalog)
    text = json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def confirm_sources(root: Path, code: str) -> None:
    """A reviewer has checked every done translation of `code` against the
    English as it is now: record each as made from that English, so one that
    is still right after an English change stops counting as stale."""
    catalog = read_catalog(root / po_path(code), code, str(po_path(code)))
    records = read_sources(root / sources_path(code))
    for message in catalog:
        if message.id and is_translated(message) and not message.fuzzy:
            records[translation_key(message)] = {source_hash(message.string): source_hash(message.id)}
    record_sources(root / sources_path(code), catalog, records)


def _carry_changed_english(catalog: Catalog, template: Catalog) -> dict:
    """A string whose English changed keeps its context (`council-tax.summary`,
    or `council-tax.steps` for every step): give it a translation made for
    that place, the most alike if the place has several, marked fuzzy,
    rather than Babel's closest-looking string from anywhere in the catalog.
    Returns the previous English of each message carried."""
    wanted = {(joined(m.id), m.context) for m in template if m.id}
    left_over: dict[str, list] = {}
    for message in catalog:
        if message.id and message.context and (joined(message.id), message.context) not in wanted:
            left_over.setdefault(message.context, []).append(message)
    previous = {}
    for new in template:
        candidates = left_over.get(new.context) if new.id and new.context else None
        if not candidates or catalog.get(new.id, context=new.context) is not None:
            continue
        old = max(candidates, key=lambda m: SequenceMatcher(None, joined(m.id), joined(new.id)).ratio())
        candidates.remove(old)
        catalog.delete(old.id, context=old.context)
        catalog.add(new.id, old.string, old.locations, flags={"fuzzy"} if is_translated(old) else (),
                    user_comments=old.user_comments, context=new.context)
        previous[(joined(new.id), new.context)] = old.id if isinstance(old.id, str) else old.id[0]
    return previous


def merge(catalog: Catalog, template: Catalog, suggest: bool = True) -> Catalog:
    """Bring one language's catalog in step with the English, in place:
    changed English becomes fuzzy (its previous English kept for the
    translator), removed strings become obsolete, new strings are added.
    `suggest` lets Babel offer a new string the closest old translation as a
    fuzzy suggestion: helpful to a translator, but slow for many new strings
    (each is compared with every old one), so the checker leaves it out."""
    previous = {(joined(m.id), m.context): m.previous_id[0] for m in catalog if m.id and m.fuzzy and m.previous_id}
    previous.update(_carry_changed_english(catalog, template))
    catalog.update(template, no_fuzzy_matching=not suggest, update_header_comment=False)
    for key, message in list(catalog.obsolete.items()):  # keep only what a translator wrote
        if not is_translated(message):
            del catalog.obsolete[key]
    for message in catalog:  # Babel's update forgets the previous English of exact matches
        key = (joined(message.id), message.context)
        if message.id and message.fuzzy and key in previous:
            message.previous_id = [previous[key]]
    return catalog


@dataclass
class CatalogSummary:
    code: str
    created: bool = False
    written: bool = False


def new_catalog(code: str) -> Catalog:
    """An empty catalog for one language; its header says it is a draft
    until a qualified translator has reviewed it."""
    name = Locale.parse(LOCALE_FOR.get(code, code)).get_display_name("en")
    catalog = Catalog(locale=LOCALE_FOR.get(code, code), project="Local Offer", version="1", charset="utf-8",
                      msgid_bugs_address="", creation_date=dt.datetime(2026, 1, 1), fuzzy=False,
                      header_comment=f"# {name} translation of the Local Offer.\n# {DRAFT_NOTE}.")
    catalog.last_translator, catalog.language_team = DRAFT_NOTE, NO_TEAM_YET
    return catalog


def update_catalogs(root: Path, codes: list[str]) -> list[CatalogSummary]:
    """Extract, then merge into each language: changed English becomes fuzzy,
    removed strings become obsolete (kept at the end of the file, never lost)."""
    template = extract(root)
    write_if_changed(template, root / TEMPLATE)
    summaries = []
    for code in codes:
        path = root / po_path(code)
        summary = CatalogSummary(code, created=not path.exists())
        if summary.created:
            catalog = new_catalog(code)
        else:
            catalog = read_catalog(path, code, str(po_path(code)))
        merge(catalog, template)
        summary.written = write_if_changed(catalog, path)
        record_sources(root / sources_path(code), catalog)
        summaries.append(summary)
    return summaries


def compile_catalogs(root: Path, codes: list[str]) -> None:
    """Compile every .po to .mo; fuzzy strings are left out (English shows)."""
    problems = []
    for code in codes:
        path = root / po_path(code)
        if not path.exists():
            continue
        try:
            catalog = read_catalog(path, code, str(po_path(code)))
        except CatalogError as error:
            problems.extend(error.problems)
            continue
        with (root / mo_path(code)).open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
    if problems:
        raise CatalogError(problems)


class Missing(str):
    """English returned because no usable translation exists."""


class _EnglishFallback(gettext.NullTranslations):
    def gettext(self, message):
        return Missing(message)

    def ngettext(self, singular, plural, n):
        return Missing(singular if n == 1 else plural)

    def pgettext(self, context, message):
        return Missing(message)

    def npgettext(self, context, singular, plural, n):
        return Missing(singular if n == 1 else plural)


class Translator:
    """Looks up one language. English is never 'missing'."""

    def __init__(self, code: str, translations: gettext.NullTranslations | None = None):
        self.code = code
        self.is_source = translations is None
        self._translations = translations or gettext.NullTranslations()
        if translations is not None:
            self._translations.add_fallback(_EnglishFallback())

    @classmethod
    def load(cls, root: Path, code: str, source_code: str = "en") -> "Translator":
        if code == source_code:
            return cls(code)
        path = root / mo_path(code)
        if not path.exists():
            return cls(code, gettext.NullTranslations())
        with path.open("rb") as handle:
            return cls(code, gettext.GNUTranslations(handle))

    def text(self, english: str, context: str | None = None) -> tuple[str, bool]:
        """(text, translated?)"""
        if self.is_source:
            return english, True
        found = (self._translations.pgettext(context, english) if context
                 else self._translations.gettext(english))
        return str(found), not isinstance(found, Missing)

    def plural(self, singular: str, plural: str, n: int) -> tuple[str, bool]:
        if self.is_source:
            return (singular if n == 1 else plural), True
        found = self._translations.ngettext(singular, plural, n)
        return str(found), not isinstance(found, Missing)
