"""Image rules: every image file exists and every image has alt text."""

from __future__ import annotations

import logging

from ..errors import Problem
from .context import Context, problem
from .links import EXTERNAL, resolve

log = logging.getLogger(__name__)


def check(ctx: Context) -> list[Problem]:
    """Missing image files and images without alt text."""
    problems: list[Problem] = []
    for src, page in ctx.pages.items():
        for link in ctx.scan(src).links:
            if not link.image:
                continue
            if not link.text.strip():
                problems.append(problem(page, link.line, "image-alt",
                                        f"image '{link.target}' has no alt text; describe what it shows: "
                                        f"![图 3-1 内容产出路径](…)"))
            if link.target.startswith("data:"):
                continue
            if EXTERNAL.match(link.target):
                problems.append(problem(page, link.line, "image-missing",
                                        f"image '{link.target}' is not in the site; pages load nothing from "
                                        f"other hosts: save it under docs/assets/images/ and link to it"))
                continue
            dest = resolve(src, link.target.partition("#")[0])
            if dest.startswith("../") or not (ctx.root / "docs" / dest).is_file():
                problems.append(problem(page, link.line, "image-missing",
                                        f"image '{link.target}' does not exist (looked for docs/{dest})"))
    return problems
