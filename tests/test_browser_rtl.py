"""Right-to-left in a real browser: Arabic-script pages mirror, numbers and
phone numbers stay left-to-right, and no request leaves the site."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from .conftest import ARTIFACTS


def _facts_box_edges(page):
    return page.eval_on_selector(".lo-facts", """box => {
        const style = getComputedStyle(box);
        return {left: parseFloat(style.borderLeftWidth), right: parseFloat(style.borderRightWidth),
                direction: style.direction};
    }""")


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
    page.close()


def test_phone_numbers_stay_left_to_right_in_rtl_text(browser, site_url):
    page = browser.new_page()
    page.goto(f"{site_url}/ar/contacts/")
    directions = page.eval_on_selector_all("a.lo-tel", "links => links.map(a => getComputedStyle(a).direction)")
    assert directions and set(directions) == {"ltr"}
    page.close()


@pytest.mark.parametrize("path", ["", "en/", "ar/", "ti/council-tax/", "fa/contacts/", "bn/whole-offer/"])
def test_no_request_leaves_the_site(browser, site_url, path):
    page = browser.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    own = urlparse(site_url).netloc
    assert [u for u in requested if urlparse(u).netloc != own and not u.startswith("data:")] == []
    assert not [u for u in requested if u.endswith("sitemap.xml")]
    page.close()
