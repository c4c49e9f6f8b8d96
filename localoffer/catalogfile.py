"""PO files as gettext tools read and write them (Poedit, Weblate, msgfmt).

Babel reads and writes the catalogs, with two repairs: it never reads the
previous English of a fuzzy entry (`#| msgid`, python-babel/babel#206),
and it wraps a long one inside its quotes, which gettext tools reject. Both
are done here, so a translator sees what changed in the English."""
from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, denormalize, generate_po, normalize, read_po

from .errors import CatalogError, Problem
from .localize import LOCALE_FOR

WIDTH = 100
KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(.*)$")


def read_catalog(path: Path, code: str | None = None, shown_as: str | None = None) -> Catalog:
    """Read a .po, turning Babel's errors into `file:line: message`."""
    shown_as = shown_as or str(path)
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=code and LOCALE_FOR.get(code, code), abort_invalid=True)
        text = path.read_text(encoding=catalog.charset or "utf-8")
    except PoFileError as error:
        # Babel counts lines from 0 and repeats that number in its message
        reason = re.sub(r" on \d+$", "", str(error.args[0] if error.args else error)).lower()
        hint = "fix the quotes or the msgid/msgstr pairs on this line (Poedit shows them)"
        if "num_plurals" in reason:
            reason = "this entry has more plural forms than the header's Plural-Forms line allows"
            hint = "set Plural-Forms back to your language's rule (Poedit: Catalogue > Properties)"
        raise CatalogError([Problem(shown_as, error.lineno + 1, f"cannot be read: {reason}", hint)]) from None
    except (UnicodeDecodeError, ValueError, LookupError) as error:
        raise CatalogError([Problem(shown_as, None, f"cannot be read: {error}", "save it as UTF-8 from Poedit")]) from None
    for message in [*catalog, *catalog.obsolete.values()]:  # Babel keeps `#|` lines as comments
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
    for (msgid, context), previous in previous_ids(text).items():
        message = catalog.get(msgid, context=context)
        if message is not None and message.fuzzy:
            message.previous_id = [previous]
    return catalog


def previous_ids(text: str) -> dict[tuple[str, str | None], str]:
    """The `#| msgid` of each entry that has one, keyed by (msgid, msgctxt)."""
    found = {}
    for block in text.split("\n\n"):
        lines = block.splitlines()
        previous = [line[3:] for line in lines if line.startswith("#| ")]
        if not previous or not previous[0].startswith("msgid "):
            continue
        fields = _fields([line for line in lines if not line.startswith("#")])
        if "msgid" in fields:
            found[(fields["msgid"], fields.get("msgctxt"))] = _fields(previous)["msgid"]
    return found


def _fields(lines: list[str]) -> dict[str, str]:
    """`keyword "text"` lines and their continuation lines, unescaped."""
    fields, current = {}, None
    for line in lines:
        match = KEYWORD.match(line)
        if match:
            current = match.group(1)
            fields[current] = [match.group(2)]
        elif current and line.startswith('"'):
            fields[current].append(line)
    return {key: denormalize("\n".join(parts)) for key, parts in fields.items()}


def po_bytes(catalog: Catalog) -> bytes:
    """The catalog as a PO file, with each fuzzy entry's previous English
    written before it as msgmerge writes it."""
    messages = iter(list(catalog))  # the header first, then the file's order
    lines, at_block_start = [], True
    for line in generate_po(catalog, omit_header=False, width=WIDTH):
        if at_block_start and line.startswith(("msgctxt ", "msgid ")):
            message = next(messages)
            if message.previous_id and message.fuzzy:
                lines.append(f"#| msgid {normalize(message.previous_id[0], prefix='#| ', width=WIDTH)}\n")
            at_block_start = False
        elif line == "\n":
            at_block_start = True
        lines.append(line)
    return "".join(lines).encode(catalog.charset, "backslashreplace")


def write_if_changed(catalog: Catalog, path: Path) -> bool:
    """Write a catalog only when its text changes: no churn, no reloads."""
    data = po_bytes(catalog)
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True
