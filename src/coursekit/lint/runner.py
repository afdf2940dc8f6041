"""Run every check on a course: load and validate data, render pages, apply the lint rules.

Severities come from ``coursekit.toml``: rules set to ``off`` are dropped,
warnings stay warnings unless ``strict``. Core problems are always errors.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..editions import EDITIONS
from ..errors import CourseError, Problem
from ..pagecheck import render_page
from ..pages import Page, read_page
from ..registry import Cache, load
from ..site import Site
from . import admonitions, data, diagrams, frontmatter, glossary, headings, images, links, style
from .config import Config, load_config
from .context import Context
from .mkkeys import check_keys, check_paths
from .nav import check_nav
from .rules import RULES

log = logging.getLogger(__name__)

FAMILIES: list[Callable[[Context], list[Problem]]] = [
    data.check, frontmatter.check, headings.check, links.check, images.check, admonitions.check,
    glossary.check, glossary.variants, style.check,
]


def check_course(root: Path, strict: bool = False, config: Config | None = None,
                 cache: Cache | None = None) -> list[Problem]:
    """Every problem in the course under ``root``, with severities applied, sorted."""
    config = config or load_config(root)
    ctx = Context(root, config, _pages(root))
    core: list[Problem] = list(config.problems)
    try:
        ctx.reg = load(root, cache)
    except CourseError as exc:
        core += exc.problems
    if ctx.reg is not None:
        for edition in EDITIONS:
            site = Site(root, edition, registry=ctx.reg)
            for src, page in ctx.reg.pages.items():
                markdown, found = render_page(site, src, page)
                core += found
                if not found:
                    ctx.rendered[(edition, src)] = markdown
    drawn = diagrams.check(ctx)  # before a failed render clears the rendered pages: fences as written still count
    if core:
        ctx.rendered.clear()  # anchors are incomplete while a page fails to render
    # the rest of what `mkdocs build --strict` refuses: nav, diagrams, mkdocs.yml's settings
    core += drawn + check_nav(root) + check_keys(root) + check_paths(root)
    lint: list[Problem] = []
    for family in FAMILIES:
        lint += family(ctx)
    problems = set(core) | set(_with_severity(lint, config, strict))
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.rule, p.message))


def _pages(root: Path) -> dict[str, Page]:
    """Every page that can be read (unreadable ones are reported by the registry)."""
    docs = root / "docs"
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        page, _ = read_page(path, path.relative_to(root).as_posix())
        if page is not None:
            pages[path.relative_to(docs).as_posix()] = page
    return pages


def _with_severity(problems: list[Problem], config: Config, strict: bool) -> list[Problem]:
    """Drop rules that are off; mark warnings (errors under ``strict``)."""
    out = []
    for p in problems:
        level = config.severity(p.rule) if p.rule in RULES else "error"
        if level == "off":
            continue
        out.append(replace(p, severity="error" if strict else level))
    return out


def summary(problems: list[Problem]) -> str:
    """'N error(s), M warning(s)' for the last line of the report."""
    errors = sum(p.severity == "error" for p in problems)
    return f"{errors} error(s), {len(problems) - errors} warning(s)"
