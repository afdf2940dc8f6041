"""Schema of a worksheet, ``data/worksheets/<id>.yml``.

A worksheet is a list of sections holding typed fields. The field types live in
:mod:`.fields`, one model each that declares its own behaviour; adding one is a
model there (with that behaviour), its macros in ``templates/fields/<kind>.html``,
its entry in ``ck-fieldkinds.js`` and golden tests (CONTRIBUTING.md, 新增一种工作单字段).
"""

from __future__ import annotations

from pydantic import Field as F
from pydantic import model_validator

from .base import Id, Model, Record, Slug, Text
from .fields import FIELD_KINDS, Field

__all__ = ["FIELD_KINDS", "Criterion", "Field", "Rubric", "Section", "Worksheet"]


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
