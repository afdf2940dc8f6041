"""The question bank flattened for the writers: every item in course order with where it is taught.

Each writer needs the same things about an item besides the item itself: its project and task page,
the 知识点 as the heading's text (the data stores the heading id) and its stem as plain text with the
blanks kept. They are worked out once here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

from .. import kinds
from ..models import Lesson, Project
from ..models.question import LETTERS, Item
from ..plaintext import plain
from ..registry import Registry

log = logging.getLogger(__name__)

BLANK = "____"
"""How a 填空题's stem marks each blank (models.question)."""

_HOLE = "\ue000"  # a private-use character: survives Markdown rendering where ____ might not


@dataclass(frozen=True)
class Entry:
    """One item of the bank with its place in the course."""

    project: Project
    lesson: Lesson
    bank_id: str
    item: Item
    point: str  # the 知识点: text of the heading the item's ``point`` names

    @property
    def uid(self) -> str:
        """An id unique in the whole bank (``01-1-q03``)."""
        return f"{self.bank_id}-{self.item.id}"

    @property
    def project_name(self) -> str:
        """``项目 1　社群运营准备``."""
        return f"项目 {self.project.number}　{self.project.title}"

    @property
    def task_name(self) -> str:
        """``任务 1　认识社群``."""
        return f"任务 {self.lesson.task}　{self.lesson.title}"


def entries(reg: Registry) -> Iterator[Entry]:
    """Every item of every bank: by project, then task, in the bank's own order."""
    pages = {(le.project, le.task): path for path, le in reg.lessons.items()}
    for slug, project in reg.projects.items():
        banks = sorted(reg.in_project(kinds.QUESTIONS.name, slug), key=lambda b: b.task)
        for bank in banks:
            path = pages.get((slug, bank.task))
            if path is None:  # coursekit check reports it; the registry loaded, so never here
                continue
            heads = {h.id: h.text for h in reg.pages[path].doc.headings if h.id}
            for item in bank.items:
                yield Entry(project, reg.lessons[path], bank.id, item, heads.get(item.point, item.point))


def text(markdown: str) -> str:
    """A data field as plain text (Markdown dropped, lines kept), with each ``____`` blank left as is."""
    return plain(markdown.replace(BLANK, _HOLE)).replace(_HOLE, BLANK)


def stem(item: Item, blank: str = BLANK) -> str:
    """The stem as plain text, each blank written as ``blank``."""
    return text(item.stem).replace(BLANK, blank)


def options(item: Item) -> list[tuple[str, str]]:
    """(letter, plain text) of each option."""
    return [(LETTERS[i], text(o)) for i, o in enumerate(item.options)]


def blanks(item: Item) -> list[list[str]]:
    """The accepted answers of each blank, as plain text."""
    assert isinstance(item.answer, list)
    return [[text(a) for a in accepted] for accepted in item.answer]


def why_wrong(item: Item) -> list[tuple[str, str]]:
    """(letter, why it is wrong) for each wrong option, in letter order."""
    return [(letter, text(item.why_wrong[letter])) for letter in LETTERS if letter in item.why_wrong]


def full_analysis(item: Item) -> str:
    """解析 with why each distractor is wrong and, for open items, the scoring points: one text."""
    parts = [text(item.analysis)]
    parts += [f"{letter} 项错误：{reason}" for letter, reason in why_wrong(item)]
    if item.scoring:
        parts.append("评分要点：" + "；".join(f"{text(s.step)}（{s.points} 分）" for s in item.scoring))
    return "\n".join(parts)


def judge_word(answer: bool) -> str:
    """正确 / 错误: the words 学习通 and 雨课堂 use for a 判断题's answer."""
    return "正确" if answer else "错误"


def total_points(item: Item) -> int:
    """An open item's full marks: the sum of its scoring steps."""
    return sum(s.points for s in item.scoring)
