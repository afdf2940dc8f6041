"""A task page's jump list: the worksheets, SOPs and 课后自测 it shows, in page order.

On a phone the first worksheet is dozens of screens below the objectives, so the lesson header
links to each of them. The list is read from the page's own Markdown (its record macros and
headings), so it follows the page: a worksheet moved, an SOP added or a ``## 课后自测 { #selfcheck }``
section written by hand all show up without touching this module. In the student edition whatever
sits in a teacher-only box (which that build drops) is left out, so no link points at a missing anchor.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import kinds
from .editions import TEACHER_BOXES
from .registry import Registry

JUMP_KINDS = (kinds.WORKSHEETS, kinds.SOPS)
"""The record kinds a reader jumps to: the ones filled in or followed step by step."""

SELFCHECK_ID = "selfcheck"
"""The heading id of a task page's 课后自测 section."""


@dataclass(frozen=True)
class Jump:
    """One link of the list: what it is (工作单, SOP, 自测), its text and the anchor on the page."""

    what: str
    text: str
    anchor: str


def jumps(reg: Registry, page: str, teacher: bool) -> list[Jump]:
    """The jump list of ``page`` (docs-relative), in the order the page shows them."""
    found = reg.pages.get(page)
    if found is None:
        return []
    doc = found.doc
    hidden = set() if teacher else doc.in_boxes(TEACHER_BOXES)
    by_macro = {k.macro: k for k in JUMP_KINDS}
    items: list[tuple[int, Jump]] = []
    seen: set[str] = set()
    for m in doc.macros:
        k = by_macro.get(m.name)
        if k is None or m.arg is None or m.line in hidden or m.arg not in reg.records[k.name]:
            continue
        anchor = k.anchor + m.arg
        if anchor in seen:  # embedded twice (lint reports it): one link
            continue
        seen.add(anchor)
        record = reg.get(k.name, m.arg)
        label = getattr(record, "label", None)
        items.append((m.line, Jump(k.title, f"{label}　{record.title}" if label else str(record.title), anchor)))
    for h in doc.headings:
        if h.id == SELFCHECK_ID and h.line not in hidden:
            items.append((h.line, Jump("自测", h.text, SELFCHECK_ID)))
            break
    return [j for _, j in sorted(items, key=lambda item: item[0])]


def title(found: list[Jump]) -> str:
    """The list's heading, naming what it holds: 本页工作单 / 课后自测."""
    parts = []
    if any(j.anchor != SELFCHECK_ID for j in found):
        parts.append("本页工作单")
    if any(j.anchor == SELFCHECK_ID for j in found):
        parts.append("课后自测")
    return " / ".join(parts)
