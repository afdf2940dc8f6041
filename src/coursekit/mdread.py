"""One reading of a page's Markdown: front matter, fences, boxes, headings and macro calls, with file lines.

Every part of coursekit that looks at a page's source (lint, teacher-box
stripping, macro checks, slides, diagram checks) reads it through here, so
they cannot disagree on where a fence or a box starts and ends.

A small hand-written line scanner, not markdown-it-py + mdit-py-plugins:

- the site is rendered by Python-Markdown with pymdownx, not by a CommonMark
  parser. What matters is where *that* renderer sees a block end: a box
  (``!!!``/``???``/``???+``) holds every following blank or deeper-indented
  line, lists nest by four spaces, ``{ #id }`` attribute lists, tabs
  (``===``), ``/// caption`` blocks. CommonMark's rules (lazy continuation,
  content-column list nesting, indented code after a box line) differ
  exactly there, and teacher-box stripping must match the renderer line
  for line, or teacher text leaks into the student edition;
- Jinja (``{{ }}``, ``{% %}``) is run by mkdocs-macros on the raw text before
  Markdown sees it, in code too: macro calls are found in the text, not in
  tokens;
- one pass of a few anchored regexes per line is cheap: ``coursekit check``
  reads every page in both editions;
- no new dependency (mdit-py-plugins is not installed; markdown-it-py only
  comes with rich, at rich's pin).

Line numbers are 1-based file lines: :func:`read` takes the line the body
starts on (after the front matter, see :func:`split_front_matter`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
LANG = re.compile(r"[ \t]*\{?[ \t]*\.?([\w+#.-]+)")
BOX = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)\b(?P<rest>.*)$")
TITLE = re.compile(r'[ \t]+"([^"]*)"')
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*$")
ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]+([^{}]*?)[ \t]*\}[ \t]*$")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
MACRO_CALL = re.compile(r"\{\{-?\s*(\w+)\s*\(\s*(?:[\"']([^\"']*)[\"'])?")


@dataclass(frozen=True)
class Fence:
    """A fenced code block: first and last file line (the fences), indentation, marker, language, body."""

    line: int
    end: int
    indent: str
    marker: str
    lang: str
    body: tuple[str, ...]     # the lines between the fences, as written (line ends kept)
    closed: bool              # an unclosed fence is no fence to the renderer, only to lint

    def source(self) -> str:
        """The body dedented by the opening fence's indentation, as superfences passes it on."""
        return "".join(line[len(self.indent):] for line in self.body)


@dataclass(frozen=True)
class Box:
    """An admonition or collapsible box: its line, the last line of its body (blank lines
    after it included, as the renderer and teacher stripping take them), type, title, nesting."""

    line: int
    end: int
    indent: int
    marker: str               # "!!!", "???" or "???+"
    type: str
    title: str
    has_body: bool            # the next non-blank line is indented under it
    parent: int | None        # index in Doc.boxes of the innermost box holding this one


@dataclass(frozen=True)
class Heading:
    """An ATX heading outside code: its line, level, text without the attribute list, and explicit id."""

    line: int
    level: int
    text: str
    id: str | None


@dataclass(frozen=True)
class Macro:
    """A macro call ``{{ name("arg") }}``: line, column (1-based), name and first string argument."""

    line: int
    col: int
    name: str
    arg: str | None


@dataclass
class Doc:
    """A page body read once. ``lines`` are (file line, text without line end)."""

    lines: list[tuple[int, str]]
    fences: list[Fence] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    macros: list[Macro] = field(default_factory=list)
    code: set[int] = field(default_factory=set)   # file lines of fences, closed or not (the fences included)

    def in_boxes(self, types: tuple[str, ...]) -> set[int]:
        """File lines of the boxes of these types, their bodies included."""
        return {n for b in self.boxes if b.type in types for n in range(b.line, b.end + 1)}


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter YAML, body, line where the body starts)."""
    m = FRONT_MATTER.match(text)
    if not m:
        return "", text, 1
    return m.group(1) or "", text[m.end():], m.group(0).count("\n") + 1


def read(body: str, first_line: int = 1) -> Doc:
    """Read a page body whose first line is file line ``first_line``."""
    raw = split_lines(body)
    doc = Doc([(n, line.rstrip("\r\n")) for n, line in enumerate(raw, first_line)])
    doc.fences = _fences(doc.lines, raw)
    doc.code = _code(doc.fences)
    in_fence = {n for f in doc.fences if f.closed for n in range(f.line, f.end + 1)}
    doc.boxes = _boxes(doc.lines, in_fence)
    doc.headings = [h for n, text in doc.lines if n not in doc.code and (h := _heading(n, text))]
    doc.macros = _macros(body, first_line)
    return doc


def code_lines(body: str, first_line: int = 1) -> set[int]:
    """File lines of the fences in a body (the fences included), without reading the rest."""
    raw = split_lines(body)
    return _code(_fences([(n, line.rstrip("\r\n")) for n, line in enumerate(raw, first_line)], raw))


def split_lines(body: str) -> list[str]:
    """The body's lines with their line ends: split at "\n" only, as Python-Markdown does
    (``str.splitlines`` also splits at U+2028 and other characters that are text to Markdown)."""
    parts = body.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _code(fences: list[Fence]) -> set[int]:
    return {n for f in fences for n in range(f.line, f.end + 1)}


def width(text: str) -> int:
    """Indentation width, counting a tab as four spaces."""
    text = text.replace("\t", "    ")
    return len(text) - len(text.lstrip(" "))


def _fences(lines: list[tuple[int, str]], raw: list[str]) -> list[Fence]:
    """Fenced code blocks. A fence opened in an indented container ends with the container
    (a non-blank line indented less than its opening), unclosed."""
    out: list[Fence] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i][1])
        if not m:
            i += 1
            continue
        fence, indent, j = m["fence"], width(m["indent"]), i + 1
        closed = False
        while j < len(lines):
            text = lines[j][1]
            if text.strip() and width(text) < indent:
                break
            c = FENCE.match(text)
            if c and c["fence"][0] == fence[0] and len(c["fence"]) >= len(fence) and not c["info"].strip():
                closed = True
                break
            j += 1
        end = j if closed else j - 1
        lang = LANG.match(m["info"])
        out.append(Fence(lines[i][0], lines[end][0], m["indent"], fence, lang[1] if lang else "",
                         tuple(raw[i + 1:j]), closed))
        i = end + 1
    return out


def _boxes(lines: list[tuple[int, str]], in_fence: set[int]) -> list[Box]:
    """Every box outside closed fences, its extent by indentation, and its parent."""
    out: list[Box] = []
    open_: list[int] = []     # indexes of the boxes whose body the current line may be in
    for i, (number, text) in enumerate(lines):
        m = BOX.match(text) if number not in in_fence else None
        if not m:
            continue
        indent, end, has_body = width(m["indent"]), number, None
        for later, t in lines[i + 1:]:
            if t.strip() and width(t) <= indent:
                break
            if has_body is None and t.strip():
                has_body = True
            end = later
        while open_ and out[open_[-1]].end < number:
            open_.pop()
        title = TITLE.match(m["rest"])
        out.append(Box(number, end, indent, m["marker"], m["type"], title[1] if title else "", bool(has_body),
                       open_[-1] if open_ else None))
        open_.append(len(out) - 1)
    return out


def _heading(number: int, text: str) -> Heading | None:
    """The heading on a line, if it is one (inline code does not count as an attribute list)."""
    if not text.lstrip(" ").startswith("#"):  # most lines: skip the inline-code pass
        return None
    m = HEADING.match(INLINE_CODE.sub(lambda c: " " * len(c.group(0)), text))
    if not m:
        return None
    title, attrs = m.group(2), ATTR_LIST.search(m.group(2))
    hid = None
    if attrs:
        title = title[:attrs.start()]
        hid = next((a[1:] for a in attrs.group(1).split() if a.startswith("#")), None)
    return Heading(number, len(m.group(1)), title.rstrip("# \t"), hid)


def _macros(body: str, first_line: int) -> list[Macro]:
    """Every macro call in the text, code included (mkdocs-macros renders it all)."""
    out = []
    line, counted = first_line, 0  # newlines counted up to ``counted``: each call counts only the text since the last
    for m in MACRO_CALL.finditer(body):
        line += body.count("\n", counted, m.start())
        counted = m.start()
        start = body.rfind("\n", 0, m.start()) + 1
        out.append(Macro(line, m.start() - start + 1, m.group(1), m.group(2)))
    return out
