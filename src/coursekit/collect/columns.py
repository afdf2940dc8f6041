"""A worksheet's answers as spreadsheet columns, from the worksheet's schema in the registry.

Each field type declares its columns (``answer_columns`` in coursekit.models.fields): text fields get
one column; tables one column per row × column (rows a student added get columns too; cells are found
by column header, old positional rows by position only when the width matches); SWOT-style matrices
one per cell; checklists and ratings one per item. Answers that fit no column (``fits`` is false, or a
field removed in a later version, 旧版本答案) go to one last column, so nothing is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..models.answers import Value
from ..models.worksheet import Worksheet
from .submission import Submission

log = logging.getLogger(__name__)

OTHER = "其他答案（旧版本或无对应栏目）"
MAX_COLUMNS = 16000    # answer columns of one sheet, whatever the worksheet


@dataclass(frozen=True)
class Column:
    """One answer column: its header and how to get its value from a submission's answers."""

    header: str
    get: Callable[[dict[str, Any]], Value]


def _rows_used(fid: str, subs: list[Submission]) -> int:
    """The most rows any submission filled in a blank-row table."""
    counts = [len(s.answers[fid]) for s in subs if isinstance(s.answers.get(fid), list)]
    return max(counts, default=0)


def columns(ws: Worksheet, subs: list[Submission]) -> list[Column]:
    """The answer columns of a worksheet, in the order of its fields (each field type declares its own)."""
    out = [Column(header, get) for f in ws.fields() for header, get in f.answer_columns(_rows_used(f.id, subs))]
    return out[:MAX_COLUMNS]


def cut_notes(ws: Worksheet, sub: Submission) -> list[str]:
    """Notes for answers the gradebook lays out only in part (tables with more rows than it lists)."""
    return [note for f in ws.fields() if (note := f.cut_note(sub.answers.get(f.id))) is not None]


def leftovers(ws: Worksheet, sub: Submission) -> str | None:
    """Answers with no column (unknown field ids, wrong shapes, items no longer listed) and 旧版本答案, as text."""
    fields = {f.id: f for f in ws.fields()}
    lines = []
    for fid, value in sub.answers.items():
        f = fields.get(fid)
        if f is None or not f.fits(value):
            lines.append(f"{fid}：{_as_text(value)}")
    for o in sub.old:
        lines.append(f"{o.get('label') or o.get('field') or '?'}（旧版本）：{_as_text(o.get('value'))}")
    return "\n".join(lines) or None


def _as_text(value: Any) -> str:
    """Any stored value as readable text."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(" | ".join(map(str, v)) if isinstance(v, list) else _as_text(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}：{_as_text(v)}" for k, v in value.items())
    return "" if value is None else str(value)
