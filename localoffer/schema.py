"""The content schema, declared once as small field kinds.

Each kind checks one value (`check`) and describes itself as JSON Schema
(`json_schema`), so the build and the editor's autocompletion never disagree.
Every problem is collected with its file, line and a hint; nothing stops at
the first mistake."""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

import phonenumbers

from .errors import Problem
from .yamlsource import LocatedDict, LocatedList


class Invalid(Exception):
    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass
class Where:
    """Where a value sits: its file, its line and its path inside the file.
    `context` is the path without list positions: a stable gettext context."""

    file: str
    line: int
    path: str = ""
    context: str = ""
    problems: list = field(default_factory=list)

    def child(self, name: str, line: int, in_context: bool = True) -> "Where":
        joiner = "" if name.startswith(("[", " #")) else "."
        path = f"{self.path}{joiner}{name}" if self.path else name.strip()
        context = (f"{self.context}{joiner}{name}" if self.context else name) if in_context else self.context
        return Where(self.file, line, path, context, self.problems)

    def report(self, message: str, hint: str = "", line: int | None = None) -> None:
        subject = f"{self.path} " if self.path else ""
        self.problems.append(Problem(self.file, line or self.line, f"{subject}{message}", hint))


def shown(value) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    return {dict: "a block of fields", LocatedDict: "a block of fields",
            list: "a list", LocatedList: "a list"}.get(type(value), repr(value))


@dataclass(frozen=True)
class Text:
    """Prose a reader sees: translated, and may hold {placeholders}."""

    english: str
    file: str = ""
    line: int = 0
    context: str = ""

    def __str__(self) -> str:
        return self.english


PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


class Kind:
    description = ""

    def check(self, value, where: Where):  # returns the clean value or raises Invalid
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError


class Prose(Kind):
    """Translatable text. Numbers are facts, so prose holds no digits: a
    translator never retypes a figure."""

    def __init__(self, digits: bool = False, description: str = ""):
        self.digits, self.description = digits, description

    def check(self, value, where):
        if not isinstance(value, str) or not value.strip():
            raise Invalid(f"must be text (got {shown(value)})", "write a short sentence")
        if not self.digits and re.search(r"\d", value):
            raise Invalid(f"must not contain digits (got {shown(value)})",
                          "put the number under `facts` and write its {placeholder} instead")
        if "<" in value or ">" in value:
            raise Invalid(f"must not contain HTML (got {shown(value)})", "write plain text; **bold** is allowed")
        stray = re.sub(PLACEHOLDER, "", value)
        if "{" in stray or "}" in stray:
            raise Invalid(f"has a brace that is not a placeholder (got {shown(value)})",
                          "placeholders look like {age_limit}: lower case, digits and _ only")
        return Text(" ".join(value.split()), where.file, where.line, where.context)

    def json_schema(self):
        schema = {"type": "string", "minLength": 1}
        if not self.digits:
            schema["pattern"] = r"^[^0-9<>]*$"
        return schema


class Plain(Kind):
    """Text that is shown as written and never translated (an address)."""

    def check(self, value, where):
        if not isinstance(value, str) or not value.strip():
            raise Invalid(f"must be text (got {shown(value)})", "write it as it appears on letters")
        return value.strip()

    def json_schema(self):
        return {"type": "string", "minLength": 1}


class Pattern(Kind):
    def __init__(self, regex: str, example: str, what: str):
        self.regex, self.example, self.what = re.compile(regex), example, what

    def check(self, value, where):
        if not isinstance(value, str) or not self.regex.fullmatch(value):
            raise Invalid(f"must be {self.what} (got {shown(value)})", f"for example {self.example}")
        return value

    def json_schema(self):
        return {"type": "string", "pattern": f"^{self.regex.pattern}$"}


Slug = Pattern(r"[a-z0-9]+(-[a-z0-9]+)*", "council-tax", "lower-case words joined by hyphens")
FactName = Pattern(r"[a-z][a-z0-9_]*", "age_limit", "lower-case words joined by _")
ClockTime = Pattern(r"([01]\d|2[0-3]):[0-5]\d", '"09:00"', "a 24-hour time in quotes")


class Whole(Kind):
    def __init__(self, minimum: int | None = None, maximum: int | None = None, example: str = "25"):
        self.minimum, self.maximum, self.example = minimum, maximum, example

    def check(self, value, where):
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"must be a whole number (got {shown(value)})", f"write it in digits, like {self.example}")
        if self.minimum is not None and value < self.minimum:
            raise Invalid(f"must be at least {self.minimum} (got {value})")
        if self.maximum is not None and value > self.maximum:
            raise Invalid(f"must be at most {self.maximum} (got {value})")
        return value

    def json_schema(self):
        schema = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


class Amount(Kind):
    def check(self, value, where):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise Invalid(f"must be an amount in pounds (got {shown(value)})", "write digits only, like 3000 or 57.50")
        return value

    def json_schema(self):
        return {"type": "number", "minimum": 0}


class Flag(Kind):
    def check(self, value, where):
        if not isinstance(value, bool):
            raise Invalid(f"must be true or false (got {shown(value)})")
        return value

    def json_schema(self):
        return {"type": "boolean"}


class Day(Kind):
    def check(self, value, where):
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise Invalid(f"must be a date (got {shown(value)})", "write it as YEAR-MONTH-DAY, like 2026-04-01, without quotes")
        return value

    def json_schema(self):
        return {"type": "string", "format": "date"}


class Url(Kind):
    def check(self, value, where):
        parsed = urlparse(value) if isinstance(value, str) else None
        if not parsed or parsed.scheme not in ("http", "https") or "." not in parsed.netloc or " " in value:
            raise Invalid(f"must be a web address (got {shown(value)})", "copy it from the browser, starting https://")
        return value

    def json_schema(self):
        return {"type": "string", "format": "uri", "pattern": "^https?://"}


class Email(Kind):
    PATTERN = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")

    def check(self, value, where):
        if not isinstance(value, str) or not self.PATTERN.fullmatch(value):
            raise Invalid(f"must be an email address (got {shown(value)})", "for example leavingcare@example.gov.uk")
        return value

    def json_schema(self):
        return {"type": "string", "format": "email"}


class Phone(Kind):
    """A UK number, kept as written; the renderer formats it and links it
    as E.164. Short codes (999, 116 123) are valid too."""

    def check(self, value, where):
        if isinstance(value, str):
            try:
                number = phonenumbers.parse(value, "GB")
            except phonenumbers.NumberParseException:
                number = None
            if number and (phonenumbers.is_valid_number_for_region(number, "GB")
                           or phonenumbers.is_valid_short_number_for_region(number, "GB")):
                return value
        raise Invalid(f"must be a UK phone number (got {shown(value)})",
                      'write it in quotes as dialled in the UK, like "020 7364 1140"')

    def json_schema(self):
        return {"type": "string", "pattern": r"^\+?[0-9 ]+$"}


class Choice(Kind):
    def __init__(self, *options: str):
        self.options = options

    def check(self, value, where):
        if value not in self.options:
            raise Invalid(f"must be one of {', '.join(self.options)} (got {shown(value)})",
                          _did_you_mean(value, self.options) or "")
        return value

    def json_schema(self):
        return {"enum": list(self.options)}


def _did_you_mean(value, options) -> str:
    close = difflib.get_close_matches(str(value), [str(o) for o in options], n=1)
    return f"did you mean '{close[0]}'?" if close else ""


@dataclass
class Field:
    kind: Kind
    required: bool = True
    description: str = ""
    default: object = None


class Record(Kind):
    """A block of named fields. Unknown names are errors with a suggestion."""

    def __init__(self, fields: dict[str, Field], description: str = ""):
        self.fields, self.description = fields, description

    def check(self, value, where):
        if not isinstance(value, LocatedDict):
            raise Invalid(f"must be a block of fields (got {shown(value)})",
                          "write each field on its own line as `name: value`")
        clean = {}
        for key in value:
            if key not in self.fields:
                hint = _did_you_mean(key, self.fields) or f"known fields: {', '.join(self.fields)}"
                where.child(str(key), value.line_of(key)).report("is not a known field", hint)
        for name, spec in self.fields.items():
            if name not in value:
                if spec.required:
                    where.report(f"needs `{name}`" if where.path else f"needs the field `{name}`",
                                 spec.description or "", line=value.line)
                clean[name] = spec.default
                continue
            clean[name] = check(spec.kind, value[name], where.child(name, value.line_of(name)))
        return clean

    def json_schema(self):
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [n for n, f in self.fields.items() if f.required],
            "properties": {
                n: {**f.kind.json_schema(), **({"description": f.description} if f.description else {})}
                for n, f in self.fields.items()
            },
        }


class ListOf(Kind):
    def __init__(self, item: Kind, min_items: int = 0, unique: bool = False):
        self.item, self.min_items, self.unique = item, min_items, unique

    def check(self, value, where):
        if not isinstance(value, LocatedList):
            raise Invalid(f"must be a list (got {shown(value)})", "start each item on its own line with `- `")
        if len(value) < self.min_items:
            raise Invalid(f"needs at least {self.min_items} item{'s' if self.min_items > 1 else ''}")
        clean = []
        for index, item in enumerate(value):
            key = item.get("id") if isinstance(item, LocatedDict) and isinstance(item.get("id"), str) else None
            # records with an id keep that id in their translation context, so reordering loses nothing
            name = f"[{key}]" if key else f" #{index + 1}"
            clean.append(check(self.item, item, where.child(name, value.line_of(index), in_context=bool(key))))
        if self.unique:
            seen = set()
            for index, item in enumerate(value):
                if isinstance(item, str) and item in seen:
                    where.report(f"lists {shown(item)} twice", "remove one", line=value.line_of(index))
                seen.add(item) if isinstance(item, str) else None
        return clean

    def json_schema(self):
        schema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema


class MapOf(Kind):
    def __init__(self, key: Pattern, item: Kind):
        self.key, self.item = key, item

    def check(self, value, where):
        if not isinstance(value, LocatedDict):
            raise Invalid(f"must be a block of named items (got {shown(value)})")
        clean = {}
        for name, item in value.items():
            child = where.child(str(name), value.line_of(name))
            try:
                self.key.check(name, child)
            except Invalid as bad:
                child.report(f"is not a good name: {bad.message}", bad.hint)
                continue
            clean[name] = check(self.item, item, child)
        return clean

    def json_schema(self):
        return {"type": "object", "propertyNames": self.key.json_schema(),
                "additionalProperties": self.item.json_schema()}


class Tagged(Kind):
    """A record whose fields depend on its `type` (a fact: money, age...)."""

    def __init__(self, variants: dict[str, Record]):
        self.variants = variants

    def check(self, value, where):
        if not isinstance(value, LocatedDict):
            raise Invalid(f"must be a block of fields (got {shown(value)})")
        if "type" not in value:
            raise Invalid("needs `type`", f"one of {', '.join(self.variants)}")
        kind = value["type"]
        if kind not in self.variants:
            where.child("type", value.line_of("type")).report(
                f"must be one of {', '.join(self.variants)} (got {shown(kind)})", _did_you_mean(kind, self.variants))
            return None
        return self.variants[kind].check(value, where)

    def json_schema(self):
        return {"oneOf": [v.json_schema() for v in self.variants.values()]}


def check(kind: Kind, value, where: Where):
    """Check one value; report what is wrong at its line and return None."""
    try:
        return kind.check(value, where)
    except Invalid as bad:
        where.report(bad.message, bad.hint)
        return None
