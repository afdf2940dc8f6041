"""``coursekit slides``: an editable PowerPoint deck per project, made from the course's own content.

:mod:`.markdown` reads a page into blocks, :mod:`.outline` (with
:mod:`.records`) turns a project into :class:`~.spec.Slide` specs,
:mod:`.diagrams` draws the mermaid diagrams with the site's mermaid in
Chromium, :mod:`.layout` makes the master (16:9, CJK fonts, the course's
colours) and :mod:`.writer` draws each slide with python-pptx: text stays
text, tables are real tables, only diagrams are pictures. The teacher's notes
(教学建议, timing, reference answers, discussion guidance) are speaker notes, so
the decks are teacher material: the site links them from the teacher edition only.
"""

from __future__ import annotations

SITE_FOLDER = "slides"
"""Folder under the site's downloads/ that ``make teacher`` fills with the decks."""


def deck_name(slug: str) -> str:
    """File name of a project's deck (kept free of heavy imports: the site's templates use it)."""
    return f"{slug}.pptx"
