"""A worksheet's shape as JSON for the browser collector (作业汇总, teacher edition).

The same facts the CLI reads from the registry (fields, rubric), in the names the browser uses
(``ck-fieldkinds.js``): the gradebook the page writes must have the CLI's columns (README.md here).
Teacher-only: the rubric is inside, so only the teacher edition may embed it.
"""

from __future__ import annotations

from typing import Any

from ..models.worksheet import Field, Worksheet
from ..render import content_version


def field_spec(f: Field, section: str) -> dict[str, Any]:
    """One field: id, kind, label, section and what its type needs to lay out columns (its ``spec()``)."""
    return {"id": f.id, "kind": f.kind, "label": f.label, "section": section, **f.spec()}


def worksheet_spec(ws: Worksheet) -> dict[str, Any]:
    """The worksheet for the collector: identity, version, fields in order and the rubric (or None)."""
    rubric = None
    if ws.rubric:
        rubric = {"levels": list(ws.rubric.levels), "total": ws.rubric.total,
                  "criteria": [{"name": c.name, "points": c.points, "descriptors": list(c.descriptors)}
                               for c in ws.rubric.criteria]}
    return {"id": ws.id, "label": ws.label, "title": ws.title, "version": content_version(ws),
            "fields": [field_spec(f, s.title) for s in ws.sections for f in s.fields], "rubric": rubric}
