"""Schema of the course outline, ``data/course.yml``: projects, search words, the exam and the 考核方案."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .base import Model, Slug, Text
from .question import TYPE_NAMES

ItemType = Literal["single", "multiple", "judge", "blank", "short", "case"]
Difficulty = Literal["易", "中", "难"]
DIFFICULTIES: tuple[Difficulty, ...] = ("易", "中", "难")


class Project(Model):
    """One course project (项目) in teaching order."""

    slug: Slug
    number: int = Field(ge=1)
    title: Text
    hours: int | None = Field(default=None, ge=1, description=(
        "学时 planned while the project has no task pages; once it has, its hours are the pages' minutes "
        "÷ 45 and a written value must agree (coursekit check)"))


class Session(Model):
    """Class time that belongs to no task: the review before the exam, the exam itself."""

    name: Text = Field(description="as the 授课计划 and the 教学日历 show it: 期末复习")
    kind: Literal["review", "exam"]
    hours: int = Field(ge=1, le=16, description="学时 (45 minutes each)")


class Calendar(Model):
    """Defaults of the 教学日历 (``coursekit handouts`` may override them on the command line)."""

    start: datetime.date = Field(description="Monday of the semester's first teaching week")
    weekly_hours: int = Field(ge=1, le=20, description="学时 taught each week")
    term: Text = Field(default="", description="the semester as the calendar's title names it: 2026—2027 学年第二学期")

    @field_validator("start")
    @classmethod
    def _monday(cls, start: datetime.date) -> datetime.date:
        if start.weekday() != 0:
            raise ValueError(f"{start} is not a Monday; give the Monday of the first teaching week (quoted, "
                             f"\"2027-03-01\")")
        return start


class ExamSection(Model):
    """One part of an exam paper: a question type, how many items, the points of each."""

    type: ItemType
    count: int = Field(ge=1, le=60)
    points: int = Field(ge=1, le=40, description="points of each item")


class Exam(Model):
    """The blueprint of the final exam's papers A and B, drawn from the bank's non-selfcheck items.

    Each project gets a share of every section in proportion to its tasks' minutes; ``difficulty`` is the
    percentage of the total points at each level, met within ``tolerance`` points.
    """

    minutes: int = Field(default=90, ge=30, le=240, description="考试时间（分钟）")
    total: int = Field(default=100, ge=1, description="总分")
    seed: int = Field(default=0, description="changes which items are drawn; the same seed draws the same papers")
    sections: list[ExamSection] = Field(min_length=1, description="in paper order: 一、单选题 …")
    difficulty: dict[Difficulty, int] = Field(description="易 / 中 / 难 as percent of the total points")
    tolerance: int = Field(default=5, ge=0, description="points each level may be off its share")

    @model_validator(mode="after")
    def _adds_up(self) -> Exam:
        types = [s.type for s in self.sections]
        twice = sorted({TYPE_NAMES[t] for t in types if types.count(t) > 1})
        if twice:
            raise ValueError(f"each question type is one section; {'、'.join(twice)} appear more than once")
        points = sum(s.count * s.points for s in self.sections)
        if points != self.total:
            raise ValueError(f"the sections' points add up to {points}, not the total {self.total}")
        if set(self.difficulty) != set(DIFFICULTIES) or sum(self.difficulty.values()) != 100:
            raise ValueError("difficulty gives 易, 中 and 难 as percentages adding up to 100, "
                             "e.g. {易: 30, 中: 50, 难: 20}")
        return self


class GradePart(Model):
    """One part of the final grade (考核方案): its weight and what it assesses."""

    name: Text
    weight: int = Field(ge=1, le=100, description="percent of the final grade")
    basis: Literal["classwork", "worksheets", "exam"] = Field(
        description="classwork: attendance and class activity; worksheets: the 实训 worksheets and their rubrics; "
                    "exam: the final exam's blueprint")
    assesses: Text = Field(description="what the part assesses")
    method: Text = Field(description="how it is scored")
    objectives: list[Literal["knowledge", "skills", "qualities"]] = Field(
        min_length=1, description="the course objectives (知识 / 能力 / 素质) it assesses")


class Ideology(Model):
    """The 课程思政 points of one project."""

    project: Slug
    points: list[Text] = Field(min_length=1)


class Standard(Model):
    """The parts of the 课程标准 a teacher writes; hours, credits, objectives, content and assessment are computed."""

    category: Text = Field(description="课程类别: 专业核心课程")
    audience: Text = Field(description="适用专业")
    nature: Text = Field(description="课程性质")
    task: Text = Field(description="课程任务")
    methods: list[Text] = Field(min_length=1, description="教学方法 (教学实施建议)")
    resources: list[Text] = Field(min_length=1, description="教学资源 (教学实施建议)")
    textbooks: list[Text] = Field(min_length=1, description="教材与参考资料")
    ideology: list[Ideology] = Field(min_length=1, description="课程思政 points, one entry per project")


class Course(Model):
    """The whole course: its title and the projects in order."""

    title: Text
    projects: list[Project] = Field(min_length=1)
    search_words: list[Text] = Field(default_factory=list,
                                     description="extra words jieba must keep whole")
    search_synonyms: list[list[Text]] = Field(default_factory=list,
                                              description="groups of words a search treats as one (拉新 ↔ 引流); "
                                                          "glossary terms and their aliases are grouped already")
    exam: Exam | None = Field(default=None, description="the final exam's blueprint (papers A and B)")
    grading: list[GradePart] = Field(default_factory=list, description="考核方案: the parts of the final grade")
    sessions: list[Session] = Field(default_factory=list,
                                    description="review and exam hours, planned after the projects' tasks")
    calendar: Calendar | None = Field(default=None, description="the 教学日历's start date and weekly hours")
    standard: Standard | None = Field(default=None, description="the 课程标准's written parts")
    credits: int | None = Field(default=None, ge=1, le=20, description="学分; without it, one per 16 学时")

    @field_validator("standard")
    @classmethod
    def _ideology_per_project(cls, standard: Standard | None, info: ValidationInfo) -> Standard | None:
        if standard is None:
            return standard
        slugs = [p.slug for p in info.data.get("projects", [])]
        given = [i.project for i in standard.ideology]
        if sorted(given) != sorted(slugs):
            missing, unknown = sorted(set(slugs) - set(given)), sorted(set(given) - set(slugs))
            raise ValueError("ideology needs one entry per project"
                             + (f"; missing {', '.join(missing)}" if missing else "")
                             + (f"; unknown {', '.join(unknown)}" if unknown else "")
                             + ("; a project is listed twice" if len(given) != len(set(given)) else ""))
        return standard

    @field_validator("sessions")
    @classmethod
    def _exam_fits(cls, sessions: list[Session], info: ValidationInfo) -> list[Session]:
        exam = info.data.get("exam")
        planned = sum(s.hours for s in sessions if s.kind == "exam") * 45
        if exam is not None and sessions and planned < exam.minutes:
            raise ValueError(f"the exam sessions have {planned} minutes but the exam takes {exam.minutes}; "
                             f"plan enough hours (kind: exam) for it")
        return sessions

    @field_validator("grading")
    @classmethod
    def _grading_adds_up(cls, parts: list[GradePart], info: ValidationInfo) -> list[GradePart]:
        weight = sum(p.weight for p in parts)
        if parts and weight != 100:
            raise ValueError(f"the parts' weights add up to {weight} %, not 100 %")
        if any(p.basis == "exam" for p in parts) and info.data.get("exam") is None:
            raise ValueError("a part is the exam but there is no exam blueprint; add exam:")
        return parts
