"""Schema of a task's 教案 (lesson plan), ``data/lessonplans/<project number>-<task>.yml`` (``01-1.yml``).

One file per task page, holding what only the teacher writes: 学情分析, 教学重点, 教学难点 and how each is
resolved, the methods and resources, the 教学过程 (whose minutes add up to the task page's minutes:
``coursekit check``), the 板书 and the 作业 beyond the page's worksheets. 教学目标, the worksheets and the
课后自测 come from the task page and the question bank; the 教案 Word file puts them together.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field as F

from .base import Model, Record, Slug, Text


class Difficulty(Model):
    """One 教学难点 and how the lesson resolves it."""

    point: Text = F(description="what students find hard")
    solution: Text = F(description="how the lesson gets them over it (化解方法)")


class Stage(Model):
    """One row of the 教学过程: a stage of the lesson, its minutes and what teacher and students do."""

    stage: Text = F(description="环节: 情境导入, 新知讲授, 实训 …")
    minutes: int = F(ge=1, le=180)
    teacher: Text = F(description="教师活动")
    students: Text = F(description="学生活动")
    purpose: Text = F(description="设计意图")


class LessonPlan(Record):
    """The 教案 of one task page."""

    project: Slug
    task: int = F(ge=1, le=9)
    learners: Text = F(description="学情分析: what these students bring and lack for this task")
    focus: Annotated[list[Text], F(min_length=1, description="教学重点")]
    difficulties: Annotated[list[Difficulty], F(min_length=1, description="教学难点 and how each is resolved")]
    methods: Annotated[list[Text], F(min_length=1, description="教学方法")]
    resources: Annotated[list[Text], F(min_length=1, description="教学资源 beyond the task page")]
    stages: Annotated[list[Stage], F(min_length=3, description="教学过程, in order")]
    board: Annotated[list[Text], F(min_length=1, description="板书设计, a line each")]
    homework: list[Text] = F(default_factory=list, description="作业 besides the page's worksheets and 课后自测")
