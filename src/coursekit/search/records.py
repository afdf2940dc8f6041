"""Search entries for worksheets, SOPs, cases and glossary terms, at their anchors.

material's index has one entry per heading, so a worksheet embedded in a
lesson (``#ws-<id>``) or a term on the glossary page (``#term-<id>``) has no
entry of its own. These entries give each record one, titled like the record,
so a search for its title lands on it. The glossary's definitions move into
their term's entry (the page's own copy is left out of the index, see
:data:`EXCLUDED`), so they are not indexed twice.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from ..site import ANCHOR_PREFIX, LIBRARY_PAGES, Site
from .index import Entry, plain

log = logging.getLogger(__name__)

EXCLUDED: dict[str, str] = {
    '<pre class="mermaid">': "a diagram's source code, drawn live (no picture in diagrams/); its caption says it in words",
    '<dl class="ck-lesson-meta">': "project and minutes of a lesson: the same on every lesson",
    '<p class="ck-sources">': "source titles, repeated on every lesson",
    '<table class="ck-tasks">': "a project's task list: titles and key points indexed on the tasks",
    '<ul class="ck-resource-list">': "a project's record list: each record has its own entry",
    '<table class="ck-library-table">': "library listings: each record has its own entry",
    '<dl class="ck-terms">': "glossary definitions: each term has its own entry",
    '<h2 id="summary">': "a lesson's recap (the whole section): a search should land where an idea is taught",
}
"""Opening tags whose content stays out of the search index, and why.

Each must be an element with no element of the same tag inside it: material's
parser matches ``data-search-exclude`` elements by tag name. A heading leaves
out its whole section. A pre-rendered diagram's ``<svg>`` (labels, styles) is
not in the page yet when material indexes it (:mod:`coursekit.diagrams` puts it in afterwards).
"""


def exclude_from_search(html: str) -> str:
    """Mark the blocks of :data:`EXCLUDED` so material's search plugin skips them.

    The attribute has a value, so material removes it from the page after indexing.
    """
    for tag in EXCLUDED:
        html = html.replace(tag, tag[:-1] + ' data-search-exclude="coursekit">')
    return html


def record_entries(site: Site, urls: dict[str, str]) -> list[Entry]:
    """An entry per worksheet, SOP, case and term, at the page and anchor that show it.

    ``urls`` maps each page's source path to its URL in this build.
    """
    entries: list[Entry] = []
    reg = site.reg
    for kind, records in reg.records.items():
        if kind == "bibliography":
            continue
        for rec in records.values():
            if kind == "glossary":  # term() links to the glossary; home_of would name the first page using it
                page, anchor = LIBRARY_PAGES[kind], ANCHOR_PREFIX[kind] + rec.id
            else:
                page, anchor = site.home_of(kind, rec.id)
            if page not in urls:
                continue
            title, text = _describe(kind, rec)
            entries.append(Entry(f"{urls[page]}#{anchor}", title, text))
    return entries


def _describe(kind: str, rec: Any) -> tuple[str, str]:
    """Title and short text of a record's entry, as HTML: material inserts both into the result list
    unescaped, so every plain-text field is escaped here (``plain`` escapes what Markdown fields hold)."""
    if kind == "worksheets":
        label = f"{_escape(rec.label)} " if rec.label else ""
        return f"{label}{_escape(rec.title)}", "工作单：" + plain(rec.purpose, inline=True)
    if kind == "sops":
        return _escape(rec.title), f"SOP（{_escape(rec.cadence)}）：" + plain(rec.scope, inline=True)
    if kind == "cases":
        nature = "教学案例（虚构）" if rec.fictional else "案例"
        return _escape(rec.title), f"{nature}：{_escape(rec.brand)}，{_escape(rec.industry)}"
    parts = [plain(rec.definition)]
    if rec.aliases:
        parts.append(f"<p>又称：{_escape('、'.join(rec.aliases))}</p>")
    if rec.english:
        parts.append(f"<p>{_escape(rec.english)}</p>")
    return _escape(rec.term), "".join(parts)


def _escape(text: str) -> str:
    """Text as HTML text (element content only: quotes stay, so "Dunbar's" is still one word to the index)."""
    return html.escape(text, quote=False)
