"""What a first visit costs a young person on pay-as-you-go data: every byte
the browser fetches for one entitlement page with a cold cache, raw and
gzip-compressed, per language; then what a second page in the same language
adds. Uses the built site/ and Debian's chromium.
Run: make site && .venv/bin/python benchmarks/page_weight.py"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from localoffer.load import load_offer  # noqa: E402
from tests.browser import chromium, serve_folder  # noqa: E402


VERBOSE = "-v" in sys.argv


def visit(context, site, url: str) -> tuple[int, int, int]:
    """(requests, raw bytes, gzip bytes) the server really sent for one view:
    a 200 is a download, a 304 or a cache hit costs (almost) nothing."""
    start = len(site.served)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.close()
    sizes = []
    for status, path in site.served[start:]:
        if status != 200:
            continue
        file = ROOT / "site" / path.split("?")[0].lstrip("/")
        body = (file / "index.html" if file.is_dir() else file).read_bytes()
        sizes.append((len(body), len(gzip.compress(body, 9))))
        if VERBOSE:
            print(f"      {sizes[-1][0] / 1024:7.1f} {sizes[-1][1] / 1024:6.1f}  {path}")
    return len(sizes), sum(s[0] for s in sizes), sum(s[1] for s in sizes)


def main() -> int:
    offer = load_offer(ROOT)
    first, second = offer.entitlements[0].id, offer.entitlements[1].id
    print(f"{'lang':5} {'first view: requests':>21} {'raw KB':>7} {'gzip KB':>8} | {'second page: raw KB':>20} {'gzip KB':>8}")
    with serve_folder(ROOT / "site", cache_seconds=3600) as base:
        for language in offer.council.languages:
            with chromium() as context:  # a fresh profile: a cold cache
                n, raw, packed = visit(context, base, f"{base}/{language.code}/{first}/")
                _, raw2, packed2 = visit(context, base, f"{base}/{language.code}/{second}/")
            print(f"{language.code:5} {n:>21} {raw / 1024:>7.1f} {packed / 1024:>8.1f} | "
                  f"{raw2 / 1024:>20.1f} {packed2 / 1024:>8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
