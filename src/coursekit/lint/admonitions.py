"""Admonition rules: only the course's boxes and material's standard ones, each with a body.

Course boxes (CONTRIBUTING.md, 栏目框): scenario, peer, trick, practice,
industry, and the teacher-only teacher and answer. Material's standard types
are allowed too, so a contributor can use a plain note or tip.
"""

from __future__ import annotations

import difflib
import logging

from ..errors import Problem
from .context import Context, problem

log = logging.getLogger(__name__)

COURSE_BOXES = ("scenario", "peer", "trick", "practice", "industry", "teacher", "answer")
MATERIAL_BOXES = ("note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug",
                  "example", "quote")
KNOWN = COURSE_BOXES + MATERIAL_BOXES


def check(ctx: Context) -> list[Problem]:
    """Unknown admonition types and admonitions whose body is not indented."""
    problems: list[Problem] = []
    for src, page in ctx.pages.items():
        for box in ctx.scan(src).boxes:
            if box.type not in KNOWN:
                close = difflib.get_close_matches(box.type, KNOWN, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                problems.append(problem(page, box.line, "admonition-type",
                                        f"unknown box type '{box.type}'; {hint}course boxes: "
                                        f"{', '.join(COURSE_BOXES)}; also allowed: {', '.join(MATERIAL_BOXES)}"))
            if not box.has_body:
                problems.append(problem(page, box.line, "admonition-empty",
                                        f"the '{box.type}' box has no body; indent its text by 4 spaces "
                                        f"on the lines below it"))
    return problems
