"""Built-site checks, in every language: internal links and #anchors,
the language switcher, tel: and mailto: links, the same pages in every
language, and the external links (listed; fetched with --online)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from ..schema import Email, Invalid, Url, Where
from . import Finding

TEL = re.compile(r"tel:\+?[0-9]{3,15}")


@dataclass
class PageLinks:
    path: str  # "ar/council-tax/index.html"
    ids: set = field(default_factory=set)
    links: list = field(default_factory=list)  # (href, attributes, line)


class _Collector(HTMLParser):
    def __init__(self, page: PageLinks):
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.page.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.page.ids.add(attrs["name"])
        if tag == "a" and attrs.get("href") is not None:
            self.page.links.append((attrs["href"], attrs, self.getpos()[0]))


def read_site(site: Path) -> dict[str, PageLinks]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        page = PageLinks(relative)
        _Collector(page).feed(path.read_text(encoding="utf-8"))
        pages[relative] = page
    return pages


def _target(page_path: str, href: str) -> tuple[str, str]:
    """The site file and the fragment a relative (or root-relative) link points to."""
    parsed = urlparse(href)
    if not parsed.path:
        return page_path, parsed.fragment
    base = [] if parsed.path.startswith("/") else list(PurePosixPath(page_path).parent.parts)
    parts: list[str] = []
    for part in [*base, *unquote(parsed.path).split("/")]:
        if part == "..":
            parts = parts[:-1]
        elif part not in (".", ""):
            parts.append(part)
    if not parts or parsed.path.endswith("/") or "." not in parts[-1]:
        parts.append("index.html")
    return "/".join(parts), parsed.fragment


def check_site(site: Path, codes: list[str], site_url: str = "") -> tuple[list[Finding], dict[str, list[str]]]:
    """Findings, and each external URL with the pages that use it."""
    pages = read_site(site)
    findings: list[Finding] = []
    external: dict[str, list[str]] = {}
    own = urlparse(site_url)
    for page in pages.values():
        for href, attrs, line in page.links:
            if "data-lo-share" in attrs:
                continue  # a share link the site makes, not a source to check
            parsed = urlparse(href)
            if own.netloc and parsed.netloc == own.netloc:  # the page's own address: check it as a site path
                href = "/" + parsed.path[len(own.path):].lstrip("/") + (f"#{parsed.fragment}" if parsed.fragment else "")
            findings.extend(_check_link(site, pages, page, href, attrs, line, external))
    findings.extend(_same_pages_everywhere(pages, codes))
    findings.extend(_switchers(pages, codes))
    findings.extend(_sitemap(site, pages, codes, site_url))
    return findings, external


def _check_link(site, pages, page, href, attrs, line, external) -> list[Finding]:
    shown = f"site/{page.path}"
    scheme = urlparse(href).scheme
    if scheme in ("http", "https"):
        try:
            Url().check(href, Where(shown, line))
        except Invalid as bad:
            return [Finding(shown, line, "external-link", f"link {href!r}: {bad.message}", hint=bad.hint)]
        external.setdefault(href, []).append(page.path)
        return []
    if scheme == "tel":
        return [] if TEL.fullmatch(href) else [Finding(shown, line, "tel", f"phone link {href!r} is not E.164",
                                                       hint="tel: links must be like tel:+442073641140")]
    if scheme == "mailto":
        try:
            Email().check(href[len("mailto:"):].split("?")[0], Where(shown, line))
            return []
        except Invalid:
            return [Finding(shown, line, "mailto", f"email link {href!r} is not a valid address")]
    if scheme:
        return [Finding(shown, line, "link", f"link {href!r} uses an unexpected scheme",
                        hint="use https:, tel:, mailto: or a relative link")]
    target, fragment = _target(page.path, href)
    if target not in pages:
        return [Finding(shown, line, "broken-link", f"link {href!r} leads to a missing page ({target})")]
    if fragment and fragment not in pages[target].ids:
        return [Finding(shown, line, "broken-anchor", f"link {href!r}: no #{fragment} on {target}",
                        hint="headings keep fixed ids; link to one that exists")]
    return []


def _page_ids(pages, code: str) -> set[str]:
    return {p[len(code) + 1:] for p in pages if p.startswith(f"{code}/") and "/search/" not in p}


def _same_pages_everywhere(pages, codes) -> list[Finding]:
    english = _page_ids(pages, codes[0])
    findings = []
    for code in codes[1:]:
        for missing in sorted(english - _page_ids(pages, code)):
            findings.append(Finding(f"site/{code}/", None, "missing-page", f"{code} has no {missing}",
                                    hint=f"every page of {codes[0]}/ must exist in every language"))
    return findings


def _switchers(pages, codes) -> list[Finding]:
    """Each page's language links (hreflang) lead to the same page in each language."""
    findings = []
    for path, page in pages.items():
        code, _, rest = path.partition("/")
        if code not in codes or "/search/" in path:
            continue
        switch = {attrs.get("hreflang"): (href, line) for href, attrs, line in page.links
                  if attrs.get("hreflang") and "lo-languages__list" not in attrs.get("class", "")}
        for other in codes:
            href_line = switch.get(other)
            if href_line is None:
                findings.append(Finding(f"site/{path}", None, "switcher", f"no link to the {other} version"))
                continue
            target, _ = _target(path, href_line[0])
            if target != f"{other}/{rest}":
                findings.append(Finding(f"site/{path}", href_line[1], "switcher",
                                        f"the {other} link leads to {target}, not {other}/{rest}"))
    return findings


SITEMAP_LOC = re.compile(r"<loc>([^<]+)</loc>")
SITEMAP_ALTERNATE = re.compile(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"')


def _sitemap(site: Path, pages, codes, site_url: str) -> list[Finding]:
    """Search engines learn each page's translations from the sitemap: every
    address in it is a page of the site, and every page lists every language."""
    shown = "site/sitemap.xml"
    if not (site / "sitemap.xml").exists():
        return [Finding(shown, None, "sitemap", "is missing", hint="the theme's sitemap.xml template makes it")]
    own = urlparse(site_url).path
    entries = []  # (line of <loc>, the languages of its alternates)
    findings = []
    for number, line in enumerate((site / "sitemap.xml").read_text(encoding="utf-8").splitlines(), 1):
        for loc in SITEMAP_LOC.findall(line):
            entries.append((number, set()))
            findings.extend(_sitemap_address(shown, number, loc, None, pages, own))
        for code, href in SITEMAP_ALTERNATE.findall(line):
            if entries:
                entries[-1][1].add(code)
            findings.extend(_sitemap_address(shown, number, href, code, pages, own))
    for number, languages in entries:
        if languages != set(codes):
            findings.append(Finding(shown, number, "sitemap",
                                    f"lists no alternate in {', '.join(sorted(set(codes) - languages))}"))
    return findings


def _sitemap_address(shown, number, address, code, pages, own) -> list[Finding]:
    target, _ = _target("index.html", "/" + urlparse(address).path[len(own):].lstrip("/"))
    if target not in pages:
        return [Finding(shown, number, "sitemap", f"{address} is not a page of the site")]
    if code and not target.startswith(f"{code}/"):
        return [Finding(shown, number, "sitemap", f"the {code} alternate leads to {target}")]
    return []
