"""`make serve`: the live preview picks up an edit to content/ or to a
translation catalog without a restart."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

from localoffer.catalogfile import po_bytes, read_catalog
from localoffer.translate import po_path

from .conftest import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if text in response.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def _only_languages(project, codes: set[str]) -> None:
    """Fewer languages: the preview's behaviour is the same, each rebuild faster."""
    council = project / "content" / "council.yml"
    lines = council.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("  - {code: ") or line.split()[2].rstrip(",") in codes]
    council.write_text("\n".join(kept) + "\n", encoding="utf-8")


def test_preview_rebuilds_when_content_changes(project):
    _only_languages(project, {"en", "pl"})
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "localoffer", "--root", str(project), "serve",
                               "--address", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/en/council-tax/"
        assert _wait_for(url, 'class="lo-summary"', 90)
        entitlement = project / "content" / "entitlements" / "council-tax.yml"
        text = entitlement.read_text(encoding="utf-8")
        edited = re.sub(r"^summary: .*$", "summary: Edited while the preview runs.", text, count=1, flags=re.M)
        entitlement.write_text(edited, encoding="utf-8")
        assert _wait_for(url, "Edited while the preview runs.", 90)

        catalog_path = project / po_path("pl")  # a translator's edit shows too
        catalog = read_catalog(catalog_path, "pl")
        catalog.get("Who to contact").string = "Kontakt (edytowane w podglądzie)"
        catalog_path.write_bytes(po_bytes(catalog))
        assert _wait_for(f"http://127.0.0.1:{port}/pl/contacts/", "Kontakt (edytowane w podglądzie)", 90)
    finally:
        server.terminate()
        server.wait(timeout=10)
