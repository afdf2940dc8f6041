"""Page URLs as mkdocs computes them, and links between pages."""

from __future__ import annotations

from mkdocs.utils import get_relative_url


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL of the page built from ``src`` (a docs-relative ``.md`` path)."""
    stem = src[:-3]
    if not directory_urls:  # the offline bundle: every page is a file
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def link(target_src: str, from_src: str, anchor: str = "", directory_urls: bool = True) -> str:
    """A relative link from one page to another (and an anchor on it)."""
    url = get_relative_url(page_url(target_src, directory_urls) or ".", page_url(from_src, directory_urls) or ".")
    if directory_urls and not url.endswith("/") and not url.endswith(".html"):
        url += "/"
    return url + (f"#{anchor}" if anchor else "")
