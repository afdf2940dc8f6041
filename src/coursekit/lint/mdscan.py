"""Scan a Markdown page once: its lines, headings, ids, links, images and boxes.

Each item keeps its file line. Fenced code and inline code are skipped, and
each line knows whether it sits in a teacher-only box (absent from the
student edition), so rules can check each edition as it will be built.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from ..editions import _OPEN as BOX_OPEN
from ..editions import TEACHER_BOXES, _width
from ..pages import Page

log = logging.getLogger(__name__)

FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*$")
ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]+([^{}]*?)[ \t]*\}[ \t]*$")
ATTR_ID = re.compile(r"\{:?[ \t]+(?:[^{}]*?[ \t])?#([^\s{}]+)[^{}]*\}")
HTML_ID = re.compile(r"<[a-zA-Z][^>]*?\sid=[\"']([^\"']+)[\"']")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
LINK = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s.*)?$")
HTML_LINK = re.compile(r"<(a|img)\b([^>]*)>", re.I)
HTML_ATTR = re.compile(r"\b(href|src|alt)\s*=\s*[\"']([^\"']*)[\"']", re.I)
BOX = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)(?P<rest>.*)$")


@dataclass
class Heading:
    """An ATX heading: its line, level, text without the attribute list, and explicit id."""

    line: int
    level: int
    text: str
    id: str | None


@dataclass
class Link:
    """A link or image: line, whether it is an image, its text (alt) and target."""

    line: int
    image: bool
    text: str
    target: str
    teacher: bool


@dataclass
class Box:
    """An admonition: line, type, and whether an indented body follows."""

    line: int
    type: str
    has_body: bool


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
    lines = list(enumerate(page.body.splitlines(), page.body_line))
    result = Scan(page, lines)
    result.code = _code_lines(lines)
    result.teacher = _teacher_lines(lines)
    for number, text in lines:
        if number in result.code:
            continue
        _scan_line(result, number, INLINE_CODE.sub(lambda m: " " * len(m.group(0)), text))
    result.boxes = _boxes(lines, result.code)
    return result


def _scan_line(result: Scan, number: int, text: str) -> None:
    """Collect the heading, ids and links of one line (code already blanked out)."""
    teacher = number in result.teacher
    m = HEADING.match(text)
    if m:
        title, attrs = m.group(2), ATTR_LIST.search(m.group(2))
        hid = None
        if attrs:
            title = title[:attrs.start()]
            hid = next((a[1:] for a in attrs.group(1).split() if a.startswith("#")), None)
        result.headings.append(Heading(number, len(m.group(1)), title.rstrip("# \t"), hid))
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


def _code_lines(lines: list[tuple[int, str]]) -> set[int]:
    """File lines inside fenced code blocks (the fences included)."""
    code: set[int] = set()
    fence: str | None = None
    for number, text in lines:
        m = FENCE.match(text)
        if fence is None and m:
            fence = m.group(1)
            code.add(number)
        elif fence is not None:
            code.add(number)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not text.strip()[len(m.group(1)):]:
                fence = None
    return code


def _teacher_lines(lines: list[tuple[int, str]]) -> set[int]:
    """File lines removed from the student edition (as :func:`editions.strip_teacher_blocks` does)."""
    removed: set[int] = set()
    indent: int | None = None
    for number, text in lines:
        if indent is not None:
            if not text.strip() or _width(text) > indent:
                removed.add(number)
                continue
            indent = None
        m = BOX_OPEN.match(text)
        if m and m.group("type") in TEACHER_BOXES:
            indent = _width(m.group("indent"))
            removed.add(number)
    return removed


def _boxes(lines: list[tuple[int, str]], code: set[int]) -> list[Box]:
    """Every admonition, and whether the next non-blank line is indented under it."""
    boxes: list[Box] = []
    for i, (number, text) in enumerate(lines):
        m = BOX.match(text)
        if not m or number in code:
            continue
        nxt = next((t for _, t in lines[i + 1:] if t.strip()), None)
        has_body = nxt is not None and _width(nxt) > _width(m.group("indent"))
        boxes.append(Box(number, m.group("type"), has_body))
    return boxes
