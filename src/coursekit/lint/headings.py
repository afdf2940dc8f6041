"""Heading rules: one H1 first, no skipped levels, explicit well-formed unique ids, titles that match."""

from __future__ import annotations

import logging
import re
from collections import Counter

from ..errors import Problem
from ..render import cn_number
from .context import Context, problem
from .mdscan import Scan

log = logging.getLogger(__name__)

ID_FORMAT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NEEDS_ID = (2, 3)


def check(ctx: Context) -> list[Problem]:
    """Heading and id problems on every page."""
    problems: list[Problem] = []
    for src in ctx.pages:
        found = ctx.scan(src)
        problems += _h1(found) + _levels(found) + _ids(found) + _title(ctx, src, found)
        problems += _duplicates(ctx, src)
    return problems


def _h1(found: Scan) -> list[Problem]:
    """Exactly one H1, and it comes first."""
    page = found.page
    h1 = [h for h in found.headings if h.level == 1]
    if not h1:
        return [problem(page, page.body_line, "heading-h1",
                        "the page has no H1 heading; start it with '# Title { #id }'")]
    problems = [problem(page, h.line, "heading-h1",
                        f"second H1 '{h.text}' (the first is on line {h1[0].line}); use '##' for sections")
                for h in h1[1:]]
    first = found.headings[0]
    if first.level != 1:
        problems.append(problem(page, first.line, "heading-h1",
                                f"'{first.text}' comes before the H1; the page must start with its H1"))
    return problems


def _levels(found: Scan) -> list[Problem]:
    """No heading is more than one level below the one before it."""
    problems = []
    for before, h in zip(found.headings, found.headings[1:]):
        if h.level > before.level + 1:
            problems.append(problem(found.page, h.line, "heading-jump",
                                    f"H{h.level} '{h.text}' follows H{before.level} (line {before.line}); "
                                    f"use {'#' * (before.level + 1)} or add the missing level"))
    return problems


def _ids(found: Scan) -> list[Problem]:
    """H2 and H3 have explicit ids; every explicit id is well formed."""
    problems = []
    for h in found.headings:
        if h.level in NEEDS_ID and h.id is None and "{#" not in h.text:  # '{#': reported as jinja-syntax
            problems.append(problem(found.page, h.line, "heading-id",
                                    f"H{h.level} '{h.text}' has no id; write '{'#' * h.level} {h.text} "
                                    f"{{ #english-id }}' (links to it must not break when the title changes)"))
    for line, i in found.ids:
        if not ID_FORMAT.match(i):
            problems.append(problem(found.page, line, "id-format",
                                    f"id '{i}' must be lowercase letters, digits and hyphens, e.g. 'user-persona'"))
    return problems


def _title(ctx: Context, src: str, found: Scan) -> list[Problem]:
    """A task page's H1 is '任务N　title'; a project page's is '项目 N　title' (N as in the outline)."""
    if ctx.reg is None or not found.headings or found.headings[0].level != 1:
        return []
    h1 = found.headings[0]
    lesson = ctx.reg.lessons.get(src)
    expected = None
    if lesson is not None:
        expected = f"任务{cn_number(lesson.task)}\u3000{lesson.title}"
    elif src.endswith("/index.md") and found.page.meta.get("project") in ctx.reg.project_pages:
        project = ctx.reg.projects[found.page.meta["project"]]
        expected = f"项目 {project.number}\u3000{project.title}"
    if expected is None or h1.text == expected:
        return []
    shown = expected.replace("\u3000", "　")
    return [problem(found.page, h1.line, "title-h1",
                    f"the H1 must be '{shown}' (number and title from the front matter or data/course.yml, "
                    f"joined by an ideographic space U+3000)")]


def _duplicates(ctx: Context, src: str) -> list[Problem]:
    """No id is used twice on a page, counting ids made by macros."""
    page = ctx.pages[src]
    written = ctx.scan(src).ids
    problems: list[Problem] = []
    for edition in ctx.editions or ("source",):
        rendered = ctx.rendered_scan(edition, src)
        ids = [i for _, i in (rendered.ids if rendered else written)]
        for dup, count in Counter(ids).items():
            if count < 2:
                continue
            lines = [line for line, i in written if i == dup]
            line = lines[1] if len(lines) > 1 else _macro_line(page.calls, dup)
            problems.append(problem(page, line, "duplicate-anchor",
                                    f"id '{dup}' is used {count} times on this page; ids must be unique "
                                    f"(rename one, or embed each record only once)"))
    return problems


def _macro_line(calls: list[tuple[str, str | None, int]], anchor: str) -> int | None:
    """The line of the last macro call whose id the anchor was made from."""
    lines = [line for _, arg, line in calls if arg and anchor.endswith(arg)]
    return lines[-1] if lines else None
