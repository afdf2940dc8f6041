"""Glossary rules: terms a page links by hand, and terms nothing links to.

Unknown ids in ``term()`` calls are reported by the registry (``unknown-id``),
hand-written glossary links by :mod:`links` (``term-link``).
"""

from __future__ import annotations

import logging

from .. import kinds
from ..errors import Problem
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
