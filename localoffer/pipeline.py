"""The whole pipeline, stage by stage: load → translate → render → build.
The checker (check.py) reads what this makes."""
from __future__ import annotations

from pathlib import Path

from .build import publish
from .load import load_offer
from .model import Offer
from .render import render_site, write_pages
from .translate import Translator, compile_catalogs

DOCS_DIR = Path("docs")


def translators(root: Path, offer: Offer) -> dict[str, Translator]:
    codes = [language.code for language in offer.council.languages]
    compile_catalogs(root, [code for code in codes if code != "en"])
    return {code: Translator.load(root, code) for code in codes}


def render(root: Path) -> Offer:
    """Stages 1-3: validate content, compile catalogs, write docs/."""
    offer = load_offer(root)
    pages = render_site(offer, translators(root, offer))
    write_pages(root / DOCS_DIR, pages, [language.code for language in offer.council.languages])
    return offer


def build_site(root: Path, site: Path = Path("site")) -> Offer:
    """Stages 1-4. Any error leaves site/ as it was."""
    offer = render(root)
    publish(root, site, offer.council.site_url)
    return offer
