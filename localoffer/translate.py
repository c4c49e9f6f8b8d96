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
import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po, write_po

from .errors import CatalogError, Problem
from .localize import LOCALE_FOR

LOCALES_DIR = Path("locales")
TEMPLATE = LOCALES_DIR / "messages.pot"
DOMAIN = "messages"
# What pybabel reads too (babel.cfg says the same for the command line).
METHOD_MAP = [
    ("content/**.yml", "localoffer.extract.extract_content"),
    ("localoffer/templates/**.html", "jinja2"),
    ("localoffer/**.py", "python"),
]
# The renderer's own calls for interface text, besides `_` in templates.
KEYWORDS = {**DEFAULT_KEYWORDS, "ui": None, "ui_plain": None, "ui_plural": (1, 2)}
OPTIONS_MAP = {"localoffer/templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
DRAFT_NOTE = "draft, not yet reviewed by a qualified translator"


def po_path(code: str) -> Path:
    return LOCALES_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str) -> Path:
    return po_path(code).with_suffix(".mo")


def extract(root: Path) -> Catalog:
    """Every translatable string in content/ and the templates."""
    catalog = Catalog(project="Local Offer", version="1", msgid_bugs_address="", charset="utf-8",
                      creation_date=dt.datetime(2026, 1, 1), fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), METHOD_MAP, OPTIONS_MAP, keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _write(catalog: Catalog, path: Path, **options) -> bool:
    """Write a catalog only when its text changes: no churn, no reloads."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, **options)
    data = buffer.getvalue()
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def read_catalog(path: Path, code: str | None = None, shown_as: str | None = None) -> Catalog:
    """Read a .po, turning Babel's errors into `file:line: message`."""
    shown_as = shown_as or str(path)
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=code and LOCALE_FOR.get(code, code), abort_invalid=True)
    except PoFileError as error:
        # Babel counts lines from 0 and repeats that number in its message
        reason = re.sub(r" on \d+$", "", str(error.args[0] if error.args else error))
        raise CatalogError([Problem(shown_as, error.lineno + 1, f"cannot be read: {reason.lower()}",
                                    "fix the quotes or the msgid/msgstr pairs on this line (Poedit shows them)")]) from None
    except (UnicodeDecodeError, ValueError) as error:
        raise CatalogError([Problem(shown_as, None, f"cannot be read: {error}", "save it as UTF-8 from Poedit")]) from None


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


def record_sources(path: Path, catalog: Catalog) -> None:
    """Remember the English behind each translation when first seen done.
    A later change of the English then shows as stale in `make check`, even
    if someone clears the fuzzy flag by hand or a tool rewrites the file."""
    try:
        records = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except ValueError:
        records = {}
    live: dict[str, dict] = {}
    for message in catalog:
        if not message.id or not is_translated(message):
            continue
        seen = live.setdefault(translation_key(message), dict(records.get(translation_key(message), {})))
        if not message.fuzzy:
            seen.setdefault(source_hash(message.string), source_hash(message.id))
    text = json.dumps(live, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


@dataclass
class CatalogSummary:
    code: str
    created: bool = False
    written: bool = False


def update_catalogs(root: Path, codes: list[str]) -> list[CatalogSummary]:
    """Extract, then merge into each language: changed English becomes fuzzy,
    removed strings become obsolete (kept at the end of the file, never lost)."""
    template = extract(root)
    _write(template, root / TEMPLATE, omit_header=False, sort_output=False)
    summaries = []
    for code in codes:
        path = root / po_path(code)
        summary = CatalogSummary(code, created=not path.exists())
        if summary.created:
            catalog = Catalog(locale=LOCALE_FOR.get(code, code), project="Local Offer", charset="utf-8",
                              creation_date=dt.datetime(2026, 1, 1), fuzzy=False)
            catalog.last_translator = DRAFT_NOTE
        else:
            catalog = read_catalog(path, code, str(po_path(code)))
        catalog.update(template, update_header_comment=False)
        summary.written = _write(catalog, path, omit_header=False, include_previous=True)
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
