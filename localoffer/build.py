"""Stage 4: build the rendered pages with MkDocs, atomically.

The site is built into a new folder beside site/ and swapped in only when
the whole build succeeded: a failed build leaves the previous site/ exactly
as it was. MkDocs warnings (strict mode) fail the build with their text."""
from __future__ import annotations

import logging
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from .errors import BuildError, Problem

CONFIG_FILE = "mkdocs.yml"


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@contextmanager
def _mkdocs_warnings():
    handler, logger = _Collect(), logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def mkdocs_config(root: Path, site_dir: Path, site_url: str):
    from mkdocs.config import load_config

    return load_config(str(root / CONFIG_FILE), site_dir=str(site_dir), site_url=site_url,
                       docs_dir=str(root / "docs"))


def build_with_mkdocs(root: Path, site_dir: Path, site_url: str) -> None:
    """Build into `site_dir` (made fresh); raise BuildError on any warning."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    previous = Path.cwd()
    os.chdir(root)  # hooks and theme paths in mkdocs.yml are relative to the project
    try:
        with _mkdocs_warnings() as warnings:
            try:
                build(mkdocs_config(root, site_dir, site_url))
            except (MkDocsException, OSError) as error:
                warnings.append(str(error))
        if warnings:
            raise BuildError([Problem(CONFIG_FILE, None, f"MkDocs: {w}", "see the message; site/ was not changed")
                              for w in warnings])
    finally:
        os.chdir(previous)


def publish(root: Path, site: Path, site_url: str) -> None:
    """Build next to `site`, then swap: readers never see half a site."""
    site = site if site.is_absolute() else root / site
    staging = site.with_name(site.name + ".new")
    retired = site.with_name(site.name + ".old")
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        build_with_mkdocs(root, staging, site_url)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if site.exists():
        site.rename(retired)
    staging.rename(site)
    shutil.rmtree(retired, ignore_errors=True)
