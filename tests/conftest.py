"""Shared fixtures: a copy of the real project to break safely, and one
real build of the whole site per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("content", "locales", "overrides", "docs/assets", "mkdocs.yml", "babel.cfg", "localoffer")


def copy_project(target: Path) -> Path:
    """The project's sources (not its build outputs) in `target`."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns(
                "__pycache__", "*.mo", "languages"))
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    return target


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project built once: site/ in a temporary copy."""
    from localoffer.pipeline import build_site

    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    build_site(root)
    return root / "site"


@pytest.fixture(scope="session")
def site_url(built_site):
    from .browser import serve_folder

    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser(built_site):
    from .browser import CHROMIUM, chromium

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with chromium() as context:
        yield context


ARTIFACTS = ROOT / "tests" / ".artifacts"
