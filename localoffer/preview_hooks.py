"""MkDocs hook for `make serve`: re-render docs/ from content/ and locales/
before every rebuild of the live preview. Only changed pages are written,
so a rebuild does not trigger another. A content mistake is logged and the
last good pages stay up."""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.localoffer")
_command = {"name": None}


def on_startup(command, dirty):
    _command["name"] = command


def on_pre_build(config):
    if _command["name"] != "serve":
        return  # `make site` renders before it builds
    from localoffer.errors import LocalOfferError
    from localoffer.pipeline import render

    try:
        render(Path(config.config_file_path).parent)
    except LocalOfferError as error:
        for problem in error.problems:
            log.error(str(problem))
