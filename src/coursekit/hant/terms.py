"""The reviewed term table, ``data/hant-terms.yml``: words OpenCC's Taiwan phrasing gets wrong here.

Each entry names the Simplified word, the Traditional form the course uses and
why (a reviewer must be able to judge the choice). Bad entries are reported
like any content problem: file, line, field and what to do.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CourseError, Problem
from ..yamlio import YamlError, line_of, read_yaml

log = logging.getLogger(__name__)

TERMS_FILE = "data/hant-terms.yml"
FIELDS = ("simplified", "traditional", "why")


@dataclass(frozen=True)
class Term:
    """One reviewed conversion: ``simplified`` is always written as ``traditional``."""

    simplified: str
    traditional: str
    why: str
    line: int | None = None


def load_terms(root: Path) -> tuple[Term, ...]:
    """The term table of the course at ``root`` (none if the file does not exist); CourseError if malformed."""
    path = root / TERMS_FILE
    if not path.exists():
        return ()
    try:
        data, lines = read_yaml(path, TERMS_FILE)
    except YamlError as exc:
        raise CourseError(exc.problems) from None
    problems: list[Problem] = []
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise CourseError([Problem(TERMS_FILE, 1, "hant-terms",
                                   "expected a list under `terms:`, each item {simplified, traditional, why}")])
    terms: list[Term] = []
    seen: dict[str, int | None] = {}
    for i, item in enumerate(entries):
        line = line_of(lines, ("terms", i))
        term = _term(item, line, problems)
        if term is None:
            continue
        if term.simplified in seen:
            problems.append(Problem(TERMS_FILE, line, "hant-terms",
                                    f"`{term.simplified}` is listed twice (first on line {seen[term.simplified]}); "
                                    "keep one entry"))
            continue
        seen[term.simplified] = line
        terms.append(term)
    if problems:
        raise CourseError(problems)
    return tuple(terms)


def _term(item: Any, line: int | None, problems: list[Problem]) -> Term | None:
    """One entry, or None after noting what is wrong with it."""
    if not isinstance(item, dict):
        problems.append(Problem(TERMS_FILE, line, "hant-terms", "each item must be {simplified, traditional, why}"))
        return None
    unknown = sorted(set(item) - set(FIELDS))
    missing = [f for f in FIELDS if not isinstance(item.get(f), str) or not item[f].strip()]
    if unknown:
        problems.append(Problem(TERMS_FILE, line, "hant-terms",
                                f"unknown field(s) {', '.join(unknown)}; use {', '.join(FIELDS)}"))
    if missing:
        problems.append(Problem(TERMS_FILE, line, "hant-terms",
                                f"field(s) {', '.join(missing)} missing or empty: write the Simplified word, "
                                "its Traditional form and why OpenCC's conversion is wrong for it"))
    if unknown or missing:
        return None
    return Term(item["simplified"].strip(), item["traditional"].strip(), " ".join(item["why"].split()), line)
