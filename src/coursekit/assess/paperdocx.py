"""Exam papers, their keys and the 考核方案 as Word files, in the handouts' Word look (:mod:`..handouts.docxstyle`)."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Mm, Pt

from .. import blueprint
from ..handouts.docx import add_markdown_inline
from ..handouts.docxmd import add_markdown
from ..handouts.docxstyle import ACCENT, GREY, fit_width, header_footer, keep_row, repeat_header, setup, styled
from ..handouts.fonts import DEFAULT, face
from ..models.question import LETTERS, TYPE_NAMES
from ..registry import Registry
from ..render import cn_number
from .scheme import PART_OBJECTIVES, Scheme

log = logging.getLogger(__name__)

LINE_MM = 8.5  # one handwritten line, as the PDF's ruled lines
ANSWER_LINES = {"short": 6, "case": 14}
"""Lines of answer space under an open item (ruled in the PDF, one tall box in Word)."""


def needs_paren(item: Any) -> bool:
    """A choice or judge item whose stem has no （　） for the answer gets one after it."""
    return item.type in ("single", "multiple", "judge") and not re.search(r"（\s*）", item.stem)


def _doc(reg: Registry, title: str, running: str, lang: str) -> Any:
    doc = Document()
    setup(doc, face(lang))
    header_footer(doc, reg.course.title, running)
    doc.core_properties.title = title
    doc.core_properties.author = f"{reg.course.title}编写组"
    doc.core_properties.language = face(lang).tag
    return doc


def _run(para: Any, text: str, bold: bool = False, color: Any = None, size: float | None = None) -> Any:
    return styled(para.add_run(text), bold, color, size)


def _table(doc: Any, header: list[str], rows: list[list[str]], first_mm: float | None = None) -> Any:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        _run(cell.paragraphs[0], text, bold=True)
    repeat_header(table.rows[0])
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.paragraphs[0].add_run(text)
    fit_width(table, first_mm)
    return table


def write_paper(reg: Registry, paper: blueprint.Paper, key: bool, dest: Path, lang: str = DEFAULT) -> None:
    """Paper ``paper`` (``key``: its 答案与评分标准) as a Word file."""
    exam = reg.course.exam
    assert exam is not None, "write_papers checks there is an exam blueprint"
    title = f"期末考试试卷{paper.name}" + ("答案与评分标准" if key else "")
    doc = _doc(reg, title, title, lang)
    _run(doc.add_paragraph(), f"{reg.course.title}　期末考试" + ("　·　教师用" if key else ""), bold=True,
         color=ACCENT, size=9)
    doc.add_paragraph(title, style="Title")
    if key:
        mix = "、".join(f"{d} {pts} 分" for d, pts in paper.by_difficulty().items())
        _run(doc.add_paragraph(), f"本卷难度：{mix}", color=GREY, size=9)
    else:
        doc.add_paragraph("考试说明", style="Heading 3")
        doc.add_paragraph(f"课程：{reg.course.title}　·　时间：{exam.minutes} 分钟　·　总分：{exam.total} 分　·　闭卷")
        doc.add_paragraph("请在答题前写好班级、姓名和学号；选择题把答案字母写在括号里，其他题写在题目下方的空白处。")
        para = doc.add_paragraph()
        for label in ("班级", "姓名", "学号"):
            para.add_run(label)
            para.add_run("\u3000" * 8).underline = True
            para.add_run("\u3000")
        _table(doc, ["题号", *(cn_number(i) for i in range(1, len(paper.parts) + 1)), "总分"],
               [["得分", *([""] * (len(paper.parts) + 1))]])
    number = 0
    for i, part in enumerate(paper.parts, start=1):
        doc.add_paragraph(f"{cn_number(i)}、{TYPE_NAMES[part.section.type]}（每题 {part.section.points} 分，"
                          f"共 {part.points} 分）", style="Heading 2")
        for pick in part.picks:
            number += 1
            (_key_item if key else _paper_item)(doc, pick, number)
    doc.save(str(dest))


def _paper_item(doc: Any, pick: blueprint.Pick, number: int) -> None:
    """The stem, options and answer space of one item (no answer)."""
    q = pick.item
    stem = doc.add_paragraph()
    stem.paragraph_format.keep_with_next = bool(q.options) or q.type in ("short", "case")
    stem.paragraph_format.space_before = Pt(4)
    _run(stem, f"{number}. ", bold=True)
    if "\n\n" in q.stem.strip():  # a 案例分析题's material and questions: paragraphs of their own
        add_markdown(doc, q.stem)
    else:
        add_markdown_inline(stem, q.stem)
    if needs_paren(q):
        stem.add_run("（\u3000\u3000）")
    for i, (letter, option) in enumerate(zip(LETTERS, q.options)):
        para = doc.add_paragraph()
        para.paragraph_format.keep_with_next = i < len(q.options) - 1  # the item stays whole, not the section
        para.paragraph_format.left_indent, para.paragraph_format.space_after = Mm(4), Pt(1)
        _run(para, f"{letter}. ", bold=True)
        add_markdown_inline(para, option)
    if q.type in ("short", "case"):
        table = doc.add_table(rows=1, cols=1)
        table.style = "Table Grid"
        keep_row(table.rows[0], ANSWER_LINES[q.type] * LINE_MM)
        fit_width(table)


def _key_item(doc: Any, pick: blueprint.Pick, number: int) -> None:
    """One item's answer, 解析 and (open items) reference answer and points per step."""
    q = pick.item
    head = doc.add_paragraph()
    head.paragraph_format.keep_with_next = True
    _run(head, f"{number}. ", bold=True)
    _run(head, f"题库 {pick.bank} · {q.id} · 难度 {q.difficulty}　", color=GREY, size=9)
    if q.type in ("single", "multiple"):
        _run(head, f"答案：{q.answer}", bold=True)
    elif q.type == "judge":
        _run(head, "答案：" + ("正确（√）" if q.answer else "错误（×）"), bold=True)
    elif q.type == "blank" and isinstance(q.answer, list):
        _run(head, "答案：" + "；".join(f"（{i}）{' / '.join(a)}" for i, a in enumerate(q.answer, start=1)), bold=True)
    if q.type in ("short", "case"):
        _run(doc.add_paragraph(), "参考答案", bold=True, color=ACCENT)
        add_markdown(doc, str(q.answer))
        _run(doc.add_paragraph(), f"评分标准（共 {pick.points} 分）", bold=True, color=ACCENT)
        points = blueprint.step_points(q, pick.points)
        _table(doc, ["得分点", "分值"], [[s.step, str(p)] for s, p in zip(q.scoring, points)])
        return
    para = doc.add_paragraph()
    _run(para, "解析：", bold=True)
    add_markdown_inline(para, q.analysis)
    for letter in LETTERS:
        if letter in q.why_wrong:
            wrong = doc.add_paragraph()
            _run(wrong, f"{letter}：", color=GREY, size=9)
            add_markdown_inline(wrong, q.why_wrong[letter])


def write_scheme(reg: Registry, s: Scheme, dest: Path, lang: str = DEFAULT) -> None:
    """The 考核方案 as a Word file."""
    exam = reg.course.exam
    assert exam is not None, "write_papers checks there is an exam blueprint"
    title = f"{reg.course.title} 考核方案"
    doc = _doc(reg, title, "考核方案", lang)
    doc.add_paragraph(title, style="Title")
    formula = " + ".join(f"{p.name} × {p.weight}%" for p in s.parts)
    _run(doc.add_paragraph(), f"总评成绩 = {formula}（各部分都按百分制评定）", color=GREY, size=9)
    doc.add_paragraph("一、总评成绩的组成", style="Heading 2")
    _table(doc, ["考核项目", "权重", "考核内容", "评分方式", "对应课程目标"],
           [[p.name, f"{p.weight}%", p.assesses, p.method, "、".join(PART_OBJECTIVES[o] for o in p.objectives)]
            for p in s.parts])
    doc.add_paragraph("二、考核与课程目标的对应", style="Heading 2")
    doc.add_paragraph("课程目标来自各任务页的知识、能力、素质目标；每一类目标至少由一个考核项目检验。")
    for o in s.objectives:
        doc.add_paragraph(f"{o.name}（由{'、'.join(p.name for p in o.parts) or '——'}考核）", style="Heading 3")
        for project, aims in o.by_project:
            para = doc.add_paragraph()
            _run(para, f"{project}：", bold=True)
            para.add_run("；".join(aims))
    doc.add_paragraph("三、实训考核：工作单与评分标准", style="Heading 2")
    doc.add_paragraph("每张工作单按下列评分项目评分（百分制），实训成绩取全部工作单的平均分。各评分项目的等级描述见教师版工作单。")
    _table(doc, ["项目", "工作单", "评分项目（分值）"],
           [[project, ws, "；".join(f"{n}（{p} 分）" for n, p in criteria) or "按参考答案评定"]
            for project, ws, criteria in s.worksheets], 34)
    doc.add_paragraph("四、期末考试双向细目表", style="Heading 2")
    doc.add_paragraph(f"闭卷，{exam.minutes} 分钟，满分 {exam.total} 分。A、B 两套试卷从题库中不属于课后自测的 {s.pool} 道题里"
                      f"抽取（课后自测的 {s.selfcheck} 道题学生平时可见，不进试卷），两套之间没有相同的题；各项目的题量按其学时比例"
                      "分配。表中“3 / 4”表示 A 卷 3 道、B 卷 4 道。")
    _table(doc, s.headers, s.rows)
    doc.add_paragraph("难度分布（按分值）", style="Heading 3")
    _table(doc, ["难度", f"要求（允许相差 {exam.tolerance} 分）", "A 卷", "B 卷"], s.mix)
    doc.save(str(dest))
