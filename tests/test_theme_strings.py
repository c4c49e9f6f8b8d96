"""Material's interface strings for languages it lacks come from our catalogs."""
from __future__ import annotations

from babel.messages.pofile import read_po, write_po

from localoffer.material_hooks import write_missing_languages
from localoffer.pipeline import render
from localoffer.translate import compile_catalogs, po_path


def test_missing_material_languages_are_written_from_the_catalogs(project):
    path = project / po_path("so")
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="so")
    catalog["Skip to content"].string = "U gudub qoraalka"
    catalog["Skip to content"].flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog)
    compile_catalogs(project, ["so"])
    render(project)
    write_missing_languages(project / "docs", project / "overrides")
    written = {p.stem: p.read_text(encoding="utf-8") for p in (project / "overrides/partials/languages").glob("*.html")}
    assert set(written) == {"ckb", "ps", "so", "ti"}  # Material ships the other ten
    assert '"language": "ckb"' in written["ckb"] and '"direction": "rtl"' in written["ckb"]
    assert '"action.skip": "U gudub qoraalka"' in written["so"]
    assert '"direction": "ltr"' in written["ti"]


def test_built_pages_use_the_page_language_for_theme_strings(built_site):
    page = (built_site / "ps" / "council-tax" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ps" dir="rtl"' in page
    assert 'dir="rtl"' in page.split("<body", 1)[1][:40]
