"""A worksheet's shape as JSON for the browser collector (作业汇总, teacher edition).

The same facts the CLI reads from the registry (fields, rubric), in the names the browser uses
(``ck-fields.js``): the gradebook the page writes must have the CLI's columns (README.md here).
Teacher-only: the rubric is inside, so only the teacher edition may embed it.
"""

from __future__ import annotations

from typing import Any

from ..models.worksheet import Worksheet
from ..render import content_version


def field_spec(f: Any, section: str) -> dict[str, Any]:
    """One field: id, kind, label, section and what its kind needs to lay out columns."""
    out: dict[str, Any] = {"id": f.id, "kind": f.kind, "label": f.label, "section": section}
    if f.kind == "table":
        out.update(columns=list(f.columns), rowLabels=list(f.row_labels), rows=f.rows or 0)
    elif f.kind == "matrix":
        out.update(rowHeads=list(f.rows), colHeads=list(f.columns),
                   cells=[{"id": q.id, "label": q.label} for q in f.quadrants])
    elif f.kind in ("checklist", "rating"):
        out["items"] = list(f.items)
        if f.kind == "rating":
            out["scale"] = list(f.scale)
    return out


def worksheet_spec(ws: Worksheet) -> dict[str, Any]:
    """The worksheet for the collector: identity, version, fields in order and the rubric (or None)."""
    rubric = None
    if ws.rubric:
        rubric = {"levels": list(ws.rubric.levels), "total": ws.rubric.total,
                  "criteria": [{"name": c.name, "points": c.points, "descriptors": list(c.descriptors)}
                               for c in ws.rubric.criteria]}
    return {"id": ws.id, "label": ws.label, "title": ws.title, "version": content_version(ws),
            "fields": [field_spec(f, s.title) for s in ws.sections for f in s.fields], "rubric": rubric}
