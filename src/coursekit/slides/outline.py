"""A project's deck as a list of :class:`Slide`, from the registry and the pages' Markdown.

Order: cover; objectives; the project's scenario, task list and own sections (but its 项目实训);
then per task a divider (timing and the 教学建议 boxes in the notes), its key
points, scenario, each section (key points, tables, diagrams, embedded cases,
worksheets, SOPs, classroom practice), its summary and exercises (answers in
the notes); then the 项目实训; last the project summary.
"""

from __future__ import annotations

import logging
from typing import Any

from .. import kinds
from ..plaintext import plain
from ..registry import Registry
from ..render import cn_number
from ..slidespec import Slide, clip, first_sentence
from .markdown import Block, parse

log = logging.getLogger(__name__)

MAX_BULLETS = 9
TABLE_ROWS = 7            # body rows per table slide; longer tables continue on the next slide
SKIPPED_BOXES = ("answer", "teacher")
NOTE_BOXES = ("trick", "peer", "industry")   # their words go to the notes of the section's slide


def project_slides(reg: Registry, slug: str) -> list[Slide]:
    """Every slide of project ``slug``'s deck."""
    project = reg.projects[slug]
    front = reg.project_pages[slug]
    lessons = reg.lessons_of(slug)
    term = _term(reg)
    title = f"项目 {project.number}　{project.title}"
    slides = [Slide("title", title, subtitle=f"{reg.course.title} · {reg.hours(slug)} 学时 · {len(lessons)} 个任务")]
    objectives = front.objectives
    slides.append(Slide("columns", "项目目标", columns=[("知识目标", objectives.knowledge),
                                                      ("能力目标", objectives.skills),
                                                      ("素质目标", objectives.qualities)]))
    page = reg.pages[f"modules/{slug}/index.md"]
    blocks = parse(page.body, term)
    slides += _scenario(blocks, 0)
    rows = [["任务", "学习重点", "讲授", "实训"]]
    rows += [[f"任务{cn_number(le.task)}　{le.title}", "；".join(le.key_points),
              f"{le.minutes.teaching} 分钟", f"{le.minutes.practice} 分钟"] for _, le in lessons]
    slides += _table_slides("任务一览", rows, "", 0)
    cut = next((i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 2 and b.anchor == "practice"),
               len(blocks))
    slides += _sections(reg, blocks[:cut], 0)
    for path, lesson in lessons:
        slides += task_slides(reg, path, lesson)
    slides += _practice(front, blocks[cut + 1:])  # the 项目实训 closes the project, after its tasks
    summary = [(0, f"任务{cn_number(le.task)}　{le.title}") for _, le in lessons]
    summary = [item for (_, le), head in zip(lessons, summary)
               for item in (head, (1, clip("；".join(le.key_points), 80)))]
    slides.append(Slide("bullets", "项目小结", bullets=summary))
    return slides


def task_slides(reg: Registry, path: str, lesson: Any) -> list[Slide]:
    """The slides of one task page."""
    n = lesson.task
    blocks = parse(reg.pages[path].body, _term(reg))
    minutes = lesson.minutes
    advice = [_text(b.children) for b in blocks if b.kind == "box" and b.anchor == "teacher"]
    notes = [f"课时：讲授 {minutes.teaching} 分钟，实训 {minutes.practice} 分钟（共 {minutes.total} 分钟）。",
             "教学重点：" + "；".join(lesson.key_points), *advice]
    slides = [Slide("section", f"任务{cn_number(n)}　{lesson.title}",
                    subtitle=f"讲授 {minutes.teaching} 分钟 · 实训 {minutes.practice} 分钟",
                    notes="\n\n".join(notes), task=n)]
    slides.append(Slide("bullets", "本任务重点", bullets=[(0, k) for k in lesson.key_points], task=n,
                        notes="学习目标：\n" + "\n".join(lesson.objectives.knowledge + lesson.objectives.skills)))
    slides += _scenario(blocks, n)
    slides += _sections(reg, blocks, n)
    return slides


def _practice(front: Any, body: list[Block]) -> list[Slide]:
    """The 项目实训: its steps, each with the worksheets handed in; goals, 成果要求 and 教学建议 in the notes."""
    practice = front.practice
    if practice is None:
        return []
    steps = [(0, clip(plain(step.text), 70)) for step in practice.steps]
    advice = [_text(b.children) for b in body if b.kind == "box" and b.anchor == "teacher"]
    notes = ["实训目标：", *practice.goals, "成果要求：", *(plain(r) for r in practice.results), *advice]
    return [Slide("bullets", f"项目实训：{practice.title}", bullets=steps[:MAX_BULLETS], notes="\n".join(notes))]


def _term(reg: Registry) -> Any:
    """``term(id, text)`` in a page → its words."""
    def term(id_: str, text: str | None) -> str:
        record = reg.of(kinds.GLOSSARY).get(id_)
        return text or (record.term if record else id_)
    return term


def _text(blocks: list[Block]) -> str:
    """Blocks as plain text for speaker notes."""
    out = []
    for b in blocks:
        if b.kind == "para" and b.text:
            out.append(b.text)
        elif b.kind == "list":
            out += ["　" * depth + text if text[:1].isdigit() else "　" * depth + "· " + text for depth, text in b.items]
        elif b.kind == "table":
            out += ["｜".join(row) for row in b.rows]
        elif b.kind == "box":
            out += [b.text, _text(b.children)]
    return "\n".join(t for t in out if t)


def _scenario(blocks: list[Block], task: int) -> list[Slide]:
    """The 情景引入 box before the first section: its first paragraph's sentence and its questions."""
    for b in blocks:
        if b.kind == "heading" and b.level == 2:
            break
        if b.kind == "box" and b.anchor == "scenario":
            return [Slide("bullets", b.text or "情景引入", bullets=_points(b.children), notes=_text(b.children),
                          task=task)]
    return []


def _points(blocks: list[Block], limit: int = MAX_BULLETS, chars: int = 70) -> list[tuple[int, str]]:
    """Key points of some blocks: each paragraph's first sentence, list items as they are."""
    points: list[tuple[int, str]] = []
    for b in blocks:
        if b.kind == "para" and b.text:
            points.append((0, first_sentence(b.text, chars)))
        elif b.kind == "list":
            points += [(min(depth, 1) + (1 if points and points[-1][1].endswith("：") else 0),
                        first_sentence(text, chars + 10)) for depth, text in b.items]
    return points[:limit]


def _sections(reg: Registry, blocks: list[Block], task: int) -> list[Slide]:
    """A slide per H2 section with its tables, diagrams, records and practice boxes after it."""
    sections: list[tuple[Block, list[Block]]] = []
    for b in blocks:
        if b.kind == "heading" and b.level == 2:
            sections.append((b, []))
        elif sections:
            sections[-1][1].append(b)
    slides: list[Slide] = []
    for head, body in sections:
        if head.anchor == "summary":
            slides.append(Slide("bullets", head.text, bullets=_points(body, 8), notes=_text(body), task=task))
        elif head.anchor == "selfcheck":
            continue  # the 课后自测 is answered on the site, each student on their own: no slide
        elif head.anchor == "exercises":
            questions = [b for b in body if b.kind != "box"]
            answers = [b for b in body if b.kind == "box" and b.anchor == "answer"]
            slides.append(Slide("bullets", head.text, bullets=[(0, clip(t, 90)) for b in questions
                                                                if b.kind == "list" for _, t in b.items],
                                notes=("参考答案：\n" + _text(answers[0].children)) if answers else "", task=task))
        else:
            slides += _section(reg, head, body, task)
    return slides


def _section(reg: Registry, head: Block, body: list[Block], task: int) -> list[Slide]:
    """One section: its key points (H3 titles with their first sentence), then its figures and records."""
    points: list[tuple[int, str]] = []
    sub = ""
    lead: list[Block] = []
    for b in body:
        if b.kind == "heading":
            points.append((0, b.text))
            sub = b.text
        elif b.kind in ("para", "list") and (not points or points[-1][0] == 0):
            got = _points([b], 3 if b.kind == "list" else 1, 50 if sub else 70)
            points += [(1 if sub else depth, text) for depth, text in got]
        lead.append(b)
    notes = _text([b for b in body if b.kind in ("para", "list")]
                  + [b for b in body if b.kind == "box" and b.anchor in NOTE_BOXES])
    slides = [Slide("bullets", head.text, bullets=points[:MAX_BULLETS], notes=notes, task=task)]
    place = head.text
    for b in body:
        if b.kind == "heading":
            place = b.text
        elif b.kind == "table":
            slides += _table_slides(place, b.rows, b.caption, task)
        elif b.kind == "diagram":
            title, _, words = b.caption.partition("。")
            slides.append(Slide("diagram", title.strip() or place, diagram=b.text, caption=words.strip() or title,
                                notes=b.caption, task=task))
        elif b.kind == "macro" and (k := kinds.by_macro(b.text)) and k.slides:
            for slide in k.slides(reg.get(k.name, b.anchor), task):
                slides += _table_slides_from(slide) if slide.kind == "table" else [slide]
        elif b.kind == "box" and b.anchor == "practice":
            slides.append(Slide("bullets", f"课堂实践：{b.text}", bullets=_points(b.children, 8),
                                notes=_text(b.children), task=task))
    return slides


def _table_slides(title: str, rows: list[list[str]], caption: str, task: int) -> list[Slide]:
    """A table on as many slides as it needs (the header row repeated)."""
    if len(rows) < 2:
        return []
    head, body = rows[0], rows[1:]
    parts = [body[i:i + TABLE_ROWS] for i in range(0, len(body), TABLE_ROWS)]
    return [Slide("table", title + ("（续）" if i else ""), rows=[head, *part], notes=caption, task=task)
            for i, part in enumerate(parts)]


def _table_slides_from(slide: Slide) -> list[Slide]:
    """A record's table slide (an SOP's) split like any other table."""
    out = _table_slides(slide.title, slide.rows, slide.notes, slide.task)
    return out
