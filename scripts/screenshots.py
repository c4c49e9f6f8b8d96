"""Phone-sized screenshots of the real build for the README: the home page
and one entitlement in English, Arabic and Tigrinya.
Run: make screenshots (builds the site first)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, serve_folder  # noqa: E402

OUT = ROOT / "docs" / "readme"
SHOTS = [(code, path, name) for code in ("en", "ar", "ti")
         for path, name in (("", "home"), ("setting-up-home/", "entitlement"))]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with serve_folder(ROOT / "site") as base, chromium() as context:
        page = context.new_page()
        page.set_viewport_size({"width": 360, "height": 780})  # a small Android phone
        for code, path, name in SHOTS:
            page.goto(f"{base}/{code}/{path}", wait_until="networkidle")
            target = OUT / f"{name}-{code}.png"
            page.screenshot(path=str(target))
            print(f"{target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
