"""Schema of the course outline, ``data/course.yml``."""

from __future__ import annotations

from pydantic import Field

from .base import Model, Slug, Text


class Project(Model):
    """One course project (项目) in teaching order."""

    slug: Slug
    number: int = Field(ge=1)
    title: Text
    hours: int = Field(ge=1, description="学时")


class Course(Model):
    """The whole course: its title and the projects in order."""

    title: Text
    projects: list[Project] = Field(min_length=1)
    search_words: list[Text] = Field(default_factory=list,
                                     description="extra words jieba must keep whole")
    search_synonyms: list[list[Text]] = Field(default_factory=list,
                                              description="groups of words a search treats as one (拉新 ↔ 引流); "
                                                          "glossary terms and their aliases are grouped already")
