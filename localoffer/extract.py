"""Stage 2a: extract every translatable string into locales/messages.pot.

`extract_content` is a Babel extraction method: `pybabel extract -F
babel.cfg` finds it by its dotted name. Each message has a stable context
(`council-tax.title`, `council.contacts[leaving-care].name`) so equal English
in two places can be translated differently, its file and line, and a
comment telling the translator what it is and what each placeholder means."""
from __future__ import annotations

from pathlib import Path

from .errors import ContentError
from .load import COUNCIL_FILE, ELIGIBILITY_FILE, GLOBAL_PLACEHOLDERS, prose_of
from .schema import Text, Where, check, placeholders
from .spec import COUNCIL, ELIGIBILITY, ENTITLEMENT
from .yamlsource import LocatedDict, read_yaml

PLACEHOLDER_NOTE = "Keep each {placeholder} exactly as it is: the site puts the value there."


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
