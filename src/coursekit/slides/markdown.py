"""A page's Markdown as blocks the slides are made from: headings, paragraphs, lists, tables,
diagrams with their captions, boxes (``!!! kind``) and macro calls.

Only the subset the course's pages use (CONTRIBUTING.md) is read; inline
markup becomes plain text, ``term()`` calls become the term's words. Where
fences and boxes start and end comes from :mod:`coursekit.mdread`, as for
lint and the student edition.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import mdread

log = logging.getLogger(__name__)

HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s*\{\s*#([\w-]+)[^}]*\})?\s*$")
MACRO = re.compile(r'^\{\{-?\s*(\w+)\(\s*(?:"([^"]*)")?\s*\)\s*-?\}\}\s*$')
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|(\d+)[.)])\s+(.*)$")
TERM = re.compile(r'\{\{-?\s*term\(\s*"([^"]+)"\s*(?:,\s*"([^"]*)"\s*)?\)\s*-?\}\}')


@dataclass
class Block:
    """One block of a page. ``kind``: heading, para, list, table, diagram, box, macro."""

    kind: str
    text: str = ""                       # heading / para text; box title; macro name
    level: int = 0                       # heading level
    anchor: str = ""                     # heading id; macro argument; box kind
    items: list[tuple[int, str]] = field(default_factory=list)  # list: (depth, text), numbered keeps "1. "
    rows: list[list[str]] = field(default_factory=list)         # table: header row first
    caption: str = ""                    # diagram / table caption
    children: list[Block] = field(default_factory=list)         # box content


def inline(text: str, term: Callable[[str, str | None], str]) -> str:
    """Markdown inline text as plain text."""
    text = TERM.sub(lambda m: term(m.group(1), m.group(2)), text)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__|==)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"<br\s*/?>", " ", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\{:?[^}]*\}", "", text) if "{:" in text else text
    return html.unescape(re.sub(r"\s+", " ", text)).strip()


def parse(body: str, term: Callable[[str, str | None], str]) -> list[Block]:
    """The blocks of a Markdown page body (front matter already removed)."""
    return _Reader(mdread.read(body), term).blocks()


class _Reader:
    """A line reader producing blocks."""

    def __init__(self, doc: mdread.Doc, term: Callable[[str, str | None], str]):
        """Read ``doc``'s lines; ``term`` turns a ``term(id, text)`` call into words."""
        self.lines, self.i, self.term = [text for _, text in doc.lines], 0, term
        # by line index; slides take the boxes written at the left margin with !!!
        self.fences = {f.line - 1: f for f in doc.fences if f.marker.startswith("`")}
        self.boxes = {b.line - 1: b for b in doc.boxes if b.indent == 0 and b.marker == "!!!"}

    def blocks(self) -> list[Block]:
        """Every block until the end of the lines."""
        out: list[Block] = []
        while self.i < len(self.lines):
            line = self.lines[self.i]
            stripped = line.strip()
            if not stripped or stripped.startswith(("{%", "<!--")):
                self.i += 1
            elif m := HEADING.match(line):
                out.append(Block("heading", inline(m.group(2), self.term), len(m.group(1)), m.group(3) or ""))
                self.i += 1
            elif self.i in self.fences:
                out.append(self._fence(self.fences[self.i]))
            elif stripped.startswith("/// caption"):
                caption = self._caption()
                if out and out[-1].kind in ("diagram", "table"):
                    out[-1].caption = caption
            elif self.i in self.boxes:
                out.append(self._box(self.boxes[self.i]))
            elif m := MACRO.match(stripped):
                out.append(Block("macro", m.group(1), anchor=m.group(2) or ""))
                self.i += 1
            elif stripped.startswith("|"):
                out.append(self._table())
            elif LIST_ITEM.match(line) and not line.startswith("    "):
                out.append(self._list())
            else:
                out.append(self._para())
        return out

    def _take_while(self, keep: Callable[[str], bool]) -> list[str]:
        """Lines from the current one while ``keep`` holds."""
        start = self.i
        while self.i < len(self.lines) and keep(self.lines[self.i]):
            self.i += 1
        return self.lines[start:self.i]

    def _fence(self, fence: mdread.Fence) -> Block:
        """A fenced code block: a diagram if it is mermaid, else a paragraph of its text."""
        self.i = fence.end  # the index after its last line
        code = "\n".join(line.rstrip("\r\n") for line in fence.body)
        return Block("diagram" if fence.lang == "mermaid" else "para", code)

    def _caption(self) -> str:
        """The text of a ``/// caption`` block."""
        self.i += 1
        text = self._take_while(lambda s: s.strip() != "///")
        self.i += 1
        return inline(" ".join(text), self.term)

    def _box(self, box: mdread.Box) -> Block:
        """An admonition and its indented content."""
        body = self.lines[self.i + 1:box.end]
        self.i = box.end
        content = [s[4:] if s.startswith("    ") else s[1:] if s.startswith("\t") else "" for s in body]
        return Block("box", inline(box.title, self.term), anchor=box.type,
                     children=_Reader(mdread.read("\n".join(content)), self.term).blocks())

    def _table(self) -> Block:
        """A pipe table (the separator row dropped)."""
        rows = []
        for line in self._take_while(lambda s: s.strip().startswith("|")):
            cells = [inline(c, self.term) for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-{2,}:?", c.replace(" ", "")) for c in cells if c) or not any(cells):
                rows.append(cells)
        return Block("table", rows=rows)

    def _list(self) -> Block:
        """A list with its nested items (depth by indentation); item continuations are joined."""
        items: list[tuple[int, str]] = []
        while self.i < len(self.lines):
            line = self.lines[self.i]
            m = LIST_ITEM.match(line)
            if m and len(m.group(1)) < 12:
                depth = len(m.group(1).replace("\t", "    ")) // 4
                number = f"{m.group(2)}. " if m.group(2) else ""
                items.append((depth, number + inline(m.group(3), self.term)))
            elif line.strip() and line.startswith("  ") and items and not line.strip().startswith("|"):
                depth, text = items[-1]
                items[-1] = (depth, text + inline(line, self.term))
            elif not line.strip() and self.i + 1 < len(self.lines) and LIST_ITEM.match(self.lines[self.i + 1]):
                pass  # a loose list: blank lines between items
            elif not line.strip() or not line.startswith("  "):
                break
            self.i += 1
        return Block("list", items=items)

    def _para(self) -> Block:
        """A paragraph: lines until a blank line or another block starts."""
        start = self.i
        while self.i < len(self.lines) and self._para_goes_on(self.lines[self.i]):
            self.i += 1
        lines = self.lines[start:self.i]
        if not lines:  # a line no other block took: skip it
            self.i += 1
            return Block("para", "")
        return Block("para", inline(" ".join(lines), self.term))

    def _para_goes_on(self, line: str) -> bool:
        """Whether the current line continues a paragraph (no other block starts on it)."""
        return (bool(line.strip()) and self.i not in self.boxes and self.i not in self.fences
                and not HEADING.match(line) and not MACRO.match(line.strip())
                and not line.strip().startswith(("|", "```", "///")))
