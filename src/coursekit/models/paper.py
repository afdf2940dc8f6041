"""A field's answer space on paper, as plain data: what each field type's ``paper()`` returns.

The Word worksheet (coursekit.handouts.docx) draws these few shapes; a field type describes itself with
them, so a new type needs no new drawing code unless it needs a new shape. Sizes are in millimetres: a
line of handwriting needs about 8.5 mm (the PDF's print templates use the same numbers).
"""

from __future__ import annotations

from dataclasses import dataclass, field

LINE_MM = 8.5          # one handwritten line
TEXT_MM = 10.0         # a one-line answer
MATRIX_CELL_MM = 46.0  # each quadrant of a 2×2 matrix
CHECK_MM = 6.0         # one checklist item


@dataclass(frozen=True)
class Cell:
    """One table cell: ``text`` None writes nothing in it (a blank to write in, or an empty corner)."""

    text: str | None = None
    bold: bool = False
    accent: bool = False        # the accent colour (a matrix's quadrant names)
    shade: bool = False         # a light grey background (row headings)
    align: int | None = None    # 0 left, 1 centre (Word's paragraph alignment); None leaves it unset
    hint: str = ""              # a small grey paragraph under the text


@dataclass(frozen=True)
class Box:
    """One bordered cell ``height_mm`` high to write in."""

    height_mm: float


@dataclass(frozen=True)
class Grid:
    """A table: a heading row repeated on every page, then rows at least ``row_mm`` high that never split;
    ``first_mm`` fixes the width of the first (label) column, the others share the rest."""

    head: list[Cell]
    rows: list[list[Cell]]
    row_mm: float
    first_mm: float | None = None


@dataclass(frozen=True)
class Ticks:
    """One ☐ item per line."""

    items: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Note:
    """A small grey line of explanation (a rating's scale ends)."""

    text: str


Space = Box | Grid | Ticks | Note
"""One shape of an answer space."""
