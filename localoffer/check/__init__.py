"""Stage 5: the checker. Everything that can make the published offer wrong
or broken, in every language: content, catalogs and the built site.

Each check returns findings; `report.py` turns them into text, JSON or HTML.
Errors fail the run; incomplete or stale translations are warnings unless
--strict or the language's `min_translated` says otherwise."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int | None
    kind: str  # e.g. "placeholder", "broken-link", "stale"
    message: str
    severity: str = "error"  # "error" or "warning"
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{self.severity}: {where}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


@dataclass
class LanguageProgress:
    code: str
    status: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    stale: int = 0
    untranslated: int = 0
    obsolete: int = 0
    min_translated: int = 0
    to_do: list = field(default_factory=list)  # (kind, source location, English) for each missing or stale string

    @property
    def percent(self) -> float:
        return round(100 * self.translated / self.total, 1) if self.total else 100.0
