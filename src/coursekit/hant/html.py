"""Convert a built HTML page: its text and the attributes a reader sees, nothing else.

URLs, ids, classes and scripts stay byte for byte as built, so links, anchors
and the site's JavaScript work the same in both editions.
"""

from __future__ import annotations

import logging
import re

from .convert import Converter

log = logging.getLogger(__name__)

RAW = re.compile(r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]+>)", re.S | re.I)
"""Tags, and elements whose content is not text (scripts, styles, comments)."""
READABLE_ATTRS = ("title", "alt", "aria-label", "placeholder", "content", "label")
"""Attributes shown or read aloud to a reader (``content``: the page's meta description)."""
PRINT_ATTRS = ("data-course", "data-doc")
"""Print documents: running headers, shown through CSS ``string-set: attr(...)``."""


def _attr_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Matches ``name="value"`` of the given attributes (value in group 2)."""
    return re.compile(r'(\s(?:' + "|".join(names) + r')=")([^"]*)(")', re.I)


_ATTR = _attr_pattern(READABLE_ATTRS)
_NOT_TEXT = ("<script", "<style", "<!--")


def convert_html(html: str, conv: Converter, extra_attrs: tuple[str, ...] = ()) -> str:
    """``html`` with its text nodes and readable attributes (and ``extra_attrs``) in Traditional Chinese."""
    attrs = _attr_pattern(READABLE_ATTRS + extra_attrs) if extra_attrs else _ATTR
    parts = RAW.split(html)
    texts: list[str] = []        # what to convert, in order
    slots: list[tuple[int, int, int]] = []  # (part, start, end) of each text in its part
    for i, part in enumerate(parts):
        if i % 2 == 0:
            slots.append((i, 0, len(part)))
            texts.append(part)
        elif not part.lower().startswith(_NOT_TEXT):
            for m in attrs.finditer(part):
                slots.append((i, m.start(2), m.end(2)))
                texts.append(m.group(2))
    converted = conv.convert_many(texts)
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for (i, start, end), old, new in zip(slots, texts, converted):
        if new != old:
            edits.setdefault(i, []).append((start, end, new))
    for i, changes in edits.items():
        part = parts[i]
        for start, end, new in reversed(changes):  # from the end: earlier offsets stay valid
            part = part[:start] + new + part[end:]
        parts[i] = part
    return "".join(parts)
