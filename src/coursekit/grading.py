"""作业汇总 (teacher edition only): the page's data, and keeping the page out of the student edition.

The page (docs/grade.md) holds a placeholder; after the macros have run, :func:`fill` puts the grading
form and, as JSON, every worksheet's spec (collect/spec.py) and reference answer in its place. The JSON
carries rubrics and answers, so the student edition neither builds the page nor ships its scripts.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from . import kinds
from .collect.spec import worksheet_spec
from .markup import md
from .render import render

if TYPE_CHECKING:
    from .site import Site

PAGE = "grade.md"
PLACEHOLDER = "<!-- ck:grading -->"
# Only 作业汇总 uses these; the student build leaves them out.
ASSETS = ("assets/javascripts/ck-grade.js", "assets/javascripts/ck-grade-read.js",
          "assets/javascripts/ck-xlsx.js", "assets/javascripts/ck-gradebook.js",
          "assets/stylesheets/grade.css")


def script_json(data: Any) -> str:
    """JSON safe inside <script>: no `</script>`, `<!--` or line separators can end or bend the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                     ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def page_data(site: Site) -> dict[str, Any]:
    """Every worksheet in course order: its spec and its reference answer as HTML (or "")."""
    sheets = []
    for slug in site.reg.projects:
        for ws in site.reg.in_project(kinds.collected().name, slug):
            spec = worksheet_spec(ws)
            spec["answerHtml"] = str(md(ws.answer)) if getattr(ws, "answer", None) else ""
            sheets.append(spec)
    return {"format": "coursekit-grading-page", "worksheets": sheets}


def fill(site: Site | None, markdown: str, src: str) -> str:
    """The grading form in place of the placeholder (teacher edition); other pages unchanged."""
    if src != PAGE or PLACEHOLDER not in markdown or site is None:
        return markdown
    if not site.teacher:  # never reached: the student edition does not build the page
        return markdown.replace(PLACEHOLDER, "")
    html = render(site.tpl, "grading", data=Markup(script_json(page_data(site))))
    return markdown.replace(PLACEHOLDER, str(html).strip())


def _drop_nav(items: Any, pages: tuple[str, ...]) -> Any:
    """The nav without entries pointing at ``pages``."""
    if not isinstance(items, list):
        return items
    out = []
    for item in items:
        if isinstance(item, str) and item in pages:
            continue
        if isinstance(item, dict):
            kept = {}
            for title, value in item.items():
                if isinstance(value, str) and value in pages:
                    continue
                kept[title] = _drop_nav(value, pages)
            if not kept:
                continue
            item = kept
        out.append(item)
    return out


def teacher_only(conf: Any) -> None:
    """Student edition: this page and its scripts and styles, and the library pages of kinds shown to teachers
    only (the question bank) with their ``teacher_assets``, are neither built nor linked (nav, extra_*)."""
    if (conf.get("extra") or {}).get("edition") == "teacher":
        return
    from pathspec.gitignore import GitIgnoreSpec

    teacher_kinds = [k for k in kinds.ALL if k.teacher_page and k.library_page]
    pages = (PAGE, *(k.library_page for k in teacher_kinds if k.library_page))
    assets = (*ASSETS, *(a for k in teacher_kinds for a in k.teacher_assets))
    if conf.get("nav"):
        conf["nav"] = _drop_nav(conf["nav"], pages)
    for key in ("extra_javascript", "extra_css"):
        if key in conf and conf[key]:
            conf[key] = [x for x in conf[key] if str(getattr(x, "path", x)) not in assets]
    spec = GitIgnoreSpec.from_lines([*("/" + p for p in pages), *("/" + a for a in assets)])
    conf["exclude_docs"] = spec if conf.get("exclude_docs") is None else conf["exclude_docs"] + spec
