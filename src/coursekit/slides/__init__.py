"""``coursekit slides``: an editable PowerPoint deck per project, made from the course's own content.

:mod:`.markdown` reads a page into blocks, :mod:`.outline` (with each kind's
slides, :mod:`coursekit.kinds.slides`) turns a project into :class:`~coursekit.slidespec.Slide` specs,
:mod:`.diagrams` draws the mermaid diagrams with the site's mermaid in
Chromium, :mod:`.layout` makes the master (16:9, CJK fonts, the course's
colours) and :mod:`.writer` draws each slide with python-pptx: text stays
text, tables are real tables, only diagrams are pictures. The teacher's notes
(教学建议, timing, reference answers, discussion guidance) are speaker notes, so
the decks are teacher material: the site links them from the teacher edition only.
"""

from __future__ import annotations
