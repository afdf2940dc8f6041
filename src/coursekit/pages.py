"""Read Markdown pages: split front matter and find the macro calls in them.

Macro calls are checked statically (no rendering needed), so a call naming an
unknown id is reported with its exact line. The body is read once, by
:mod:`coursekit.mdread` (:attr:`Page.doc`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import mdread
from .errors import Problem
from .mdread import FRONT_MATTER, MACRO_CALL, split_front_matter
from .yamlio import LineMap, YamlError, parse_yaml

log = logging.getLogger(__name__)

__all__ = ["FRONT_MATTER", "MACRO_CALL", "Page", "read_page", "split_front_matter"]


@dataclass
class Page:
    """A Markdown page: where it is, its front matter and its body."""

    rel: str
    meta: dict[str, Any]
    lines: LineMap
    body: str
    body_line: int  # file line of the body's first line
    calls: list[tuple[str, str | None, int]] = field(default_factory=list)

    @cached_property
    def doc(self) -> mdread.Doc:
        """The body read once: fences, boxes, headings, macro calls with file lines."""
        return mdread.read(self.body, self.body_line)


def read_page(path: Path, rel: str) -> tuple[Page | None, list[Problem]]:
    """Read a page, parsing its front matter; problems carry file lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(rel, None, "encoding", f"the file is not UTF-8 (byte {exc.start}); save it as UTF-8")]
    text = text.lstrip("\ufeff")
    fm, body, body_line = split_front_matter(text)
    if body_line == 1 and re.match(r"---[ \t]*\n", text):
        return None, [Problem(rel, 1, "front-matter", "the front matter is not closed; end it with a line '---'")]
    meta: Any = {}
    lines: LineMap = {}
    if fm.strip():
        try:
            meta, raw = parse_yaml(fm, rel)
        except YamlError as exc:
            return None, [Problem(p.path, (p.line or 0) + 1, p.rule, p.message) for p in exc.problems]
        lines = {k: v + 1 for k, v in raw.items()}  # front matter starts on line 2
    if not isinstance(meta, dict):
        return None, [Problem(rel, 2, "front-matter", "front matter must be a mapping of fields (key: value)")]
    templated = _templated(meta, ())
    if templated:  # mkdocs-macros would run them (it renders a page's title as a template)
        return None, [Problem(rel, lines.get(loc), "front-matter",
                              f"{'.'.join(map(str, loc))}: front matter must not contain '{{{{', '{{%' or '{{#'; "
                              f"write the text without them") for loc in templated]
    page = Page(rel, meta, lines, body, body_line)
    page.calls = [(m.name, m.arg, m.line) for m in page.doc.macros]
    return page, []


def _templated(value: Any, loc: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """Where a front matter value holds Jinja markup."""
    if isinstance(value, dict):
        return [found for k, v in value.items() for found in _templated(v, (*loc, k))]
    if isinstance(value, list):
        return [found for i, v in enumerate(value) for found in _templated(v, (*loc, i))]
    return [loc] if isinstance(value, str) and re.search(r"\{[{%#]", value) else []
