"""PDF with WeasyPrint, in Noto Sans/Serif CJK SC (TC for Traditional handouts).

The documents carry ``lang="zh-CN"`` or ``"zh-TW"`` (without it fontconfig picks
the Japanese forms of shared glyphs) and every ``@page`` margin box names its
font again (margin boxes do not inherit from the body). The stylesheets name
the SC fonts; another language's are swapped in when they are loaded
(:mod:`.fonts`), and so is the text of their ``content`` strings (the page
footer) when the caller passes a conversion.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..hant.convert import Converter
from ..hant.office import convert_pdf_html
from .fontcheck import require
from .fonts import DEFAULT, localize_css

log = logging.getLogger(__name__)

HANDOUT_STYLES = ("print/common.css", "print/handout.css")
BOOK_STYLES = ("print/common.css", "print/book.css")


@lru_cache(maxsize=1)
def _fonts() -> Any:
    """One font configuration per process (WeasyPrint caches fonts in it)."""
    from weasyprint.text.fonts import FontConfiguration
    return FontConfiguration()


@lru_cache(maxsize=16)
def _stylesheet(path: str, mtime: int, lang: str = DEFAULT, convert: Callable[[str], str] | None = None) -> Any:
    """A parsed stylesheet in ``lang``'s fonts (text through ``convert``), reused for every document of this process.

    ``mtime`` invalidates the cached sheet when the file changes.
    """
    from weasyprint import CSS
    if lang == DEFAULT and convert is None:  # the file as written: Simplified PDFs stay byte for byte the same
        return CSS(filename=path, font_config=_fonts())
    css = localize_css(Path(path).read_text(encoding="utf-8"), lang)
    return CSS(string=convert(css) if convert else css, base_url=path, font_config=_fonts())


def write_pdf(html: str, dest: Path, templates: Path, styles: tuple[str, ...] = HANDOUT_STYLES,
              lang: str = DEFAULT, conv: Converter | None = None) -> None:
    """Render ``html`` with the print stylesheets, in ``lang``'s fonts, into ``dest``.

    ``conv`` (繁體) converts the HTML's text and the stylesheets' text: the page footer (``第 N 页``)
    is a CSS ``content`` string.
    """
    from weasyprint import HTML
    require(lang)  # never boxes for glyphs: FontsMissing (planning checked already; cached per process)
    convert = None
    if conv is not None:
        html, convert = convert_pdf_html(html, conv), conv.convert
    sheets = [_stylesheet(str(templates / s), (templates / s).stat().st_mtime_ns, lang, convert) for s in styles]
    document = HTML(string=html, base_url=str(templates)).render(stylesheets=sheets, font_config=_fonts())
    document.write_pdf(dest)
    log.debug("%s: %d pages", dest.name, len(document.pages))
