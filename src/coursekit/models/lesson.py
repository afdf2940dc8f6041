"""Schemas of page front matter: task pages and project pages."""

from __future__ import annotations

from pydantic import Field

from .base import Model, Slug, Text


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


class ProjectPage(Model):
    """Front matter of a project page, ``docs/modules/<slug>/index.md``."""

    project: Slug
    objectives: Objectives
