"""A worksheet as an editable Word file (student edition: no answer, no rubric).

Every answer space is a real Word table or a set of ruled lines sized like the
PDF (see :mod:`.layout`), so a teacher can edit the sheet and a student can
type into it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
from docx import Document
from docx.shared import Mm, Pt

from .. import kinds
from ..markup import md_inline
from ..models.fields import BaseField, ChecklistField, MatrixField, RatingField, TableField, TextareaField, TextField
from ..registry import Registry
from ..render import cn_number
from . import layout
from .docxmd import add_inline, add_markdown
from .docxstyle import ACCENT, GREY, fit_width, header_footer, keep_row, repeat_header, setup, shade, styled
from .fonts import DEFAULT, face

log = logging.getLogger(__name__)


def write_worksheet_docx(reg: Registry, ws: Any, dest: Path, lang: str = DEFAULT) -> None:
    """Write worksheet ``ws`` to ``dest`` (.docx), in ``lang``'s font and language tag."""
    project = reg.projects[ws.project]
    doc = Document()
    setup(doc, face(lang))
    header_footer(doc, reg.course.title, f"项目{project.number}　{project.title}　·　工作单")
    doc.core_properties.title = ws.title
    doc.core_properties.author = f"{reg.course.title}编写组"
    doc.core_properties.language = face(lang).tag
    kicker = doc.add_paragraph()
    styled(kicker.add_run("工作单" + (f"　{ws.label}" if ws.label else "")), bold=True, color=ACCENT, size=9)
    doc.add_paragraph(ws.title, style="Title")
    meta = doc.add_paragraph()
    styled(meta.add_run(f"项目{project.number}　{project.title}　·　建议用时 {ws.minutes} 分钟"), color=GREY, size=9)
    _name_line(doc)
    purpose = doc.add_paragraph()
    styled(purpose.add_run("目的："), bold=True)
    add_markdown_inline(purpose, ws.purpose)
    doc.add_paragraph("填写说明", style="Heading 3")
    add_markdown(doc, ws.instructions)
    for number, section in enumerate(ws.sections, start=1):
        doc.add_paragraph(f"{cn_number(number)}、{section.title}", style="Heading 2")
        for field in section.fields:
            _field(doc, field)
    if ws.example:
        doc.add_paragraph("填写示例", style="Heading 3")
        add_markdown(doc, ws.example)
    if ws.sources:
        para = doc.add_paragraph()
        styled(para.add_run("资料来源：" + "；".join(reg.get(kinds.BIBLIOGRAPHY.name, s).title for s in ws.sources)),
                color=GREY, size=8.5)
    doc.save(str(dest))


def add_markdown_inline(para: Any, text: str) -> None:
    """Append one paragraph of Markdown to an existing paragraph."""
    add_inline(para, lxml.html.fragment_fromstring(str(md_inline(text)) or " ", create_parent="span"))


def _name_line(doc: Any) -> None:
    """班级 / 姓名 / 学号 / 日期 with underlined blanks to type over."""
    para = doc.add_paragraph()
    para.paragraph_format.space_after = Pt(8)
    for label, width in (("班级", 8), ("姓名", 8), ("学号", 6), ("日期", 6)):
        para.add_run(label)
        blank = para.add_run("\u3000" * width)
        blank.underline = True
        para.add_run("\u3000")


def _field(doc: Any, field: Any) -> None:
    """Label, hint and answer space of one field."""
    label = doc.add_paragraph()
    label.paragraph_format.keep_with_next = True
    label.paragraph_format.space_before = Pt(6)
    styled(label.add_run(field.label), bold=True)
    if getattr(field, "placeholder", ""):
        styled(label.add_run(f"（{field.placeholder}）"), color=GREY, size=9)
    if field.hint:
        hint = doc.add_paragraph()
        hint.paragraph_format.keep_with_next = True
        styled(hint.add_run(field.hint), color=GREY, size=9)
    ANSWER_SPACE[type(field)](doc, field)


def _box(doc: Any, height_mm: float) -> None:
    """One bordered cell to write in (a text or textarea answer)."""
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    keep_row(table.rows[0], height_mm)
    fit_width(table)


def _text(doc: Any, field: Any) -> None:
    """A one-line answer box."""
    _box(doc, layout.TEXT_MM)


def _textarea(doc: Any, field: Any) -> None:
    """A box as tall as the field's lines."""
    _box(doc, field.lines * layout.LINE_MM)


def _table(doc: Any, field: Any) -> None:
    """The field's columns as a header row, then blank or labelled rows sized by :mod:`.layout`."""
    labels = field.row_labels
    table = doc.add_table(rows=1, cols=len(field.columns) + (1 if labels else 0))
    table.style = "Table Grid"
    heads = ([""] if labels else []) + list(field.columns)
    for cell, text in zip(table.rows[0].cells, heads):
        styled(cell.paragraphs[0].add_run(text), bold=True)
    repeat_header(table.rows[0])
    for label in labels or [None] * (field.rows or 0):
        row = table.add_row()
        keep_row(row, layout.row_height_mm(field))
        if label is not None:
            styled(row.cells[0].paragraphs[0].add_run(label), bold=True)
            shade(row.cells[0], "F5F5F5")
    fit_width(table, 28 if labels else None)


def _matrix(doc: Any, field: Any) -> None:
    """A 2×2 matrix: column and row headings, quadrant labels and hints in tall cells."""
    table = doc.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells[1:], field.columns):
        styled(cell.paragraphs[0].add_run(text), bold=True)
    repeat_header(table.rows[0])
    for r in range(2):
        row = table.rows[r + 1]
        keep_row(row, layout.MATRIX_CELL_MM)
        styled(row.cells[0].paragraphs[0].add_run(field.rows[r]), bold=True)
        shade(row.cells[0], "F5F5F5")
        for cell, q in zip(row.cells[1:], field.quadrants[r * 2:r * 2 + 2]):
            styled(cell.paragraphs[0].add_run(q.label), bold=True, color=ACCENT)
            if q.hint:
                styled(cell.add_paragraph().add_run(q.hint), color=GREY, size=9)
    fit_width(table, 30)


def _checklist(doc: Any, field: Any) -> None:
    """One ☐ item per line."""
    for item in field.items:
        para = doc.add_paragraph()
        para.paragraph_format.left_indent = Mm(2)
        para.add_run("☐\u2002" + item)


def _rating(doc: Any, field: Any) -> None:
    """Items × scale points with a circle to tick; the scale's end labels below."""
    low, high = field.scale
    table = doc.add_table(rows=1, cols=2 + high - low)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["评价项目", *map(str, range(low, high + 1))]):
        styled(cell.paragraphs[0].add_run(text), bold=True)
        cell.paragraphs[0].alignment = 1 if text != "评价项目" else 0
    repeat_header(table.rows[0])
    for item in field.items:
        row = table.add_row()
        keep_row(row, 8)
        styled(row.cells[0].paragraphs[0].add_run(item), bold=True)
        for cell in row.cells[1:]:
            cell.paragraphs[0].add_run("○")
            cell.paragraphs[0].alignment = 1
    fit_width(table, 60)
    if field.scale_labels:
        ends = [f"{low} = {field.scale_labels[0]}"] + ([f"{high} = {field.scale_labels[1]}"]
                                                        if len(field.scale_labels) > 1 else [])
        styled(doc.add_paragraph().add_run("；".join(ends)), color=GREY, size=9)


ANSWER_SPACE: dict[type[BaseField], Callable[[Any, Any], None]] = {
    TextField: _text, TextareaField: _textarea, TableField: _table, MatrixField: _matrix,
    ChecklistField: _checklist, RatingField: _rating}
"""Field type → how its answer space is drawn (every type in coursekit.models.fields needs one: tests/test_fieldtypes.py)."""
