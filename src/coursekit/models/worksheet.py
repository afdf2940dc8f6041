"""Schema of a worksheet, ``data/worksheets/<id>.yml``.

A worksheet is a list of sections holding typed fields. Each field kind is
one small model; ``Field`` is their union, told apart by ``kind``. Adding a
kind means adding a model here, a branch in ``templates/worksheet.html`` and a
golden test.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field as F
from pydantic import model_validator

from .base import Id, Model, Record, Slug, Text


class BaseField(Model):
    """What every field has: a stable id (answers are keyed by it) and a label."""

    id: Id
    label: Text
    hint: str = ""


class TextField(BaseField):
    """A one-line answer."""

    kind: Literal["text"]
    placeholder: str = ""


class TextareaField(BaseField):
    """A multi-line answer; ``lines`` sizes the writing space on paper."""

    kind: Literal["textarea"]
    lines: int = F(default=4, ge=1, le=40)
    placeholder: str = ""


class TableField(BaseField):
    """A table with named columns and either blank rows or fixed row labels."""

    kind: Literal["table"]
    columns: list[Text] = F(min_length=1)
    rows: int | None = F(default=None, ge=1, le=50)
    row_labels: list[Text] = []

    @model_validator(mode="after")
    def _rows_or_labels(self) -> TableField:
        if (self.rows is None) == (not self.row_labels):
            raise ValueError("give either 'rows' (number of blank rows) or 'row_labels', not both or neither")
        return self


class Quadrant(Model):
    """One cell of a 2×2 matrix."""

    id: Id
    label: Text
    hint: str = ""


class MatrixField(BaseField):
    """A 2×2 matrix such as SWOT: two row and two column headings, four cells row by row."""

    kind: Literal["matrix"]
    rows: list[Text] = F(min_length=2, max_length=2)
    columns: list[Text] = F(min_length=2, max_length=2)
    quadrants: list[Quadrant] = F(min_length=4, max_length=4)


class ChecklistField(BaseField):
    """Items to tick."""

    kind: Literal["checklist"]
    items: list[Text] = F(min_length=1)


class RatingField(BaseField):
    """Items each rated on a numeric scale."""

    kind: Literal["rating"]
    items: list[Text] = F(min_length=1)
    scale: tuple[int, int] = (1, 5)
    scale_labels: list[Text] = F(default_factory=list, max_length=2)

    @model_validator(mode="after")
    def _scale_order(self) -> RatingField:
        low, high = self.scale
        if not 0 <= low < high <= 10:
            raise ValueError("'scale' must be [low, high] with 0 <= low < high <= 10")
        return self


Field = Annotated[
    TextField | TextareaField | TableField | MatrixField | ChecklistField | RatingField,
    F(discriminator="kind"),
]
FIELD_KINDS = ("text", "textarea", "table", "matrix", "checklist", "rating")


class Section(Model):
    """A titled group of fields."""

    title: Text
    fields: list[Field] = F(min_length=1)


class Criterion(Model):
    """One rubric row: a criterion, its maximum points and one descriptor per level."""

    name: Text
    points: int = F(ge=1)
    descriptors: list[Text] = F(min_length=1)


class Rubric(Model):
    """Criteria × levels × points (teacher edition only)."""

    levels: list[Text] = F(min_length=2)
    criteria: list[Criterion] = F(min_length=1)

    @model_validator(mode="after")
    def _one_descriptor_per_level(self) -> Rubric:
        for c in self.criteria:
            if len(c.descriptors) != len(self.levels):
                raise ValueError(f"criterion '{c.name}' has {len(c.descriptors)} descriptors "
                                 f"but there are {len(self.levels)} levels; give one per level")
        return self

    @property
    def total(self) -> int:
        """The maximum score."""
        return sum(c.points for c in self.criteria)


class Worksheet(Record):
    """A worksheet students fill in; answers and rubric are for teachers."""

    title: Text
    label: str = ""
    project: Slug
    purpose: Text
    instructions: Text
    minutes: int = F(ge=1)
    sections: list[Section] = F(min_length=1)
    example: str = ""
    answer: str = ""
    rubric: Rubric | None = None
    sources: list[Id] = []

    @model_validator(mode="after")
    def _field_ids_unique(self) -> Worksheet:
        seen: set[str] = set()
        for field in self.fields():
            if field.id in seen:
                raise ValueError(f"field id '{field.id}' is used twice; answers are keyed by it, make it unique")
            seen.add(field.id)
        return self

    def fields(self) -> list[Field]:
        """Every field of every section, in order."""
        return [f for s in self.sections for f in s.fields]
