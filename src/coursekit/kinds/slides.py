"""Slides for the records a lesson embeds: case summaries, worksheet instructions, SOPs."""

from __future__ import annotations

import logging

from .. import models
from ..plaintext import plain
from ..slidespec import Slide, clip, first_sentence

log = logging.getLogger(__name__)


def _lines(markdown: str) -> list[str]:
    """A data field's Markdown as plain lines (list items without their bullet)."""
    return [line.lstrip("• ").strip() for line in plain(markdown).splitlines() if line.strip()]


def case_slides(case: models.Case, task: int) -> list[Slide]:
    """A case: background and what was done; then the questions for discussion (guidance in the notes)."""
    nature = "教学案例（虚构）" if case.fictional else "案例"
    background = _lines(case.background)
    bullets = [(0, f"{case.brand} · {case.industry}")]
    bullets += [(1, first_sentence(p, 70)) for p in background[:1]]
    bullets.append((0, "做法："))
    bullets += [(1, first_sentence(a, 45)) for a in (_lines("\n".join(f"- {a}" for a in case.actions)))[:3]]
    if case.results:
        bullets.append((0, "结果："))
        bullets += [(1, first_sentence(r, 45)) for r in case.results[:2]]
    summary = Slide("bullets", f"{nature}：{case.title}", bullets=bullets, task=task,
                    notes="\n".join(["背景：", *background, "", "启示：", *case.takeaways]))
    questions = [(0, f"{i}. {clip(plain(q).replace(chr(10), ' '), 90)}") for i, q in enumerate(case.questions, 1)]
    discuss = Slide("bullets", f"案例讨论：{case.title}", bullets=questions, task=task,
                    notes="讨论引导：\n" + "\n".join(_lines(case.guidance)))
    return [summary, discuss]


def worksheet_slide(ws: models.Worksheet, task: int) -> Slide:
    """A worksheet: what it is for, how to fill it in, how long; the rubric in the notes."""
    label = f"{ws.label} " if ws.label else ""
    steps = _lines(ws.instructions)
    bullets = [(0, "目的：" + first_sentence(" ".join(_lines(ws.purpose)), 80)), (0, "要求：")]
    bullets += [(1, clip(s, 70)) for s in steps[:5]]
    bullets.append((0, f"用时：约 {ws.minutes} 分钟；内容：" + "、".join(s.title for s in ws.sections)))
    notes = [f"工作单 {ws.id}：{label}{ws.title}", *steps]
    if ws.rubric:
        notes += ["", "评分要点：", *(f"{c.name}（{c.points} 分）" for c in ws.rubric.criteria)]
    return Slide("bullets", f"工作单：{label}{ws.title}", bullets=bullets, notes="\n".join(notes), task=task)


def sop_slide(sop: models.Sop, task: int) -> Slide:
    """An SOP as a table: when, who, what, to what end."""
    rows = [["时间", "角色", "动作", "产出"]]
    rows += [[clip(plain(s.when), 20), clip(plain(s.role), 16), clip(plain(s.action), 60), clip(plain(s.output), 30)]
             for s in sop.steps]
    notes = [f"SOP：{sop.title}（{sop.cadence}）", plain(sop.scope), *(plain(n) for n in sop.notes)]
    return Slide("table", f"SOP：{sop.title}", rows=rows, notes="\n".join(notes), task=task)
