"""Stage 1: the loader accepts the real content and rejects bad input with
the file, the line, what is wrong and what to do."""
from __future__ import annotations

from pathlib import Path

import pytest

from localoffer.errors import ContentError
from localoffer.load import load_offer

from .conftest import ROOT

BAD = sorted((Path(__file__).parent / "fixtures" / "bad-entitlements").glob("*.yml"))


def test_real_content_loads_with_every_category_covered():
    offer = load_offer(ROOT)
    assert len(offer.entitlements) >= 18
    categories = {c.id for c in offer.council.categories}
    assert {e.category for e in offer.entitlements} == categories
    assert [lang.code for lang in offer.council.languages][:1] == ["en"]
    assert len(offer.council.languages) == 15


def test_every_national_entitlement_cites_an_official_source():
    for entitlement in load_offer(ROOT).entitlements:
        assert entitlement.source.url.startswith("https://") or entitlement.source.url.startswith("http://")
        assert entitlement.source.checked.year >= 2026


@pytest.mark.parametrize("fixture", BAD, ids=[p.stem for p in BAD])
def test_bad_entitlement_is_reported_at_its_file_and_line(project, fixture):
    expected = fixture.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    (project / "content" / "entitlements" / fixture.name).write_text(
        fixture.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_offer(project)
    messages = [str(p) for p in raised.value.problems]
    assert expected in messages
    assert all(m.startswith(f"content/entitlements/{fixture.name}:") for m in messages)


def test_all_problems_in_all_files_are_reported_in_one_run(project):
    for fixture in BAD:
        (project / "content" / "entitlements" / fixture.name).write_text(
            fixture.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_offer(project)
    files = {p.file for p in raised.value.problems}
    assert files == {f"content/entitlements/{f.name}" for f in BAD}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old, new, expected", [
    ('phone: "020 7364 1140"', 'phone: "020 7364 114"',
     'contacts[leaving-care].phone must be a UK phone number (got "020 7364 114")'),
    ("  - {code: ti, status: draft}", "  - {code: xx, status: draft}", "language 'xx' is not known to Babel"),
    ("  - {code: pl, status: draft}", "  - {code: pl, status: drafted}",
     'languages #8.status must be one of reviewed, draft (got "drafted")'),
    ("website: https://www.towerhamlets.gov.uk", "website: towerhamlets",
     'website must be a web address (got "towerhamlets")'),
    ("  email: localoffer.translations@example.org", "  email: translations.example.org",
     'report_mistake.email must be an email address (got "translations.example.org")'),
])
def test_bad_council_file_is_reported_at_its_line(project, old, new, expected):
    council = project / "content" / "council.yml"
    line = next(n for n, text in enumerate(council.read_text(encoding="utf-8").splitlines(), 1) if old in text)
    _edit(council, old, new)
    with pytest.raises(ContentError) as raised:
        load_offer(project)
    prefix = f"content/council.yml:{line}: {expected}"
    assert any(str(p).startswith(prefix) for p in raised.value.problems), raised.value.problems


def test_two_files_with_the_same_id_are_both_named(project):
    folder = project / "content" / "entitlements"
    (folder / "copy.yml").write_text((folder / "council-tax.yml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_offer(project)
    assert "content/entitlements/council-tax.yml:2: id 'council-tax' is already used by content/entitlements/copy.yml" \
           " — ids must be unique" in [str(p) for p in raised.value.problems]


def test_command_line_prints_problems_without_a_traceback(project, capsys):
    from localoffer.__main__ import main

    _edit(project / "content" / "entitlements" / "council-tax.yml", "ages: {from: 18, to: 25}", "ages: {from: 18, to: x}")
    assert main(["--root", str(project), "check"]) == 1
    assert main(["--root", str(project), "site"]) == 1
    captured = capsys.readouterr()
    printed = captured.out + captured.err
    assert printed.count("error: content/entitlements/council-tax.yml:8: ages.to must be a whole number") == 2
    assert "nothing was published" in captured.err
    assert "Traceback" not in printed
