"""Mermaid fences without their picture in diagrams/: the build warns (so a strict build fails); check says so first.

The key and the fence are found by :mod:`coursekit.diagrams` itself, so the
check and the build cannot disagree. Data fields are rendered by
:mod:`coursekit.markup`, which has no Mermaid fences: diagrams live only in
pages, or in what a page's macros write into it (rendered Markdown).
"""

from __future__ import annotations

import logging

from ..diagrams import FOLDER, key, mermaid_fences, normalise
from ..errors import Problem
from .context import Context

log = logging.getLogger(__name__)


def check(ctx: Context) -> list[Problem]:
    """Each fence, as written or as written by a macro, whose ``diagrams/<key>.svg`` is missing."""
    folder = ctx.root / FOLDER
    out: set[Problem] = set()
    for src, page in ctx.pages.items():
        written: set[str] = set()
        for fence in mermaid_fences(page.doc):  # the page's one reading: file lines already
            source = fence.source()
            written.add(key(source))
            if not (folder / f"{key(source)}.svg").is_file():
                out.add(_problem(page.rel, fence.line, source, ""))
        for edition in ctx.editions:
            for source in (f.source() for f in mermaid_fences(ctx.rendered.get((edition, src), ""))):
                if key(source) not in written and not (folder / f"{key(source)}.svg").is_file():
                    out.add(_problem(page.rel, None, source, " (written by a macro on this page)"))
    return sorted(out)


def _problem(rel: str, line: int | None, source: str, where: str) -> Problem:
    first = normalise(source).lstrip().split("\n", 1)[0].strip()  # as the build names the diagram
    return Problem(rel, line, "diagram-not-drawn",
                   f'diagram "{first}"{where} has no pre-rendered picture in diagrams/; run `make diagrams` '
                   f"(and commit the new diagrams/*.svg)")
