"""Right-to-left in a real browser: Arabic-script pages mirror, numbers and
phone numbers stay left-to-right, and no request leaves the site."""
from __future__ import annotations

import base64
from urllib.parse import urlparse

import pytest

from localoffer.load import load_offer
from localoffer.render import PAGES

from .conftest import ARTIFACTS, ROOT

OFFER = load_offer(ROOT)
CODES = [lang.code for lang in OFFER.council.languages]


def _facts_box_edges(page):
    return page.eval_on_selector(".lo-facts", """box => {
        const style = getComputedStyle(box);
        return {left: parseFloat(style.borderLeftWidth), right: parseFloat(style.borderRightWidth),
                direction: style.direction};
    }""")


def _rule_in_screenshot(page) -> dict:
    """Where the facts box's coloured rule is, read from the pixels of a
    screenshot rather than from CSS: the share of dark pixels in the box's
    first and last pixel columns."""
    png = base64.b64encode(page.locator(".lo-facts").screenshot()).decode()
    return page.evaluate("""async data => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + data;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width; canvas.height = img.height;
        const g = canvas.getContext('2d');
        g.drawImage(img, 0, 0);
        const dark = x => {
            const d = g.getImageData(x, 0, 1, img.height).data;
            let n = 0;
            for (let i = 0; i < d.length; i += 4) n += (d[i] + d[i + 1] + d[i + 2]) < 300;
            return n / img.height;
        };
        return {left: dark(1), right: dark(img.width - 2)};
    }""", png)


def _heading_offsets(page):
    return page.eval_on_selector("h1", """h => {
        const text = document.createRange(); text.selectNodeContents(h);
        const r = text.getBoundingClientRect(), box = h.getBoundingClientRect();
        return {fromLeft: r.left - box.left, fromRight: box.right - r.right};
    }""")


@pytest.mark.parametrize("code", ["ar", "ckb", "fa", "ps", "ur"])
def test_rtl_page_mirrors_the_layout(browser, site_url, code):
    page = browser.new_page()
    page.goto(f"{site_url}/{code}/council-tax/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    edges = _facts_box_edges(page)
    assert edges["direction"] == "rtl"
    assert edges["right"] > 0 and edges["left"] == 0  # the box's rule sits on the reading side
    heading = _heading_offsets(page)
    assert heading["fromRight"] < heading["fromLeft"]  # text starts at the right
    pixels = _rule_in_screenshot(page)
    assert pixels["right"] > 0.9 and pixels["left"] < 0.1  # what a reader sees: the rule on the right
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"rtl-{code}.png"), full_page=False)
    page.close()


def test_ltr_page_keeps_the_layout(browser, site_url):
    page = browser.new_page()
    page.goto(f"{site_url}/en/council-tax/")
    edges = _facts_box_edges(page)
    assert edges["left"] > 0 and edges["right"] == 0
    heading = _heading_offsets(page)
    assert heading["fromLeft"] < heading["fromRight"]
    pixels = _rule_in_screenshot(page)
    assert pixels["left"] > 0.9 and pixels["right"] < 0.1
    page.close()


def test_phone_numbers_stay_left_to_right_in_rtl_text(browser, site_url):
    page = browser.new_page()
    page.goto(f"{site_url}/ar/contacts/")
    directions = page.eval_on_selector_all("a.lo-tel", "links => links.map(a => getComputedStyle(a).direction)")
    assert directions and set(directions) == {"ltr"}
    page.close()


def _page_types(code: str) -> list[str]:
    """Every kind of page in one language: home, an entitlement, and the rest."""
    return [f"{code}/" if p == "index" else f"{code}/{p}/" for p in PAGES] + [f"{code}/{OFFER.entitlements[0].id}/"]


@pytest.mark.parametrize("code", CODES)
def test_no_request_leaves_the_site(browser, site_url, code):
    """Every page type in every language, its scripts and search run: nothing
    is fetched from another host, and nothing is fetched that is missing."""
    page = browser.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: requested.append(f"{response.status} {response.url}"))
    own = urlparse(site_url).netloc
    for path in ["", *_page_types(code)]:
        page.goto(f"{site_url}/{path}", wait_until="networkidle")
    page.close()
    assert [u for u in requested if " " not in u and urlparse(u).netloc != own and not u.startswith("data:")] == []
    assert [u for u in requested if u.startswith(("4", "5"))] == []  # e.g. Material's sitemap.xml lookups
