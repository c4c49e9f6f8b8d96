"""Make a copy of the project with more pages or fewer languages, for the
benchmarks: each entitlement copied `copies` times under new ids."""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import copy_project  # noqa: E402


def synthetic_project(target: Path, copies: int = 1, languages: int | None = None) -> Path:
    if target.exists():
        shutil.rmtree(target)
    root = copy_project(target)
    folder = root / "content" / "entitlements"
    for path in sorted(folder.glob("*.yml")):
        for n in range(2, copies + 1):
            text = re.sub(r"^id: (.+)$", rf"id: \1-copy{n}", path.read_text(encoding="utf-8"), count=1, flags=re.M)
            (folder / f"{path.stem}-copy{n}.yml").write_text(text, encoding="utf-8")
    if languages:
        council = root / "content" / "council.yml"
        lines = council.read_text(encoding="utf-8").splitlines()
        kept, seen = [], 0
        for line in lines:
            if line.startswith("  - {code: "):
                seen += 1
                if seen > languages:
                    continue
            kept.append(line)
        council.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return root
