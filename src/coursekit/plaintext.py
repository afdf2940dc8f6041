"""Markdown from data fields as plain text: :func:`plain` for spreadsheet cells, slides and file listings,
:func:`index_text` for the search index (paragraphs kept, everything else escaped)."""

from __future__ import annotations

import html
import logging
import re
from html import unescape

from .markup import md

log = logging.getLogger(__name__)

_BLOCK_END = re.compile(r"</(p|li|h\d|tr|div|table|ul|ol)>")
_LIST_ITEM = re.compile(r"<li>")
_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Render Markdown, then drop the markup: list items keep a bullet, blocks a line break."""
    rendered = str(md(text))
    rendered = _LIST_ITEM.sub("<li>• ", rendered)
    rendered = _BLOCK_END.sub("\n", rendered).replace("<br />", "\n")
    lines = (html.unescape(_TAG.sub("", line)).strip() for line in rendered.splitlines())
    return "\n".join(line for line in lines if line)


def index_text(markdown_text: str, inline: bool = False) -> str:
    """Markdown from a data field as index text: paragraphs kept, other tags dropped."""
    html = str(md(markdown_text))
    html = re.sub(r"<(?!/?p>)[^>]+>", "", html)
    text = re.sub(r"\s+", " ", unescape(html)).strip()
    text = text.replace("&", "&amp;").replace("<p>", "\0").replace("</p>", "\1")
    text = text.replace("<", "&lt;").replace(">", "&gt;").replace("\0", "<p>").replace("\1", "</p>")
    if inline:
        text = re.sub(r"</?p>", " ", text).strip()
    return text


FORMULA_START = ("=", "+", "-", "@")


def is_formula_like(value: str) -> bool:
    """True when a spreadsheet would read the text as a formula (CSV/formula injection)."""
    return value.startswith(FORMULA_START)
