"""Front matter of pages outside ``docs/modules/`` (task and project pages have schemas).

Only keys mkdocs, material or the macros plugin understand are allowed, so a
typo such as ``titel:`` is reported instead of silently ignored.
"""

from __future__ import annotations

import difflib
import logging

from ..errors import Problem
from ..yamlio import line_of
from .context import Context, problem

log = logging.getLogger(__name__)

PAGE_KEYS = ("title", "description", "hide", "render_macros", "search", "status", "template", "icon", "subtitle")


def check(ctx: Context) -> list[Problem]:
    """Unknown front matter keys on pages that have no schema."""
    problems = []
    for src, page in ctx.pages.items():
        if src.startswith("modules/") and src.count("/") == 2:
            continue  # validated against the Lesson / ProjectPage schema by the registry
        for key in page.meta:
            if key in PAGE_KEYS:
                continue
            close = difflib.get_close_matches(str(key), PAGE_KEYS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(problem(page, line_of(page.lines, (key,)), "page-meta",
                                    f"unknown front matter key '{key}'; {hint}allowed: {', '.join(PAGE_KEYS)}"))
    return problems
