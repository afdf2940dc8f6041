"""Exam papers A and B, their 答案与评分标准 and the 考核方案, as PDF and Word.

The papers are drawn by :func:`coursekit.blueprint.draw` from the blueprint in data/course.yml; ``coursekit
check`` has refused a blueprint the bank cannot fill, so a writer only lays out what the draw gives. The
papers hold no answer; each key is a file of its own (name with 答案) for the teacher.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .. import blueprint, kinds
from ..handouts.fonts import DEFAULT, face
from ..handouts.htmlprint import context
from ..handouts.pdf import write_pdf
from ..models.question import TYPE_NAMES
from ..registry import Registry
from ..render import render
from ..templatedir import of_course
from . import paperdocx, scheme

log = logging.getLogger(__name__)

def paper_title(paper: blueprint.Paper, key: bool) -> str:
    """``期末考试试卷A`` or ``期末考试试卷A答案与评分标准``: the document title, and its file name."""
    return f"期末考试试卷{paper.name}" + ("答案与评分标准" if key else "")


def draw(reg: Registry) -> tuple[blueprint.Paper, blueprint.Paper]:
    """Papers A and B of the course (ValueError without an exam blueprint)."""
    exam = reg.course.exam
    if exam is None:
        raise ValueError("data/course.yml has no exam: blueprint; add one (see its comments) to make exam papers")
    weight = blueprint.weights(reg.projects, reg.lessons.values())
    return blueprint.draw(exam, reg.of(kinds.QUESTIONS).values(), weight)


def paper_html(reg: Registry, templates: Path, paper: blueprint.Paper, key: bool, lang: str = DEFAULT) -> str:
    """One paper (``key``: its answers and scoring) as a print document."""
    title = paper_title(paper, key)
    body = render(templates, "print/exam", paper=paper, exam=reg.course.exam, key=key, title=title,
                  type_names=TYPE_NAMES, lines=paperdocx.ANSWER_LINES, steps=blueprint.step_points, paren=paperdocx.needs_paren,
                  **context(reg, key))
    return str(render(templates, "print/document", title=title, author=f"{reg.course.title}编写组",
                      running=title, kind="exam", landscape=False, body=body, lang_tag=face(lang).tag,
                      **context(reg, key)))


def scheme_html(reg: Registry, templates: Path, papers: tuple[blueprint.Paper, ...], lang: str = DEFAULT) -> str:
    """The 考核方案 as a print document."""
    title = f"{reg.course.title} 考核方案"
    body = render(templates, "print/scheme", s=scheme.build(reg, papers), title=title, exam=reg.course.exam,
                  objective_names=scheme.PART_OBJECTIVES, **context(reg, False))
    return str(render(templates, "print/document", title=title, author=f"{reg.course.title}编写组",
                      running="考核方案", kind="scheme", landscape=False, body=body, lang_tag=face(lang).tag,
                      **context(reg, False)))


def write_papers(reg: Registry, out: Path, lang: str = "zh-Hans") -> list[Path]:
    """Write papers A and B, their keys and the 考核方案 (PDF and Word each) into ``out``; the files written.

    Nothing is written for a course without an exam blueprint. Simplified only for now: ``lang`` is taken
    as every writer of :data:`coursekit.assess.cli.WRITERS` takes it, and 繁體 papers are not made yet.
    """
    if reg.course.exam is None:
        log.info("no exam: blueprint in data/course.yml; no exam papers")
        return []
    templates = of_course(reg.root)
    out.mkdir(parents=True, exist_ok=True)
    papers = draw(reg)
    written: list[Path] = []
    for paper in papers:
        for key in (False, True):
            stem = out / paper_title(paper, key)
            write_pdf(paper_html(reg, templates, paper, key), stem.with_suffix(".pdf"), templates)
            paperdocx.write_paper(reg, paper, key, stem.with_suffix(".docx"))
            written += [stem.with_suffix(".pdf"), stem.with_suffix(".docx")]
    stem = out / "考核方案"
    write_pdf(scheme_html(reg, templates, papers), stem.with_suffix(".pdf"), templates)
    paperdocx.write_scheme(reg, scheme.build(reg, papers), stem.with_suffix(".docx"))
    return [*written, stem.with_suffix(".pdf"), stem.with_suffix(".docx")]

