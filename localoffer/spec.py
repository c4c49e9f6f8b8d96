"""What content/council.yml and content/entitlements/*.yml may hold.

Read this file to learn the content model; the JSON Schemas under
content/schema/ are generated from it (`python -m localoffer schema`)."""
from __future__ import annotations

from .schema import (Amount, Choice, ClockTime, Day, Email, FactName, Field, Flag, ListOf, MapOf, Phone,
                     Plain, Prose, Record, Slug, Tagged, Url, Whole)

SOURCE = Record({
    "url": Field(Url(), description="the official page this is checked against"),
    "title": Field(Plain(), description="the page's title, as published"),
    "checked": Field(Day(), description="the day someone last checked the page says this"),
})

OPENING_HOURS = Record({
    "days": Field(Prose(), description="e.g. Monday to Friday, or Any time"),
    "opens": Field(ClockTime, required=False),
    "closes": Field(ClockTime, required=False),
})

CONTACT = Record({
    "id": Field(Slug, description="how entitlements name this contact"),
    "name": Field(Prose(), description="who they are, in plain words"),
    "phone": Field(Phone(), required=False),
    "email": Field(Email(), required=False),
    "address": Field(Plain(), required=False),
    "hours": Field(ListOf(OPENING_HOURS, min_items=1), required=False),
    "urgent": Field(Flag(), required=False, default=False,
                    description="shown in the urgent help box on the home and contacts pages"),
    "example": Field(Flag(), required=False, default=False,
                     description="true when this whole contact is illustrative"),
    "example_fields": Field(ListOf(Choice("phone", "email", "address", "hours"), unique=True),
                            required=False, default=[],
                            description="fields that are illustrative, not the council's real details"),
    "source": Field(SOURCE, required=False),
})

LANGUAGE = Record({
    "code": Field(Slug, description="a language code Babel knows: en, ar, ckb..."),
    "status": Field(Choice("reviewed", "draft"), description="reviewed once a qualified translator checked it"),
    "digits": Field(Choice("latn", "native"), required=False, default="latn",
                    description="latn shows 0-9 like letters from the council; native uses the language's digits"),
    "min_translated": Field(Whole(0, 100), required=False, default=0,
                            description="the percentage `make check` requires before it passes"),
})

CATEGORY = Record({
    "id": Field(Slug),
    "title": Field(Prose()),
})

COUNCIL = Record({
    "id": Field(Slug),
    "name": Field(Prose(), description="the council's full name"),
    "short_name": Field(Prose(), description="used in sentences: {council}"),
    "website": Field(Url()),
    "site_url": Field(Url(), description="where this site is published"),
    "service_name": Field(Prose()),
    "report_mistake": Field(Record({"email": Field(Email()), "example": Field(Flag(), required=False, default=False)})),
    "accessibility": Field(Record({
        "email": Field(Email(), description="where to report an accessibility problem"),
        "example": Field(Flag(), required=False, default=False),
        "prepared": Field(Day(), description="when the accessibility statement was prepared"),
        "tested": Field(Day(), description="when the site was last tested"),
    })),
    "languages": Field(ListOf(LANGUAGE, min_items=1)),
    "categories": Field(ListOf(CATEGORY, min_items=1)),
    "contacts": Field(ListOf(CONTACT, min_items=1)),
}, description="The council publishing the offer")

LABEL = Field(Prose(), description="shown before the value in the facts box")


def _fact(value_kind, **extra: Field) -> Record:
    return Record({"type": Field(Choice(*FACT_TYPES)), "value": Field(value_kind), "label": LABEL, **extra})


FACT_TYPES = ("money", "age", "duration", "date", "number", "phone", "url", "email")
FACT = Tagged({
    "money": _fact(Amount(), per=Field(Choice("once", "week", "month", "year"), required=False),
                   as_of=Field(Day(), required=False, description="the date this amount applies from")),
    "age": _fact(Whole(0, 120)),
    "duration": _fact(Whole(1), unit=Field(Choice("days", "weeks", "months", "years"))),
    "date": _fact(Day()),
    "number": _fact(Whole(0)),
    "phone": _fact(Phone()),
    "url": _fact(Url()),
    "email": _fact(Email()),
})

ENTITLEMENT = Record({
    "id": Field(Slug, description="the URL slug in every language; never change it"),
    "category": Field(Slug, description="a category id from council.yml"),
    "local": Field(Flag(), description="true for the council's own offer, false for national law"),
    "example": Field(Flag(), required=False, default=False,
                     description="true when the details are illustrative, not the real council's"),
    "title": Field(Prose()),
    "summary": Field(Prose(), description="one sentence: the key point"),
    "offer": Field(Prose(), description="what you get"),
    "ages": Field(Record({
        "from": Field(Whole(0, 30, example="18"), description="the youngest age it applies"),
        "to": Field(Whole(1, 30, example="25"), description="the birthday it ends on: 25 means until you are 25"),
    })),
    "facts": Field(MapOf(FactName, FACT), required=False, default={}),
    "steps": Field(ListOf(Prose(), min_items=1), description="how to get it, in order"),
    "good_to_know": Field(ListOf(Prose()), required=False, default=[]),
    "contacts": Field(ListOf(Slug, min_items=1, unique=True), description="contact ids from council.yml"),
    "source": Field(SOURCE),
    "more_sources": Field(ListOf(SOURCE), required=False, default=[]),
}, description="One entitlement of the local offer")

ELIGIBILITY = Record({
    "title": Field(Prose()),
    "summary": Field(Prose()),
    "facts": Field(MapOf(FactName, FACT), required=False, default={}),
    "groups": Field(ListOf(Record({
        "id": Field(Slug, description="a stable id: the link target on the page"),
        "name": Field(Prose(), description="the name used in law and in letters"),
        "who": Field(Prose(), description="who is in this group, in plain words"),
    }), min_items=1)),
    "guide": Field(ListOf(Prose(), min_items=1), description='"do I qualify?": what to do if unsure'),
    "source": Field(SOURCE),
}, description="Who can get the offer")
