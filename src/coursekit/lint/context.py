"""What every lint rule sees: the course root, its pages scanned, the registry and rendered pages."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from pymdownx.slugs import slugify

from ..errors import Problem
from ..pages import Page
from ..registry import Registry
from .config import Config
from .mdscan import Scan, scan

log = logging.getLogger(__name__)

_slug = slugify(case="lower")  # as mkdocs.yml's toc extension


def heading_slug(text: str) -> str:
    """The id mkdocs gives a heading without an explicit one."""
    return str(_slug(text, "-"))


@dataclass
class Context:
    """The course as the lint rules see it.

    ``rendered`` holds each page's Markdown after its macros ran, per edition;
    it is empty when the data has errors (rules needing it then wait).
    """

    root: Path
    config: Config
    pages: dict[str, Page]                 # docs-relative path → page
    reg: Registry | None = None
    rendered: dict[tuple[str, str], str] = field(default_factory=dict)  # (edition, src) → Markdown
    _scans: dict[str, Scan] = field(default_factory=dict)
    _rendered_scans: dict[tuple[str, str], Scan] = field(default_factory=dict)

    def scan(self, src: str) -> Scan:
        """The scan of page ``src`` as written."""
        if src not in self._scans:
            self._scans[src] = scan(self.pages[src])
        return self._scans[src]

    def rendered_scan(self, edition: str, src: str) -> Scan | None:
        """The scan of page ``src`` after its macros ran in ``edition``, if it was rendered."""
        key = (edition, src)
        if key not in self._rendered_scans:
            if key not in self.rendered:
                return None
            page = self.pages[src]
            self._rendered_scans[key] = scan(Page(page.rel, page.meta, {}, self.rendered[key], 1))
        return self._rendered_scans[key]

    def anchors(self, edition: str, src: str) -> set[str] | None:
        """Every id on page ``src`` in ``edition``: written, made by macros, or made from headings."""
        found = self.rendered_scan(edition, src)
        if found is None:
            return None
        ids = {i for _, i in found.ids}
        ids |= {heading_slug(h.text) for h in found.headings if h.id is None}
        return ids

    @property
    def editions(self) -> tuple[str, ...]:
        """The editions that were rendered."""
        return tuple(sorted({e for e, _ in self.rendered}))


def problem(page: Page, line: int | None, rule: str, message: str) -> Problem:
    """A lint problem in ``page`` (severity is applied later, from the config)."""
    return Problem(page.rel, line, rule, message)
