"""PDF with WeasyPrint, in Noto Sans/Serif CJK SC.

The documents carry ``lang="zh-CN"`` (without it fontconfig picks the Japanese
forms of shared glyphs) and every ``@page`` margin box names its font again
(margin boxes do not inherit from the body).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

HANDOUT_STYLES = ("print/common.css", "print/handout.css")
BOOK_STYLES = ("print/common.css", "print/book.css")


@lru_cache(maxsize=1)
def _fonts() -> Any:
    """One font configuration per process (WeasyPrint caches fonts in it)."""
    from weasyprint.text.fonts import FontConfiguration
    return FontConfiguration()


@lru_cache(maxsize=16)
def _stylesheet(path: str, mtime: int) -> Any:
    """A parsed stylesheet, reused for every document of this process (``mtime`` invalidates)."""
    from weasyprint import CSS
    return CSS(filename=path, font_config=_fonts())


def write_pdf(html: str, dest: Path, templates: Path, styles: tuple[str, ...] = HANDOUT_STYLES) -> None:
    """Render ``html`` with the print stylesheets into ``dest``."""
    from weasyprint import HTML
    sheets = [_stylesheet(str(templates / s), (templates / s).stat().st_mtime_ns) for s in styles]
    document = HTML(string=html, base_url=str(templates)).render(stylesheets=sheets, font_config=_fonts())
    document.write_pdf(dest)
    log.debug("%s: %d pages", dest.name, len(document.pages))
