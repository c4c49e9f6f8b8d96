"""`make serve`: MkDocs' live preview on 127.0.0.1:8000. preview_hooks.py
re-renders the pages from content/ and locales/ before each rebuild;
mkdocs.yml's `watch` makes edits there trigger one."""
from __future__ import annotations

from pathlib import Path

from .pipeline import render


def serve(root: Path, address: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    offer = render(root)
    mkdocs_serve(str(root / "mkdocs.yml"), dev_addr=address, livereload=True, site_url=offer.council.site_url)
