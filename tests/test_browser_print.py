"""A personal adviser prints one entitlement for a meeting: it fits one A4
sheet, in every language, and the sheet carries the page's address."""
from __future__ import annotations

import re

import pytest

from localoffer.load import load_offer

from .conftest import ROOT

OFFER = load_offer(ROOT)
CODES = [lang.code for lang in OFFER.council.languages]
SITE_URL = OFFER.council.site_url.rstrip("/")


def _sheets(page) -> int:
    """A4 sheets the page prints on, counted in Chromium's own PDF."""
    return len(re.findall(rb"/Type\s*/Page\b", page.pdf(format="A4", prefer_css_page_size=True)))


def _text_length(built_site, code: str, entitlement_id: str) -> int:
    html = (built_site / code / entitlement_id / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="lo-entitlement">', 1)[1].split("</article>", 1)[0]
    return len(re.sub(r"<[^>]+>", "", article))


@pytest.fixture
def print_page(browser):
    page = browser.new_page()
    yield page
    page.close()


def test_every_english_entitlement_prints_on_one_sheet(print_page, site_url):
    longer = {}
    for entitlement in OFFER.entitlements:
        print_page.goto(f"{site_url}/en/{entitlement.id}/")
        sheets = _sheets(print_page)
        if sheets != 1:
            longer[entitlement.id] = sheets
    assert longer == {}


@pytest.mark.parametrize("code", CODES)
def test_the_longest_entitlement_prints_on_one_sheet_with_its_address(print_page, site_url, built_site, code):
    longest = max(OFFER.entitlements, key=lambda e: _text_length(built_site, code, e.id))
    print_page.goto(f"{site_url}/{code}/{longest.id}/")
    assert _sheets(print_page) == 1, f"{code}/{longest.id}/ needs more than one A4 sheet"
    print_page.emulate_media(media="print")
    address = print_page.locator(".lo-share__link")
    assert address.is_visible() and f"{SITE_URL}/{code}/{longest.id}/" in address.inner_text()
    assert not print_page.locator(".lo-languages").is_visible()  # no screen-only chrome on paper
    assert not print_page.locator(".lo-share__whatsapp").is_visible()
