"""Link rules: internal links point to pages and files that exist, and to anchors on them.

Each link is checked in each edition it appears in: a link outside a teacher
box must not point to an anchor that only the teacher edition has.
"""

from __future__ import annotations

import logging
import posixpath
import re

from .. import kinds
from ..errors import Problem
from .context import Context, problem
from .mdscan import Link

log = logging.getLogger(__name__)

EXTERNAL = re.compile(r"^(https?|mailto|tel|ftp):", re.I)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def check(ctx: Context) -> list[Problem]:
    """Problems with every link and image target written in a page (images: see :mod:`images`)."""
    problems: list[Problem] = []
    for src in ctx.pages:
        for link in ctx.scan(src).links:
            if not link.image:
                problems += _check_link(ctx, src, link)
    return problems


def resolve(src: str, target: str) -> str:
    """The docs-relative path a relative link from page ``src`` points to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(src), target))


def _check_link(ctx: Context, src: str, link: Link) -> list[Problem]:
    """Problems with one link: scheme, absolute path, missing target, folder target, glossary, anchor."""
    page = ctx.pages[src]
    target = link.target
    if not target or EXTERNAL.match(target):
        return []
    if SCHEME.match(target):
        return [problem(page, link.line, "link-target", f"'{target}': only http(s), mailto and relative links are "
                                                        f"allowed")]
    if target.startswith("/"):
        return [problem(page, link.line, "link-absolute",
                        f"'{target}' starts with '/'; write a path relative to this page, e.g. '../library/cases.md'")]
    path, _, anchor = target.partition("#")
    dest = resolve(src, path) if path else src
    if path:
        if dest.startswith("../") or not (ctx.root / "docs" / dest).exists():
            return [problem(page, link.line, "link-target",
                            f"'{path}' does not exist (looked for docs/{dest}); check the relative path")]
        if (ctx.root / "docs" / dest).is_dir():
            return [problem(page, link.line, "link-target",
                            f"'{path}' is a folder; link to its page file, e.g. '{path.rstrip('/')}/index.md'")]
    problems: list[Problem] = []
    for k in kinds.ALL:
        if k.embed == "link" and dest == k.library_page and anchor.startswith(k.anchor):
            problems.append(problem(page, link.line, f"{k.macro}-link",
                                    f"write {{{{ {k.macro}(\"{anchor[len(k.anchor):]}\") }}}} instead of a "
                                    f"hand-written {k.name} link"))
    if anchor and dest.endswith(".md"):
        problems += _check_anchor(ctx, src, link, dest, anchor)
    return problems


def _check_anchor(ctx: Context, src: str, link: Link, dest: str, anchor: str) -> list[Problem]:
    """The anchor exists on the target page in every edition the link is shown in."""
    editions = [e for e in ctx.editions if e == "teacher" or not link.teacher]
    for edition in editions:
        ids = ctx.anchors(edition, dest)
        if ids is not None and anchor not in ids:
            where = "" if edition == "teacher" or "teacher" not in editions or anchor not in (
                ctx.anchors("teacher", dest) or set()) else " in the student edition (it is inside a teacher box)"
            return [problem(ctx.pages[src], link.line, "link-anchor",
                            f"'#{anchor}' is not an id on {'this page' if dest == src else 'docs/' + dest}{where}; "
                            f"link to a heading's explicit id {{ #id }}")]
    return []
