"""Stage 3: render the offer as pages, one folder per language.

Pages are Markdown files holding HTML from the partials in templates/, with
front matter any MkDocs theme can read (title, description, lang, dir).
Nothing here knows which theme builds them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .localize import Formatter, babel_locale, phone, text_direction
from .model import Entitlement, Fact, Language, Offer
from .schema import PLACEHOLDER, Text
from .translate import Translator

TEMPLATES = Path(__file__).parent / "templates"
PAGES = ("index", "contacts", "whole-offer", "who-can-get-this", "about-translation", "accessibility")
BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/: "ar/council-tax.md"
    text: str


def language_name(code: str) -> str:
    """A language's name in its own script: what a reader looks for."""
    name = babel_locale(code).get_language_name(babel_locale(code)) or code
    return name[:1].upper() + name[1:]


class Localized:
    """A value formatted when it is placed: in the page's language, or in
    English when the sentence around it fell back to English."""

    def __init__(self, render, view):
        self.render, self.view = render, view

    def __html__(self) -> str:
        return str(self.render(self.view))


def fill_plain(text: str, values: dict) -> str:
    """Plain text with its {placeholders} filled; an unknown one stays visible."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)


def fallback(text: str) -> Markup:
    """English shown because the translation is missing or out of date."""
    return Markup('<span class="lo-fallback" lang="en" dir="ltr">{}</span>').format(text)


class LanguageView:
    """Everything a template needs to write one language's pages."""

    def __init__(self, offer: Offer, language: Language, translator: Translator):
        self.offer, self.language, self.translator = offer, language, translator
        self.code, self.dir = language.code, text_direction(language.code)
        self.format = Formatter(language.code, language.digits)
        self.page_id = "index"

    # -- translation -------------------------------------------------------
    @cached_property
    def english(self) -> "LanguageView":
        """Formats the values of a sentence that fell back to English, so the
        sentence reads as one language."""
        if self.translator.is_source:
            return self
        view = LanguageView(self.offer, Language("en", "reviewed"), Translator("en"))
        return view

    def _markup(self, english: str, context: str | None, values: dict) -> Markup:
        text, translated = self.translator.text(english, context)
        if translated:
            return self._fill(escape(text), values, self)
        return fallback(self._fill(escape(text), values, self.english))

    @staticmethod
    def _fill(html: Markup, values: dict, view: "LanguageView") -> Markup:
        html = Markup(BOLD.sub(r"<strong>\1</strong>", str(html)))

        def value(match):
            found = values.get(match.group(1), match.group(0))
            return str(found.render(view) if isinstance(found, Localized) else escape(found))
        return Markup(PLACEHOLDER.sub(value, html))

    def ui(self, english: str, **values) -> Markup:
        """Interface text from a template, with {placeholders} filled."""
        return self._markup(english, None, values)

    def ui_plain(self, english: str, **values) -> str:
        """Interface text for an attribute: no markup, fallback unmarked."""
        text, _ = self.translator.text(english)
        return fill_plain(text, values)

    def ui_plain_plural(self, singular: str, plural: str, count: int, **values) -> str:
        """A plural for an attribute, {count} formatted for this language."""
        text, _ = self.translator.plural(singular, plural, count)
        return fill_plain(text, {"count": self.format.number(count), **values})

    def ui_plural(self, singular: str, plural: str, count: int, **values) -> Markup:
        text, translated = self.translator.plural(singular, plural, count)
        values = {"count": self.number(count), **values}
        if translated:
            return self._fill(escape(text), values, self)
        return fallback(self._fill(escape(text), values, self.english))

    def content(self, text: Text, owner=None) -> Markup:
        """Content prose, the facts of its owner (an entitlement, the
        eligibility page) formatted for this language."""
        values = {"council": self.plain(self.offer.council.short_name)}
        for fact in owner.facts if owner else ():
            values[fact.name] = self.localized(lambda view, fact=fact: view.fact_inline(fact))
        return self._markup(text.english, text.context, values)

    def plain(self, text: Text) -> str:
        """Content text for titles and attributes (no markup)."""
        found, _ = self.translator.text(text.english, text.context)
        return BOLD.sub(r"\1", found)

    def title(self, entitlement: Entitlement) -> str:
        values = {f.name: self.fact_text(f) for f in entitlement.facts}  # titles: the page's own language
        values["council"] = self.plain(self.offer.council.short_name)
        return fill_plain(self.plain(entitlement.title), values)

    # -- facts -------------------------------------------------------------
    def localized(self, render) -> "Localized":
        return Localized(render, self)

    def number(self, value) -> "Localized":
        return self.localized(lambda view: Markup("<bdi>{}</bdi>").format(view.format.number(value)))

    def fact_text(self, fact: Fact) -> str:
        """A fact as plain text (page titles, share text)."""
        return re.sub(r"<[^>]+>", "", str(self.fact_inline(fact)))

    def fact_inline(self, fact: Fact) -> Markup:
        """A fact inside a sentence; numbers isolated so RTL text keeps them whole."""
        value = fact.value
        if fact.type == "money":
            return Markup("<bdi>{}</bdi>").format(self.format.money(value))
        if fact.type in ("age", "number"):
            return Markup("<bdi>{}</bdi>").format(self.format.number(value))
        if fact.type == "date":
            return Markup("<bdi>{}</bdi>").format(self.format.date(value))
        if fact.type == "duration":
            return self.duration(value, fact.unit)
        if fact.type == "phone":
            return self.phone_link(value)
        if fact.type == "email":
            return Markup('<a href="mailto:{0}" dir="ltr">{0}</a>').format(value)
        return Markup('<a href="{0}" dir="ltr">{0}</a>').format(value)

    def fact_boxed(self, fact: Fact) -> Markup:
        """A fact in the facts box: money says how often it is paid."""
        inline = self.fact_inline(fact)
        if fact.type == "money" and fact.per:
            return {"once": self.ui("{amount}, paid once", amount=inline),
                    "week": self.ui("{amount} a week", amount=inline),
                    "month": self.ui("{amount} a month", amount=inline),
                    "year": self.ui("{amount} a year", amount=inline)}[fact.per]
        return inline

    def duration(self, count: int, unit: str) -> Markup:
        if unit == "days":
            return self.ui_plural("{count} day", "{count} days", count)
        if unit == "weeks":
            return self.ui_plural("{count} week", "{count} weeks", count)
        if unit == "months":
            return self.ui_plural("{count} month", "{count} months", count)
        return self.ui_plural("{count} year", "{count} years", count)

    def date(self, value) -> "Localized":
        return self.localized(lambda view: Markup("<bdi>{}</bdi>").format(view.format.date(value)))

    def time(self, value) -> "Localized":
        return self.localized(lambda view: Markup("<bdi>{}</bdi>").format(view.format.time(value)))

    def phone_link(self, number: str) -> Markup:
        shown = phone(number)
        return Markup('<a class="lo-tel" href="tel:{}" dir="ltr">{}</a>').format(shown.tel, shown.shown)

    def ages(self, entitlement: Entitlement) -> Markup:
        return self.ui("From age {start} until you are {end}",
                       start=self.number(entitlement.ages.start), end=self.number(entitlement.ages.end))

    # -- links -------------------------------------------------------------
    def href(self, page_id: str, code: str | None = None) -> str:
        """A relative link from the current page: up to the root, then down
        to /<lang>/<id>/, the same slug in every language."""
        depth = {"root": 0, "index": 1}.get(self.page_id, 2)
        target = "" if page_id == "index" else f"{page_id}/"
        return "../" * depth + f"{code or self.code}/{target}"

    def absolute(self, page_id: str) -> str:
        target = "" if page_id == "index" else f"{page_id}/"
        return f"{self.offer.council.site_url.rstrip('/')}/{self.code}/{target}"

    def share_link(self, text: str, page_id: str) -> str:
        return "https://wa.me/?text=" + quote(f"{text} {self.absolute(page_id)}", safe="")

    def languages(self):
        return [(lang.code, language_name(lang.code), text_direction(lang.code))
                for lang in self.offer.council.languages]

    @staticmethod
    def language_name(code: str) -> str:
        return language_name(code)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    return env


def _translations(view: LanguageView) -> dict[str, str]:
    """This page in every language, as paths from the site root: what a
    theme's sitemap turns into hreflang alternates."""
    target = "" if view.page_id in ("index", "root") else f"{view.page_id}/"
    return {lang.code: f"{lang.code}/{target}" for lang in view.offer.council.languages}


def _front_matter(view: LanguageView, title: str, description: str) -> str:
    meta = {"title": title, "description": description, "lang": view.code, "dir": view.dir,
            "page_id": view.page_id, "translations": _translations(view),
            "site_name": view.ui_plain("{council} local offer", council=view.plain(view.offer.council.short_name))}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _render(env: Environment, template: str, view: LanguageView, **context) -> str:
    page = env.get_template(template)
    # Interface text is looked up by bare names, the only calls Babel's Jinja
    # extractor finds: `_`/`ngettext` give markup, `ui_plain`/`ui_plain_plural`
    # plain text for attributes.
    return page.render(v=view, offer=view.offer, council=view.offer.council, _=view.ui, ngettext=view.ui_plural,
                       ui_plain=view.ui_plain, ui_plain_plural=view.ui_plain_plural, **context)


def render_language(env: Environment, offer: Offer, language: Language, translator: Translator) -> list[Page]:
    view = LanguageView(offer, language, translator)
    pages = []

    def page(page_id: str, template: str, title: str, description: str, **context):
        view.page_id = page_id
        body = _render(env, template, view, title=title, **context)
        name = "index" if page_id == "index" else page_id
        pages.append(Page(f"{language.code}/{name}.md", _front_matter(view, title, description) + body))

    council_name = view.plain(offer.council.short_name)
    page("index", "home.html", view.ui_plain("Your local offer from {council}", council=council_name),
         view.ui_plain("What care leavers can get from {council} and the law, and who to call.", council=council_name))
    for entitlement in offer.entitlements:
        page(entitlement.id, "entitlement-page.html", view.title(entitlement),
             re.sub(r"<[^>]+>", "", str(view.content(entitlement.summary, entitlement))), entitlement=entitlement)
    page("contacts", "contacts-page.html", view.ui_plain("Who to contact"),
         view.ui_plain("Phone numbers, emails and opening hours of the people who help you."))
    page("whole-offer", "whole-offer-page.html", view.ui_plain("The whole offer on one page"),
         view.ui_plain("Every part of the offer on one page, to print or save."))
    eligibility = offer.eligibility
    page("who-can-get-this", "who-can-get-this-page.html", view.plain(eligibility.title),
         re.sub(r"<[^>]+>", "", str(view.content(eligibility.summary, eligibility))), eligibility=eligibility)
    page("about-translation", "about-translation-page.html", view.ui_plain("About this translation"),
         view.ui_plain("Which languages a qualified translator has checked, and how to report a mistake."))
    page("accessibility", "accessibility-page.html", view.ui_plain("Accessibility statement"),
         view.ui_plain("How accessible this website is and how to report a problem."))
    return pages


def render_chooser(env: Environment, offer: Offer) -> Page:
    """The site's root: every language, each named in its own script."""
    view = LanguageView(offer, offer.council.languages[0], Translator("en"))
    view.page_id = "root"
    body = env.get_template("language-chooser-page.html").render(v=view, offer=offer, _=view.ui)
    meta = _front_matter(view, "Local offer for care leavers", "Choose your language.")
    return Page("index.md", meta + body)


def render_site(offer: Offer, translators: dict[str, Translator]) -> list[Page]:
    env = _environment()
    pages = [render_chooser(env, offer)]
    for language in offer.council.languages:
        pages.extend(render_language(env, offer, language, translators[language.code]))
    return pages


def write_pages(docs_dir: Path, pages: list[Page], codes: list[str]) -> int:
    """Write pages that changed and remove generated pages no longer made.
    Writing only changes keeps the live preview from rebuilding in a loop."""
    wanted = {docs_dir / p.path for p in pages}
    written = 0
    for page in pages:
        path = docs_dir / page.path
        if path.exists() and path.read_text(encoding="utf-8") == page.text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.text, encoding="utf-8")
        written += 1
    for code in codes:
        for stale in (docs_dir / code).glob("*.md") if (docs_dir / code).is_dir() else ():
            if stale not in wanted:
                stale.unlink()
    return written
