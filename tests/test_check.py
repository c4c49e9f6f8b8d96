"""Stage 5: the checker finds every class of problem, naming the file,
the line and the message, and exits non-zero only for errors."""
from __future__ import annotations

import json
import re
import shutil

import pytest
from babel.messages.pofile import read_po, write_po

from localoffer.__main__ import main
from localoffer.check.catalogs import check_catalogs
from localoffer.check.run import CheckOptions, run_checks
from localoffer.check.site import check_site
from localoffer.load import load_offer
from localoffer.translate import po_path, update_catalogs

from .conftest import ROOT

COUNCIL_TAX = next(e for e in load_offer(ROOT).entitlements if e.id == "council-tax")
SUMMARY = (COUNCIL_TAX.summary.english, "council-tax.summary")
PO = "locales/so/LC_MESSAGES/messages.po"


def _set(project, code, english, context, translation, fuzzy=False) -> int:
    """Write one translation; return the catalog line of its msgid."""
    path = project / po_path(code)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    message = catalog.get(english, context=context)
    message.string = translation
    message.flags.discard("fuzzy")
    if fuzzy:
        message.flags.add("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)
    with path.open("rb") as handle:
        return read_po(handle, locale=code).get(english, context=context).lineno


def _blank(project, code):
    """Start `code` from an empty catalog, whatever the real one holds."""
    path = project / po_path(code)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    for message in catalog:
        if message.id:
            message.string = ("", "") if isinstance(message.id, (list, tuple)) else ""
            message.flags.discard("fuzzy")
            message.previous_id = []
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100)
    (project / po_path(code)).with_name("messages.sources.json").unlink(missing_ok=True)


def _catalog_findings(project):
    offer = load_offer(project)
    return check_catalogs(project, offer.council.languages)


@pytest.mark.parametrize("translation, kind, message", [
    ("Ma bixinaysid canshuurta ilaa {age}, gudaha {council}.", "placeholder",
     "placeholders differ (missing {age_limit}; unknown {age})"),
    ("Ma bixinaysid canshuurta, gudaha {council}.", "placeholder", "placeholders differ (missing {age_limit})"),
    ("Ma bixinaysid {age_limit} {council} {extra}.", "placeholder", "placeholders differ (unknown {extra})"),
    ("Ma bixinaysid <b>canshuurta</b> ilaa {age_limit}, {council}.", "markup", "HTML markup"),
    ("Ma bixinaysid **canshuurta ilaa {age_limit}, {council}.", "markup", "unbalanced **bold** markers"),
    ("Ma bixinaysid ilaa {age_limit}, {council}. Eeg https://evil.example.com", "url",
     "url 'https://evil.example.com' that the English does not have"),
    ("Ma bixinaysid ilaa {age_limit}, {council}. Qor help@evil.example.com", "email",
     "email 'help@evil.example.com' that the English does not have"),
    ("Ma bixinaysid ilaa 25 jir {age_limit}, {council}.", "number", "a number that the English does not have"),
    ("Ma bixinaysid ilaa ٢٥ jir {age_limit}, {council}.", "number", "a number that the English does not have"),
    ("Ma bixinaysid {age_limit} {council}<script>alert(1)</script>", "unsafe",
     "script, event handler or javascript: link"),
    ('Ma bixinaysid {age_limit} {council} <a onclick="x()">', "unsafe", "script, event handler or javascript: link"),
    ("Ma bixinaysid {age_limit} {council} javascript:alert()", "unsafe", "script, event handler or javascript: link"),
])
def test_each_integrity_problem_names_catalog_line_and_english(project, translation, kind, message):
    line = _set(project, "so", *SUMMARY, translation)
    _, findings = _catalog_findings(project)
    expected = f"error: {PO}:{line}: {message} in the translation of {SUMMARY[0]!r}"
    assert expected in [str(f).split(" — ")[0] for f in findings if f.kind == kind]


def test_completeness_counts_translated_fuzzy_and_untranslated(project):
    _blank(project, "so")
    _set(project, "so", *SUMMARY, "Ma bixinaysid canshuurta ilaa {age_limit}, gudaha {council}.")
    _set(project, "so", "Who to contact", None, "Cida la xiriirayo")
    _set(project, "so", "Good to know", None, "Waa in aad ogaataa", fuzzy=True)
    progress, _ = _catalog_findings(project)
    so = next(p for p in progress if p.code == "so")
    assert (so.translated, so.fuzzy, so.stale) == (2, 1, 0)
    assert so.untranslated == so.total - 3
    assert any(state == "fuzzy" and where.startswith("localoffer/templates/steps.html:") and english == "Good to know"
               for state, where, english in so.to_do)
    assert any(state == "untranslated" and where.startswith("content/entitlements/") for state, where, _ in so.to_do)


def test_a_translation_stays_stale_after_someone_clears_fuzzy_by_hand(project):
    _blank(project, "so")
    update_catalogs(project, ["so"])
    _set(project, "so", *SUMMARY, "Ma bixinaysid canshuurta ilaa {age_limit}, gudaha {council}.")
    update_catalogs(project, ["so"])  # records the English this translation was made from
    entitlement = project / "content" / "entitlements" / "council-tax.yml"
    entitlement.write_text(entitlement.read_text(encoding="utf-8").replace(
        "summary: You do not pay council tax until", "summary: You never pay council tax until"), encoding="utf-8")
    update_catalogs(project, ["so"])
    new_english = SUMMARY[0].replace("You do not pay", "You never pay")
    line = _set(project, "so", new_english, SUMMARY[1],  # fuzzy flag cleared by hand, text unchanged
                "Ma bixinaysid canshuurta ilaa {age_limit}, gudaha {council}.")
    progress, findings = _catalog_findings(project)
    so = next(p for p in progress if p.code == "so")
    assert so.stale == 1 and so.fuzzy == 0
    assert f"warning: {PO}:{line}: translation of {new_english!r} was made from older English" in \
           [str(f).split(" — ")[0] for f in findings]
    assert main(["--root", str(project), "catalogs", "--confirm", "so"]) == 0  # a reviewer: it is still right
    progress, _ = _catalog_findings(project)
    assert next(p for p in progress if p.code == "so").stale == 0


def _edit(project, relative, old, new):
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_interface_text_stays_stale_after_someone_clears_fuzzy_by_hand(project):
    """Template strings have no context: the record follows the previous English."""
    _blank(project, "so")
    _set(project, "so", "Good to know", None, "Waa in aad ogaataa")
    update_catalogs(project, ["so"])
    _edit(project, "localoffer/templates/steps.html", "Good to know", "Good to know too")
    update_catalogs(project, ["so"])
    line = _set(project, "so", "Good to know too", None, "Waa in aad ogaataa")  # fuzzy cleared, text unchanged
    progress, findings = _catalog_findings(project)
    so = next(p for p in progress if p.code == "so")
    assert (so.stale, so.fuzzy) == (1, 0)
    assert f"warning: {PO}:{line}: translation of 'Good to know too' was made from older English" in \
           [str(f).split(" — ")[0] for f in findings]


def test_the_checker_sees_edited_english_before_make_catalogs_runs(project):
    _blank(project, "so")
    _set(project, "so", *SUMMARY, "Ma bixinaysid canshuurta ilaa {age_limit}, gudaha {council}.")
    update_catalogs(project, ["so"])
    _edit(project, "content/entitlements/council-tax.yml", "summary: You do not pay", "summary: You never pay")
    progress, findings = _catalog_findings(project)
    so = next(p for p in progress if p.code == "so")
    assert (so.translated, so.fuzzy) == (0, 1)
    assert ("fuzzy", f"content/entitlements/council-tax.yml:{COUNCIL_TAX.summary.line}",
            SUMMARY[0].replace("You do not pay", "You never pay")) in so.to_do
    behind = sorted(str(f).split(" — ")[0] for f in findings if f.kind == "behind" and f.file in (PO, "locales/messages.pot"))
    assert behind == ["warning: locales/messages.pot: is behind the English in content/ and the templates",
                      f"warning: {PO}: is behind the English in content/ and the templates"]


def test_another_languages_plural_rule_in_the_header_is_an_error(project):
    path = project / po_path("fa")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Plural-Forms: nplurals=1; plural=0;\\n"',
                                 '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"'), encoding="utf-8")
    line = next(n for n, text in enumerate(text.splitlines(), 1) if text.startswith('"Plural-Forms:'))
    _, findings = _catalog_findings(project)
    assert f"error: locales/fa/LC_MESSAGES/messages.po:{line}: the header's Plural-Forms has 2 forms; fa has 1" in \
           [str(f).split(" — ")[0] for f in findings]


@pytest.fixture
def site_copy(built_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


def _break(site, page, old, new):
    path = site / page
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if new in line)


CODES = [lang.code for lang in load_offer(ROOT).council.languages]


@pytest.mark.parametrize("page, old, new, message", [
    ("fr/council-tax/index.html", 'href="../../fr/contacts/"', 'href="../../fr/contact/"',
     "link '../../fr/contact/' leads to a missing page (fr/contact/index.html)"),
    ("ar/index.html", 'href="../ar/council-tax/"', 'href="../ar/council-tax/#nowhere"',
     "link '../ar/council-tax/#nowhere': no #nowhere on ar/council-tax/index.html"),
    ("en/contacts/index.html", 'href="tel:+442073641140"', 'href="tel:020 7364 1140"',
     "phone link 'tel:020 7364 1140' is not E.164"),
    ("en/contacts/index.html", "mailto:leavingcare@towerhamlets.gov.uk", "mailto:leavingcare(at)towerhamlets",
     "email link 'mailto:leavingcare(at)towerhamlets' is not a valid address"),
    ("en/council-tax/index.html", 'href="https://www.legislation.gov.uk/ukpga/1992/14/section/13A"',
     'href="https://legislation"', "link 'https://legislation': must be a web address (got \"https://legislation\")"),
    ("ti/staying-put/index.html", 'href="../../bn/staying-put/" hreflang="bn"', 'href="../../bn/staying-close/" hreflang="bn"',
     "the bn link leads to bn/staying-close/index.html, not bn/staying-put/index.html"),
])
def test_each_site_problem_names_page_and_line(site_copy, page, old, new, message):
    line = _break(site_copy, page, old, new)
    findings, _ = check_site(site_copy, CODES, "https://localoffer.example.org/")
    assert f"error: site/{page}:{line}: {message}" in [str(f).split(" — ")[0] for f in findings]


def test_sitemap_alternates_lead_to_the_same_page_in_each_language(site_copy):
    line = _break(site_copy, "sitemap.xml", 'hreflang="pl" href="https://localoffer.example.org/pl/staying-put/"',
                  'hreflang="pl" href="https://localoffer.example.org/pl/staying-putt/"')
    findings, _ = check_site(site_copy, CODES, "https://localoffer.example.org/")
    assert (f"error: site/sitemap.xml:{line}: https://localoffer.example.org/pl/staying-putt/ is not a page of the site"
            in [str(f).split(" — ")[0] for f in findings])


def test_a_sitemap_entry_without_every_language_is_reported(site_copy):
    sitemap = site_copy / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    dropped = '<xhtml:link rel="alternate" hreflang="so" href="https://localoffer.example.org/so/contacts/"/>'
    sitemap.write_text(text.replace(dropped + "\n", "", 1), encoding="utf-8")
    line = next(n for n, row in enumerate(sitemap.read_text(encoding="utf-8").splitlines(), 1)
                if row == "<loc>https://localoffer.example.org/ar/contacts/</loc>")
    findings, _ = check_site(site_copy, CODES, "https://localoffer.example.org/")
    assert f"error: site/sitemap.xml:{line}: lists no alternate in so" in [str(f).split(" — ")[0] for f in findings]


def test_a_page_missing_in_one_language_is_reported(site_copy):
    shutil.rmtree(site_copy / "so" / "lifelong-links")
    findings, _ = check_site(site_copy, CODES, "https://localoffer.example.org/")
    assert "error: site/so/: so has no lifelong-links/index.html" in [str(f).split(" — ")[0] for f in findings]


def test_the_real_site_has_no_link_problems_and_lists_external_links(built_site):
    findings, external = check_site(built_site, CODES, "https://localoffer.example.org/")
    assert findings == []
    assert "https://www.legislation.gov.uk/ukpga/1989/41/section/23CZA" in external
    assert "en/staying-put/index.html" in external["https://www.legislation.gov.uk/ukpga/1989/41/section/23CZA"]
    assert not [url for url in external if "localoffer.example.org" in url or "wa.me" in url]


def _cli(project, *args):
    return main(["--root", str(project), "check", "--site", str(project / "site"), *args])


def test_exit_codes_warnings_pass_errors_and_strict_fail(project, built_site, capsys):
    shutil.copytree(built_site, project / "site")
    _blank(project, "so")
    assert _cli(project) == 0  # untranslated strings are warnings
    assert _cli(project, "--strict") == 1
    council = project / "content" / "council.yml"
    council.write_text(council.read_text(encoding="utf-8").replace(
        "{code: so, status: draft}", "{code: so, status: draft, min_translated: 90}"), encoding="utf-8")
    assert _cli(project) == 1
    out = capsys.readouterr().out
    assert "error: locales/so/LC_MESSAGES/messages.po: 0.0% translated (at least 90% required)" in out
    title = next(e for e in load_offer(project).entitlements if e.id == "council-tax").title
    assert f"  untranslated content/council.yml:" in out and "… and " in out  # the first few, then a count
    _cli(project, "--verbose")
    assert f"  untranslated content/entitlements/council-tax.yml:{title.line}: {title.english}" in capsys.readouterr().out


def test_reports_json_and_html(project, built_site, tmp_path):
    shutil.copytree(built_site, project / "site")
    _set(project, "so", *SUMMARY, "Ma bixinaysid {council}.")
    assert _cli(project, "--json", str(tmp_path / "report.json")) == 1
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["passed"] is False
    assert {"code", "total", "translated", "fuzzy", "stale", "untranslated", "obsolete", "percent", "to_do"} <= \
           set(data["languages"][0])
    assert any(f["kind"] == "placeholder" and f["file"] == PO for f in data["findings"])
    html = (project / "reports" / "check.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex,nofollow">' in html and "<progress" in html
    assert not (project / "site" / "reports").exists()  # beside the site, never inside it


def test_online_check_reports_broken_and_moved_sources_at_their_page(project, site_copy, tmp_path):
    """--online end to end: the site's external links, fetched from a local server."""
    from http.server import ThreadingHTTPServer
    from threading import Lock, Thread
    from collections import Counter
    from .test_check_online import Handler

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.counts, server.lock = Counter(), Lock()
    Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    moves = {"https://www.legislation.gov.uk/ukpga/1992/14/section/13A": f"{base}/missing",
             "https://www.legislation.gov.uk/ukpga/1989/41/section/23CZA": f"{base}/moved"}
    for page in site_copy.rglob("*.html"):  # every source now points at the local server
        text = page.read_text(encoding="utf-8")
        text = re.sub(r'href="(https://(?!localoffer\.example\.org)[^"]+)"',
                      lambda m: f'href="{moves.get(m.group(1), base + "/ok")}"', text)
        page.write_text(text, encoding="utf-8")
    try:
        report = run_checks(project, CheckOptions(site=site_copy, online=True, cache=tmp_path / "cache.json"))
    finally:
        server.shutdown()
        server.server_close()
    found = {(f.severity, f.file.split("/", 2)[2], f.message) for f in report.findings if f.kind.startswith("external-")}
    assert found == {("error", "council-tax/index.html", f"{base}/missing: 404 Not Found"),
                     ("warning", "staying-put/index.html", f"{base}/moved: moved permanently to {base}/ok")}
    assert report.online[f"{base}/ok"].state == "ok" and not report.passed
    assert json.loads((tmp_path / "cache.json").read_text())  # results kept for the next run


def test_invalid_content_is_an_error(project):
    entitlement = project / "content" / "entitlements" / "council-tax.yml"
    entitlement.write_text(entitlement.read_text(encoding="utf-8").replace("to: 25}", "to: x}"), encoding="utf-8")
    report = run_checks(project, CheckOptions(site=project / "nosite"))
    assert not report.passed
    assert report.errors[0].file == "content/entitlements/council-tax.yml"
