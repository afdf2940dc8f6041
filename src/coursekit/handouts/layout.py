"""How much writing space each field gets on paper, shared by the PDF and the Word file.

Sizes are in millimetres. A line of handwriting needs about 8.5 mm; table
cells grow when there are few rows (each is a category to write about) or
many columns (narrow cells wrap more).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

LINE_MM = 8.5          # one handwritten line
TEXT_MM = 10.0         # a one-line answer
MATRIX_CELL_MM = 46.0  # each quadrant of a 2×2 matrix
CHECK_MM = 6.0         # one checklist item


def row_height_mm(field: Any) -> float:
    """Height of one answer row of a ``table`` field."""
    rows = len(field.row_labels) or field.rows or 1
    width_factor = 1.0 + 0.25 * max(0, len(field.columns) - 2)   # narrower cells hold less per line
    base = 10.0 * width_factor
    if field.row_labels:                                          # a labelled row is a topic, not one entry
        base = max(base, min(32.0, 75.0 / rows))
    return round(min(base, 32.0), 1)


def field_height_mm(field: Any) -> float:
    """Total answer space of a field (used to decide whether it may break across pages)."""
    if field.kind == "text":
        return TEXT_MM
    if field.kind == "textarea":
        return float(field.lines * LINE_MM)
    if field.kind == "table":
        return (len(field.row_labels) or field.rows) * row_height_mm(field) + 8
    if field.kind == "matrix":
        return 2 * MATRIX_CELL_MM + 8
    return len(field.items) * CHECK_MM + (8 if field.kind == "rating" else 0)
