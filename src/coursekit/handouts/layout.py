"""How much writing space each field gets on paper, shared by the PDF and the Word file.

Sizes are in millimetres. A line of handwriting needs about 8.5 mm; table
cells grow when there are few rows (each is a category to write about) or
many columns (narrow cells wrap more). Each field type declares its own size
(``paper_mm`` in coursekit.models.fields; the numbers are in coursekit.models.paper);
the print templates read them through here.
"""

from __future__ import annotations

import logging

from ..models.fields import BaseField, TableField
from ..models.paper import CHECK_MM, LINE_MM, MATRIX_CELL_MM, TEXT_MM

log = logging.getLogger(__name__)

__all__ = ["CHECK_MM", "LINE_MM", "MATRIX_CELL_MM", "TEXT_MM", "field_height_mm", "row_height_mm"]


def row_height_mm(field: TableField) -> float:
    """Height of one answer row of a ``table`` field."""
    return field.row_height_mm()


def field_height_mm(field: BaseField) -> float:
    """Total answer space of a field (used to decide whether it may break across pages)."""
    return field.paper_mm()
