"""Mermaid diagrams drawn once to SVG (``diagrams/<key>.svg``) and inlined into pages at build time.

Pages with inlined diagrams never load the 3.5 MB ``mermaid.min.js``. A fence
whose picture is missing is left for material to draw live with the vendored
mermaid, and the build says so: a WARNING under ``mkdocs build`` (strict builds
fail, so CI catches a diagram changed without ``make diagrams``), INFO under
``mkdocs serve`` (a contributor editing a diagram sees it drawn live).
``coursekit diagrams`` (:mod:`coursekit.diagrams_render`) draws the pictures.

The fence leaves a marker (an HTML comment) where the picture goes, and the
page gets its pictures only once it is built (``on_post_page``): material's
search plugin then never parses the pictures' markup (a megabyte for this
course) only to leave it out of the index, as it must (the labels are in the
captions already).

The ``on_*`` functions are mkdocs hooks (``hooks/diagrams.py`` imports them; it is
listed under ``hooks:`` in mkdocs.yml): they give the fence the pictures' folder,
the command (build or serve) and the page being rendered, and put the pictures in.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from pymdownx.superfences import fence_code_format

from . import mdread

log = logging.getLogger(__name__)
build_log = logging.getLogger(f"mkdocs.plugins.{__name__}")
"""Messages for the build: mkdocs prints (and, when strict, counts) only its own loggers' records."""

RENDER_VERSION = "1"
"""Part of every key: bump it when the drawing recipe or the vendored mermaid changes (all are redrawn)."""

FOLDER = "diagrams"
"""The pictures' folder, next to mkdocs.yml."""

LIVE_ENV = "COURSEKIT_DIAGRAMS"
"""``COURSEKIT_DIAGRAMS=live`` leaves every diagram to mermaid, quietly (``coursekit diagrams`` builds so)."""

_state: dict[str, Any] = {"folder": None, "serve": False, "page": "?"}  # set by the hooks


def normalise(source: str) -> str:
    """The fence source without trailing whitespace on its lines or at its end."""
    return "\n".join(line.rstrip() for line in source.rstrip().splitlines())


def key(source: str) -> str:
    """The picture's file stem: a short hash of the normalised source and :data:`RENDER_VERSION`."""
    return hashlib.sha256(f"{RENDER_VERSION}\n{normalise(source)}".encode()).hexdigest()[:16]


MARKER = re.compile(r"<!--ck-diagram ([0-9a-f]{16})-->")
"""Where the fence put a picture: filled in by :func:`on_post_page`."""

def mermaid_fences(markdown: str) -> list[mdread.Fence]:
    """Each mermaid fence in a page's Markdown, found as lint and the student edition find fences (for checks)."""
    return [f for f in mdread.read(markdown).fences if f.lang == "mermaid" and f.closed]


def fences(markdown: str) -> list[str]:
    """The source of each mermaid fence in a page's Markdown, dedented as superfences passes it (for checks)."""
    return [f.source() for f in mermaid_fences(markdown)]


def element_id(name: str) -> str:
    """The id of the picture's ``<svg>`` element; every other id in it starts with this too."""
    return f"ck-diagram-{name}"


def on_startup(command: str, dirty: bool) -> None:
    """mkdocs hook: ``mkdocs serve`` only reports missing pictures (INFO); ``mkdocs build`` warns."""
    _state["serve"] = command == "serve"


HOOKS = ["on_startup", "on_config", "on_page_markdown", "on_post_page"]
"""What ``hooks/diagrams.py`` must give mkdocs (``from coursekit.diagrams import *``)."""
__all__ = HOOKS


def on_config(config: Any) -> Any:
    """mkdocs hook: the pictures are in diagrams/ next to mkdocs.yml (and some hook must put them in pages)."""
    _state["folder"] = Path(config["config_file_path"]).parent / FOLDER
    if not any(getattr(hook, "on_post_page", None) is on_post_page for hook in config["plugins"].values()):
        raise PluginError("diagrams: the hook file that imports coursekit.diagrams must import on_post_page too "
                          "(write `from coursekit.diagrams import *`), or pages would show no diagrams")
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """mkdocs hook: name the page being converted (``docs/…md``), for messages."""
    _state["page"] = f"{Path(config['docs_dir']).name}/{page.file.src_uri}"
    return markdown


@event_priority(50)  # before the 繁體 edition converts the page (hooks/languages.py): the labels are converted too
def on_post_page(output: str, page: Any, config: Any) -> str:
    """mkdocs hook: put the pictures into the built page, where the fence left its markers."""
    return inline(output)


def inline(html: str) -> str:
    """``html`` with each marker replaced by its picture (ids made unique if a page shows one picture twice)."""
    if "<!--ck-diagram " not in html:
        return html
    seen: set[str] = set()
    return MARKER.sub(lambda m: _picture(m.group(1), seen), html)


def fence(source: str, language: str, class_name: str, options: Any, md: Any, **kwargs: Any) -> str:
    """A superfences custom fence: the inlined picture, else what ``fence_code_format`` gives (drawn live)."""
    folder: Path | None = _state["folder"]
    name = key(source)
    path = folder / f"{name}.svg" if folder is not None else None
    if os.environ.get(LIVE_ENV, "").strip().lower() != "live":
        if path is not None and path.is_file():
            log.debug("%s: diagram %s inlined", _state["page"], path.name)
            return f'<div class="ck-diagram"><!--ck-diagram {name}--></div>'
        first = normalise(source).lstrip().split("\n", 1)[0].strip()
        if folder is None:
            build_log.warning("diagrams: list hooks/diagrams.py under hooks: in mkdocs.yml to inline pictures")
        build_log.log(logging.INFO if _state["serve"] else logging.WARNING,
                '%s: diagram "%s" has no pre-rendered picture; run `make diagrams`', _state["page"], first)
    return str(fence_code_format(source, language, class_name, options, md, **kwargs))


def _picture(name: str, seen: set[str]) -> str:
    """The picture ``diagrams/<name>.svg``, its ids unique on a page that shows it twice (``seen``: shown so far)."""
    folder: Path = _state["folder"]
    svg = (folder / f"{name}.svg").read_text(encoding="utf-8").strip()
    if name in seen:  # the same diagram again on this page: its ids must not clash with the first copy
        n = 2
        while f"{name}-{n}" in seen:
            n += 1
        svg = svg.replace(element_id(name), element_id(f"{name}-{n}"))
        name = f"{name}-{n}"
    seen.add(name)
    return svg
