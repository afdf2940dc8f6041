"""Schemas of page front matter: task pages and project pages."""

from __future__ import annotations

from pydantic import Field

from .base import Id, Model, Slug, Text


class Objectives(Model):
    """知识 / 能力 / 素质目标."""

    knowledge: list[Text] = Field(min_length=1)
    skills: list[Text] = Field(min_length=1)
    qualities: list[Text] = Field(min_length=1)


class Minutes(Model):
    """Class time in minutes: teaching and practice."""

    teaching: int = Field(ge=0)
    practice: int = Field(ge=0)

    @property
    def total(self) -> int:
        """Teaching plus practice."""
        return self.teaching + self.practice


class Lesson(Model):
    """Front matter of a task page, ``docs/modules/<slug>/<n>-<name>.md``."""

    project: Slug
    task: int = Field(ge=1)
    title: Text
    minutes: Minutes
    objectives: Objectives
    key_points: list[Text] = Field(min_length=1)
    sources: list[Text] = Field(min_length=1, description="bibliography ids")
    tags: list[Text] = []


class PracticeStep(Model):
    """One step of a project's 项目实训: what to do, and the worksheets handed in with it."""

    text: Text = Field(description="what to do (Markdown, a sentence or two)")
    worksheets: list[Id] = Field(default_factory=list, description=(
        "ids of this project's worksheets handed in at this step (data/worksheets/)"))


class Practice(Model):
    """项目实训 at the end of a project: one practical task that pulls its tasks' outcomes together.

    Shown by ``project_practice()`` on the project page; the 项目实训自评互评表 rates its 成果要求 and the
    课程标准 lists it, so the three say the same.
    """

    title: Text = Field(description="the task's name: 为自己的社群做一份开群前准备方案")
    brief: Text = Field(description="the situation and what the group makes (Markdown, one paragraph)")
    goals: list[Text] = Field(min_length=1, description="实训目标")
    steps: list[PracticeStep] = Field(min_length=2, description="实训内容与步骤, in order")
    results: list[Text] = Field(min_length=1, description="成果要求: what a finished result shows (the form rates each)")


class ProjectPage(Model):
    """Front matter of a project page, ``docs/modules/<slug>/index.md``."""

    project: Slug
    objectives: Objectives
    practice: Practice | None = Field(default=None, description="the 项目实训 its page shows with project_practice()")

    def handed_in(self) -> list[str]:
        """Worksheet ids the 项目实训 hands in, in step order, each once."""
        steps = self.practice.steps if self.practice else []
        return list(dict.fromkeys(w for step in steps for w in step.worksheets))
