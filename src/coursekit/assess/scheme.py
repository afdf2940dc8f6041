"""What the 考核方案 shows: the grade's parts, the objectives they assess, the 实训 rubrics, the blueprint.

One :class:`Scheme` feeds both the PDF template (``templates/print/scheme.html``) and the Word writer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from fractions import Fraction

from .. import blueprint, kinds
from ..models.course import DIFFICULTIES, GradePart
from ..models.question import TYPE_NAMES
from ..registry import Registry

log = logging.getLogger(__name__)

OBJECTIVES = {"knowledge": "知识目标", "skills": "能力目标", "qualities": "素质目标"}
PART_OBJECTIVES = {"knowledge": "知识", "skills": "能力", "qualities": "素质"}


@dataclass
class Objective:
    """One kind of course objective: each project's aims from its task pages, and the parts that assess them."""

    name: str                          # 知识目标
    by_project: list[tuple[str, list[str]]]  # (项目1　社群运营准备, aims in task order)
    parts: list[GradePart]


@dataclass
class Scheme:
    """Everything the 考核方案 prints."""

    parts: list[GradePart]
    objectives: list[Objective]
    worksheets: list[tuple[str, str, list[tuple[str, int]]]]  # (project, worksheet, [(criterion, points)])
    headers: list[str]          # the blueprint table's header: 题型, 题量, 分值, then one column per project
    rows: list[list[str]]       # one row per section, then the totals
    mix: list[list[str]]        # per difficulty: level, share, points A, points B
    pool: int                   # exam items in the bank (not in the 课后自测)
    selfcheck: int


def _cell(a: int, b: int) -> str:
    """A count of papers A and B: ``3`` when they agree, ``3 / 4`` when not."""
    return str(a) if a == b else f"{a} / {b}"


def _count(paper: blueprint.Paper, project: str, kind: str | None = None) -> int:
    return sum(1 for p in paper.picks if p.project == project and (kind is None or p.item.type == kind))


def build(reg: Registry, papers: tuple[blueprint.Paper, ...]) -> Scheme:
    """The 考核方案 of the course in ``reg`` with its papers A and B."""
    exam = reg.course.exam
    assert exam is not None, "the caller checks there is an exam blueprint"
    a, b = papers
    names = {slug: f"项目{p.number}　{p.title}" for slug, p in reg.projects.items()}
    objectives = []
    for field, name in OBJECTIVES.items():
        aims = [(names[slug], [aim for _, lesson in reg.lessons_of(slug) for aim in getattr(lesson.objectives, field)])
                for slug in reg.projects]
        objectives.append(Objective(name, [row for row in aims if row[1]],
                                    [p for p in reg.course.grading if field in p.objectives]))
    worksheets = [(names[slug], f"{ws.label + ' ' if ws.label else ''}{ws.title}",
                   [(c.name, c.points) for c in (ws.rubric.criteria if ws.rubric else [])])
                  for slug in reg.projects for ws in reg.in_project(kinds.WORKSHEETS.name, slug)]
    short = {slug: f"项目{p.number}" for slug, p in reg.projects.items()}
    rows = [[TYPE_NAMES[part.section.type], str(part.section.count), str(part.section.points), str(part.points),
             *(_cell(_count(a, slug, part.section.type), _count(b, slug, part.section.type)) for slug in reg.projects)]
            for part in a.parts]
    rows.append(["合计", str(sum(s.count for s in exam.sections)), "", str(exam.total),
                 *(_cell(_count(a, slug), _count(b, slug)) for slug in reg.projects)])
    mix = [[d, f"{exam.difficulty[d]}%（{float(Fraction(exam.difficulty[d] * exam.total, 100)):g} 分）",
            f"{a.by_difficulty()[d]} 分", f"{b.by_difficulty()[d]} 分"] for d in DIFFICULTIES]
    banks = list(reg.of(kinds.QUESTIONS).values())
    every = [it for bank in banks for it in bank.items]
    return Scheme(list(reg.course.grading), objectives, worksheets,
                  ["题型", "题量", "每题分值", "分值", *short.values()], rows, mix,
                  len(blueprint.exam_pool(banks)), sum(1 for it in every if it.selfcheck))
