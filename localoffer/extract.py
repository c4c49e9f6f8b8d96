"""Stage 2a: extract every translatable string into locales/messages.pot.

`extract_content` is a Babel extraction method: `pybabel extract -F
babel.cfg` finds it by its dotted name. Each message has a stable context
(`council-tax.title`, `council.contacts[leaving-care].name`) so equal English
in two places can be translated differently, its file and line, and a
comment telling the translator what it is and what each placeholder means."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

from .errors import ContentError
from .load import COUNCIL_FILE, ELIGIBILITY_FILE, GLOBAL_PLACEHOLDERS, prose_of
from .schema import Text, Where, check, placeholders
from .spec import COUNCIL, ELIGIBILITY, ENTITLEMENT
from .yamlsource import LocatedDict, read_yaml

PLACEHOLDER_NOTE = "Keep each {placeholder} exactly as it is: the site puts the value there."
# What pybabel reads too (babel.cfg says the same for the command line).
METHOD_MAP = [
    ("content/**.yml", "localoffer.extract.extract_content"),
    ("localoffer/templates/**.html", "jinja2"),
    ("localoffer/**.py", "python"),
]
# The renderer's own calls for interface text, besides `_` and `ngettext`.
KEYWORDS = {**DEFAULT_KEYWORDS, "ui": None, "ui_plain": None, "ui_plural": (1, 2), "ui_plain_plural": (1, 2)}
OPTIONS_MAP = {"localoffer/templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
# What the placeholders of interface text stand for: the site fills them in.
INTERFACE_PLACEHOLDERS = {
    "council": "the council's short name",
    "amount": "an amount of money, such as £3,000",
    "count": "a number",
    "age": "an age in years",
    "start": "the youngest age it applies at",
    "end": "the birthday it ends on",
    "date": "a date, such as 1 April 2026",
    "prepared": "a date",
    "tested": "a date",
    "opens": "a time of day, such as 09:00",
    "closes": "a time of day, such as 17:00",
}
PARTIAL_COMMENT = re.compile(r"\{#-?\s*(.*?)\s*-?#\}", re.S)


def extract(root: Path) -> Catalog:
    """Every translatable string in content/, the templates and the code."""
    catalog = Catalog(project="Local Offer", version="1", msgid_bugs_address="", charset="utf-8",
                      creation_date=dt.datetime(2026, 1, 1), fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), METHOD_MAP, OPTIONS_MAP, keywords=KEYWORDS,
            comment_tags=("Translators:",), strip_comment_tags=True):
        comments = comments or [interface_comment(root, filename, message)]
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def interface_comment(root: Path, filename: str, message) -> str:
    """What an interface string is: the part of the page its template shows
    (each partial opens with a comment saying so), and its placeholders."""
    english = " ".join(message) if isinstance(message, (tuple, list)) else message
    where = _partial_purpose(root / filename) if filename.endswith(".html") else ""
    lines = [f"Interface text. {where}".strip() if where else "Interface text, set by the site."]
    names = sorted(placeholders(english))
    lines.extend(f"{{{name}}} = {INTERFACE_PLACEHOLDERS.get(name, 'a value')}." for name in names)
    if names:
        lines.append(PLACEHOLDER_NOTE)
    return " ".join(lines)


@lru_cache(maxsize=None)
def _partial_purpose(path: Path) -> str:
    found = PARTIAL_COMMENT.match(path.read_text(encoding="utf-8").lstrip())
    return f"On the page: {' '.join(found.group(1).split())}" if found else ""


def texts_in_file(path: Path, shown_as: str) -> tuple[list[Text], dict]:
    """The prose of one content file and its facts. Invalid files yield what
    could be read: `make site` reports the errors, extraction keeps going."""
    try:
        raw = read_yaml(path, shown_as)
    except ContentError:
        return [], {}
    name = Path(shown_as).name
    spec, owner = {COUNCIL_FILE.name: (COUNCIL, "council"), ELIGIBILITY_FILE.name: (ELIGIBILITY, "eligibility")}.get(
        name, (ENTITLEMENT, None))
    if owner is None:  # an entitlement: its id is its context
        owner = raw.get("id") if isinstance(raw, LocatedDict) and isinstance(raw.get("id"), str) else path.stem
    clean = check(spec, raw, Where(shown_as, 1, context=owner))
    found: list[Text] = prose_of(clean)
    facts = (clean or {}).get("facts") or {}
    return found, facts


def translator_comment(text: Text, facts: dict) -> str:
    owner, _, field = text.context.partition(".")
    lines = [f"{field.replace('_', ' ')} of '{owner}'."]
    for name in sorted(placeholders(text.english)):
        if name in facts and facts[name]:
            fact = facts[name]
            lines.append(f"{{{name}}} = {fact['label'].english} ({fact['type']}, e.g. {fact['value']}).")
        else:
            lines.append(f"{{{name}}} = {GLOBAL_PLACEHOLDERS.get(name, 'a value')}.")
    if placeholders(text.english):
        lines.append(PLACEHOLDER_NOTE)
    return " ".join(lines)


def extract_content(fileobj, keywords, comment_tags, options):
    """Babel extraction method for content YAML files."""
    path = Path(fileobj.name)
    shown_as = _relative(path)
    found, facts = texts_in_file(path, shown_as)
    for text in found:
        yield text.line, "pgettext", (text.context, text.english), [translator_comment(text, facts)]


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
