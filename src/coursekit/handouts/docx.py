"""A worksheet as an editable Word file (student edition: no answer, no rubric).

Every answer space is a real Word table or a set of tick lines sized like the
PDF: each field type describes it in the shapes of coursekit.models.paper, drawn
here, so a teacher can edit the sheet and a student can type into it.
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
from ..models.fields import BaseField
from ..models.paper import Box, Cell, Grid, Note, Ticks
from ..registry import Registry
from ..render import cn_number
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


def _field(doc: Any, field: BaseField) -> None:
    """Label, hint and answer space of one field (the shapes its type's ``paper()`` gives)."""
    label = doc.add_paragraph()
    label.paragraph_format.keep_with_next = True
    label.paragraph_format.space_before = Pt(6)
    styled(label.add_run(field.label), bold=True)
    placeholder = getattr(field, "placeholder", "")  # text and textarea have one
    if placeholder:
        styled(label.add_run(f"（{placeholder}）"), color=GREY, size=9)
    if field.hint:
        hint = doc.add_paragraph()
        hint.paragraph_format.keep_with_next = True
        styled(hint.add_run(field.hint), color=GREY, size=9)
    for space in field.paper():
        DRAW[type(space)](doc, space)


def _box(doc: Any, box: Box) -> None:
    """One bordered cell to write in (a text or textarea answer)."""
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    keep_row(table.rows[0], box.height_mm)
    fit_width(table)


def _cell(cell: Any, c: Cell) -> None:
    """Text, look and hint of one table cell."""
    if c.text is not None:
        run = cell.paragraphs[0].add_run(c.text)
        if c.bold or c.accent:  # styled() would leave an empty <w:rPr/> on a plain run
            styled(run, bold=c.bold, color=ACCENT if c.accent else None)
        if c.align is not None:
            cell.paragraphs[0].alignment = c.align
    if c.shade:
        shade(cell, "F5F5F5")
    if c.hint:
        styled(cell.add_paragraph().add_run(c.hint), color=GREY, size=9)


def _grid(doc: Any, grid: Grid) -> None:
    """A heading row repeated on every page, then rows sized by the field type that never split."""
    table = doc.add_table(rows=1, cols=len(grid.head))
    table.style = "Table Grid"
    for cell, c in zip(table.rows[0].cells, grid.head):
        _cell(cell, c)
    repeat_header(table.rows[0])
    for cells in grid.rows:
        row = table.add_row()
        keep_row(row, grid.row_mm)
        for cell, c in zip(row.cells, cells):
            _cell(cell, c)
    fit_width(table, grid.first_mm)


def _ticks(doc: Any, ticks: Ticks) -> None:
    """One ☐ item per line."""
    for item in ticks.items:
        para = doc.add_paragraph()
        para.paragraph_format.left_indent = Mm(2)
        para.add_run("☐\u2002" + item)


def _note(doc: Any, note: Note) -> None:
    """A small grey line under the answer space."""
    styled(doc.add_paragraph().add_run(note.text), color=GREY, size=9)


DRAW: dict[type, Callable[[Any, Any], None]] = {Box: _box, Grid: _grid, Ticks: _ticks, Note: _note}
"""Shape of coursekit.models.paper → how Word draws it (every shape needs one: tests/test_fieldtypes.py)."""
