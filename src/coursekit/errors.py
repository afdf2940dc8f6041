"""Problems found in course content, and how they are reported.

Validation collects every problem instead of stopping at the first one; a
:class:`CourseError` carries them all to the command line or to mkdocs.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file: where it is, which rule it breaks, what to do."""

    path: str
    line: int | None
    rule: str
    message: str
    severity: str = "error"  # or "warning" (lint rules set in coursekit.toml)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        level = "warning: " if self.severity == "warning" else ""
        return f"{where} [{self.rule}] {level}{self.message}"

    def annotation(self) -> str:
        """Format the problem as a GitHub Actions annotation (``::error`` or ``::warning``)."""
        line = f",line={self.line}" if self.line else ""
        return f"::{self.severity} file={self.path}{line}::[{self.rule}] {self.message}"


class CourseError(Exception):
    """Raised when content has problems; ``str()`` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.rule, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line, followed by a count."""
        lines = [str(p) for p in self.problems]
        lines.append(f"{len(self.problems)} problem(s) found; fix them and run `coursekit check` again.")
        return "\n".join(lines)


def format_problems(problems: list[Problem]) -> str:
    """Format problems for a terminal, adding CI annotations when ``CI`` is set."""
    out = [str(p) for p in problems]
    if os.environ.get("CI"):
        out += [p.annotation() for p in problems]
    return "\n".join(out)
