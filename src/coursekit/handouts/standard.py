"""课程标准: the course's standard as a school files it, from the outline, the task pages and the 考核方案.

Written parts come from ``standard:`` in data/course.yml (性质与任务, methods, resources, 课程思政, 教材);
学时 and 学分 from the tasks' minutes and the review and exam sessions, 课程目标 from the task pages'
objectives, 课程内容与学时分配 from the 授课计划 (and each project page's 项目实训), 考核评价 from ``grading:`` and ``exam:``. One
:func:`build` feeds both the Word writer and the PDF template (``templates/print/standard.html``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document

from ..hours import as_hours
from ..models.question import TYPE_NAMES
from ..plaintext import plain
from ..registry import Registry
from ..render import cn_number, render
from .docxstyle import ACCENT, header_footer, setup, styled
from .fonts import DEFAULT, face
from .htmlprint import context
from .lessonplan import grid, numbered
from .schedule import build_schedule

log = logging.getLogger(__name__)

NAME = "课程标准"
OBJECTIVES = (("knowledge", "知识目标"), ("skills", "能力目标"), ("qualities", "素质目标"))
CREDIT_HOURS = 16


@dataclass
class Section:
    """One numbered section: paragraphs, then subsections, lists and tables in the order given."""

    title: str
    blocks: list[tuple[str, object]] = field(default_factory=list)  # ("p", text) | ("h", text) | ("ol", [..]) | ("table", rows)


def credits(reg: Registry, hours: float) -> int | float:
    """学分: the outline's, or one per :data:`CREDIT_HOURS` 学时 (to a half credit)."""
    if reg.course.credits:
        return reg.course.credits
    value = round(hours / CREDIT_HOURS * 2) / 2
    return int(value) if value == int(value) else value


def build(reg: Registry) -> list[Section]:
    """The sections of the 课程标准; ValueError when the outline has no ``standard:``."""
    std = reg.course.standard
    if std is None:
        raise ValueError("data/course.yml has no standard: section; add it to make the 课程标准")
    schedule = build_schedule(reg)
    total = schedule.planned_hours
    info = Section("课程基本信息", [("table", [
        ["课程名称", reg.course.title, "课程类别", std.category],
        ["总学时", f"{total} 学时（各任务 {schedule.total_hours} 学时，复习与考试 {schedule.session_hours} 学时）",
         "学分", f"{credits(reg, float(total))} 学分"],
        ["讲授学时", f"{as_hours(sum(r.teaching for r in schedule.rows))} 学时", "实训学时",
         f"{as_hours(sum(r.practice for r in schedule.rows))} 学时"],
        ["适用专业", std.audience, "项目与任务", f"{len(schedule.projects)} 个项目、{len(schedule.rows)} 个任务"]])])
    nature = Section("课程性质与任务", [("h", "课程性质"), ("p", std.nature), ("h", "课程任务"), ("p", std.task)])
    goals = Section("课程目标")
    for name, label in OBJECTIVES:
        aims = [aim for slug in reg.projects for _, le in reg.lessons_of(slug) for aim in getattr(le.objectives, name)]
        goals.blocks += [("h", label), ("ol", list(dict.fromkeys(aims)))]
    content = Section("课程内容与学时分配", [("table", [["项目", "任务", "学习重点（教学要求）", "学时"]] + [
        [f"项目{p.number}　{p.title}", f"任务{cn_number(r.task)}　{r.title}", "；".join(_key_points(reg, p.slug, r.task)),
         str(as_hours(r.minutes))] for p in schedule.projects for r in p.rows] + [
        ["复习与考试", s.name, "", str(s.hours)] for s in schedule.sessions] + [["合计", "", "", str(total)]])])
    practice = [[f"项目{p.number}　{p.title}", front.practice.title, "；".join(plain(r) for r in front.practice.results)]
                for slug, p in reg.projects.items()
                if (front := reg.project_pages.get(slug)) is not None and front.practice is not None]
    if practice:  # each project's 项目实训, done in its tasks' 实训 hours (the page and the 自评互评表 say the same)
        content.blocks += [("h", "项目实训"), ("p", "每个项目的最后安排一次项目实训，把本项目各任务的工作单整合成一项"
                                                 "完整的成果，在各任务的实训学时内完成，用项目实训自评互评表评价。"),
                           ("table", [["项目", "项目实训", "成果要求"], *practice])]
    ideology = {i.project: i.points for i in std.ideology}
    teaching = Section("教学实施建议", [("h", "教学方法"), ("ol", list(std.methods)), ("h", "教学资源"),
                                   ("ol", list(std.resources)), ("h", "课程思政"),
                                   ("table", [["项目", "课程思政融入点"]] + [
                                       [f"项目{p.number}　{p.title}", "\n".join(ideology[slug])]
                                       for slug, p in reg.projects.items()])])
    assessment = Section("考核评价", [("table", [["考核项目", "权重", "考核内容", "考核方式"]] + [
        [g.name, f"{g.weight}%", g.assesses, g.method] for g in reg.course.grading])])
    exam = reg.course.exam
    if exam is not None:
        parts = "、".join(f"{TYPE_NAMES[s.type]} {s.count} 题（每题 {s.points} 分）" for s in exam.sections)
        assessment.blocks.append(("p", f"期末考试闭卷 {exam.minutes} 分钟，满分 {exam.total} 分：{parts}；A、B 两套"
                                       f"试卷按双向细目表组卷，各项目的题量按其学时分配。"))
    books = Section("教材与资源", [("ol", list(std.textbooks))])
    return [info, nature, goals, content, teaching, assessment, books]


def _key_points(reg: Registry, slug: str, task: int) -> list[str]:
    return next((list(le.key_points) for _, le in reg.lessons_of(slug) if le.task == task), [])


def write_standard_docx(reg: Registry, dest: Path, lang: str = DEFAULT) -> None:
    """The 课程标准 as a Word file, in ``lang``'s font and language tag."""
    sections = build(reg)
    doc = Document()
    setup(doc, face(lang))
    header_footer(doc, reg.course.title, NAME)
    doc.core_properties.title = f"{reg.course.title} {NAME}"
    doc.core_properties.author = f"{reg.course.title}编写组"
    doc.core_properties.language = face(lang).tag
    styled(doc.add_paragraph().add_run(NAME), bold=True, color=ACCENT, size=9)
    doc.add_paragraph(f"《{reg.course.title}》{NAME}", style="Title")
    for n, section in enumerate(sections, start=1):
        doc.add_paragraph(f"{cn_number(n)}、{section.title}", style="Heading 2")
        for kind, value in section.blocks:
            if kind == "h":
                doc.add_paragraph(str(value), style="Heading 3")
            elif kind == "p":
                doc.add_paragraph(str(value))
            elif kind == "ol":
                numbered(doc, list(value))  # type: ignore[call-overload]
            else:
                rows: list[list[str]] = value  # type: ignore[assignment]
                # a cell's lines (课程思政 points) would run together in Word, which joins a cell's lines
                rows = [[cell.replace("\n", "；") for cell in row] for row in rows]
                grid(doc, rows, header=len(rows[0]) != 4 or rows[0][0] != "课程名称")
    doc.save(str(dest))


def document(templates: Path, reg: Registry, lang: str = DEFAULT) -> str:
    """The 课程标准 as an HTML document for the PDF writer, tagged with ``lang``'s language tag."""
    body = render(templates, "print/standard", sections=build(reg), cn=cn_number, **{
        k: v for k, v in context(reg, False).items() if k != "cn"})
    return str(render(templates, "print/document", title=f"{reg.course.title} {NAME}",
                      author=f"{reg.course.title}编写组", running=NAME, kind="standard", landscape=False,
                      body=body, lang_tag=face(lang).tag, **context(reg, False)))
