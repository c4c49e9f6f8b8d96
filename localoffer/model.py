"""The content model: what an offer is, independent of YAML, translation
and theme. Built by `load`, read by every later stage."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .schema import Text


@dataclass(frozen=True)
class Source:
    url: str
    title: str
    checked: dt.date


@dataclass(frozen=True)
class OpeningHours:
    days: Text
    opens: dt.time | None = None
    closes: dt.time | None = None


@dataclass(frozen=True)
class Contact:
    id: str
    name: Text
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    hours: tuple[OpeningHours, ...] = ()
    urgent: bool = False
    example_fields: frozenset[str] = frozenset()
    source: Source | None = None

    def is_example(self, field_name: str) -> bool:
        return field_name in self.example_fields


@dataclass(frozen=True)
class Language:
    code: str
    status: str  # "reviewed" or "draft"
    digits: str = "latn"
    min_translated: int = 0

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


@dataclass(frozen=True)
class Category:
    id: str
    title: Text


@dataclass(frozen=True)
class Fact:
    """A typed value shown in the facts box and used in prose as {name}."""

    name: str
    type: str  # money, age, duration, date, number, phone, url, email
    value: object
    label: Text
    per: str | None = None
    unit: str | None = None
    as_of: dt.date | None = None


@dataclass(frozen=True)
class AgeRange:
    start: int  # the youngest age it applies
    end: int  # the birthday it ends on

    def applies_at(self, age: int) -> bool:
        return self.start <= age < self.end


@dataclass(frozen=True)
class Entitlement:
    id: str
    category: str
    local: bool
    example: bool
    title: Text
    summary: Text
    offer: Text
    ages: AgeRange
    facts: tuple[Fact, ...]
    steps: tuple[Text, ...]
    good_to_know: tuple[Text, ...]
    contacts: tuple[str, ...]
    source: Source
    more_sources: tuple[Source, ...] = ()
    path: str = ""

    def texts(self) -> list[Text]:
        """Every translatable string, in reading order."""
        return [self.title, self.summary, self.offer, *(f.label for f in self.facts),
                *self.steps, *self.good_to_know]


@dataclass(frozen=True)
class EligibilityGroup:
    id: str
    name: Text
    who: Text


@dataclass(frozen=True)
class Eligibility:
    """Who can get the offer, and what to do if unsure."""

    title: Text
    summary: Text
    facts: tuple[Fact, ...]
    groups: tuple[EligibilityGroup, ...]
    guide: tuple[Text, ...]
    source: Source

    def texts(self) -> list[Text]:
        return [self.title, self.summary, *(f.label for f in self.facts),
                *(t for g in self.groups for t in (g.name, g.who)), *self.guide]


@dataclass(frozen=True)
class Council:
    id: str
    name: Text
    short_name: Text
    website: str
    site_url: str
    service_name: Text
    report_mistake_email: str
    report_mistake_example: bool
    accessibility_email: str
    accessibility_example: bool
    accessibility_prepared: dt.date
    accessibility_tested: dt.date
    languages: tuple[Language, ...]
    categories: tuple[Category, ...]
    contacts: tuple[Contact, ...]

    def contact(self, contact_id: str) -> Contact:
        return next(c for c in self.contacts if c.id == contact_id)

    def texts(self) -> list[Text]:
        return [self.name, self.short_name, self.service_name, *(c.title for c in self.categories),
                *(c.name for c in self.contacts), *(h.days for c in self.contacts for h in c.hours)]


@dataclass(frozen=True)
class Offer:
    """A council's whole local offer: the input to translation and rendering."""

    council: Council
    entitlements: tuple[Entitlement, ...]
    eligibility: Eligibility
    root: str = field(default=".", compare=False)

    def in_category(self, category_id: str) -> list[Entitlement]:
        return [e for e in self.entitlements if e.category == category_id]

    def texts(self) -> list[Text]:
        return [*self.council.texts(), *self.eligibility.texts(), *(t for e in self.entitlements for t in e.texts())]

    def count_at(self, age: int) -> int:
        """How many parts of the offer apply at `age`."""
        return sum(e.ages.applies_at(age) for e in self.entitlements)

    def ages(self) -> range:
        """Every age some part of the offer applies at: the age filter's choices."""
        return range(min(e.ages.start for e in self.entitlements), max(e.ages.end for e in self.entitlements))
