"""Scan a Markdown page once: its lines, headings, ids, links, images and boxes.

Each item keeps its file line. Fenced code and inline code are skipped, and
each line knows whether it sits in a teacher-only box (absent from the
student edition), so rules can check each edition as it will be built.
Fences, boxes and headings come from the page's one reading
(:mod:`coursekit.mdread`); this module adds the ids and links lint checks.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from .. import mdread
from ..editions import TEACHER_BOXES
from ..mdread import Box, Heading
from ..pages import Page

log = logging.getLogger(__name__)

ATTR_ID = re.compile(r"\{:?[ \t]+(?:[^{}]*?[ \t])?#([^\s{}]+)[^{}]*\}")
HTML_ID = re.compile(r"<[a-zA-Z][^>]*?\sid=[\"']([^\"']+)[\"']")
INLINE_CODE = mdread.INLINE_CODE
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s.*)?$")
HTML_LINK = re.compile(r"<(a|img)\b([^>]*)>", re.I)
HTML_ATTR = re.compile(r"\b(href|src|alt)\s*=\s*[\"']([^\"']*)[\"']", re.I)

__all__ = ["Box", "Heading", "Link", "Scan", "scan"]


@dataclass
class Link:
    """A link or image: line, whether it is an image, its text (alt) and target."""

    line: int
    image: bool
    text: str
    target: str
    teacher: bool


@dataclass
class Scan:
    """Everything the lint rules need from one page."""

    page: Page
    lines: list[tuple[int, str]]          # (file line, text) of the body
    code: set[int] = field(default_factory=set)      # file lines inside fenced code
    teacher: set[int] = field(default_factory=set)   # file lines in teacher-only boxes
    headings: list[Heading] = field(default_factory=list)
    ids: list[tuple[int, str]] = field(default_factory=list)  # explicit ids written in the page
    links: list[Link] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)


def scan(page: Page) -> Scan:
    """Scan a page body."""
    doc = page.doc
    result = Scan(page, doc.lines, doc.code, doc.in_boxes(TEACHER_BOXES), list(doc.headings))
    for number, text in doc.lines:
        if number in result.code:
            continue
        _scan_line(result, number, INLINE_CODE.sub(lambda m: " " * len(m.group(0)), text))
    result.boxes = [b for b in doc.boxes if b.line not in doc.code]  # an unclosed fence hides them from lint
    return result


def _scan_line(result: Scan, number: int, text: str) -> None:
    """Collect the ids and links of one line (code already blanked out)."""
    teacher = number in result.teacher
    result.ids += [(number, i) for i in ATTR_ID.findall(text)] + [(number, i) for i in HTML_ID.findall(text)]
    for lm in LINK.finditer(text):
        result.links.append(Link(number, lm.group(1) == "!", lm.group(2), lm.group(3), teacher))
    rm = REF_DEF.match(text)
    if rm:
        result.links.append(Link(number, False, rm.group(1), rm.group(2), teacher))
    for tag, attrs in HTML_LINK.findall(text):
        values = {k.lower(): v for k, v in HTML_ATTR.findall(attrs)}
        image = tag.lower() == "img"
        target = values.get("src" if image else "href")
        if target is not None:
            result.links.append(Link(number, image, values.get("alt", ""), target, teacher))
