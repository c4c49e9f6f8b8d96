"""How long `make check` takes on the whole 15-language site, and how that
grows with pages. Run: .venv/bin/python benchmarks/check_time.py"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _synthetic import synthetic_project  # noqa: E402

from localoffer.check.run import CheckOptions, run_checks  # noqa: E402
from localoffer.pipeline import build_site  # noqa: E402


def main() -> int:
    print(f"{'pages':>6} {'links':>7} {'seconds':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (1, 2, 4):
            root = synthetic_project(Path(tmp) / f"c{copies}", copies)
            build_site(root)
            started = time.perf_counter()
            report = run_checks(root, CheckOptions(site=root / "site"))
            seconds = time.perf_counter() - started
            pages = sum(1 for _ in (root / "site").rglob("index.html"))
            links = sum(len(v) for v in report.external.values())
            print(f"{pages:>6} {links:>7} {seconds:>8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
