"""Checks across records that a kind declares (:attr:`coursekit.kinds.Kind.check`).

Each check gets one record and the loaded course and yields ``(location in the record, rule, message)``;
the registry turns the location into the file's line. The course is duck-typed (``records``,
``lessons``, ``pages``): the kinds sit below the registry.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from ..models.lessonplan import LessonPlan
from ..models.question import QuestionBank

log = logging.getLogger(__name__)

Found = tuple[tuple[Any, ...], str, str]


def _squash(text: str) -> str:
    """A stem as compared for duplicates: letters and digits only."""
    return re.sub(r"\W", "", text)


def questions(bank: QuestionBank, reg: Any, *, kind: str, sources: str, macro: str) -> Iterator[Found]:
    """A task's question bank (records of ``kind``): its task page exists, each 知识点 is a heading id there,
    each item's sources are records of ``sources``, no stem is in the bank twice, and its 课后自测 (``macro``)
    is on no other page (its 知识点 links point at the task page's headings)."""
    page = next((path for path, lesson in reg.lessons.items()
                 if lesson.project == bank.project and lesson.task == bank.task), None)
    if page is None:
        yield ("task",), "unknown-ref", f"task {bank.task} of {bank.project} has no task page in docs/modules/"
        return
    for path, other in reg.pages.items():
        lines = [str(line) for name, arg, line in other.calls if name == macro and arg == bank.id and path != page]
        if lines:
            yield (("id",), "quiz-page", f"{macro}(\"{bank.id}\") is on docs/{path} (line {', '.join(lines)}); "
                   f"a bank's 课后自测 belongs on its own task page, docs/{page}")
    ids = {h.id for h in reg.pages[page].doc.headings if h.id}
    others = {_squash(item.stem): (other.id, item.id) for other in reg.records[kind].values()
              if other.id != bank.id for item in other.items}
    seen: dict[str, str] = {}
    for i, item in enumerate(bank.items):
        if item.point not in ids:
            yield (("items", i, "point"), "unknown-ref",
                   f"item {item.id}: 知识点 '{item.point}' is not a heading id of docs/{page}; use one of its "
                   f"{{ #id }} headings")
        for j, src in enumerate(item.sources):
            if src not in reg.records[sources]:
                yield ("items", i, "sources", j), "unknown-ref", f"item {item.id}: source '{src}' does not exist"
        stem = _squash(item.stem)
        if stem in seen or stem in others:
            where = seen.get(stem) or "{}.yml item {}".format(*others[stem])
            yield ("items", i, "stem"), "duplicate-question", f"item {item.id}: the same stem as {where}"
        seen.setdefault(stem, f"item {item.id}")


def task_page(reg: Any, project: str, task: int) -> str | None:
    """The docs path of task ``task`` of ``project``, or None."""
    return next((path for path, lesson in reg.lessons.items() if lesson.project == project and lesson.task == task),
                None)


def lessonplan(plan: LessonPlan, reg: Any) -> Iterator[Found]:
    """A 教案: its task page exists and the 教学过程's minutes add up to the page's minutes."""
    page = task_page(reg, plan.project, plan.task)
    if page is None:
        # a page whose front matter failed to load is reported already
        if not any(p.startswith(f"modules/{plan.project}/{plan.task}-") for p in reg.pages):
            yield ("task",), "unknown-ref", f"task {plan.task} of {plan.project} has no task page in docs/modules/"
        return
    want = reg.lessons[page].minutes.total
    got = sum(s.minutes for s in plan.stages)
    if got != want:
        yield (("stages",), "lessonplan-minutes",
               f"the 教学过程's minutes add up to {got}, but docs/{page} has {want} minutes (teaching and "
               f"practice); change the stages' minutes or the page's")
