"""Search entries for worksheets, SOPs, cases and glossary terms, at their anchors.

material's index has one entry per heading, so a worksheet embedded in a
lesson (``#ws-<id>``) or a term on the glossary page (``#term-<id>``) has no
entry of its own. These entries give each record one, titled like the record,
so a search for its title lands on it. The glossary's definitions move into
their term's entry (the page's own copy is left out of the index, see
:data:`EXCLUDED`), so they are not indexed twice.
"""

from __future__ import annotations

import logging

from .. import kinds
from ..site import Site
from .index import Entry

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
    '<h2 id="selfcheck">': "a lesson's 课后自测 (the whole section): stems, answers and 解析, not where an idea is taught",
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
    """An entry per record of each kind that declares one (:attr:`Kind.search`), at the page and anchor
    that show it.

    ``urls`` maps each page's source path to its URL in this build.
    """
    entries: list[Entry] = []
    for k in kinds.ALL:
        if k.search is None:
            continue
        for rec in site.reg.records[k.name].values():
            if k.embed == "link" and k.library_page:  # its macro links to the library page: that is its home
                page, anchor = k.library_page, k.anchor + rec.id
            else:
                page, anchor = site.home_of(k.name, rec.id)
            if page not in urls:
                continue
            title, text = k.search(rec)
            entries.append(Entry(f"{urls[page]}#{anchor}", title, text))
    return entries
