"""How long the whole site takes to build, and how that grows with pages and
languages. Prints one line per build: languages, pages, seconds.
Run: .venv/bin/python benchmarks/build_time.py"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synthetic import synthetic_project  # noqa: E402

from localoffer.pipeline import build_site  # noqa: E402


def main() -> int:
    print(f"{'languages':>9} {'pages':>6} {'seconds':>8} {'ms/page':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for copies, languages in ((1, 5), (1, 10), (1, 15), (2, 15), (4, 15)):
            root = synthetic_project(Path(tmp) / f"p{copies}-{languages}", copies, languages)
            started = time.perf_counter()
            build_site(root)
            seconds = time.perf_counter() - started
            pages = sum(1 for _ in (root / "site").rglob("index.html"))
            print(f"{languages:>9} {pages:>6} {seconds:>8.1f} {1000 * seconds / pages:>8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
