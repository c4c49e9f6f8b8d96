"""User-facing errors: every problem names a file, a line where known, what is
wrong and what to do. Stages collect problems and raise once, so an editor
fixes everything in one pass."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class LocalOfferError(Exception):
    """A problem the person running the command can fix. Never a traceback."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0))
        super().__init__("\n".join(str(p) for p in self.problems))


class ContentError(LocalOfferError):
    """content/ does not describe a valid offer."""


class CatalogError(LocalOfferError):
    """A translation catalog under locales/ cannot be read or is unsafe."""


class BuildError(LocalOfferError):
    """The site could not be built; site/ was left as it was."""
