"""Student and teacher editions.

Teacher-only boxes (``!!! teacher`` and ``!!! answer``) are removed from the
Markdown before anything renders it, so the student site never contains
their text — absent, not hidden by CSS. Where a box starts and ends is read
by :mod:`coursekit.mdread`, as lint and the slides read it.
"""

from __future__ import annotations

import logging

from . import mdread

log = logging.getLogger(__name__)

EDITIONS = ("student", "teacher")
TEACHER_BOXES = ("teacher", "answer")


def strip_teacher_blocks(markdown: str) -> str:
    """Remove every teacher-only admonition, its title and its indented body."""
    removed = mdread.read(markdown).in_boxes(TEACHER_BOXES)
    if not removed:
        return markdown
    return "".join(line for n, line in enumerate(mdread.split_lines(markdown), 1) if n not in removed)


def teacher_blocks(markdown: str) -> list[str]:
    """The bodies of all teacher-only admonitions (used to prove they are absent)."""
    doc = mdread.read(markdown)
    removed = doc.in_boxes(TEACHER_BOXES)
    return [text.strip() for n, text in doc.lines
            if n in removed and text.strip() and not mdread.BOX.match(text.strip())]


def check_edition(name: str) -> str:
    """Validate an edition name from configuration."""
    if name not in EDITIONS:
        raise ValueError(f"extra.edition is '{name}'; use one of: {', '.join(EDITIONS)}")
    return name
