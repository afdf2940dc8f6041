"""Markdown inside data fields, rendered safely.

Data fields may use Markdown (lists, emphasis, tables) but never raw HTML:
HTML a contributor or student types is escaped, so it shows as text.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import markdown
from markupsafe import Markup

log = logging.getLogger(__name__)

# What data fields share with the pages: mkdocs.yml's markdown_extensions lists each of these
# (tests/test_nested_lists.py checks every edition), so a nested list or a ++key++ renders the same in both.
SHARED_EXTENSIONS = ("tables", "sane_lists", "pymdownx.keys", "coursekit.cjkbreaks", "coursekit.mdlists")


def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=list(SHARED_EXTENSIONS))
    md.preprocessors.deregister("html_block")
    # Links and images are not needed in data and could carry javascript: URLs.
    for name in ("html", "link", "image_link", "reference", "image_reference",
                 "short_reference", "short_image_ref", "autolink", "automail"):
        md.inlinePatterns.deregister(name)
    return md


_md = _converter()


@lru_cache(maxsize=8192)  # the same field is shown on several pages (library, homework); Markup is immutable
def md(text: str) -> Markup:
    """Render block Markdown to HTML with raw HTML escaped; no blank lines in the result."""
    _md.reset()
    html = _md.convert(text)
    return Markup(re.sub(r"\n\s*\n", "\n", html))


def md_inline(text: str) -> Markup:
    """Render one paragraph of Markdown without the surrounding ``<p>``."""
    html = str(md(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
