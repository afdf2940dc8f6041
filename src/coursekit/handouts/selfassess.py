"""项目实训 自评 / 互评表: one Word form per project, filled in by students at the end of the project.

Made from what students may see: the project page's 项目实训 (its 成果要求), its 能力 and 素质 objectives
and the worksheets its tasks use (never a rubric: its criteria are teacher text). Each row is rated 优 / 良 / 中 / 差 by the student
(自评), a group member (互评) and the teacher; a table for rating each group member follows.
"""

from __future__ import annotations

import logging
from pathlib import Path

from docx import Document

from .. import kinds
from ..plaintext import plain
from ..registry import Registry
from ..render import cn_number
from .docx import _name_line
from .docxstyle import ACCENT, GREY, fit_width, header_footer, keep_row, setup, styled
from .fonts import DEFAULT, face
from .lessonplan import grid

log = logging.getLogger(__name__)

NAME = "项目实训自评互评表"
LEVELS = "优 / 良 / 中 / 差"
RATING = ["评价内容", "自评", "互评", "教师评"]
PEERS = ["组员姓名", "参与程度", "完成的工作", "合作态度", "评价（优 / 良 / 中 / 差）"]
GROUP_ROWS = 4


def write_selfassess_docx(reg: Registry, slug: str, dest: Path, lang: str = DEFAULT) -> None:
    """The 自评 / 互评 form of project ``slug`` to ``dest`` (.docx), in ``lang``'s font and language tag."""
    project, front = reg.projects[slug], reg.project_pages.get(slug)
    title = f"项目{project.number}　{project.title}　{NAME}"
    doc = Document()
    setup(doc, face(lang))
    header_footer(doc, reg.course.title, f"项目{project.number}　{project.title}　·　项目实训")
    doc.core_properties.title = title
    doc.core_properties.author = f"{reg.course.title}编写组"
    doc.core_properties.language = face(lang).tag
    styled(doc.add_paragraph().add_run("项目实训"), bold=True, color=ACCENT, size=9)
    doc.add_paragraph(title, style="Title")
    _name_line(doc)
    hint = doc.add_paragraph()
    styled(hint.add_run(f"每一项按“{LEVELS}”填写：先自评，再请同组一名同学互评，最后由教师评定。"), color=GREY, size=9)
    practice = front.practice if front is not None else None
    if practice is not None:  # the page's 项目实训: the form rates the 成果要求 the page states
        task = doc.add_paragraph()
        styled(task.add_run("实训任务："), bold=True)
        task.add_run(practice.title)
    worksheets = reg.in_project(kinds.WORKSHEETS.name, slug)
    parts = [("实训成果", [f"完成工作单 {w.label + ' ' if w.label else ''}{w.title}" for w in worksheets])]
    if practice is not None:
        parts.append(("成果要求", [plain(r) for r in practice.results]))
    if front is not None:
        parts += [("能力目标", list(front.objectives.skills)), ("素质目标", list(front.objectives.qualities))]
    heads = [head for head, items in parts if items] + ["小组互评", "总结与改进"]
    numbered = {head: f"{cn_number(n)}、{head}" for n, head in enumerate(heads, 1)}
    for head, items in parts:
        if items:
            doc.add_paragraph(numbered[head], style="Heading 2")
            grid(doc, [RATING, *([item, "", "", ""] for item in items)], header=True, widths=(100, 24, 24, 26))
    doc.add_paragraph(numbered["小组互评"], style="Heading 2")
    grid(doc, [PEERS, *([""] * len(PEERS) for _ in range(GROUP_ROWS))], header=True, widths=(28, 30, 46, 30, 40))
    doc.add_paragraph(numbered["总结与改进"], style="Heading 2")
    table = doc.add_table(rows=3, cols=1)
    table.style = "Table Grid"
    for row, label in zip(table.rows, ("本项目我做得最好的一件事：", "还需要改进的地方：", "教师评语：")):
        keep_row(row, 18)
        row.cells[0].paragraphs[0].add_run(label)
    fit_width(table)
    doc.save(str(dest))
