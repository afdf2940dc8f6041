"""A Markdown extension: a nested list may be indented to its parent item's text.

Contributors write nested lists as everywhere else (CommonMark, GitHub, VS Code's preview):
indented to the text of the item above, 2 spaces under ``-``, 3 under ``1.``. Python-Markdown
nests a list only when it is indented by a full ``tab_length`` (4), so these lists came out as
literal "- " lines. Lowering ``tab_length`` is no cure: admonitions, tabs and code blocks need
their 4 spaces. This preprocessor re-indents only nested list items (and the lines under them)
that are indented less than 4, to the 4 spaces Python-Markdown wants; lists already indented by
4 and everything outside lists stay as they are. A list that starts right under a paragraph line
(``参考思路：`` then ``1. …``) gets the blank line Python-Markdown needs, as CommonMark does.

Used by the site (``coursekit.mdlists`` in mkdocs.yml, so also by the print book, which reads
the same list) and by the converter for data fields (:mod:`coursekit.markup`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

log = logging.getLogger(__name__)

MARKER = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( {1,4})(?=\S)")
CONTAINER = re.compile(r"^( *)(?:!!!|\?\?\?\+?|===\+?)[ \t]")   # admonition, details, tab: body indented 4
FENCE = re.compile(r"^( *)(`{3,}|~{3,})")
TAB = 4


@dataclass
class _Frame:
    """A list item or container: where its text starts in the source (``col``) and after re-indenting."""

    col: int
    new_col: int
    item_indent: int | None = None   # the item's marker indent after re-indenting (None: a container)
    nest: int = 0                    # a list marker indented this far or more is inside it

    def __post_init__(self) -> None:
        self.nest = self.col if self.item_indent is None else min(self.col, self.nest)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _moved(line: str, old: int, new: int) -> str:
    """``line`` with its first ``old`` columns of indentation replaced by ``new``."""
    return line if old == new else " " * new + line[old:]


def reindent(lines: list[str]) -> list[str]:
    """The lines with nested list items indented less than 4 moved to Python-Markdown's 4."""
    out: list[str] = []
    stack: list[_Frame] = []
    blank_before = False
    fence: tuple[str, int] | None = None   # (fence chars, columns the fenced lines move by)
    for line in lines:
        if fence:   # code is copied, only moved along with the item it is in
            shift = fence[1]
            out.append(" " * shift + line if shift > 0 else line[min(-shift, _indent(line)):])
            if line.strip().startswith(fence[0]) and not line.strip().strip(fence[0][0]):
                fence = None
            continue
        if not line.strip():
            out.append(line)
            blank_before = True
            continue
        i = _indent(line)
        marker = MARKER.match(line)
        in_list = any(f.item_indent is not None for f in stack)   # before leaving items: "- a⏎lazy⏎- b"
        while stack and i < (stack[-1].nest if marker else stack[-1].col if blank_before else -1):
            stack.pop()
        new = _place(stack, i, marker is not None)
        if marker and new is not None and i <= (stack[-1].col if stack else 0) + TAB - 1:
            if not in_list and _interrupts(marker, stack, out):
                out.append("")   # CommonMark: a list may start right under a paragraph line
            col = i + len(marker.group(2)) + len(marker.group(3))
            nested = bool(stack) and stack[-1].item_indent is not None
            # the text under a re-indented nested item goes one tab in, as Python-Markdown wants
            new_col = new + TAB if nested and new != i else col + new - i
            stack.append(_Frame(col, new_col, new, nest=i + 2))   # 2 spaces nest, as authors write
        elif CONTAINER.match(line):
            new = i if new is None else new
            stack.append(_Frame(i + TAB, new + TAB))
        if new is None:
            new = i   # a lazy continuation line: no indentation needed
        out.append(_moved(line, i, new))
        if (f := FENCE.match(line)) is not None:
            fence = (f.group(2), new - i)
        blank_before = False
    return out


def _interrupts(marker: re.Match[str], stack: list[_Frame], out: list[str]) -> bool:
    """True for a list's first item right under a paragraph line, outside lists (Python-Markdown wants
    a blank line there; an ordered list must start at 1, as in CommonMark)."""
    if not out or not out[-1].strip():
        return False
    prev = out[-1]
    if MARKER.match(prev) or CONTAINER.match(prev) or FENCE.match(prev) or prev.lstrip().startswith(("|", "#", ">")):
        return False
    return marker.group(2)[0] in "-*+" or marker.group(2)[:-1] == "1"


def _place(stack: list[_Frame], i: int, is_marker: bool) -> int | None:
    """Where a line indented ``i`` goes, inside the innermost frame; None: leave it (lazy line)."""
    if not stack:
        return i
    top = stack[-1]
    if i < (top.nest if is_marker else top.col):
        return None
    if is_marker and top.item_indent is not None and i <= top.col + TAB - 1:
        return top.item_indent + TAB   # a nested item: Python-Markdown wants exactly one tab more
    return top.new_col + (i - top.col)


class _NestedLists(Preprocessor):
    """Runs after raw HTML (macro output) has been stashed, so only Markdown lines are seen."""

    def run(self, lines: list[str]) -> list[str]:
        """The page's lines with shallow nested lists re-indented."""
        return reindent(lines)


class NestedListsExtension(Extension):
    """Register the preprocessor after ``html_block`` (20) and superfences' fences (25)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        """Add the preprocessor."""
        md.preprocessors.register(_NestedLists(md), "coursekit_nested_lists", 15)


def makeExtension(**kwargs: Any) -> NestedListsExtension:  # noqa: N802 - Python-Markdown's entry point
    """Python-Markdown loads the extension by module name through this."""
    return NestedListsExtension(**kwargs)
