"""The field types of a worksheet, each one model that declares how it behaves outside the page.

Besides its schema, every field type says, as plain data (so every layer above may use it):
``spec()`` what the browser collector needs to lay out its answers (ck-fieldkinds.js reads the same from the
page), ``answer_columns()`` its columns in the gradebook, ``fits()`` whether a stored answer still fits
it, ``paper_mm()`` its writing space on paper, ``paper()`` its answer space in the blank Word worksheet
(in the shapes of :mod:`.paper`), and optionally ``from_word()`` how an answer edited in the Word file
reads back and ``cut_note()`` when the gradebook shows only part of an answer. The abstract methods make
a type that forgets one unusable, and tests/test_fieldtypes.py names it. Helpers that read stored answers
are in :mod:`.answers`.

Outside Python a field type is found by its ``kind``: its macros ``web`` and ``paper`` in
``templates/fields/<kind>.html`` and its entry in ``CK.fields.kinds`` (docs/assets/javascripts/ck-fieldkinds.js).
CONTRIBUTING.md (新增一种工作单字段) lists the steps.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Annotated, Any, Literal, get_args

from pydantic import Field as F
from pydantic import model_validator

from .answers import (
    MAX_TABLE_ROWS,
    Getter,
    cell_getter,
    grid,
    keyed_getter,
    keyed_row,
    norm,
    score_getter,
    text_from_word,
    text_getter,
    text_value,
    ticked_getter,
)
from .base import Id, Model, Text
from .paper import CHECK_MM, LINE_MM, MATRIX_CELL_MM, TEXT_MM, Box, Cell, Grid, Note, Space, Ticks


class BaseField(Model):
    """What every field has: a stable id (answers are keyed by it) and a label; what every type declares."""

    id: Id
    label: Text
    hint: str = ""

    @abstractmethod
    def spec(self) -> dict[str, Any]:
        """What the browser collector needs beyond id, kind, label and section (names as in ck-fieldkinds.js)."""

    @abstractmethod
    def answer_columns(self, rows_used: int) -> list[tuple[str, Getter]]:
        """Gradebook columns (header, getter); ``rows_used``: the most rows any submission filled."""

    @abstractmethod
    def fits(self, value: Any) -> bool:
        """Does a stored answer fit the field's current shape completely (else it goes to 其他答案)?"""

    @abstractmethod
    def paper_mm(self) -> float:
        """Total answer space on paper (the PDF and the Word file; decides whether it may break across pages)."""

    @abstractmethod
    def paper(self) -> list[Space]:
        """The answer space of the blank Word worksheet, in the shapes of :mod:`.paper`."""

    def from_word(self, paras: list[str], tables: list[list[list[str]]], current: Any) -> Any:
        """The answer as the student left it in the Word file, or None to keep ``current`` (not read back)."""
        return None

    def cut_note(self, value: Any) -> str | None:
        """A note when the gradebook lays out only part of ``value``."""
        return None


class _WrittenField(BaseField):
    """A free-text answer (one line or several): one gradebook column, read back from Word as text."""

    def spec(self) -> dict[str, Any]:
        return {}

    def answer_columns(self, rows_used: int) -> list[tuple[str, Getter]]:
        return [(self.label, text_getter(self.id))]

    def fits(self, value: Any) -> bool:
        return isinstance(value, str)

    def paper(self) -> list[Space]:
        return [Box(self.paper_mm())]

    def from_word(self, paras: list[str], tables: list[list[list[str]]], current: Any) -> Any:
        return text_from_word(paras, tables, current)


class TextField(_WrittenField):
    """A one-line answer."""

    kind: Literal["text"]
    placeholder: str = ""  # declared after kind, as the schema and error messages list the fields

    def paper_mm(self) -> float:
        return TEXT_MM


class TextareaField(_WrittenField):
    """A multi-line answer; ``lines`` sizes the writing space on paper."""

    kind: Literal["textarea"]
    lines: int = F(default=4, ge=1, le=40)
    placeholder: str = ""

    def paper_mm(self) -> float:
        return float(self.lines * LINE_MM)


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

    def spec(self) -> dict[str, Any]:
        return {"columns": list(self.columns), "rowLabels": list(self.row_labels), "rows": self.rows or 0}

    def answer_columns(self, rows_used: int) -> list[tuple[str, Getter]]:
        used = min(max(self.rows or 0, rows_used), MAX_TABLE_ROWS)
        labels = self.row_labels or [f"第{i + 1}行" for i in range(used)]
        cols = list(self.columns)
        return [(f"{self.label}·{row}·{col}", cell_getter(self.id, r, col, cols))
                for r, row in enumerate(labels) for col in cols]

    def fits(self, value: Any) -> bool:
        cols = list(self.columns)
        rows_ok = not self.row_labels or len(value) <= len(self.row_labels) if isinstance(value, list) else False
        keyed = [keyed_row(r, cols) for r in value] if rows_ok else [None]
        # a cell under a header the worksheet no longer has would otherwise be lost
        return all(k is not None and all(c in cols or not text_value(v) for c, v in k.items()) for k in keyed)

    def row_height_mm(self) -> float:
        """Height of one answer row: taller when there are few rows (each a topic) or many columns."""
        rows = len(self.row_labels) or self.rows or 1
        width_factor = 1.0 + 0.25 * max(0, len(self.columns) - 2)   # narrower cells hold less per line
        base = 10.0 * width_factor
        if self.row_labels:                                          # a labelled row is a topic, not one entry
            base = max(base, min(32.0, 75.0 / rows))
        return round(min(base, 32.0), 1)

    def paper_mm(self) -> float:
        return (len(self.row_labels) or self.rows or 0) * self.row_height_mm() + 8

    def paper(self) -> list[Space]:
        labels = self.row_labels
        head = ([Cell("", bold=True)] if labels else []) + [Cell(c, bold=True) for c in self.columns]
        blanks = [Cell() for _ in self.columns]
        rows = ([[Cell(label, bold=True, shade=True), *blanks] for label in labels] if labels
                else [blanks] * (self.rows or 0))
        return [Grid(head, rows, self.row_height_mm(), 28 if labels else None)]

    def from_word(self, paras: list[str], tables: list[list[list[str]]], current: Any) -> Any:
        if len(tables) != 1:
            return None
        cols, table = list(self.columns), tables[0]
        lead = 1 if self.row_labels else 0
        if not table or [norm(c) for c in table[0][lead:]] != [norm(c) for c in cols]:
            return None
        body = table[1:]
        if any(len(r) != len(cols) + lead for r in body) or (self.row_labels and len(body) != len(self.row_labels)):
            return None
        word_rows = [dict(zip(cols, r[lead:])) for r in body]
        return word_rows if grid(word_rows, cols) != grid(current, cols) else None

    def cut_note(self, value: Any) -> str | None:
        if not isinstance(value, list):
            return None
        limit = len(self.row_labels) if self.row_labels else max(self.rows or 0, MAX_TABLE_ROWS)
        return f"表格“{self.label}”有 {len(value)} 行，成绩表只列出前 {limit} 行；完整内容见原文件" if len(value) > limit else None


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

    def spec(self) -> dict[str, Any]:
        return {"rowHeads": list(self.rows), "colHeads": list(self.columns),
                "cells": [{"id": q.id, "label": q.label} for q in self.quadrants]}

    def answer_columns(self, rows_used: int) -> list[tuple[str, Getter]]:
        return [(f"{self.label}·{q.label}", keyed_getter(self.id, q.id)) for q in self.quadrants]

    def fits(self, value: Any) -> bool:
        return isinstance(value, dict) and set(value) <= {q.id for q in self.quadrants}

    def paper_mm(self) -> float:
        return 2 * MATRIX_CELL_MM + 8

    def paper(self) -> list[Space]:
        head = [Cell(), *(Cell(c, bold=True) for c in self.columns)]
        rows = [[Cell(self.rows[r], bold=True, shade=True),
                 *(Cell(q.label, bold=True, accent=True, hint=q.hint) for q in self.quadrants[r * 2:r * 2 + 2])]
                for r in range(2)]
        return [Grid(head, rows, MATRIX_CELL_MM, 30)]


class ChecklistField(BaseField):
    """Items to tick."""

    kind: Literal["checklist"]
    items: list[Text] = F(min_length=1)

    def spec(self) -> dict[str, Any]:
        return {"items": list(self.items)}

    def answer_columns(self, rows_used: int) -> list[tuple[str, Getter]]:
        return [(f"{self.label}·{item}", ticked_getter(self.id, item)) for item in self.items]

    def fits(self, value: Any) -> bool:
        return isinstance(value, list) and set(map(str, value)) <= set(self.items)

    def paper_mm(self) -> float:
        return len(self.items) * CHECK_MM

    def paper(self) -> list[Space]:
        return [Ticks(list(self.items))]


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

    def spec(self) -> dict[str, Any]:
        return {"items": list(self.items), "scale": list(self.scale)}

    def answer_columns(self, rows_used: int) -> list[tuple[str, Getter]]:
        return [(f"{self.label}·{item}", score_getter(self.id, item)) for item in self.items]

    def fits(self, value: Any) -> bool:
        return isinstance(value, dict) and set(value) <= set(self.items) and all(
            isinstance(n, int) and self.scale[0] <= n <= self.scale[1] for n in value.values())

    def paper_mm(self) -> float:
        return len(self.items) * CHECK_MM + 8

    def paper(self) -> list[Space]:
        low, high = self.scale
        head = [Cell("评价项目", bold=True, align=0), *(Cell(str(n), bold=True, align=1) for n in range(low, high + 1))]
        rows = [[Cell(item, bold=True), *(Cell("○", align=1) for _ in range(low, high + 1))] for item in self.items]
        out: list[Space] = [Grid(head, rows, 8, 60)]
        if self.scale_labels:
            ends = [f"{low} = {self.scale_labels[0]}"] + ([f"{high} = {self.scale_labels[1]}"]
                                                          if len(self.scale_labels) > 1 else [])
            out.append(Note("；".join(ends)))
        return out


Field = Annotated[
    TextField | TextareaField | TableField | MatrixField | ChecklistField | RatingField,
    F(discriminator="kind"),
]
"""Any field, told apart by ``kind``; a new field type is added here."""
FIELD_TYPES: tuple[type[BaseField], ...] = get_args(get_args(Field)[0])
FIELD_KINDS: tuple[str, ...] = tuple(get_args(t.model_fields["kind"].annotation)[0] for t in FIELD_TYPES)
