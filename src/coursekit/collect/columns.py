"""A worksheet's answers as spreadsheet columns, from the worksheet's schema in the registry.

Text fields get one column; tables one column per row × column (rows a student added get columns
too; cells are found by column header, old positional rows by position only when the width matches); SWOT-style matrices one per cell; checklists and ratings one per item. Answers that fit no
column (a field removed in a later version, 旧版本答案) go to one last column, so nothing is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..models.worksheet import Worksheet
from .submission import Submission

log = logging.getLogger(__name__)

CHECKED = "✓"
OTHER = "其他答案（旧版本或无对应栏目）"
MAX_TABLE_ROWS = 200   # rows of a blank-row table given columns; keeps a sheet far below Excel's 16,384 columns
MAX_COLUMNS = 16000    # answer columns of one sheet, whatever the worksheet

Value = str | int | None


@dataclass(frozen=True)
class Column:
    """One answer column: its header and how to get its value from a submission's answers."""

    header: str
    get: Callable[[dict[str, Any]], Value]


def _text(v: Any) -> str | None:
    """A string answer, or None."""
    return v if isinstance(v, str) and v != "" else None


def keyed_row(row: Any, cols: list[str]) -> dict[str, Any] | None:
    """A table row as {column header: cell}; a positional row only when it has exactly ``cols``' width
    (otherwise which cell belongs where is unknown, and the row is left for the 其他答案 column)."""
    if isinstance(row, dict):
        return row
    if isinstance(row, list) and len(row) == len(cols):
        return dict(zip(cols, row))
    return None


def _cell(fid: str, row: int, col: str, cols: list[str]) -> Callable[[dict[str, Any]], Value]:
    """Getter for one table cell, by column header."""
    def get(answers: dict[str, Any]) -> Value:
        rows = answers.get(fid)
        if not isinstance(rows, list) or row >= len(rows):
            return None
        keyed = keyed_row(rows[row], cols)
        return _text(keyed.get(col)) if keyed is not None else None
    return get


def _key(fid: str, key: str, kind: str) -> Callable[[dict[str, Any]], Value]:
    """Getter for a matrix cell, checklist item or rating item."""
    def get(answers: dict[str, Any]) -> Value:
        v = answers.get(fid)
        if kind == "checklist":
            return CHECKED if isinstance(v, list) and key in v else None
        if not isinstance(v, dict):
            return None
        if kind == "rating":
            return v.get(key) if isinstance(v.get(key), int) and not isinstance(v.get(key), bool) else None
        return _text(v.get(key))
    return get


def _rows_used(fid: str, subs: list[Submission]) -> int:
    """The most rows any submission filled in a blank-row table."""
    counts = [len(s.answers[fid]) for s in subs if isinstance(s.answers.get(fid), list)]
    return max(counts, default=0)


def columns(ws: Worksheet, subs: list[Submission]) -> list[Column]:
    """The answer columns of a worksheet, in the order of its fields."""
    out: list[Column] = []
    for f in ws.fields():
        if f.kind in ("text", "textarea"):
            out.append(Column(f.label, lambda a, fid=f.id: _text(a.get(fid))))  # type: ignore[misc]
        elif f.kind == "table":
            used = min(max(f.rows or 0, _rows_used(f.id, subs)), MAX_TABLE_ROWS)
            labels = f.row_labels or [f"第{i + 1}行" for i in range(used)]
            for r, row in enumerate(labels):
                for col in f.columns:
                    out.append(Column(f"{f.label}·{row}·{col}", _cell(f.id, r, col, list(f.columns))))
        elif f.kind == "matrix":
            out.extend(Column(f"{f.label}·{q.label}", _key(f.id, q.id, "matrix")) for q in f.quadrants)
        elif f.kind == "checklist" or f.kind == "rating":
            out.extend(Column(f"{f.label}·{item}", _key(f.id, item, f.kind)) for item in f.items)
    return out[:MAX_COLUMNS]


def cut_notes(ws: Worksheet, sub: Submission) -> list[str]:
    """Notes for tables with more rows than the gradebook lays out."""
    notes = []
    for f in ws.fields():
        rows = sub.answers.get(f.id)
        if f.kind == "table" and isinstance(rows, list):
            limit = len(f.row_labels) if f.row_labels else max(f.rows or 0, MAX_TABLE_ROWS)
            if len(rows) > limit:
                notes.append(f"表格“{f.label}”有 {len(rows)} 行，成绩表只列出前 {limit} 行；完整内容见原文件")
    return notes


def leftovers(ws: Worksheet, sub: Submission) -> str | None:
    """Answers with no column (unknown field ids, wrong shapes, items no longer listed) and 旧版本答案, as text."""
    fields = {f.id: f for f in ws.fields()}
    lines = []
    for fid, value in sub.answers.items():
        f = fields.get(fid)
        if f is None or not _fits(f, value):
            lines.append(f"{fid}：{_as_text(value)}")
    for o in sub.old:
        lines.append(f"{o.get('label') or o.get('field') or '?'}（旧版本）：{_as_text(o.get('value'))}")
    return "\n".join(lines) or None


def _fits(f: Any, value: Any) -> bool:
    """Does a stored answer fit the field's current shape completely?"""
    if f.kind in ("text", "textarea"):
        return isinstance(value, str)
    if f.kind == "table":
        cols = list(f.columns)
        rows_ok = not f.row_labels or len(value) <= len(f.row_labels) if isinstance(value, list) else False
        keyed = [keyed_row(r, cols) for r in value] if rows_ok else [None]
        # a cell under a header the worksheet no longer has would otherwise be lost
        return all(k is not None and all(c in cols or not _text(v) for c, v in k.items()) for k in keyed)
    if f.kind == "matrix":
        return isinstance(value, dict) and set(value) <= {q.id for q in f.quadrants}
    if f.kind == "checklist":
        return isinstance(value, list) and set(map(str, value)) <= set(f.items)
    return isinstance(value, dict) and set(value) <= set(f.items) and all(
        isinstance(n, int) and f.scale[0] <= n <= f.scale[1] for n in value.values())


def _as_text(value: Any) -> str:
    """Any stored value as readable text."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(" | ".join(map(str, v)) if isinstance(v, list) else _as_text(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{_as_text(v)}" for k, v in value.items())
    return "" if value is None else str(value)
