"""Mermaid diagrams drawn once to SVG (``diagrams/<key>.svg``) and inlined into pages at build time.

Pages with inlined diagrams never load the 3.5 MB ``mermaid.min.js``. A fence
whose picture is missing is left for material to draw live with the vendored
mermaid, and the build says so: a WARNING under ``mkdocs build`` (strict builds
fail, so CI catches a diagram changed without ``make diagrams``), INFO under
``mkdocs serve`` (a contributor editing a diagram sees it drawn live).
``coursekit diagrams`` (:mod:`coursekit.diagrams_render`) draws the pictures.

The fence leaves a marker (an HTML comment) where the picture goes, and the
page gets its pictures only once it is built (the plugin's ``on_post_page``): material's
search plugin then never parses the pictures' markup (a megabyte for this
course) only to leave it out of the index, as it must (the labels are in the
captions already).

A :class:`Diagrams` belongs to one build (the coursekit plugin, :mod:`coursekit.plugin`, makes it
and installs its :meth:`Diagrams.fence` in place of :func:`fence` named in mkdocs.yml): it knows
the pictures' folder, the command (build or serve) and the page being rendered.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path
from typing import Any

from pymdownx.superfences import fence_code_format

from . import mdread

log = logging.getLogger(__name__)
build_log = logging.getLogger(f"mkdocs.plugins.{__name__}")
"""Messages for the build: mkdocs prints (and, when strict, counts) only its own loggers' records."""

RENDER_VERSION = "1"
"""Part of every key: bump it when the drawing recipe or the vendored mermaid changes (all are redrawn)."""

FOLDER = "diagrams"
"""The pictures' folder, next to mkdocs.yml."""


def normalise(source: str) -> str:
    """The fence source without trailing whitespace on its lines or at its end."""
    return "\n".join(line.rstrip() for line in source.rstrip().splitlines())


def key(source: str) -> str:
    """The picture's file stem: a short hash of the normalised source and :data:`RENDER_VERSION`."""
    return hashlib.sha256(f"{RENDER_VERSION}\n{normalise(source)}".encode()).hexdigest()[:16]


MARKER = re.compile(r"<!--ck-diagram ([0-9a-f]{16})-->")
"""Where the fence put a picture: filled in by :meth:`Diagrams.inline`."""

def mermaid_fences(markdown: str | mdread.Doc) -> list[mdread.Fence]:
    """Each mermaid fence in a page's Markdown (or its reading), found as lint and the student edition find
    fences (for checks)."""
    doc = mdread.read(markdown) if isinstance(markdown, str) else markdown
    return [f for f in doc.fences if f.lang == "mermaid" and f.closed]


def fences(markdown: str) -> list[str]:
    """The source of each mermaid fence in a page's Markdown, dedented as superfences passes it (for checks)."""
    return [f.source() for f in mermaid_fences(markdown)]


def element_id(name: str) -> str:
    """The id of the picture's ``<svg>`` element; every other id in it starts with this too."""
    return f"ck-diagram-{name}"


def fence(source: str, language: str, class_name: str, options: Any, md: Any, **kwargs: Any) -> str:
    """The custom fence mkdocs.yml names; the coursekit plugin swaps in :meth:`Diagrams.fence` (without it: drawn live)."""
    build_log.warning("diagrams: list the coursekit plugin under plugins in mkdocs.yml to inline pictures")
    return str(fence_code_format(source, language, class_name, options, md, **kwargs))


class Diagrams:
    """This build's pictures: where they are, and how missing ones are reported."""

    def __init__(self, root: Path, *, live: bool = False, serve: bool = False) -> None:
        """``root``: the folder of mkdocs.yml; ``live``: leave every diagram to mermaid, quietly
        (``coursekit diagrams`` builds so); ``serve``: ``mkdocs serve`` only reports missing pictures (INFO)."""
        self.folder = root / FOLDER
        self.live = live
        self.serve = serve
        self.page = "?"  # the page being converted (docs/…md), for messages

    def install(self, mdx_configs: dict[str, Any]) -> None:
        """Put :meth:`fence` in place of :func:`fence` in superfences' custom fences."""
        for custom in (mdx_configs.get("pymdownx.superfences") or {}).get("custom_fences", []):
            if custom.get("format") is fence:
                custom["format"] = self.fence

    def fence(self, source: str, language: str, class_name: str, options: Any, md: Any, **kwargs: Any) -> str:
        """A superfences custom fence: the inlined picture, else what ``fence_code_format`` gives (drawn live)."""
        name = key(source)
        path = self.folder / f"{name}.svg"
        if not self.live:
            if path.is_file():
                log.debug("%s: diagram %s inlined", self.page, path.name)
                return f'<div class="ck-diagram"><!--ck-diagram {name}--></div>'
            first = normalise(source).lstrip().split("\n", 1)[0].strip()
            build_log.log(logging.INFO if self.serve else logging.WARNING,
                          '%s: diagram "%s" has no pre-rendered picture; run `make diagrams`', self.page, first)
        return str(fence_code_format(source, language, class_name, options, md, **kwargs))

    def inline(self, html: str) -> str:
        """``html`` with each marker replaced by its picture (ids made unique if a page shows one picture twice)."""
        if "<!--ck-diagram " not in html:
            return html
        seen: set[str] = set()
        return MARKER.sub(lambda m: self._picture(m.group(1), seen), html)

    def _picture(self, name: str, seen: set[str]) -> str:
        """The picture ``diagrams/<name>.svg``, its ids unique on a page that shows it twice (``seen``: shown so far)."""
        svg = (self.folder / f"{name}.svg").read_text(encoding="utf-8").strip()
        if name in seen:  # the same diagram again on this page: its ids must not clash with the first copy
            n = 2
            while f"{name}-{n}" in seen:
                n += 1
            svg = svg.replace(element_id(name), element_id(f"{name}-{n}"))
            name = f"{name}-{n}"
        seen.add(name)
        return svg
