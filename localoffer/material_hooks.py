"""MkDocs hooks: the only code that knows the theme is Material for MkDocs.

Pages say their language in front matter (`lang`, `dir`); these hooks make
the theme follow it, page by page, and give each language its own search
index. Swapping the theme means swapping this file and overrides/."""
from __future__ import annotations

import json
import re
from pathlib import Path

HTML_TAG = re.compile(r"<html\b[^>]*>")
THEME_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
# Languages whose lunr support Material ships (for their word characters);
# the others are searched with our separators and the plain pipeline.
LUNR_LANGUAGES = {"ar", "es", "fr", "pt", "vi"}
# Word separators: whitespace, hyphens and the punctuation of Arabic-script, Bengali and Ethiopic text.
SEPARATOR = r"[\s\-,:!=\[\]()\"/\u060c\u061b\u061f\u06d4\u0964\u0965\u1361-\u1368]+"


def N_(message: str) -> str:
    """Marks a string for extraction into the catalog; translated later."""
    return message


# Material's interface strings that our pages show, keyed as Material keys
# them. For languages Material has no file for, these come from our catalogs.
THEME_STRINGS = {
    "action.skip": N_("Skip to content"),
    "clipboard.copy": N_("Copy to clipboard"),
    "clipboard.copied": N_("Copied to clipboard"),
    "header": N_("Header"),
    "search": N_("Search"),
    "search.placeholder": N_("Search"),
    "search.reset": N_("Clear"),
    "search.share": N_("Share"),
    "search.result.initializer": N_("Getting search ready"),
    "search.result.placeholder": N_("Type to start searching"),
    "search.result.none": N_("Nothing found"),
    "search.result.one": N_("1 page found"),
    "search.result.other": N_("# pages found"),
    "search.result.more.one": N_("1 more on this page"),
    "search.result.more.other": N_("# more on this page"),
    "search.result.term.missing": N_("Missing"),
    "top": N_("Back to top"),
}


def on_config(config):
    write_missing_languages(Path(config.docs_dir), Path(config.theme.custom_dir or "overrides"))
    return config


def write_missing_languages(docs: Path, overrides: Path) -> None:
    """Material has no interface strings for some languages (ckb, ps, so, ti):
    write them from our catalogs, so translators translate them once."""
    from material import templates  # the installed theme's own language files

    from localoffer.localize import text_direction
    from localoffer.translate import Translator

    shipped = Path(templates.__file__).parent / "partials" / "languages"
    root = docs.parent
    for folder in sorted(p for p in docs.iterdir() if p.is_dir() and (p / "index.md").exists()):
        code = folder.name
        if (shipped / f"{code}.html").exists():
            continue
        translator = Translator.load(root, code)
        strings = {"language": code, "direction": text_direction(code)}
        for key, english in THEME_STRINGS.items():
            text, translated = translator.text(english)
            if translated:
                strings[key] = text
        target = overrides / "partials" / "languages" / f"{code}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        body = ("{#- Generated from locales/" + code + " by localoffer/material_hooks.py: do not edit. -#}\n"
                "{% macro t(key) %}{{ " + json.dumps(strings, ensure_ascii=False) + "[key] }}{% endmacro %}\n")
        if not target.exists() or target.read_text(encoding="utf-8") != body:
            target.write_text(body, encoding="utf-8")


# Pages whose text repeats others: searching them would bury the page you want.
NOT_SEARCHED = {"whole-offer", "root"}


def on_page_markdown(markdown, page, config, files):
    if (page.meta or {}).get("page_id") in NOT_SEARCHED:
        page.meta["search"] = {"exclude": True}
    return markdown


def on_page_content(html, page, config, files):
    """Page chrome (language list, notices, links) is marked `data-lo-chrome`
    by the renderer; Material's search leaves out `data-search-exclude`."""
    return html.replace(" data-lo-chrome", " data-lo-chrome data-search-exclude")


def on_page_context(context, page, config, nav):
    """The header's title and home link are the page's language's."""
    meta = page.meta or {}
    if meta.get("site_name"):
        config.site_name = meta["site_name"]
    config.extra["homepage"] = f"{meta['lang']}/" if meta.get("page_id") != "root" and meta.get("lang") else ""
    return context


def on_post_page(output, page, config):
    meta = page.meta or {}
    lang, direction = meta.get("lang"), meta.get("dir", "ltr")
    if not lang:
        return output
    # Material sets `dir` on <body> only; assistive tech and CSS read it from <html>.
    output = HTML_TAG.sub(f'<html lang="{lang}" dir="{direction}" class="no-js">', output, count=1)
    if meta.get("page_id") != "root":
        output = THEME_CONFIG.sub(lambda m: m.group(1) + _language_base(m.group(2), lang) + m.group(3), output, count=1)
    return output


def _language_base(theme_config: str, lang: str) -> str:
    """Point the search at this language's own index, /<lang>/search/."""
    data = json.loads(theme_config)
    data["base"] = f"{data['base'].rstrip('/')}/{lang}/"
    return json.dumps(data, ensure_ascii=False)


def on_post_build(config):
    split_search_index(Path(config.site_dir))


def split_search_index(site: Path) -> None:
    """One small index per language instead of one for all 15: a reader
    downloads only their language, stemmed where lunr can."""
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    by_language: dict[str, list] = {}
    root_docs = []
    for doc in index["docs"]:
        lang, _, rest = doc["location"].partition("/")
        if rest or doc["location"].endswith("/"):
            by_language.setdefault(lang, []).append({**doc, "location": rest})
        else:
            root_docs.append(doc)
    for lang, docs in by_language.items():
        config = {**index["config"], "lang": [lang if lang in LUNR_LANGUAGES else "en"], "separator": SEPARATOR}
        if lang in LUNR_LANGUAGES:
            # The language's own word characters (its trimmer), but neither
            # stemming nor stop words: Material searches each typed word as
            # a prefix, which lunr matches without its pipeline. A stemmed
            # index missed whole words ("ajuda*" against "ajud"), and one
            # without stop words let "se" in a Portuguese title find
            # "semanal" on another page instead of the title's own "se".
            config["pipeline"] = ["trimmer"]
        elif lang != "en":
            config["pipeline"] = []  # no English stemming or stop words on other languages
        target = site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
    index_path.write_text(json.dumps({"config": index["config"], "docs": root_docs}, separators=(",", ":")),
                          encoding="utf-8")
