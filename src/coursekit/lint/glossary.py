"""Glossary rules: terms nothing links to, and variants of a term the course avoids.

``term-variant``: a page or record writes a variant a glossary entry lists under ``avoid``.
Unknown ids in ``term()`` calls are reported by the registry (``unknown-id``),
hand-written glossary links by :mod:`links` (``term-link``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from .. import kinds
from ..errors import Problem
from ..mdread import code_lines
from ..models import Term
from ..yamlio import line_of
from .context import Context

log = logging.getLogger(__name__)


def check(ctx: Context) -> list[Problem]:
    """Glossary entries that no page links with term() and no other entry names as related."""
    if ctx.reg is None:
        return []
    reg = ctx.reg
    glossary = kinds.GLOSSARY.name
    used = {id_ for (kind, id_) in reg.embeds if kind == glossary}
    used |= {other for term in reg.of(kinds.GLOSSARY).values() for other in term.related}
    problems = []
    for id_ in sorted(set(reg.records[glossary]) - used):
        rel, lines = reg.where[(glossary, id_)]
        problems.append(Problem(rel, line_of(lines, ("id",)), "term-unused",
                                f"no page links term '{id_}'; write {{{{ term(\"{id_}\") }}}} where it is "
                                f"first taught, or list it in another term's related"))
    return problems


def variants(ctx: Context) -> list[Problem]:
    """Variants a glossary entry lists under ``avoid``, wherever a page or data record writes them.

    One concept, one term (CONTRIBUTING 写作规范): 沉默用户 where the course says 沉默成员.
    Pages are read as written, outside code; data files line by line, except a glossary
    entry's own ``avoid:`` line.
    """
    if ctx.reg is None:
        return []
    wanted = {word: term for term in ctx.reg.of(kinds.GLOSSARY).values() for word in term.avoid}
    if not wanted:
        return []
    problems = []
    for page in ctx.pages.values():
        problems += _front_matter(ctx.root / page.rel, page.rel, page.body_line, wanted)  # 项目实训, objectives
        code = code_lines(page.body, page.body_line)
        for number, line in enumerate(page.body.split("\n"), page.body_line):
            if number not in code:
                problems += _found(page.rel, number, line, wanted)
    for path in sorted((ctx.root / "data").rglob("*.yml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the registry
        rel = path.relative_to(ctx.root).as_posix()
        for number, line in enumerate(text.split("\n"), 1):
            if not line.lstrip().startswith("avoid:"):
                problems += _found(rel, number, line, wanted)
    return problems


def _front_matter(path: Path, rel: str, body_line: int, wanted: dict[str, Term]) -> list[Problem]:
    """Variants in a page's front matter (the lines before its body), which pages show too."""
    try:
        head = path.read_text(encoding="utf-8").lstrip("\ufeff").split("\n")[:body_line - 1]
    except (OSError, UnicodeDecodeError):
        return []  # reported by the registry
    return [p for number, line in enumerate(head, 1) for p in _found(rel, number, line, wanted)]


def _found(rel: str, number: int, line: str, wanted: dict[str, Term]) -> list[Problem]:
    return [Problem(rel, number, "term-variant",
                    f"write '{term.term}' (glossary term '{term.id}'), not '{word}'")
            for word, term in wanted.items() if word in line]
