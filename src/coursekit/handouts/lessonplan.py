"""A task's 教案 as a Word file (teacher document): the authored plan (``data/lessonplans/``) with what the
task page and the question bank already say (objectives, minutes, worksheets, 课后自测).

Sections, in the order schools file them: 授课信息, 教学目标, 学情分析, 教学重点, 教学难点及化解, 教学方法与资源,
教学过程 (环节 | 时间 | 教师活动 | 学生活动 | 设计意图, with a 合计 row equal to the page's minutes), 板书设计,
作业布置, 教学反思 (blank lines to fill in after class).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from .. import kinds
from ..hours import as_hours
from ..kinds.checks import task_page
from ..registry import Registry
from ..render import cn_number
from .docx import add_markdown_inline
from .docxstyle import ACCENT, GREY, fit_width, header_footer, keep_row, repeat_header, setup, styled
from .fonts import DEFAULT, face
from .schedule import embedded_records

log = logging.getLogger(__name__)

SECTIONS = ("授课信息", "教学目标", "学情分析", "教学重点", "教学难点及化解", "教学方法与资源", "教学过程", "板书设计",
            "作业布置", "教学反思")
PROCESS = ("环节", "时间", "教师活动", "学生活动", "设计意图")
REFLECTION_LINES = 6


def task_title(reg: Registry, plan: Any) -> str:
    """``项目1　任务一　认识社群``."""
    page = task_page(reg, plan.project, plan.task)
    lesson = reg.lessons[page] if page else None
    return f"项目{reg.projects[plan.project].number}　任务{cn_number(plan.task)}　{lesson.title if lesson else ''}"


def write_lessonplan_docx(reg: Registry, plan: Any, dest: Path, lang: str = DEFAULT) -> None:
    """Write the 教案 ``plan`` to ``dest`` (.docx), in ``lang``'s font and language tag."""
    page = task_page(reg, plan.project, plan.task)
    if page is None:  # the registry reports it already; a writer never meets it from a checked course
        raise ValueError(f"{plan.id}: task {plan.task} of {plan.project} has no task page")
    lesson, project = reg.lessons[page], reg.projects[plan.project]
    records = embedded_records(reg, page)
    doc = Document()
    setup(doc, face(lang))
    title = task_title(reg, plan)
    header_footer(doc, reg.course.title, f"{title}　·　教案")
    doc.core_properties.title = f"{title} 教案"
    doc.core_properties.author = f"{reg.course.title}编写组"
    doc.core_properties.language = face(lang).tag
    styled(doc.add_paragraph().add_run("教案"), bold=True, color=ACCENT, size=9)
    doc.add_paragraph(title, style="Title")
    heads = iter(f"{cn_number(i)}、{name}" for i, name in enumerate(SECTIONS, start=1))

    doc.add_paragraph(next(heads), style="Heading 2")
    minutes = lesson.minutes
    grid(doc, [["课程名称", reg.course.title, "授课项目", f"项目{project.number}　{project.title}"],
                ["授课任务", f"任务{cn_number(plan.task)}　{lesson.title}", "授课学时",
                 f"{as_hours(minutes.total)} 学时（讲授 {minutes.teaching} 分钟，实训 {minutes.practice} 分钟）"],
                ["授课班级", "", "授课日期", ""], ["授课地点", "", "授课教师", ""]], widths=(24, 63, 24, 63))

    doc.add_paragraph(next(heads), style="Heading 2")
    for label, items in (("知识目标", lesson.objectives.knowledge), ("能力目标", lesson.objectives.skills),
                         ("素质目标", lesson.objectives.qualities)):
        doc.add_paragraph(label, style="Heading 3")
        numbered(doc, items)

    doc.add_paragraph(next(heads), style="Heading 2")
    add_markdown_inline(doc.add_paragraph(), plan.learners)
    doc.add_paragraph(next(heads), style="Heading 2")
    numbered(doc, plan.focus)
    doc.add_paragraph(next(heads), style="Heading 2")
    grid(doc, [["教学难点", "化解方法"], *([d.point, d.solution] for d in plan.difficulties)], header=True,
          widths=(60, 114))

    doc.add_paragraph(next(heads), style="Heading 2")
    doc.add_paragraph("教学方法", style="Heading 3")
    numbered(doc, plan.methods)
    doc.add_paragraph("教学资源", style="Heading 3")
    used = [f"{k.title}：{'、'.join(_name(r) for r in records[k.name])}" for k in kinds.ALL
            if records.get(k.name)]
    numbered(doc, [f"任务页：{lesson.title}（课程网站）", *used, *plan.resources])

    doc.add_paragraph(next(heads), style="Heading 2")
    rows = [list(PROCESS), *([s.stage, f"{s.minutes} 分钟", s.teacher, s.students, s.purpose] for s in plan.stages),
            ["合计", f"{sum(s.minutes for s in plan.stages)} 分钟", "", "", ""]]
    grid(doc, rows, header=True, widths=(20, 16, 52, 44, 42))

    doc.add_paragraph(next(heads), style="Heading 2")
    for line in plan.board:
        add_markdown_inline(doc.add_paragraph(), line)

    doc.add_paragraph(next(heads), style="Heading 2")
    banks = [b for b in reg.of(kinds.QUESTIONS).values() if (b.project, b.task) == (plan.project, plan.task)]
    selfcheck = sum(i.selfcheck for b in banks for i in b.items)
    work = [f"工作单 {_name(w)}（约 {w.minutes} 分钟）" for w in records.get(kinds.WORKSHEETS.name, [])]
    if selfcheck:
        work.append(f"课后自测：任务页末尾的 {selfcheck} 道题，提交后即时看到对错和解析")
    numbered(doc, [*work, *plan.homework])

    doc.add_paragraph(next(heads), style="Heading 2")
    hint = doc.add_paragraph()
    styled(hint.add_run("课后填写：目标达成情况、学生的典型问题、下次要调整的环节。"), color=GREY, size=9)
    table = doc.add_table(rows=REFLECTION_LINES, cols=1)
    table.style = "Table Grid"
    for row in table.rows:
        keep_row(row, 9)
    fit_width(table)
    doc.save(str(dest))


def _name(record: Any) -> str:
    """A record as the 教案 names it: label and title."""
    label = getattr(record, "label", "")
    return f"{label + ' ' if label else ''}{getattr(record, 'title', record.id)}"


def numbered(doc: Any, items: list[str]) -> None:
    """``1. …`` paragraphs (plain numbering: survives copying into a school's template)."""
    for n, item in enumerate(items, start=1):
        para = doc.add_paragraph(f"{n}. ")
        add_markdown_inline(para, item)


def grid(doc: Any, rows: list[list[str]], header: bool = False, widths: tuple[float, ...] = ()) -> Any:
    """A bordered table of text; with ``header`` the first row is bold, shaded and repeated on every page."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, (row, values) in enumerate(zip(table.rows, rows)):
        keep_row(row)
        for c, (cell, text) in enumerate(zip(row.cells, values)):
            para = cell.paragraphs[0]
            if (header and r == 0) or (not header and c % 2 == 0):
                styled(para.add_run(text), bold=True)
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif text:
                add_markdown_inline(para, text)
    if header:
        repeat_header(table.rows[0])
    fit_width(table)
    if widths:
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = Mm(width)
    return table
