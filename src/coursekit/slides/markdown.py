"""A page's Markdown as blocks the slides are made from: headings, paragraphs, lists, tables,
diagrams with their captions, boxes (``!!! kind``) and macro calls.

Only the subset the course's pages use (CONTRIBUTING.md) is read; inline
markup becomes plain text, ``term()`` calls become the term's words.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s*\{\s*#([\w-]+)[^}]*\})?\s*$")
BOX = re.compile(r'^!!!\s+(\w+)(?:\s+"([^"]*)")?\s*$')
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
    return _Reader(body.splitlines(), term).blocks()


class _Reader:
    """A line reader producing blocks."""

    def __init__(self, lines: list[str], term: Callable[[str, str | None], str]):
        """Read ``lines``; ``term`` turns a ``term(id, text)`` call into words."""
        self.lines, self.i, self.term = lines, 0, term

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
            elif stripped.startswith("```"):
                out.append(self._fence())
            elif stripped.startswith("/// caption"):
                caption = self._caption()
                if out and out[-1].kind in ("diagram", "table"):
                    out[-1].caption = caption
            elif m := BOX.match(line):
                out.append(self._box(m.group(1), m.group(2) or ""))
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

    def _fence(self) -> Block:
        """A fenced code block: a diagram if it is mermaid, else a paragraph of its text."""
        opening = self.lines[self.i].strip()
        self.i += 1
        code = self._take_while(lambda s: not s.strip().startswith("```"))
        self.i += 1
        if opening.startswith("```mermaid"):
            return Block("diagram", "\n".join(code))
        return Block("para", "\n".join(code))

    def _caption(self) -> str:
        """The text of a ``/// caption`` block."""
        self.i += 1
        text = self._take_while(lambda s: s.strip() != "///")
        self.i += 1
        return inline(" ".join(text), self.term)

    def _box(self, kind: str, title: str) -> Block:
        """An admonition and its indented content."""
        self.i += 1
        body = self._take_while(lambda s: not s.strip() or s.startswith("    "))
        content = [s[4:] if s.startswith("    ") else "" for s in body]
        return Block("box", inline(title, self.term), anchor=kind, children=_Reader(content, self.term).blocks())

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
        lines = self._take_while(lambda s: bool(s.strip()) and not HEADING.match(s) and not BOX.match(s)
                                 and not MACRO.match(s.strip()) and not s.strip().startswith(("|", "```", "///")))
        if not lines:  # a line no other block took: skip it
            self.i += 1
            return Block("para", "")
        return Block("para", inline(" ".join(lines), self.term))
