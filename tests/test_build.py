"""Stage 4: the whole site builds, every page in every language, with the
right language and direction, nothing loaded from another host, and a
failed build leaves the previous site/ untouched."""
from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from localoffer.errors import BuildError, ContentError
from localoffer.load import load_offer
from localoffer.pipeline import build_site
from localoffer.render import PAGES

from .conftest import ROOT

RTL = {"ar", "ckb", "fa", "ps", "ur"}
OFFER = load_offer(ROOT)
CODES = [lang.code for lang in OFFER.council.languages]
PAGE_IDS = [""] + [f"{p}/" for p in PAGES if p != "index"] + [f"{e.id}/" for e in OFFER.entitlements]


class Resources(HTMLParser):
    """What a browser would fetch by itself: scripts, styles, images, frames."""

    FETCHED = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
               "video": "src", "embed": "src", "object": "data"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.html_attrs: dict = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if tag == "link" and not {"alternate", "canonical"} & set((attrs.get("rel") or "").split()):
            self.urls.append(attrs.get("href") or "")
        if tag in self.FETCHED and attrs.get(self.FETCHED[tag]):
            self.urls.append(attrs[self.FETCHED[tag]])


def parse(path: Path) -> Resources:
    parser = Resources()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_exists_in_every_language(built_site):
    missing = [f"{code}/{page}" for code in CODES for page in PAGE_IDS
               if not (built_site / code / page / "index.html").exists()]
    assert missing == []
    assert len(CODES) == 15 and len(PAGE_IDS) >= 24


@pytest.mark.parametrize("code", CODES)
def test_pages_carry_their_language_and_direction(built_site, code):
    for page in PAGE_IDS:
        html = parse(built_site / code / page / "index.html").html_attrs
        assert html.get("lang") == code, page
        assert html.get("dir") == ("rtl" if code in RTL else "ltr"), page


def test_language_switcher_links_the_same_page_in_every_language(built_site):
    page = (built_site / "ti" / "council-tax" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="([^"]+)"', page)
    assert {(href, lang) for href, lang, _ in links} >= {(f"../../{c}/council-tax/", c) for c in CODES}
    for href, _, _ in links:
        assert (built_site / "ti" / "council-tax" / href / "index.html").resolve().exists()


def test_no_page_loads_anything_from_another_host(built_site):
    own_host = urlparse(OFFER.council.site_url).netloc
    foreign = []
    for path in built_site.rglob("*.html"):
        for url in parse(path).urls:
            host = urlparse(url).netloc
            if host and host != own_host:
                foreign.append(f"{path.relative_to(built_site)}: {url}")
    for path in built_site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", path.read_text(encoding="utf-8")):
            if urlparse(url.strip("'\"")).netloc:
                foreign.append(f"{path.relative_to(built_site)}: {url}")
    assert foreign == []


def test_tap_to_call_links_are_e164(built_site):
    page = (built_site / "en" / "contacts" / "index.html").read_text(encoding="utf-8")
    tels = re.findall(r'href="tel:([^"]+)"', page)
    assert "+442073641140" in tels and "999" in tels
    assert all(re.fullmatch(r"\+?[0-9]+", t) for t in tels)


def _fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_bad_content_leaves_the_previous_site_untouched(built_site):
    root = built_site.parent
    before = _fingerprint(built_site)
    entitlement = root / "content" / "entitlements" / "council-tax.yml"
    good = entitlement.read_text(encoding="utf-8")
    entitlement.write_text(good.replace("to: 25}", "to: twenty five}"), encoding="utf-8")
    try:
        with pytest.raises(ContentError):
            build_site(root)
    finally:
        entitlement.write_text(good, encoding="utf-8")
    assert _fingerprint(built_site) == before
    assert not (root / "site.new").exists()


def test_a_failing_mkdocs_build_leaves_the_previous_site_untouched(built_site):
    root = built_site.parent
    before = _fingerprint(built_site)
    config = root / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good.replace("  - search\n", "  - search\n  - no-such-plugin\n"), encoding="utf-8")
    try:
        with pytest.raises(BuildError) as raised:
            build_site(root)
    finally:
        config.write_text(good, encoding="utf-8")
    assert "no-such-plugin" in str(raised.value)
    assert _fingerprint(built_site) == before
    assert not (root / "site.new").exists()
