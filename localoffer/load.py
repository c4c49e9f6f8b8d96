"""Stage 1: load and validate content/ into the content model.

Every problem in every file is collected, then raised once as a
ContentError whose lines read `file:line: what — what to do`."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from babel import Locale, UnknownLocaleError

from .errors import ContentError, Problem
from .model import (AgeRange, Category, Contact, Council, Eligibility, EligibilityGroup, Entitlement, Fact, Language,
                    Offer, OpeningHours, Source)
from .schema import Text, Where, check, placeholders
from .spec import COUNCIL, ELIGIBILITY, ENTITLEMENT
from .yamlsource import LocatedDict, read_yaml

COUNCIL_FILE = Path("content/council.yml")
ELIGIBILITY_FILE = Path("content/eligibility.yml")
ENTITLEMENTS_DIR = Path("content/entitlements")
SOURCE_LANGUAGE = "en"
# Placeholders every prose string may use besides its own facts.
GLOBAL_PLACEHOLDERS = {"council": "the council's short name"}


def load_offer(root: Path = Path(".")) -> Offer:
    problems: list[Problem] = []
    council_raw, council = _read(root, COUNCIL_FILE, COUNCIL, "council", problems)
    _, eligibility = _read(root, ELIGIBILITY_FILE, ELIGIBILITY, "eligibility", problems)
    if eligibility is not None:
        _check_placeholders(str(ELIGIBILITY_FILE), eligibility["facts"], prose_of(eligibility), problems)
    files = sorted((root / ENTITLEMENTS_DIR).glob("*.yml")) if (root / ENTITLEMENTS_DIR).is_dir() else []
    if not files:
        problems.append(Problem(str(ENTITLEMENTS_DIR), None, "holds no entitlement files",
                                "add one .yml file per entitlement (see the README)"))
    entitlements = []
    for path in files:
        shown_as = str(path.relative_to(root))
        raw, clean = _read(root, Path(shown_as), ENTITLEMENT, None, problems)
        if clean is not None:
            entitlements.append((shown_as, raw, clean))
    if council is not None:
        _check_council(council_raw, council, problems)
        _check_entitlements(council, entitlements, problems)
    if problems:
        raise ContentError(problems)
    return Offer(_council(council), tuple(_entitlement(c, f) for f, _, c in _ordered(council, entitlements)),
                 _eligibility(eligibility), root=str(root))


def _read(root: Path, relative: Path, kind, owner: str | None, problems: list):
    """Parse and check one file; return (raw, clean) or (raw, None)."""
    shown_as = str(relative)
    try:
        raw = read_yaml(root / relative, shown_as)
    except FileNotFoundError:
        problems.append(Problem(shown_as, None, "is missing", "create it (see the README for an example)"))
        return None, None
    except ContentError as error:
        problems.extend(error.problems)
        return None, None
    if owner is None:  # an entitlement: its translation context is its id
        owner = raw.get("id") if isinstance(raw, LocatedDict) and isinstance(raw.get("id"), str) else relative.stem
    before = len(problems)
    where = Where(shown_as, getattr(raw, "line", 1), context=owner, problems=problems)
    clean = check(kind, raw, where)
    return raw, (clean if len(problems) == before else None)


def _line(raw, *keys) -> int | None:
    """The line of a nested key, as deep as the raw YAML goes."""
    line = None
    for key in keys:
        if not hasattr(raw, "line_of"):
            break
        line = raw.line_of(key)
        raw = raw[key] if (isinstance(raw, dict) and key in raw) or (isinstance(raw, list) and isinstance(key, int)) else None
    return line


def _duplicates(items: list, key: str) -> list[tuple[int, str]]:
    seen, twice = set(), []
    for index, item in enumerate(items):
        if item[key] in seen:
            twice.append((index, item[key]))
        seen.add(item[key])
    return twice


def _check_council(raw, council: dict, problems: list) -> None:
    file = str(COUNCIL_FILE)
    for listing in ("languages", "categories", "contacts"):
        field = "code" if listing == "languages" else "id"
        for index, value in _duplicates(council[listing], field):
            problems.append(Problem(file, _line(raw, listing, index), f"{listing} lists '{value}' twice",
                                    "keep one"))
    codes = [language["code"] for language in council["languages"]]
    if SOURCE_LANGUAGE not in codes:
        problems.append(Problem(file, _line(raw, "languages"), "languages must include en, the source language",
                                "add `- {code: en, status: reviewed}`"))
    for index, code in enumerate(codes):
        try:
            Locale.parse(code.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            problems.append(Problem(file, _line(raw, "languages", index), f"language '{code}' is not known to Babel",
                                    "use an ISO 639 code such as ar, ckb or pt"))
    for index, contact in enumerate(council["contacts"]):
        if not (contact["phone"] or contact["email"] or contact["address"]):
            problems.append(Problem(file, _line(raw, "contacts", index), f"contact '{contact['id']}' has no way to reach it",
                                    "give it a phone, email or address"))
        for slot, hours in enumerate(contact["hours"] or []):
            if (hours["opens"] is None) != (hours["closes"] is None):
                problems.append(Problem(file, _line(raw, "contacts", index, "hours", slot),
                                        f"contact '{contact['id']}' hours need both `opens` and `closes`",
                                        'like opens: "09:00" and closes: "17:00", or neither'))


def _check_entitlements(council: dict, entitlements: list, problems: list) -> None:
    categories = {c["id"] for c in council["categories"]}
    contacts = {c["id"] for c in council["contacts"]}
    seen: dict[str, str] = {}
    for file, raw, item in entitlements:
        def report(keys, message, hint=""):
            problems.append(Problem(file, _line(raw, *keys), message, hint))

        if item["id"] != Path(file).stem:
            report(["id"], f"id '{item['id']}' does not match the file name",
                   f"rename the file to {item['id']}.yml or the id to {Path(file).stem}")
        if item["id"] in seen:
            report(["id"], f"id '{item['id']}' is already used by {seen[item['id']]}", "ids must be unique")
        seen.setdefault(item["id"], file)
        if item["category"] not in categories:
            report(["category"], f"category '{item['category']}' is not in {COUNCIL_FILE}",
                   f"use one of {', '.join(sorted(categories))}")
        for index, contact in enumerate(item["contacts"]):
            if contact not in contacts:
                report(["contacts", index], f"contact '{contact}' is not in {COUNCIL_FILE}",
                       f"use one of {', '.join(sorted(contacts))}")
        if item["ages"]["from"] >= item["ages"]["to"]:
            report(["ages", "to"], "ages.to must be greater than ages.from",
                   "ages.to is the birthday it ends on: 25 means until you are 25")
        for source_key, source in [("source", item["source"]), *(("more_sources", s) for s in item["more_sources"])]:
            if source["checked"] > dt.date.today():
                report([source_key], f"{source_key}.checked is in the future ({source['checked']})",
                       "write the day you checked the source")
        _check_placeholders(file, item["facts"], prose_of(item), problems)


def _check_placeholders(file: str, facts: dict, texts, problems: list) -> None:
    known = set(facts) | set(GLOBAL_PLACEHOLDERS)
    for text in texts:
        for name in sorted(placeholders(text.english) - known):
            problems.append(Problem(file, text.line, f"{{{name}}} is not a fact of this file",
                                    f"add `{name}` under facts, or use one of {', '.join(sorted(known))}"))


def prose_of(clean) -> list:
    """Every Text in a checked file, wherever it sits."""
    if isinstance(clean, Text):
        return [clean]
    if isinstance(clean, dict):
        return [t for value in clean.values() for t in prose_of(value)]
    if isinstance(clean, list):
        return [t for value in clean for t in prose_of(value)]
    return []


def _ordered(council: dict, entitlements: list):
    """Entitlements in category order, then by file name."""
    rank = {c["id"]: i for i, c in enumerate(council["categories"])}
    return sorted(entitlements, key=lambda e: (rank.get(e[2]["category"], 99), e[0]))


def _source(clean: dict | None) -> Source | None:
    return Source(clean["url"], clean["title"], clean["checked"]) if clean else None


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def _council(c: dict) -> Council:
    contacts = tuple(
        Contact(id=k["id"], name=k["name"], phone=k["phone"], email=k["email"], address=k["address"],
                hours=tuple(OpeningHours(h["days"], _time(h["opens"]), _time(h["closes"])) for h in k["hours"] or []),
                urgent=k["urgent"],
                example_fields=frozenset(("phone", "email", "address", "hours") if k["example"] else k["example_fields"]),
                source=_source(k["source"]))
        for k in c["contacts"])
    return Council(
        id=c["id"], name=c["name"], short_name=c["short_name"], website=c["website"], site_url=c["site_url"],
        service_name=c["service_name"], report_mistake_email=c["report_mistake"]["email"],
        report_mistake_example=c["report_mistake"]["example"],
        accessibility_email=c["accessibility"]["email"], accessibility_example=c["accessibility"]["example"],
        accessibility_prepared=c["accessibility"]["prepared"], accessibility_tested=c["accessibility"]["tested"],
        languages=tuple(Language(**lang) for lang in c["languages"]),
        categories=tuple(Category(k["id"], k["title"]) for k in c["categories"]),
        contacts=contacts)


def _facts(facts: dict) -> tuple[Fact, ...]:
    return tuple(Fact(name=name, type=f["type"], value=f["value"], label=f["label"], per=f.get("per"),
                      unit=f.get("unit"), as_of=f.get("as_of"))
                 for name, f in facts.items())


def _entitlement(e: dict, file: str) -> Entitlement:
    return Entitlement(
        id=e["id"], category=e["category"], local=e["local"], example=e["example"], title=e["title"],
        summary=e["summary"], offer=e["offer"], ages=AgeRange(e["ages"]["from"], e["ages"]["to"]),
        facts=_facts(e["facts"]), steps=tuple(e["steps"]), good_to_know=tuple(e["good_to_know"]),
        contacts=tuple(e["contacts"]), source=_source(e["source"]),
        more_sources=tuple(_source(s) for s in e["more_sources"]), path=file)


def _eligibility(e: dict) -> Eligibility:
    return Eligibility(title=e["title"], summary=e["summary"], facts=_facts(e["facts"]),
                       groups=tuple(EligibilityGroup(g["id"], g["name"], g["who"]) for g in e["groups"]),
                       guide=tuple(e["guide"]), source=_source(e["source"]))
