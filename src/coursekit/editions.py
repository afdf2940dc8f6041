"""Student and teacher editions.

Teacher-only boxes (``!!! teacher`` and ``!!! answer``) are removed from the
Markdown before anything renders it, so the student site never contains
their text — absent, not hidden by CSS.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

EDITIONS = ("student", "teacher")
TEACHER_BOXES = ("teacher", "answer")
_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)\b")


def strip_teacher_blocks(markdown: str) -> str:
    """Remove every teacher-only admonition, its title and its indented body."""
    out: list[str] = []
    skip_indent: int | None = None
    for line in markdown.splitlines(keepends=True):
        if skip_indent is not None:
            stripped = line.strip()
            if not stripped or _width(line) > skip_indent:
                continue
            skip_indent = None
        m = _OPEN.match(line)
        if m and m.group("type") in TEACHER_BOXES:
            skip_indent = _width(m.group("indent"))
            continue
        out.append(line)
    return "".join(out)


def teacher_blocks(markdown: str) -> list[str]:
    """The bodies of all teacher-only admonitions (used to prove they are absent)."""
    kept = strip_teacher_blocks(markdown).splitlines()
    removed: list[str] = []
    rest = iter(kept)
    nxt = next(rest, None)
    for line in markdown.splitlines():
        if line == nxt:
            nxt = next(rest, None)
        else:
            removed.append(line.strip())
    return [line for line in removed if line and not _OPEN.match(line)]


def _width(text: str) -> int:
    """Indentation width, counting a tab as four spaces."""
    text = text.replace("\t", "    ")
    return len(text) - len(text.lstrip(" "))


def check_edition(name: str) -> str:
    """Validate an edition name from configuration."""
    if name not in EDITIONS:
        raise ValueError(f"extra.edition is '{name}'; use one of: {', '.join(EDITIONS)}")
    return name
