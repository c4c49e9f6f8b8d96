"""Reading age of every English entitlement (Flesch-Kincaid grade + 5),
flagging any above 9 years, the GOV.UK standard for plain English.

Syllables come from pyphen's hyphenation dictionary (no downloads); facts are
filled in as a reader sees them. Prints a table; exits 0 (a benchmark, not a
test). Run: .venv/bin/python benchmarks/reading_age.py"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pyphen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from localoffer.load import load_offer  # noqa: E402
from localoffer.localize import Formatter  # noqa: E402
from localoffer.schema import PLACEHOLDER  # noqa: E402

LIMIT = 9
DICTIONARY = pyphen.Pyphen(lang="en_GB")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")


def syllables(word: str) -> int:
    if word[0].isdigit():
        return 2  # a figure is read as a short number
    return max(1, len(DICTIONARY.positions(word.lower())) + 1)


def reading_age(sentences: list[str]) -> float:
    words = [w for s in sentences for w in WORD.findall(s)]
    if not words:
        return 0.0
    grade = 0.39 * len(words) / len(sentences) + 11.8 * sum(map(syllables, words)) / len(words) - 15.59
    return round(grade + 5, 1)


def sentences_of(entitlement, council: str) -> list[str]:
    english = Formatter("en")
    values = {"council": council}
    for fact in entitlement.facts:
        values[fact.name] = {"money": lambda v: english.money(v), "date": lambda v: english.date(v)}.get(
            fact.type, lambda v: str(v))(fact.value)
        if fact.type == "duration":
            values[fact.name] = f"{fact.value} {fact.unit}"
    texts = [entitlement.summary, entitlement.offer, *entitlement.steps, *entitlement.good_to_know]
    filled = [PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), t.english) for t in texts]
    return [s.strip() for t in filled for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]


def main() -> int:
    offer = load_offer(ROOT)
    council = offer.council.short_name.english
    rows = [(e.id, reading_age(sentences_of(e, council))) for e in offer.entitlements]
    print(f"{'entitlement':28} reading age")
    for name, age in sorted(rows, key=lambda r: -r[1]):
        print(f"{name:28} {age:5.1f}{'  ABOVE ' + str(LIMIT) if age > LIMIT else ''}")
    above = [name for name, age in rows if age > LIMIT]
    print(f"{len(above)} of {len(rows)} above reading age {LIMIT}; "
          f"median {sorted(a for _, a in rows)[len(rows) // 2]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
