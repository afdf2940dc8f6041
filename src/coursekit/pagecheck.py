"""Check a page's macros without building the site.

Syntax errors and unknown names are found by parsing alone, with their line
in the Markdown file. ``render_page`` then renders the macros the way the site
does, so ``coursekit check`` also catches errors that only show at render time.
"""

from __future__ import annotations

import logging
import traceback
from types import SimpleNamespace
from typing import Any

import jinja2
from jinja2 import nodes

from .editions import strip_teacher_blocks
from .errors import CourseError, Problem
from .pages import Page
from .site import Site, macro_names

log = logging.getLogger(__name__)

PLUGIN_NAMES = {"page", "config", "extra", "edition", "environment", "plugin", "git", "macros",
                "filters", "filters_builtin", "files", "navigation", "range", "loop", "true", "false", "none"}
RAW_HINT = "to show a literal '{{' or '{%' in a page, wrap it in {% raw %}…{% endraw %}"
COMMENT_HINT = "'{#' starts a Jinja comment: write a heading id with a space, '{ #id }'"


def jinja_problems(body: str, rel: str, body_line: int, meta: dict[str, Any]) -> list[Problem]:
    """Template syntax errors and unknown macro or variable names in a page body."""
    try:
        ast = jinja2.Environment().parse(body)
    except jinja2.TemplateSyntaxError as exc:
        hint = COMMENT_HINT if "comment" in str(exc.message) else RAW_HINT
        return [Problem(rel, body_line + (exc.lineno or 1) - 1, "jinja-syntax", f"{exc.message}; {hint}")]
    macros = macro_names()
    known = set(macros) | PLUGIN_NAMES | set(meta)
    known |= {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    problems = []
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in known:
            problems.append(Problem(rel, body_line + node.lineno - 1, "unknown-macro",
                                    f"'{node.name}' is not a macro or variable; macros are: {', '.join(macros)}"))
    return problems


def render_page(site: Site, src: str, page: Page) -> tuple[str, list[Problem]]:
    """Render a page's macros as the site would; return the Markdown and any problems."""
    problems = jinja_problems(page.body, page.rel, page.body_line, page.meta)
    if problems:
        return "", problems
    body = page.body if site.teacher else strip_teacher_blocks(page.body)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.globals.update(site.macros(lambda: src, lambda: page.meta))
    variables = {"page": SimpleNamespace(meta=page.meta, file=SimpleNamespace(src_uri=src)),
                 "edition": site.edition, **page.meta}
    try:
        return env.from_string(body).render(**variables), []
    except CourseError as exc:
        return "", [_with_line(p, page) for p in exc.problems]
    except TypeError as exc:  # a macro called with the wrong arguments
        return "", [Problem(page.rel, _template_line(exc, page), "render",
                            f"wrong arguments in a macro call ({str(exc).split('>()')[-1].strip()}); "
                            f"see the macro table in CONTRIBUTING.md, e.g. {{{{ worksheet(\"id\") }}}}")]
    except Exception as exc:
        return "", [Problem(page.rel, _template_line(exc, page), "render", f"{type(exc).__name__}: {exc}")]


def _with_line(problem: Problem, page: Page) -> Problem:
    if problem.line is not None or problem.path != page.rel:
        return problem
    return Problem(problem.path, _line_of_text(page, problem.message.split("(")[0]), problem.rule, problem.message)


def _line_of_text(page: Page, needle: str) -> int | None:
    for name, _arg, line in page.calls:
        if needle.startswith(name):
            return line
    return None


def _template_line(exc: Exception, page: Page) -> int | None:
    """The page line where a render error happened, from the template frames of the traceback."""
    for frame, lineno in reversed(list(traceback.walk_tb(exc.__traceback__))):
        if frame.f_code.co_filename == "<template>":
            return page.body_line + lineno - 1
    return None
