"""Stored answers as the field types read them: gradebook cells, table rows, text compared with Word.

The browser stores each field's answer in the shape its type gives it (ck-fieldkinds.js); these helpers
read such values defensively (a hand-in may hold anything) for coursekit.models.fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Value = str | int | None
"""One gradebook cell."""
Getter = Callable[[dict[str, Any]], Value]
"""How a gradebook column gets its cell from one submission's answers (field id → stored value)."""

CHECKED = "✓"          # a ticked checklist item in the gradebook
MAX_TABLE_ROWS = 200   # rows of a blank-row table given columns; keeps a sheet far below Excel's 16,384 columns
_SPACE = re.compile(r"\s+")


def text_value(v: Any) -> str | None:
    """A string answer, or None."""
    return v if isinstance(v, str) and v != "" else None


def norm(value: Any) -> str:
    """Text with runs of whitespace as one space (Word and the browser wrap differently); "" for non-text."""
    return _SPACE.sub(" ", value if isinstance(value, str) else "").strip()


def keyed_row(row: Any, cols: list[str]) -> dict[str, Any] | None:
    """A table row as {column header: cell}; a positional row only when it has exactly ``cols``' width
    (otherwise which cell belongs where is unknown, and the row is left for the 其他答案 column)."""
    if isinstance(row, dict):
        return row
    if isinstance(row, list) and len(row) == len(cols):
        return dict(zip(cols, row))
    return None


def text_getter(fid: str) -> Getter:
    return lambda answers: text_value(answers.get(fid))


def text_from_word(paras: list[str], tables: list[list[list[str]]], current: Any) -> str | None:
    """A text answer's Word paragraphs, when they differ from ``current`` (a table there is not an answer)."""
    text = "\n".join(paras)
    return text if not tables and norm(text) != norm(current) else None


def cell_getter(fid: str, row: int, col: str, cols: list[str]) -> Getter:
    """Getter for one table cell, by column header."""
    def get(answers: dict[str, Any]) -> Value:
        rows = answers.get(fid)
        if not isinstance(rows, list) or row >= len(rows):
            return None
        keyed = keyed_row(rows[row], cols)
        return text_value(keyed.get(col)) if keyed is not None else None
    return get


def grid(rows: Any, cols: list[str]) -> list[list[str]]:
    """Table answers as rows of cell strings, trailing empty rows dropped."""
    out = []
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict):
            out.append([norm(row.get(c)) for c in cols])
        elif isinstance(row, list) and len(row) == len(cols):
            out.append([norm(v) for v in row])
        else:
            out.append(["?"] * len(cols))  # not comparable; only differs if Word has the same shape
    while out and not any(out[-1]):
        out.pop()
    return out


def keyed_getter(fid: str, key: str) -> Getter:
    """Getter for a matrix cell's text."""
    def get(answers: dict[str, Any]) -> Value:
        v = answers.get(fid)
        return text_value(v.get(key)) if isinstance(v, dict) else None
    return get


def ticked_getter(fid: str, item: str) -> Getter:
    return lambda answers: CHECKED if isinstance(answers.get(fid), list) and item in answers[fid] else None


def score_getter(fid: str, item: str) -> Getter:
    """Getter for one rated item: a whole number (not a bool), else None."""
    def get(answers: dict[str, Any]) -> Value:
        v = answers.get(fid)
        n = v.get(item) if isinstance(v, dict) else None
        return n if isinstance(n, int) and not isinstance(n, bool) else None
    return get
